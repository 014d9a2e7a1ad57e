// Facts about the official `python` image tags. One table, one source per fact.
//
// Sources:
// - Tag grammar and variants: the docker-library/python repository (generate-stackbrew-library.sh)
//   and the image's Docker Hub page, read 2026-11.
// - Default Debian release: unsuffixed tags follow Debian stable; the image moved from bookworm
//   (Debian 12) to trixie (Debian 13) in August 2025, after trixie's release.
// - Sizes: ../shared/docs/knowledge.md §1 (measured pulls of 3.12/3.13 images), rounded.
// - Python and Alpine versions behind the moving tags: the version directories of
//   docker-library/python (3.10 … 3.15; 3.15 ships alpine3.23 and alpine3.24, trixie and bookworm), read 2026-11.
// - Distroless: the python3 README of GoogleContainerTools/distroless (3.11 on Debian 12, 3.13 on Debian 13, no shell).
// - Chainguard: Chainguard's public catalog notes (free tier: `latest` and `latest-dev` only; Wolfi, glibc);
//   the ≈23 MB pull size is a third-party comparison (2026-03), the other Chainguard sizes are estimates.

import type { ImageRef } from '../model/types';

export type PythonVariant = 'full' | 'slim' | 'alpine' | 'windowsservercore' | 'nanoserver';
export type Libc = 'glibc' | 'musl' | 'windows';

export interface PythonImage {
  /** `3.12`, `3.12.4`, `3`, or undefined for `latest` / bare variants. */
  pythonVersion: string | undefined;
  variant: PythonVariant;
  /** `bookworm`, `trixie`, `alpine3.20`, `alpine` (latest), … */
  distro: string;
  libc: Libc;
  /** Suffix after the variant (`bookworm`, `3.20`), as written; empty when absent. */
  distroSuffix: string;
}

export const DEFAULT_DEBIAN_RELEASE = 'trixie';
export const DEBIAN_RELEASES = ['bullseye', 'bookworm', 'trixie', 'forky'] as const;

export interface VariantFacts {
  summary: string;
  /** Approximate uncompressed size, MB. */
  sizeMb: [number, number];
  /** Approximate compressed (pull) size, MB. */
  compressedMb: [number, number];
}

export const VARIANT_FACTS: Record<PythonVariant, VariantFacts> = {
  full: {
    summary: 'full Debian with compilers, headers, git and curl (buildpack-deps): meant for building and development',
    sizeMb: [900, 1000],
    compressedMb: [350, 400],
  },
  slim: {
    summary: 'trimmed Debian, glibc: the usual runtime base, compatible with manylinux wheels',
    sizeMb: [120, 175],
    compressedMb: [45, 50],
  },
  alpine: {
    summary: 'Alpine Linux, musl libc: smallest, but manylinux wheels do not load and packages may build from source',
    sizeMb: [50, 60],
    compressedMb: [15, 20],
  },
  windowsservercore: { summary: 'Windows Server Core', sizeMb: [4000, 6000], compressedMb: [2000, 3000] },
  nanoserver: { summary: 'Windows Nano Server', sizeMb: [300, 400], compressedMb: [100, 150] },
};

const VERSION = /^(\d+(?:\.\d+){0,2}(?:(?:a|b|rc)\d*)?)(?:-(.*))?$/;

/** Reads an official `python` image tag; undefined for other images or unreadable tags. */
export function describePythonImage(image: ImageRef): PythonImage | undefined {
  if (image.stage !== undefined || image.registry !== undefined) return undefined;
  if (image.repository !== 'python') return undefined;
  return describePythonTag(image.tag ?? 'latest');
}

export function describePythonTag(tag: string): PythonImage | undefined {
  // An empty tag comes from an ARG with no default: nothing is known about it.
  if (tag === '') return undefined;
  let pythonVersion: string | undefined;
  let rest = tag;
  const m = VERSION.exec(tag);
  if (m) {
    pythonVersion = m[1];
    rest = m[2] ?? '';
  } else if (tag === 'latest') {
    rest = '';
  }
  rest = rest.replace(/^rc-/, '');
  if (rest === '') return { pythonVersion, variant: 'full', distro: DEFAULT_DEBIAN_RELEASE, libc: 'glibc', distroSuffix: '' };
  if (rest === 'slim' || rest.startsWith('slim-')) {
    const suffix = rest.slice('slim-'.length);
    return { pythonVersion, variant: 'slim', distro: suffix || DEFAULT_DEBIAN_RELEASE, libc: 'glibc', distroSuffix: suffix };
  }
  if (rest.startsWith('alpine')) {
    return { pythonVersion, variant: 'alpine', distro: rest, libc: 'musl', distroSuffix: rest.slice('alpine'.length) };
  }
  if ((DEBIAN_RELEASES as readonly string[]).includes(rest)) {
    return { pythonVersion, variant: 'full', distro: rest, libc: 'glibc', distroSuffix: rest };
  }
  if (rest.startsWith('windowsservercore')) return { pythonVersion, variant: 'windowsservercore', distro: rest, libc: 'windows', distroSuffix: rest };
  if (rest.startsWith('nanoserver')) return { pythonVersion, variant: 'nanoserver', distro: rest, libc: 'windows', distroSuffix: rest };
  return undefined;
}

/** The slim tag for the same Python version and Debian release (`3.12-bookworm` → `3.12-slim-bookworm`). */
export function slimTag(info: PythonImage): string | undefined {
  if (info.libc !== 'glibc') return undefined;
  const version = info.pythonVersion ? `${info.pythonVersion}-` : '';
  const suffix = info.distroSuffix ? `-${info.distroSuffix}` : '';
  return `${version}slim${suffix}`;
}

/** Debian release name for a glibc python image, e.g. for choosing runtime library names. */
export function debianRelease(info: PythonImage | undefined): string {
  if (!info || info.libc !== 'glibc') return DEFAULT_DEBIAN_RELEASE;
  return info.distro;
}

/** The month the facts in this file describe. */
export const BASE_IMAGE_TABLE_DATE = '2026-11';

/** Debian release numbers by code name. */
export const DEBIAN_RELEASE_NUMBERS: Readonly<Record<string, number>> = { buster: 10, bullseye: 11, bookworm: 12, trixie: 13, forky: 14 };

/** The Python release that `python:3`, `python:latest` and the bare variants (`python:slim`) follow, as of the table date. */
export const NEWEST_PYTHON = '3.15';
/** The Alpine release that `-alpine` without a number follows, as of the table date. */
export const NEWEST_ALPINE = '3.24';

/** "Debian 13 (trixie)", "Alpine 3.24", … for a python image. */
export function distroDescription(info: PythonImage): string {
  if (info.libc === 'musl') {
    const version = info.distroSuffix || NEWEST_ALPINE;
    return info.distroSuffix ? `Alpine ${version}` : `Alpine ${version} (\`-alpine\` follows the newest Alpine)`;
  }
  if (info.libc === 'windows') return `Windows (${info.distro})`;
  const number = DEBIAN_RELEASE_NUMBERS[info.distro];
  const name = number ? `Debian ${number} (${info.distro})` : `Debian ${info.distro}`;
  return info.distroSuffix ? name : `${name}, the default since August 2025`;
}

/** A base image that is not the official `python` image but runs Python (or a plain OS base). */
export interface OtherBaseImage {
  family: 'distroless' | 'chainguard' | 'debian' | 'ubuntu' | 'alpine' | 'scratch';
  summary: string;
  /** Undefined when the image has no Python or the version moves with the tag. */
  pythonVersion: string | undefined;
  distro: string;
  libc: Libc | 'none';
  shell: boolean;
  /** Has pip (and so can install packages in place). */
  pip: boolean;
  sizeMb: [number, number];
  compressedMb: [number, number];
  /** Sizes are estimates rather than measured or published figures. */
  estimate: boolean;
  source: string;
}

const DISTROLESS_README = 'https://github.com/GoogleContainerTools/distroless/blob/main/python3/README.md';
/** Compares distroless with alpine (≈5 MiB) and debian (≈124 MiB). */
const DISTROLESS_MAIN_README = 'https://github.com/GoogleContainerTools/distroless/blob/main/README.md';

/** Recognises distroless, Chainguard and plain OS bases; undefined for anything else. */
export function describeOtherBase(image: ImageRef): OtherBaseImage | undefined {
  if (image.stage !== undefined) return undefined;
  if (image.scratch) {
    return {
      family: 'scratch',
      summary: 'the empty image: nothing but what you copy in',
      pythonVersion: undefined,
      distro: 'none',
      libc: 'none',
      shell: false,
      pip: false,
      sizeMb: [0, 0],
      compressedMb: [0, 0],
      estimate: false,
      source: 'https://docs.docker.com/build/building/base-images/#create-a-minimal-base-image-using-scratch',
    };
  }
  const tag = image.tag ?? 'latest';
  if (image.registry === 'gcr.io' && image.repository.startsWith('distroless/python3')) {
    const release = /-debian(\d+)$/.exec(image.repository)?.[1];
    const debug = tag.startsWith('debug');
    const python = release === '12' ? '3.11' : release === '13' ? '3.13' : undefined;
    return {
      family: 'distroless',
      summary: `Google distroless: Debian's own Python and its libraries, no package manager${debug ? ', with a busybox shell (debug tag)' : ', no shell'}`,
      pythonVersion: python,
      distro: release ? `Debian ${release}` : 'Debian',
      libc: 'glibc',
      shell: debug,
      pip: false,
      sizeMb: [50, 60],
      // The on-disk size is from the domain brief; the pull size is estimated from it.
      compressedMb: [18, 25],
      estimate: true,
      source: DISTROLESS_README,
    };
  }
  if (image.registry === 'cgr.dev' && /^chainguard\/python$/.test(image.repository)) {
    const dev = tag.endsWith('-dev');
    return {
      family: 'chainguard',
      summary: dev
        ? 'Chainguard (Wolfi, glibc) with a shell, pip and apk: the build variant'
        : 'Chainguard (Wolfi, glibc): Python only, no shell, no pip, few or no known CVEs',
      pythonVersion: undefined,
      distro: 'Wolfi',
      libc: 'glibc',
      shell: dev,
      pip: dev,
      sizeMb: dev ? [100, 200] : [50, 70],
      compressedMb: dev ? [40, 70] : [20, 25],
      estimate: true,
      source: 'https://images.chainguard.dev/directory/image/python/overview',
    };
  }
  if (image.registry !== undefined) return undefined;
  if (image.repository === 'debian') {
    const slim = tag.includes('slim');
    return {
      family: 'debian',
      summary: `plain Debian${slim ? ' (slim)' : ''}: no Python unless you install it`,
      pythonVersion: undefined,
      distro: `Debian ${tag.replace(/-slim$/, '')}`,
      libc: 'glibc',
      shell: true,
      pip: false,
      sizeMb: slim ? [70, 80] : [115, 125],
      compressedMb: slim ? [28, 32] : [45, 50],
      estimate: true,
      source: DISTROLESS_MAIN_README,
    };
  }
  if (image.repository === 'ubuntu') {
    return {
      family: 'ubuntu',
      summary: 'plain Ubuntu: no Python unless you install it',
      pythonVersion: undefined,
      distro: `Ubuntu ${tag}`,
      libc: 'glibc',
      shell: true,
      pip: false,
      sizeMb: [75, 80],
      compressedMb: [28, 30],
      estimate: true,
      source: 'https://hub.docker.com/_/ubuntu',
    };
  }
  if (image.repository === 'alpine') {
    return {
      family: 'alpine',
      summary: 'plain Alpine (musl): no Python unless you install it',
      pythonVersion: undefined,
      distro: `Alpine ${tag === 'latest' ? NEWEST_ALPINE : tag}`,
      libc: 'musl',
      shell: true,
      pip: false,
      sizeMb: [5, 9],
      compressedMb: [3, 4],
      estimate: false,
      source: DISTROLESS_MAIN_README,
    };
  }
  return undefined;
}

/** Approximate size of any base image this file knows, for estimates; undefined when unknown. */
export function baseImageSize(image: ImageRef): { sizeMb: [number, number]; compressedMb: [number, number]; label: string } | undefined {
  const python = describePythonImage(image);
  if (python) {
    const facts = VARIANT_FACTS[python.variant];
    return { sizeMb: facts.sizeMb, compressedMb: facts.compressedMb, label: `python ${python.variant}` };
  }
  const other = describeOtherBase(image);
  return other ? { sizeMb: other.sizeMb, compressedMb: other.compressedMb, label: other.family } : undefined;
}

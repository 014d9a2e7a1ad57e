// Facts about the official `python` image tags. One table, one source per fact.
//
// Sources:
// - Tag grammar and variants: the docker-library/python repository (generate-stackbrew-library.sh)
//   and the image's Docker Hub page, read 2026-11.
// - Default Debian release: unsuffixed tags follow Debian stable; the image moved from bookworm
//   (Debian 12) to trixie (Debian 13) in August 2025, after trixie's release.
// - Sizes: ../shared/docs/knowledge.md §1 (measured pulls of 3.12/3.13 images), rounded.

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

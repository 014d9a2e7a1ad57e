// Which system packages are build-only, and which runtime library each
// header package needs once the build is done. Names differ between Debian
// releases (the t64 transition renamed many libraries in trixie).
//
// Sources: packages.debian.org (bookworm and trixie package pages, binary
// package of each -dev's source), pkgs.alpinelinux.org; the pairs named in
// ../shared/docs/knowledge.md §2. Read 2026-11.

/** Compilers and build tools; together with any `-dev` package these mark a build stage. */
export const DEBIAN_BUILD_TOOLS = new Set([
  'build-essential', 'gcc', 'g++', 'cpp', 'make', 'cmake', 'clang', 'gfortran', 'cargo', 'rustc', 'pkg-config', 'pkgconf',
  'autoconf', 'automake', 'libtool', 'ninja-build', 'meson', 'swig', 'python3-dev', 'python-dev-is-python3',
]);

export const ALPINE_BUILD_TOOLS = new Set([
  'build-base', 'gcc', 'g++', 'make', 'cmake', 'clang', 'gfortran', 'cargo', 'rust', 'musl-dev', 'linux-headers', 'pkgconf',
  'autoconf', 'automake', 'libtool', 'python3-dev', 'samurai', 'meson',
]);

type Release = 'bookworm' | 'trixie';

/** Debian header package → runtime library package, per release. */
const DEBIAN_RUNTIME: Record<string, string | Record<Release, string>> = {
  'libpq-dev': 'libpq5',
  'libffi-dev': 'libffi8',
  'libssl-dev': { bookworm: 'libssl3', trixie: 'libssl3t64' },
  'libjpeg-dev': 'libjpeg62-turbo',
  'libjpeg62-turbo-dev': 'libjpeg62-turbo',
  'zlib1g-dev': 'zlib1g',
  'libxml2-dev': 'libxml2',
  'libxslt1-dev': 'libxslt1.1',
  'libxslt-dev': 'libxslt1.1',
  'default-libmysqlclient-dev': 'libmariadb3',
  'libmariadb-dev': 'libmariadb3',
  'libmariadb-dev-compat': 'libmariadb3',
  'libcurl4-openssl-dev': { bookworm: 'libcurl4', trixie: 'libcurl4t64' },
  'libpng-dev': { bookworm: 'libpng16-16', trixie: 'libpng16-16t64' },
  'libmagic-dev': { bookworm: 'libmagic1', trixie: 'libmagic1t64' },
  'libgeos-dev': { bookworm: 'libgeos-c1v5', trixie: 'libgeos-c1t64' },
  'libfreetype6-dev': 'libfreetype6',
  'libfreetype-dev': 'libfreetype6',
  'liblcms2-dev': 'liblcms2-2',
  'libwebp-dev': 'libwebp7',
  'libtiff-dev': 'libtiff6',
  'libtiff5-dev': 'libtiff6',
  'libopenjp2-7-dev': 'libopenjp2-7',
  'libsasl2-dev': 'libsasl2-2',
  'libldap2-dev': { bookworm: 'libldap-2.5-0', trixie: 'libldap2' },
  'libldap-dev': { bookworm: 'libldap-2.5-0', trixie: 'libldap2' },
  'libyaml-dev': 'libyaml-0-2',
  'libzstd-dev': 'libzstd1',
  'liblzma-dev': 'liblzma5',
  'libbz2-dev': 'libbz2-1.0',
  'libsqlite3-dev': 'libsqlite3-0',
  'libgmp-dev': 'libgmp10',
  'libsnappy-dev': 'libsnappy1v5',
  'libev-dev': { bookworm: 'libev4', trixie: 'libev4t64' },
  'libkrb5-dev': 'libkrb5-3',
  'unixodbc-dev': 'libodbc2',
  'libcairo2-dev': 'libcairo2',
  'libgdal-dev': { bookworm: 'libgdal32', trixie: 'libgdal36' },
};

/** Alpine header package → runtime library package. */
const ALPINE_RUNTIME: Record<string, string> = {
  'postgresql-dev': 'libpq',
  'libpq-dev': 'libpq',
  'libffi-dev': 'libffi',
  'openssl-dev': 'libssl3',
  'jpeg-dev': 'libjpeg-turbo',
  'libjpeg-turbo-dev': 'libjpeg-turbo',
  'zlib-dev': 'zlib',
  'libxml2-dev': 'libxml2',
  'libxslt-dev': 'libxslt',
  'mariadb-dev': 'mariadb-connector-c',
  'mariadb-connector-c-dev': 'mariadb-connector-c',
  'yaml-dev': 'yaml',
  'libpng-dev': 'libpng',
  'freetype-dev': 'freetype',
  'lcms2-dev': 'lcms2',
  'libwebp-dev': 'libwebp',
  'tiff-dev': 'tiff',
  'openjpeg-dev': 'openjpeg',
  'geos-dev': 'geos',
  'file-dev': 'libmagic',
  'sqlite-dev': 'sqlite-libs',
  'zstd-dev': 'zstd-libs',
  'bzip2-dev': 'libbz2',
  'xz-dev': 'xz-libs',
  'gmp-dev': 'gmp',
  'krb5-dev': 'krb5-libs',
  'cairo-dev': 'cairo',
  'unixodbc-dev': 'unixodbc',
};

export function isHeaderPackage(name: string): boolean {
  return /-dev(:[a-z0-9]+)?$/.test(name) || /-devel$/.test(name);
}

/** A package that only matters while compiling (compilers, headers). */
export function isBuildOnlyPackage(name: string, libc: 'glibc' | 'musl'): boolean {
  const bare = stripVersion(name);
  if (isHeaderPackage(bare)) return true;
  return (libc === 'musl' ? ALPINE_BUILD_TOOLS : DEBIAN_BUILD_TOOLS).has(bare);
}

/**
 * The runtime library a header package stands for, or undefined when there is
 * none to keep (e.g. `python3-dev`) or it is not in the table.
 */
export function runtimeLibraryFor(devPackage: string, libc: 'glibc' | 'musl', release: string): string | undefined {
  const bare = stripVersion(devPackage);
  if (libc === 'musl') return ALPINE_RUNTIME[bare];
  const entry = DEBIAN_RUNTIME[bare];
  if (entry === undefined) return undefined;
  // Only bookworm and trixie are checked; older releases had other names (libssl1.1, libffi7).
  if (release !== 'bookworm' && release !== 'trixie') return undefined;
  if (typeof entry === 'string') return entry;
  return entry[release];
}

/** `gcc=4:12.2.0-3` → `gcc`; `libpq-dev:amd64` stays as is. */
export function stripVersion(name: string): string {
  const eq = name.indexOf('=');
  return eq < 0 ? name : name.slice(0, eq);
}

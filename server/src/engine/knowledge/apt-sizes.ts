// What common Debian and Alpine packages add to an image, for size estimates.
//
// Debian figures are measured: for each package, `apt-get install -s` (a
// simulation, nothing installed) was run against a dpkg status holding the
// packages of a `python:3.x-slim` image (Debian's `required` set plus the
// Python runtime libraries the slim image installs), and the `Installed-Size`
// of every package apt would add was summed. Five numbers per package and
// release: alone without Recommends; alone with Recommends; on top of
// `build-essential` (what it adds when the compilers are already there); the
// same with Recommends on both; and on top of the full `python:3.x` image
// (buildpack-deps' package list, which already has compilers and many -dev
// packages). A package missing from a release (wkhtmltopdf in trixie) has no row.
// Installed-Size is dpkg's own estimate of disk use; a layer adds a little
// tar overhead. Measured 2026-11 against the bookworm and trixie archives.
//
// Alpine figures are rough estimates (no Alpine archive could be reached to
// measure them); they are marked as such wherever they are shown.

export const APT_SIZES_DATE = '2026-11';

export type AptRelease = 'bookworm' | 'trixie';

/** `/var/lib/apt/lists` after `apt-get update` on Debian's container images (kept lz4-compressed there), MB: measured 19 (bookworm) and 21 (trixie). */
export const APT_LISTS_MB: [number, number] = [19, 21];
/** `/var/cache/apk` after `apk update` (APKINDEX for main and community), MB: an estimate. */
export const APK_INDEX_MB: [number, number] = [2, 3];

/** MB: alone, alone with Recommends, after build-essential, after build-essential with Recommends on both, on the full image. */
type Row = [number, number, number, number, number];

/** A package not in the table: most libraries are small, a few are not. */
export const UNKNOWN_APT_PACKAGE_MB: [number, number] = [0.5, 10];

/** dpkg's estimate is close to what the layer holds; a layer also carries dpkg's database entries and tar headers. */
const SPREAD: [number, number] = [0.9, 1.15];

const BOOKWORM: Record<string, Row> = {
  'build-essential': [253, 325, 0, 0, 0],
  gcc: [172, 247, 0, 0, 0],
  'g++': [247, 302, 0, 0, 0],
  make: [2, 2, 0, 0, 0],
  cmake: [83, 332, 83, 82, 40],
  clang: [384, 902, 276, 738, 239],
  gfortran: [234, 289, 42, 42, 42],
  'pkg-config': [0, 0, 0, 0, 0],
  swig: [6, 6, 6, 6, 6],
  autoconf: [3, 5, 3, 5, 0],
  automake: [5, 5, 5, 5, 0],
  libtool: [202, 263, 10, 15, 0],
  patch: [0, 0, 0, 0, 0],
  'libpq-dev': [14, 15, 14, 13, 0],
  libpq5: [2, 2, 2, 1, 0],
  'libffi-dev': [0, 0, 0, 0, 0],
  'libssl-dev': [12, 12, 12, 12, 0],
  'python3-dev': [79, 134, 58, 58, 35],
  'default-libmysqlclient-dev': [35, 90, 15, 15, 0],
  'libmariadb-dev': [35, 90, 15, 15, 0],
  libmariadb3: [1, 1, 1, 1, 0],
  'libxml2-dev': [108, 163, 88, 88, 0],
  'libxslt1-dev': [111, 166, 91, 91, 3],
  libxml2: [37, 37, 37, 37, 0],
  'libxslt1.1': [38, 38, 38, 38, 0],
  'libjpeg-dev': [22, 77, 2, 1, 0],
  'libpng-dev': [23, 78, 3, 2, 0],
  'zlib1g-dev': [22, 77, 1, 1, 0],
  'libfreetype6-dev': [28, 81, 7, 5, 0],
  'libtiff-dev': [31, 84, 11, 8, 0],
  'libwebp-dev': [2, 2, 2, 1, 0],
  'liblcms2-dev': [2, 2, 2, 2, 0],
  'libopenjp2-7-dev': [1, 1, 1, 1, 0],
  'libopenblas-dev': [101, 101, 101, 101, 101],
  'liblapack-dev': [36, 36, 36, 36, 36],
  'libhdf5-dev': [61, 116, 41, 39, 21],
  'libzmq3-dev': [119, 174, 99, 98, 9],
  'libsasl2-dev': [22, 77, 1, 1, 1],
  'libldap2-dev': [2, 3, 2, 2, 2],
  'libkrb5-dev': [22, 77, 2, 2, 0],
  'libevent-dev': [3, 3, 3, 3, 0],
  'libyaml-dev': [0, 0, 0, 0, 0],
  'libsqlite3-dev': [23, 78, 3, 3, 0],
  'libbz2-dev': [21, 76, 0, 1, 0],
  'liblzma-dev': [1, 1, 1, 1, 0],
  'libreadline-dev': [24, 79, 3, 3, 0],
  'libncurses-dev': [23, 78, 3, 3, 0],
  'libcurl4-openssl-dev': [5, 6, 5, 4, 0],
  'libmagic-dev': [9, 9, 9, 9, 0],
  libmagic1: [8, 8, 8, 8, 0],
  'libgeos-dev': [4, 4, 4, 4, 4],
  'unixodbc-dev': [3, 3, 3, 3, 2],
  'libgdal-dev': [608, 793, 533, 526, 368],
  'libcairo2-dev': [106, 194, 85, 118, 0],
  git: [49, 61, 49, 55, 0],
  curl: [4, 4, 4, 2, 0],
  wget: [4, 4, 4, 4, 0],
  'ca-certificates': [0, 0, 0, 0, 0],
  gnupg: [16, 16, 16, 0, 0],
  'openssh-client': [6, 10, 6, 7, 0],
  procps: [2, 3, 2, 3, 0],
  'netcat-openbsd': [0, 0, 0, 0, 0],
  unzip: [0, 0, 0, 0, 0],
  vim: [40, 40, 40, 40, 40],
  nano: [3, 3, 3, 3, 3],
  less: [0, 0, 0, 0, 0],
  htop: [1, 1, 1, 1, 1],
  jq: [1, 1, 1, 1, 1],
  file: [8, 8, 8, 8, 0],
  tini: [1, 1, 1, 1, 1],
  'dumb-init': [0, 0, 0, 0, 0],
  gosu: [2, 2, 2, 2, 2],
  sudo: [6, 6, 6, 6, 6],
  locales: [20, 20, 20, 20, 20],
  cron: [0, 8, 0, 8, 0],
  supervisor: [23, 23, 23, 23, 3],
  nginx: [7, 7, 7, 7, 6],
  ffmpeg: [450, 595, 450, 550, 344],
  libgl1: [206, 206, 206, 202, 163],
  'libglib2.0-0': [4, 56, 4, 56, 0],
  libsm6: [1, 1, 1, 1, 0],
  libxext6: [4, 4, 4, 0, 0],
  libgomp1: [0, 0, 0, 0, 0],
  libcairo2: [12, 12, 12, 3, 0],
  'tesseract-ocr': [88, 103, 88, 89, 23],
  'poppler-utils': [26, 38, 26, 26, 9],
  graphviz: [72, 128, 72, 78, 23],
  imagemagick: [91, 197, 91, 160, 0],
  chromium: [694, 847, 694, 795, 617],
  wkhtmltopdf: [358, 551, 358, 539, 294],
  'libreoffice-core': [339, 1155, 339, 1054, 258],
  'fonts-liberation': [2, 2, 2, 2, 2],
  'gdal-bin': [230, 244, 230, 210, 133],
  'postgresql-client': [10, 11, 10, 9, 9],
  'default-mysql-client': [77, 80, 77, 80, 76],
  'redis-tools': [7, 7, 7, 7, 7],
  cargo: [636, 1156, 444, 908, 403],
  rustc: [619, 1156, 427, 908, 389],
  nodejs: [89, 103, 89, 103, 52],
  npm: [211, 811, 211, 485, 142],
  'default-jre-headless': [206, 260, 206, 253, 192],
};

const TRIXIE: Record<string, Row> = {
  'build-essential': [321, 349, 0, 0, 0],
  gcc: [183, 212, 0, 0, 0],
  'g++': [265, 270, 0, 0, 0],
  make: [2, 2, 0, 0, 0],
  cmake: [69, 285, 69, 71, 53],
  clang: [400, 974, 276, 845, 274],
  gfortran: [251, 256, 44, 44, 44],
  'pkg-config': [0, 0, 0, 0, 0],
  swig: [6, 6, 6, 6, 6],
  autoconf: [52, 54, 3, 5, 0],
  automake: [54, 54, 5, 5, 0],
  libtool: [218, 279, 12, 18, 0],
  patch: [0, 0, 0, 0, 0],
  'libpq-dev': [18, 18, 18, 18, 0],
  libpq5: [2, 2, 2, 2, 0],
  'libffi-dev': [0, 0, 0, 0, 0],
  'libssl-dev': [16, 16, 16, 16, 0],
  'python3-dev': [83, 89, 59, 59, 35],
  'default-libmysqlclient-dev': [42, 48, 19, 19, 0],
  'libmariadb-dev': [42, 48, 19, 19, 0],
  libmariadb3: [1, 1, 1, 1, 0],
  'libxml2-dev': [5, 5, 5, 5, 0],
  'libxslt1-dev': [10, 11, 10, 11, 3],
  libxml2: [2, 2, 2, 2, 0],
  'libxslt1.1': [5, 5, 5, 5, 0],
  'libjpeg-dev': [26, 31, 2, 2, 0],
  'libpng-dev': [27, 32, 3, 3, 0],
  'zlib1g-dev': [25, 31, 1, 1, 0],
  'libfreetype6-dev': [32, 38, 8, 9, 0],
  'libtiff-dev': [37, 42, 13, 13, 0],
  'libwebp-dev': [3, 3, 3, 3, 0],
  'liblcms2-dev': [3, 3, 3, 3, 0],
  'libopenjp2-7-dev': [1, 1, 1, 1, 0],
  'libopenblas-dev': [109, 109, 109, 109, 109],
  'liblapack-dev': [38, 38, 38, 38, 38],
  'libhdf5-dev': [103, 110, 79, 81, 24],
  'libzmq3-dev': [40, 45, 16, 16, 9],
  'libsasl2-dev': [41, 46, 17, 17, 1],
  'libldap2-dev': [2, 3, 2, 3, 0],
  'libkrb5-dev': [26, 31, 2, 2, 0],
  'libevent-dev': [3, 3, 3, 3, 0],
  'libyaml-dev': [0, 0, 0, 0, 0],
  'libsqlite3-dev': [27, 33, 3, 3, 0],
  'libbz2-dev': [24, 30, 0, 1, 0],
  'liblzma-dev': [1, 1, 1, 1, 0],
  'libreadline-dev': [27, 33, 3, 3, 0],
  'libncurses-dev': [26, 32, 3, 3, 0],
  'libcurl4-openssl-dev': [78, 85, 54, 55, 0],
  'libmagic-dev': [11, 11, 11, 11, 0],
  libmagic1: [10, 10, 10, 10, 0],
  'libgeos-dev': [5, 5, 5, 5, 5],
  'unixodbc-dev': [3, 3, 3, 3, 2],
  'libgdal-dev': [751, 980, 608, 697, 406],
  'libcairo2-dev': [111, 125, 87, 95, 0],
  git: [111, 122, 62, 73, 0],
  curl: [12, 15, 12, 15, 0],
  wget: [12, 12, 12, 12, 0],
  'ca-certificates': [0, 0, 0, 0, 0],
  gnupg: [22, 24, 22, 24, 0],
  'openssh-client': [6, 10, 6, 10, 0],
  procps: [3, 4, 3, 4, 0],
  'netcat-openbsd': [0, 0, 0, 0, 0],
  unzip: [0, 0, 0, 0, 0],
  vim: [44, 44, 44, 44, 44],
  nano: [3, 3, 3, 3, 3],
  less: [0, 0, 0, 0, 0],
  htop: [0, 0, 0, 0, 0],
  jq: [1, 1, 1, 1, 1],
  file: [10, 10, 10, 10, 0],
  tini: [1, 1, 1, 1, 1],
  'dumb-init': [0, 0, 0, 0, 0],
  gosu: [3, 3, 3, 3, 3],
  sudo: [7, 7, 7, 7, 7],
  locales: [20, 20, 20, 20, 20],
  cron: [17, 86, 17, 37, 17],
  supervisor: [25, 25, 25, 25, 4],
  nginx: [7, 7, 7, 7, 6],
  ffmpeg: [442, 685, 442, 684, 387],
  libgl1: [203, 282, 203, 282, 196],
  'libglib2.0-0': [4, 21, 4, 21, 0],
  libsm6: [0, 0, 0, 0, 0],
  libxext6: [4, 4, 4, 4, 0],
  libgomp1: [0, 0, 0, 0, 0],
  libcairo2: [13, 13, 13, 13, 0],
  'tesseract-ocr': [98, 114, 98, 114, 24],
  'poppler-utils': [52, 68, 52, 68, 11],
  graphviz: [62, 100, 61, 100, 31],
  imagemagick: [42, 178, 42, 178, 0],
  chromium: [732, 1059, 732, 972, 680],
  'libreoffice-core': [355, 1351, 355, 1265, 265],
  'fonts-liberation': [4, 5, 4, 5, 4],
  'gdal-bin': [273, 306, 273, 306, 170],
  'postgresql-client': [62, 62, 13, 13, 11],
  'default-mysql-client': [128, 130, 79, 81, 77],
  'redis-tools': [8, 8, 8, 8, 8],
  cargo: [664, 1383, 457, 1149, 443],
  rustc: [626, 1383, 419, 1149, 417],
  nodejs: [100, 119, 100, 119, 63],
  npm: [233, 1004, 233, 655, 158],
  'default-jre-headless': [200, 244, 200, 244, 199],
};

/** Rough installed sizes on Alpine, MB (estimates, not measured). */
const ALPINE: Record<string, [number, number]> = {
  'build-base': [150, 250],
  gcc: [100, 160],
  'g++': [130, 200],
  make: [0.3, 1],
  'musl-dev': [1, 3],
  'linux-headers': [5, 10],
  'libffi-dev': [0.2, 1],
  'openssl-dev': [5, 10],
  'postgresql-dev': [10, 40],
  'libpq-dev': [1, 5],
  'mariadb-dev': [5, 20],
  'jpeg-dev': [1, 3],
  'zlib-dev': [0.2, 1],
  'libxml2-dev': [5, 15],
  'libxslt-dev': [1, 5],
  cargo: [300, 600],
  rust: [300, 600],
  gfortran: [50, 100],
  'openblas-dev': [20, 40],
  git: [10, 20],
  curl: [1, 4],
  bash: [1, 3],
  'ca-certificates': [0.5, 1],
  tzdata: [1, 3],
  'libpq': [1, 2],
  tini: [0.1, 0.5],
  'su-exec': [0.1, 0.1],
};

const DEBIAN: Record<AptRelease, Record<string, Row>> = { bookworm: BOOKWORM, trixie: TRIXIE };

export interface SetSize {
  /** MB, low and high. */
  mb: [number, number];
  known: string[];
  unknown: string[];
}

/**
 * What installing these packages together adds, MB. Packages that need the
 * compilers share them: the largest shared part counts once, and each package
 * adds what it needs beyond build-essential.
 */
export function aptSetSize(names: readonly string[], release: AptRelease, options: { recommends: boolean; onFull: boolean }): SetSize {
  const table = DEBIAN[release];
  const known = names.filter((n) => table[n]);
  const unknown = names.filter((n) => !table[n]);
  let mb: number;
  if (options.onFull) {
    mb = known.reduce((total, n) => total + table[n][4], 0);
  } else {
    const [alone, afterBuild] = options.recommends ? [1, 3] : [0, 2];
    const shared = Math.max(0, ...known.map((n) => table[n][alone] - table[n][afterBuild]));
    mb = shared + known.reduce((total, n) => total + table[n][afterBuild], 0);
  }
  const low = mb * SPREAD[0] + unknown.length * UNKNOWN_APT_PACKAGE_MB[0];
  const high = mb * SPREAD[1] + unknown.length * UNKNOWN_APT_PACKAGE_MB[1];
  return { mb: [Math.round(low), Math.round(high)], known, unknown };
}

/** The Debian measurement for one package, or undefined. */
export function aptPackageSize(name: string, release: AptRelease): { alone: number; recommends: number; onFull: number } | undefined {
  const row = DEBIAN[release][name];
  return row ? { alone: row[0], recommends: row[1], onFull: row[4] } : undefined;
}

/** What installing these apk packages adds, MB (estimates; packages Slimfile does not know count as unknown). */
export function apkSetSize(names: readonly string[]): SetSize {
  const known = names.filter((n) => ALPINE[n]);
  const unknown = names.filter((n) => !ALPINE[n]);
  // build-base contains gcc, g++, make and musl-dev: do not count them twice.
  const covered = known.includes('build-base') ? new Set(['gcc', 'g++', 'make', 'musl-dev']) : new Set<string>();
  let low = 0;
  let high = 0;
  for (const n of known) {
    if (covered.has(n)) continue;
    low += ALPINE[n][0];
    high += ALPINE[n][1];
  }
  return {
    mb: [Math.round(low + unknown.length * UNKNOWN_APT_PACKAGE_MB[0]), Math.round(high + unknown.length * UNKNOWN_APT_PACKAGE_MB[1])],
    known,
    unknown,
  };
}

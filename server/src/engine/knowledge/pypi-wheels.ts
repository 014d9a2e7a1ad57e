// Widely used PyPI packages with compiled extensions, and whether their
// current releases publish binary wheels for glibc Linux (manylinux) and for
// musl Linux (musllinux, PEP 656, the wheels Alpine can use). Without a
// matching wheel pip builds the package from source: compilers, headers and
// minutes of build time, or a failed build.
//
// Only a package with manylinux wheels and no musllinux ones is an Alpine
// problem: a source-only package (psycopg2, mysqlclient, uwsgi) compiles on
// every base, slim included. TABLE_DATE says which month the table describes; each
// entry names its source (the project's PyPI file list for the release named,
// or its build configuration). A package absent from the table is unknown,
// and rules stay quiet about it. Facts describe current releases on x86_64:
// an old pinned release may predate a project's first musllinux wheels.

/**
 * The month the table describes: the releases named in WHEELS are the current ones of that month. Wheel support
 * only grows, so re-check the `musllinux: false` rows (the ones rules warn about) against PyPI first.
 */
export const TABLE_DATE = '2025-08';

export interface WheelFacts {
  /** PEP 503 normalised name. */
  name: string;
  /** Publishes manylinux (glibc) wheels for x86_64. */
  manylinux: boolean;
  /** Publishes musllinux (musl, Alpine) wheels for x86_64. */
  musllinux: boolean;
  /** A pure-Python distribution (one `py3-none-any` wheel): installs anywhere, nothing to compile. */
  pure?: boolean;
  /** The release the facts were read from. */
  release: string;
  /** Where the facts come from. */
  source: string;
  /** Extras that pull in a compiled distribution (`psycopg[binary]` → `psycopg-binary`). */
  extras?: Record<string, string>;
  note?: string;
}

/** PEP 503 normalisation: lower case, runs of `-`, `_` and `.` become one `-`. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export interface Requirement {
  name: string;
  extras: string[];
  /** `==1.2.3` pins, as written; undefined otherwise. */
  pinned: string | undefined;
}

/**
 * Reads a requirement as written on a pip command line (`numpy==2.1`, `uvicorn[standard]>=0.30`).
 * Undefined for paths, URLs, archives and options.
 */
export function parseRequirement(text: string): Requirement | undefined {
  if (text.startsWith('-') || text.includes('/') || text.includes('\\') || text.includes('://') || text.startsWith('.')) return undefined;
  if (/\.(whl|tar\.gz|zip|tgz)$/i.test(text) || text.includes('$')) return undefined;
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(text);
  if (!m) return undefined;
  const rest = m[3].split(';')[0].trim();
  if (rest && !/^[<>=!~,\s.*0-9a-zA-Z+-]*$/.test(rest)) return undefined;
  const pin = /^==\s*([0-9][^,;\s]*)$/.exec(rest);
  const extras = m[2] ? m[2].split(',').map((e) => normaliseName(e.trim())).filter(Boolean) : [];
  return { name: normaliseName(m[1]), extras, pinned: pin ? pin[1] : undefined };
}

const files = (name: string, release: string) => `https://pypi.org/project/${name}/${release}/#files`;

/** One row per distribution. `release` is the version whose file list the facts were read from. */
export const WHEELS: readonly WheelFacts[] = [
  // Scientific stack.
  { name: 'numpy', manylinux: true, musllinux: true, release: '2.3.2', source: files('numpy', '2.3.2') },
  { name: 'pandas', manylinux: true, musllinux: true, release: '2.3.2', source: files('pandas', '2.3.2') },
  { name: 'scipy', manylinux: true, musllinux: true, release: '1.16.1', source: files('scipy', '1.16.1') },
  { name: 'scikit-learn', manylinux: true, musllinux: true, release: '1.7.1', source: files('scikit-learn', '1.7.1') },
  { name: 'matplotlib', manylinux: true, musllinux: true, release: '3.10.5', source: files('matplotlib', '3.10.5') },
  { name: 'shapely', manylinux: true, musllinux: true, release: '2.1.1', source: files('shapely', '2.1.1') },
  { name: 'pyarrow', manylinux: true, musllinux: false, release: '21.0.0', source: files('pyarrow', '21.0.0'), note: 'Apache Arrow publishes manylinux wheels only' },
  { name: 'polars', manylinux: true, musllinux: true, release: '1.32.0', source: files('polars', '1.32.0') },
  { name: 'numba', manylinux: true, musllinux: false, release: '0.61.2', source: files('numba', '0.61.2') },
  { name: 'llvmlite', manylinux: true, musllinux: false, release: '0.44.0', source: files('llvmlite', '0.44.0') },
  // Machine learning: manylinux only; on musl there is no practical source build either.
  { name: 'torch', manylinux: true, musllinux: false, release: '2.8.0', source: files('torch', '2.8.0'), note: 'also none on download.pytorch.org' },
  { name: 'tensorflow', manylinux: true, musllinux: false, release: '2.20.0', source: files('tensorflow', '2.20.0') },
  { name: 'jaxlib', manylinux: true, musllinux: false, release: '0.7.1', source: files('jaxlib', '0.7.1') },
  { name: 'onnxruntime', manylinux: true, musllinux: false, release: '1.22.1', source: files('onnxruntime', '1.22.1') },
  { name: 'opencv-python', manylinux: true, musllinux: false, release: '4.12.0.88', source: files('opencv-python', '4.12.0.88') },
  { name: 'opencv-python-headless', manylinux: true, musllinux: false, release: '4.12.0.88', source: files('opencv-python-headless', '4.12.0.88') },
  { name: 'opencv-contrib-python', manylinux: true, musllinux: false, release: '4.12.0.88', source: files('opencv-contrib-python', '4.12.0.88') },
  { name: 'xgboost', manylinux: true, musllinux: false, release: '3.0.4', source: files('xgboost', '3.0.4') },
  { name: 'tokenizers', manylinux: true, musllinux: true, release: '0.21.4', source: files('tokenizers', '0.21.4') },
  // Databases.
  {
    name: 'psycopg2',
    manylinux: false,
    musllinux: false,
    release: '2.9.10',
    source: files('psycopg2', '2.9.10'),
    note: 'source distribution (plus Windows wheels): builds against libpq-dev / postgresql-dev on every Linux; psycopg2-binary is the wheel',
  },
  { name: 'psycopg2-binary', manylinux: true, musllinux: true, release: '2.9.10', source: files('psycopg2-binary', '2.9.10') },
  {
    name: 'psycopg',
    manylinux: true,
    musllinux: true,
    pure: true,
    release: '3.2.9',
    source: files('psycopg', '3.2.9'),
    extras: { binary: 'psycopg-binary', c: 'psycopg-c' },
  },
  { name: 'psycopg-binary', manylinux: true, musllinux: true, release: '3.2.9', source: files('psycopg-binary', '3.2.9') },
  { name: 'psycopg-c', manylinux: false, musllinux: false, release: '3.2.9', source: files('psycopg-c', '3.2.9'), note: 'source distribution only' },
  {
    name: 'mysqlclient',
    manylinux: false,
    musllinux: false,
    release: '2.2.7',
    source: files('mysqlclient', '2.2.7'),
    note: 'source distribution plus Windows wheels; Linux builds need the MySQL/MariaDB client headers and pkg-config',
  },
  {
    name: 'pymssql',
    manylinux: true,
    musllinux: true,
    release: '2.3.7',
    source: 'https://github.com/pymssql/pymssql/blob/master/.github/workflows/build_wheels.yml',
    note: 'cibuildwheel builds every Linux x86_64 CPython identifier, musllinux included',
  },
  { name: 'asyncpg', manylinux: true, musllinux: true, release: '0.30.0', source: files('asyncpg', '0.30.0') },
  { name: 'sqlalchemy', manylinux: true, musllinux: true, release: '2.0.43', source: files('sqlalchemy', '2.0.43') },
  { name: 'python-ldap', manylinux: false, musllinux: false, release: '3.4.4', source: files('python-ldap', '3.4.4'), note: 'source distribution only' },
  // Web, networking, serialisation.
  { name: 'lxml', manylinux: true, musllinux: true, release: '6.0.0', source: files('lxml', '6.0.0') },
  { name: 'pillow', manylinux: true, musllinux: true, release: '11.3.0', source: files('pillow', '11.3.0') },
  { name: 'cryptography', manylinux: true, musllinux: true, release: '45.0.6', source: files('cryptography', '45.0.6') },
  { name: 'cffi', manylinux: true, musllinux: true, release: '1.17.1', source: files('cffi', '1.17.1') },
  { name: 'bcrypt', manylinux: true, musllinux: true, release: '4.3.0', source: files('bcrypt', '4.3.0') },
  { name: 'grpcio', manylinux: true, musllinux: true, release: '1.74.0', source: files('grpcio', '1.74.0') },
  { name: 'pyyaml', manylinux: true, musllinux: true, release: '6.0.2', source: files('pyyaml', '6.0.2') },
  { name: 'orjson', manylinux: true, musllinux: true, release: '3.11.2', source: files('orjson', '3.11.2') },
  { name: 'ujson', manylinux: true, musllinux: true, release: '5.10.0', source: files('ujson', '5.10.0') },
  { name: 'msgpack', manylinux: true, musllinux: true, release: '1.1.1', source: files('msgpack', '1.1.1') },
  { name: 'regex', manylinux: true, musllinux: true, release: '2025.7.34', source: files('regex', '2025.7.34') },
  { name: 'uvloop', manylinux: true, musllinux: true, release: '0.21.0', source: files('uvloop', '0.21.0') },
  { name: 'httptools', manylinux: true, musllinux: true, release: '0.6.4', source: files('httptools', '0.6.4') },
  { name: 'pydantic-core', manylinux: true, musllinux: true, release: '2.33.2', source: files('pydantic-core', '2.33.2') },
  { name: 'gevent', manylinux: true, musllinux: true, release: '25.5.1', source: files('gevent', '25.5.1') },
  { name: 'greenlet', manylinux: true, musllinux: true, release: '3.2.4', source: files('greenlet', '3.2.4') },
  { name: 'pyzmq', manylinux: true, musllinux: true, release: '27.0.1', source: files('pyzmq', '27.0.1') },
  { name: 'markupsafe', manylinux: true, musllinux: true, release: '3.0.2', source: files('markupsafe', '3.0.2') },
  { name: 'aiohttp', manylinux: true, musllinux: true, release: '3.12.15', source: files('aiohttp', '3.12.15') },
  { name: 'multidict', manylinux: true, musllinux: true, release: '6.6.4', source: files('multidict', '6.6.4') },
  { name: 'yarl', manylinux: true, musllinux: true, release: '1.20.1', source: files('yarl', '1.20.1') },
  { name: 'frozenlist', manylinux: true, musllinux: true, release: '1.7.0', source: files('frozenlist', '1.7.0') },
  { name: 'charset-normalizer', manylinux: true, musllinux: true, release: '3.4.3', source: files('charset-normalizer', '3.4.3') },
  { name: 'zstandard', manylinux: true, musllinux: true, release: '0.24.0', source: files('zstandard', '0.24.0') },
  { name: 'uwsgi', manylinux: false, musllinux: false, release: '2.0.30', source: files('uwsgi', '2.0.30'), note: 'source distribution only: compiles on every base' },
];

const BY_NAME: ReadonlyMap<string, WheelFacts> = new Map(WHEELS.map((w) => [w.name, w]));

/** Facts for a distribution, by any spelling of its name (PEP 503); undefined when the table does not know it. */
export function wheelFacts(name: string): WheelFacts | undefined {
  return BY_NAME.get(normaliseName(name));
}

/**
 * The compiled distributions a requirement pulls in that have manylinux wheels but no musllinux
 * ones: on a glibc base they install as wheels, on Alpine they build from source.
 */
export function musllinuxGaps(requirement: Requirement): WheelFacts[] {
  const facts = BY_NAME.get(requirement.name);
  if (!facts) return [];
  const pulled = [facts, ...requirement.extras.map((e) => facts.extras?.[e]).filter((n): n is string => !!n).map((n) => BY_NAME.get(n)).filter((f): f is WheelFacts => !!f)];
  return pulled.filter((f) => !f.pure && f.manylinux && !f.musllinux);
}

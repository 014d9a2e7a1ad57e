// Approximate weight of widely used PyPI packages once installed in an image,
// for size estimates. These are rounded approximations, not measurements:
// Slimfile cannot reach PyPI from where it runs. The wheel sizes follow each
// project's PyPI file list for its x86_64 manylinux wheel of the 2025–2026
// releases (the link in `source`); installed sizes apply the usual 2–3× unpack
// ratio of compiled wheels, rounded to a range. Where someone published a
// measurement, `source` cites it instead. TABLE DATE says when the table was
// written; sizes drift a little with every release, so estimates show ranges.

export const PIP_SIZES_DATE = '2026-11';

export interface PipSize {
  /** PEP 503 normalised name. */
  name: string;
  /** Approximate installed size, MB (low, high). */
  installedMb: [number, number];
  /** Approximate download (wheel) size, MB: what pip's cache keeps when it is not turned off. */
  wheelMb: [number, number];
  /** Heavy dependencies pip brings along (only those in this table matter for estimates). */
  requires?: string[];
  note?: string;
  source: string;
}

const files = (name: string) => `https://pypi.org/project/${name}/#files`;

/** The default Linux x86_64 torch wheel pulls CUDA libraries (nvidia-*-cu12) and triton. */
const TORCH_CUDA_SOURCE = 'https://drose.io/blog/5gb-docker-image-for-a-7mb-model';

export const PIP_SIZES: readonly PipSize[] = [
  { name: 'numpy', installedMb: [40, 60], wheelMb: [14, 18], source: files('numpy') },
  { name: 'pandas', installedMb: [60, 75], wheelMb: [11, 13], requires: ['numpy', 'python-dateutil', 'pytz', 'tzdata'], source: files('pandas') },
  { name: 'scipy', installedMb: [90, 120], wheelMb: [33, 40], requires: ['numpy'], source: files('scipy') },
  { name: 'scikit-learn', installedMb: [35, 50], wheelMb: [12, 14], requires: ['numpy', 'scipy', 'joblib'], source: files('scikit-learn') },
  { name: 'matplotlib', installedMb: [20, 30], wheelMb: [8, 9], requires: ['numpy', 'pillow', 'fonttools'], source: files('matplotlib') },
  { name: 'fonttools', installedMb: [10, 20], wheelMb: [4, 5], source: files('fonttools') },
  { name: 'pillow', installedMb: [10, 15], wheelMb: [4, 5], source: files('pillow') },
  { name: 'scikit-image', installedMb: [30, 60], wheelMb: [13, 15], requires: ['numpy', 'scipy', 'pillow'], source: files('scikit-image') },
  { name: 'statsmodels', installedMb: [40, 60], wheelMb: [10, 11], requires: ['numpy', 'scipy', 'pandas'], source: files('statsmodels') },
  { name: 'sympy', installedMb: [25, 35], wheelMb: [6, 7], source: files('sympy') },
  { name: 'networkx', installedMb: [8, 12], wheelMb: [2, 2], source: files('networkx') },
  {
    name: 'torch',
    installedMb: [5000, 7000],
    wheelMb: [3700, 4100],
    requires: ['sympy', 'networkx'],
    note:
      'the default Linux x86_64 wheel from PyPI, with its CUDA libraries (nvidia-*-cu12, ≈3 GB) and triton: ≈3.9 GB to download. ' +
      'The CPU-only build from https://download.pytorch.org/whl/cpu is ≈200 MB to download',
    source: TORCH_CUDA_SOURCE,
  },
  { name: 'torchvision', installedMb: [15, 30], wheelMb: [7, 8], requires: ['torch', 'numpy', 'pillow'], source: files('torchvision') },
  { name: 'torchaudio', installedMb: [5, 15], wheelMb: [3, 4], requires: ['torch'], source: files('torchaudio') },
  {
    name: 'tensorflow',
    installedMb: [1100, 1700],
    wheelMb: [550, 650],
    requires: ['numpy', 'grpcio', 'h5py'],
    note: 'includes keras, tensorboard and their dependencies',
    source: files('tensorflow'),
  },
  { name: 'jaxlib', installedMb: [200, 300], wheelMb: [80, 100], requires: ['numpy', 'scipy'], source: files('jaxlib') },
  { name: 'jax', installedMb: [5, 10], wheelMb: [2, 3], requires: ['jaxlib'], source: files('jax') },
  { name: 'opencv-python', installedMb: [80, 130], wheelMb: [60, 70], requires: ['numpy'], note: 'bundles Qt and FFmpeg; the headless build leaves Qt out', source: files('opencv-python') },
  { name: 'opencv-python-headless', installedMb: [60, 100], wheelMb: [50, 55], requires: ['numpy'], source: files('opencv-python-headless') },
  { name: 'opencv-contrib-python', installedMb: [100, 160], wheelMb: [65, 75], requires: ['numpy'], source: files('opencv-contrib-python') },
  { name: 'onnxruntime', installedMb: [25, 50], wheelMb: [13, 17], requires: ['numpy'], source: files('onnxruntime') },
  {
    name: 'xgboost',
    installedMb: [250, 550],
    wheelMb: [150, 350],
    requires: ['numpy', 'scipy'],
    note: 'the Linux wheel carries GPU support and pulls nvidia-nccl-cu12; `xgboost-cpu` is a fraction of that',
    source: files('xgboost'),
  },
  { name: 'lightgbm', installedMb: [5, 15], wheelMb: [3, 4], requires: ['numpy', 'scipy'], source: files('lightgbm') },
  { name: 'llvmlite', installedMb: [100, 150], wheelMb: [40, 45], source: files('llvmlite') },
  { name: 'numba', installedMb: [15, 25], wheelMb: [3, 4], requires: ['llvmlite', 'numpy'], source: files('numba') },
  { name: 'pyarrow', installedMb: [120, 170], wheelMb: [40, 45], source: files('pyarrow') },
  { name: 'polars', installedMb: [90, 140], wheelMb: [35, 40], source: files('polars') },
  { name: 'h5py', installedMb: [10, 20], wheelMb: [4, 5], requires: ['numpy'], source: files('h5py') },
  { name: 'transformers', installedMb: [60, 120], wheelMb: [10, 12], requires: ['numpy', 'tokenizers', 'safetensors', 'regex'], source: files('transformers') },
  { name: 'tokenizers', installedMb: [7, 10], wheelMb: [3, 3], source: files('tokenizers') },
  { name: 'safetensors', installedMb: [1, 2], wheelMb: [0.5, 0.5], source: files('safetensors') },
  { name: 'regex', installedMb: [2, 3], wheelMb: [0.8, 0.8], source: files('regex') },
  { name: 'sentence-transformers', installedMb: [1, 3], wheelMb: [0.5, 0.5], requires: ['transformers', 'torch', 'scikit-learn'], source: files('sentence-transformers') },
  { name: 'spacy', installedMb: [30, 60], wheelMb: [6, 7], requires: ['numpy'], source: files('spacy') },
  { name: 'botocore', installedMb: [90, 130], wheelMb: [12, 14], note: 'mostly JSON service descriptions', source: files('botocore') },
  { name: 'boto3', installedMb: [1, 2], wheelMb: [0.2, 0.2], requires: ['botocore'], source: files('boto3') },
  { name: 'awscli', installedMb: [10, 20], wheelMb: [4, 5], requires: ['botocore'], source: files('awscli') },
  { name: 'grpcio', installedMb: [10, 20], wheelMb: [5, 6], source: files('grpcio') },
  { name: 'grpcio-tools', installedMb: [8, 15], wheelMb: [2, 3], requires: ['grpcio'], source: files('grpcio-tools') },
  { name: 'cryptography', installedMb: [8, 15], wheelMb: [4, 5], source: files('cryptography') },
  { name: 'lxml', installedMb: [10, 25], wheelMb: [5, 6], source: files('lxml') },
  { name: 'psycopg2-binary', installedMb: [8, 12], wheelMb: [3, 3], source: files('psycopg2-binary') },
  { name: 'psycopg-binary', installedMb: [10, 15], wheelMb: [4, 5], source: files('psycopg-binary') },
  { name: 'django', installedMb: [25, 40], wheelMb: [8, 9], note: 'much of it translations', source: files('django') },
  { name: 'sqlalchemy', installedMb: [10, 20], wheelMb: [3, 4], source: files('sqlalchemy') },
  { name: 'uvloop', installedMb: [10, 20], wheelMb: [4, 5], source: files('uvloop') },
  { name: 'gevent', installedMb: [10, 20], wheelMb: [6, 7], source: files('gevent') },
  { name: 'pyzmq', installedMb: [5, 10], wheelMb: [1.5, 2], source: files('pyzmq') },
  { name: 'pydantic-core', installedMb: [4, 8], wheelMb: [2, 2], source: files('pydantic-core') },
  { name: 'pydantic', installedMb: [2, 4], wheelMb: [0.5, 0.5], requires: ['pydantic-core'], source: files('pydantic') },
];

const BY_NAME: ReadonlyMap<string, PipSize> = new Map(PIP_SIZES.map((p) => [p.name, p]));

/** Each package not in the table is counted as this much (low, high): most pure-Python libraries are a few MB. */
export const UNKNOWN_PIP_PACKAGE_MB: [number, number] = [0.5, 5];

export function pipSize(name: string): PipSize | undefined {
  return BY_NAME.get(name.toLowerCase().replace(/[-_.]+/g, '-'));
}

/** The named packages plus the heavy dependencies the table knows they pull in, each once. */
export function withHeavyDependencies(names: Iterable<string>): string[] {
  const out = new Set<string>();
  const visit = (name: string) => {
    const normal = name.toLowerCase().replace(/[-_.]+/g, '-');
    if (out.has(normal)) return;
    out.add(normal);
    for (const dep of BY_NAME.get(normal)?.requires ?? []) visit(dep);
  };
  for (const name of names) visit(name);
  return [...out];
}

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { musllinuxGaps, parseRequirement, wheelFacts } from '../../server/src/engine/knowledge/pypi-wheels';
import { alpineMusl } from '../../server/src/engine/rules/alpine-musl';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

/** A uv.lock for a project that depends on one package, locked with the given wheels. */
function uvLock(name: string, version: string, wheelTags: string[]): string {
  const file = name.replace(/-/g, '_');
  return [
    'version = 1',
    '[[package]]',
    'name = "app"',
    'version = "0.1.0"',
    'source = { virtual = "." }',
    `dependencies = [{ name = "${name}" }]`,
    '[[package]]',
    `name = "${name}"`,
    `version = "${version}"`,
    'source = { registry = "https://pypi.org/simple" }',
    `sdist = { url = "https://files.example/${file}-${version}.tar.gz", hash = "sha256:0", size = 1 }`,
    `wheels = [${wheelTags.map((t) => `{ url = "https://files.example/${file}-${version}-${t}.whl", hash = "sha256:1", size = 2 }`).join(', ')}]`,
  ].join('\n');
}

ruleTests(alpineMusl, {
  valid: [
    // Packages with musllinux wheels install as wheels on Alpine.
    dockerfile('FROM python:3.12-alpine', 'RUN pip install --no-cache-dir numpy pandas psycopg2-binary "psycopg[binary]" cryptography grpcio'),
    // Source-only packages compile on every base: not an Alpine problem.
    dockerfile('FROM python:3.12-alpine', 'RUN apk add --no-cache --virtual .b gcc musl-dev postgresql-dev && pip install --no-cache-dir psycopg2 && apk del .b'),
    // glibc bases.
    dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir torch'),
    dockerfile('FROM python:3.12', 'RUN pip install --no-cache-dir pyarrow'),
    // Without the build context requirement files cannot be read: stay quiet.
    dockerfile('FROM python:3.12-alpine', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt'),
    // Pure-Python requirements install anywhere.
    {
      code: dockerfile('FROM python:3.12-alpine', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt'),
      context: { files: { 'requirements.txt': 'flask==3.0.3\nrequests>=2.32\ngunicorn\n' } },
    },
    // Packages with musl wheels, and a Windows-only requirement its marker rules out.
    {
      code: dockerfile('FROM python:3.12-alpine', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt'),
      context: { files: { 'requirements.txt': 'numpy==2.3.2\npsycopg[binary]\npyarrow; sys_platform == "win32"\n' } },
    },
    // ../shared/corpus/Hooleymass__TG-Filestream__Dockerfile, with pure-Python requirements.
    {
      code: dockerfile('FROM python:3.9-alpine', 'WORKDIR /app', 'COPY requirements.txt ./', 'RUN apk add build-base', 'RUN pip install --no-cache-dir -r requirements.txt'),
      context: { files: { 'requirements.txt': 'pyrogram\naiohttp\npython-dotenv\n' } },
    },
    // A lock whose release ships a musllinux wheel for this Python.
    { code: dockerfile('FROM python:3.12-alpine', 'WORKDIR /app', 'COPY . .', 'RUN uv sync --frozen --no-dev'), context: { files: { 'uv.lock': uvLock('psycopg-binary', '3.2.9', ['cp312-cp312-manylinux_2_17_x86_64', 'cp312-cp312-musllinux_1_2_x86_64']) } } },
    // The same requirements on a glibc base.
    { code: dockerfile('FROM python:3.12-slim', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt'), context: { files: { 'requirements.txt': 'torch\n' } } },
    // An Alpine builder whose output is not the final image.
    dockerfile('FROM python:3.12-alpine AS builder', 'RUN pip install torch', 'FROM python:3.12-slim', 'COPY --from=builder /x /x'),
    // alpine without Python from apk: not a Python image we can reason about.
    dockerfile('FROM alpine:3.20', 'RUN pip install torch'),
    // --only-binary :all: fails instead of compiling; nothing to warn about here.
    dockerfile('FROM python:3.12-alpine', 'RUN pip install --only-binary=:all: torch'),
    // Unknown packages.
    dockerfile('FROM python:3.12-alpine', 'RUN pip install --no-cache-dir some-internal-lib flask'),
    // ../shared/corpus/Hooleymass__TG-Filestream__Dockerfile (requirement file only)
    dockerfile('FROM python:3.9-alpine', 'WORKDIR /app', 'COPY requirements.txt ./', 'RUN apk add build-base', 'RUN pip install --no-cache-dir -r requirements.txt'),
  ],
  invalid: [
    {
      // Requirement files from the build context, with their -r includes.
      code: dockerfile('FROM python:3.12-alpine', 'WORKDIR /app', 'COPY requirements/ ./requirements/', 'RUN pip install --no-cache-dir -r requirements/prod.txt'),
      context: { files: { 'requirements/prod.txt': '-r base.txt\ngunicorn\n', 'requirements/base.txt': 'fastapi\npyarrow==21.0.0\n' } },
      lines: [4],
      message: '`pyarrow` has no musllinux wheels on PyPI, only manylinux (glibc) ones (read from `requirements/prod.txt`, `requirements/base.txt`): pip builds',
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'COPY requirements/ ./requirements/', 'RUN pip install --no-cache-dir -r requirements/prod.txt'),
    },
    {
      // The lock pins an old numpy whose files include no musllinux wheel: the lock decides, not the table.
      code: dockerfile(
        'FROM python:3.12-alpine',
        'COPY --from=ghcr.io/astral-sh/uv:0.5.31 /uv /uvx /bin/',
        'WORKDIR /app',
        'COPY pyproject.toml uv.lock ./',
        'RUN uv sync --frozen --no-dev',
      ),
      context: { files: { 'uv.lock': uvLock('numpy', '1.21.0', ['cp39-cp39-manylinux_2_17_x86_64', 'cp312-cp312-manylinux_2_17_x86_64']) } },
      lines: [5],
      message: '`numpy` has no musllinux wheels on PyPI, only manylinux (glibc) ones (read from `uv.lock`): uv builds from source',
      unsafe: true,
      output: dockerfile(
        'FROM python:3.12-slim',
        'COPY --from=ghcr.io/astral-sh/uv:0.5.31 /uv /uvx /bin/',
        'WORKDIR /app',
        'COPY pyproject.toml uv.lock ./',
        'RUN uv sync --frozen --no-dev',
      ),
    },
    {
      // pip install . reads the project's dependencies from pyproject.toml.
      code: dockerfile('FROM python:3.11-alpine', 'WORKDIR /src', 'COPY . .', 'RUN pip install --no-cache-dir .'),
      context: { files: { 'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["fastapi", "opencv-python-headless>=4.10"]\n' } },
      lines: [4],
      message: '`opencv-python-headless`',
      unsafe: true,
      output: dockerfile('FROM python:3.11-slim', 'WORKDIR /src', 'COPY . .', 'RUN pip install --no-cache-dir .'),
    },
    {
      // poetry install follows poetry.lock from the project's main dependencies.
      code: dockerfile('FROM python:3.12-alpine', 'WORKDIR /app', 'COPY pyproject.toml poetry.lock ./', 'RUN pip install poetry && poetry install --only main --no-root'),
      context: {
        files: {
          'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.12"\nsentence-transformers = "^3"\n[tool.poetry.group.dev.dependencies]\npytest = "*"\n',
          'poetry.lock': [
            '[[package]]\nname = "sentence-transformers"\nversion = "3.0.1"\ngroups = ["main"]\nfiles = [{file = "sentence_transformers-3.0.1-py3-none-any.whl", hash = "sha256:a"}]',
            '[package.dependencies]\ntorch = ">=1.11.0"',
            '[[package]]\nname = "torch"\nversion = "2.8.0"\ngroups = ["main"]\nfiles = [{file = "torch-2.8.0-cp312-cp312-manylinux_2_28_x86_64.whl", hash = "sha256:b"}]',
            '[[package]]\nname = "pytest"\nversion = "8.3.0"\ngroups = ["dev"]\nfiles = []',
          ].join('\n'),
        },
      },
      lines: [4],
      message: '`torch` has no musllinux wheels on PyPI, only manylinux (glibc) ones (read from `pyproject.toml`, `poetry.lock`): poetry builds',
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'COPY pyproject.toml poetry.lock ./', 'RUN pip install poetry && poetry install --only main --no-root'),
    },
    {
      code: dockerfile('FROM python:3.12-alpine3.20', 'RUN pip install --no-cache-dir fastapi torch==2.3.0 uvicorn', 'CMD ["python", "app.py"]'),
      lines: [2],
      message: '`torch`',
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir fastapi torch==2.3.0 uvicorn', 'CMD ["python", "app.py"]'),
    },
    {
      // Several packages and spellings (PEP 503).
      code: dockerfile('FROM python:3-alpine', 'RUN pip install PyArrow opencv_python_headless'),
      lines: [2],
      message: '`pyarrow`, `opencv-python-headless`',
      unsafe: true,
      output: dockerfile('FROM python:3-slim', 'RUN pip install PyArrow opencv_python_headless'),
    },
    {
      // apk calls would break on Debian: no fix.
      code: dockerfile('FROM python:3.11-alpine', 'RUN apk add --no-cache libstdc++', 'RUN pip install --no-cache-dir tensorflow'),
      lines: [3],
      output: null,
    },
    {
      // BusyBox adduser options differ on Debian: no fix.
      code: dockerfile('FROM python:3.12-alpine', 'RUN uv pip install --system numba', 'RUN adduser -D app'),
      lines: [2],
      output: null,
    },
    {
      // Digest-pinned: no fix.
      code: dockerfile('FROM python:3.12-alpine@sha256:0123456789abcdef', 'RUN pip install xgboost'),
      lines: [2],
      output: null,
    },
    {
      // alpine with Python from apk (../shared/corpus/sravanre__python_Webservers__apline_image_Dockerfile shape): no Python tag to switch to.
      code: dockerfile('FROM alpine:3.20', 'RUN apk add --no-cache python3 py3-pip', 'RUN pip install --break-system-packages onnxruntime'),
      lines: [3],
      output: null,
    },
    {
      // The stage the final image is built FROM.
      code: dockerfile('FROM python:3.12-alpine AS base', 'RUN pip install jaxlib', 'FROM base', 'CMD ["python"]'),
      lines: [2],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim AS base', 'RUN pip install jaxlib', 'FROM base', 'CMD ["python"]'),
    },
  ],
});

it('pypi-wheels reads requirements and looks names up by their PEP 503 form', () => {
  assert.deepEqual(parseRequirement('uvicorn[standard]>=0.30'), { name: 'uvicorn', extras: ['standard'], pinned: undefined });
  assert.deepEqual(parseRequirement('Psycopg[binary,pool]==3.2.9'), { name: 'psycopg', extras: ['binary', 'pool'], pinned: '3.2.9' });
  assert.equal(parseRequirement('./wheels/x.whl'), undefined);
  assert.equal(parseRequirement('git+https://github.com/a/b'), undefined);
  assert.equal(parseRequirement('.'), undefined);
  assert.equal(wheelFacts('Scikit_Learn')?.name, 'scikit-learn');
  assert.equal(wheelFacts('PyYAML')?.musllinux, true);
  assert.deepEqual(musllinuxGaps(parseRequirement('psycopg[c]')!), []);
  assert.deepEqual(musllinuxGaps(parseRequirement('torch')!).map((f) => f.name), ['torch']);
  for (const facts of [...['numpy', 'torch', 'psycopg2', 'mysqlclient']].map((n) => wheelFacts(n)!)) {
    assert.ok(facts.source.startsWith('https://'), `${facts.name} has a source`);
  }
});

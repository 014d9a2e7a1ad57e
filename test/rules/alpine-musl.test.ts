import assert from 'node:assert/strict';
import { it } from 'node:test';
import { musllinuxGaps, parseRequirement, wheelFacts } from '../../server/src/engine/knowledge/pypi-wheels';
import { alpineMusl } from '../../server/src/engine/rules/alpine-musl';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(alpineMusl, {
  valid: [
    // Packages with musllinux wheels install as wheels on Alpine.
    dockerfile('FROM python:3.12-alpine', 'RUN pip install --no-cache-dir numpy pandas psycopg2-binary "psycopg[binary]" cryptography grpcio'),
    // Source-only packages compile on every base: not an Alpine problem.
    dockerfile('FROM python:3.12-alpine', 'RUN apk add --no-cache --virtual .b gcc musl-dev postgresql-dev && pip install --no-cache-dir psycopg2 && apk del .b'),
    // glibc bases.
    dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir torch'),
    dockerfile('FROM python:3.12', 'RUN pip install --no-cache-dir pyarrow'),
    // Requirement files are not read (yet): stay quiet.
    dockerfile('FROM python:3.12-alpine', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt'),
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

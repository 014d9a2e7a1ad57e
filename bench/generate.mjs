// Realistic benchmark inputs: multi-stage Python Dockerfiles of an exact line
// count. Each service is a builder stage (apt build deps in a long RUN chain,
// a venv, pip installs, a heredoc step) and a runtime stage that copies the
// venv across, drops root and declares a health check. A few services carry
// the smells real files have (missing --no-install-recommends, pip cache,
// MAINTAINER, a lowercase keyword, relative WORKDIR, :latest, COPY . . before
// the install) so every linter has something to say. Deterministic: the same
// size always gives the same bytes.
//
//   node bench/generate.mjs [outdir]   writes Dockerfile.20 … Dockerfile.20000

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SIZES = [20, 200, 2000, 20000];

const BUILD_DEPS = [
  ['build-essential', 'libpq-dev', 'libffi-dev', 'libssl-dev', 'git', 'curl', 'ca-certificates'],
  ['gcc', 'g++', 'make', 'pkg-config', 'libxml2-dev', 'libxslt1-dev', 'zlib1g-dev'],
  ['build-essential', 'libjpeg62-turbo-dev', 'libpng-dev', 'libfreetype6-dev', 'liblcms2-dev'],
  ['gcc', 'libc6-dev', 'default-libmysqlclient-dev', 'pkg-config', 'curl'],
];
const RUNTIME_LIBS = [['libpq5'], ['libxml2', 'libxslt1.1'], ['libjpeg62-turbo', 'libpng16-16'], ['libmariadb3']];
const PIP_SETS = [
  ['fastapi==0.111.0', 'uvicorn[standard]==0.30.1', 'pydantic==2.7.4', 'httpx==0.27.0'],
  ['django==5.0.6', 'gunicorn==22.0.0', 'psycopg[binary]==3.1.19', 'celery==5.4.0', 'redis==5.0.4'],
  ['numpy==1.26.4', 'pandas==2.2.2', 'scikit-learn==1.5.0', 'pyarrow==16.1.0'],
  ['flask==3.0.3', 'sqlalchemy==2.0.30', 'alembic==1.13.1', 'lxml==5.2.2', 'pillow==10.3.0'],
];
const SERVERS = [
  (k) => ['gunicorn', '--bind', '0.0.0.0:8000', '--workers', '4', `svc${k}.wsgi:application`],
  (k) => ['uvicorn', `svc${k}.main:app`, '--host', '0.0.0.0', '--port', '8000'],
  (k) => ['python', '-m', `svc${k}`],
];

/** Deterministic choices per service, so output does not depend on Math.random. */
function chooser(seed) {
  let state = (seed * 2654435761 + 0x9e3779b9) >>> 0;
  return (n) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state % n;
  };
}

function header() {
  return [
    '# syntax=docker/dockerfile:1.7',
    '# Benchmark input: many Python services built in one file',
    'ARG PYTHON_VERSION=3.12',
    'ARG DEBIAN_RELEASE=bookworm',
    'ARG DEBIAN_FRONTEND=noninteractive',
  ];
}

function builder(k, pick) {
  const deps = BUILD_DEPS[k % BUILD_DEPS.length];
  const pips = PIP_SETS[(k + pick(2)) % PIP_SETS.length];
  const lines = [
    '',
    `# ==== service ${k}: build stage ====`,
    `FROM python:\${PYTHON_VERSION}-slim-\${DEBIAN_RELEASE} AS build-svc${k}`,
  ];
  if (k % 9 === 4) lines.push('MAINTAINER platform@example.com');
  lines.push(
    'ARG PIP_INDEX_URL=https://pypi.org/simple',
    'ENV PYTHONDONTWRITEBYTECODE=1 \\',
    '    PYTHONUNBUFFERED=1 \\',
    '    PIP_DISABLE_PIP_VERSION_CHECK=1 \\',
    '    VIRTUAL_ENV=/opt/venv',
    `LABEL org.opencontainers.image.source="https://git.example.com/team/svc-${k}" \\`,
    `      org.opencontainers.image.revision="r${1000 + k}"`,
    'WORKDIR /src',
  );
  const recommends = k % 3 === 1 ? '' : ' --no-install-recommends';
  lines.push('RUN set -eux; \\', '    apt-get update \\', `    && apt-get install -y${recommends} \\`);
  for (const dep of deps) lines.push(`        ${dep} \\`);
  lines.push('    && apt-get clean \\', '    && rm -rf /var/lib/apt/lists/*');
  lines.push('# an isolated environment the runtime stage copies as a whole', 'RUN python -m venv "$VIRTUAL_ENV"', 'ENV PATH="$VIRTUAL_ENV/bin:$PATH"');
  const copyFirst = k % 8 === 5;
  if (copyFirst) lines.push('COPY . .');
  else lines.push('COPY requirements.txt requirements-prod.txt ./');
  const cache = k % 4 === 2 ? '' : ' --no-cache-dir';
  lines.push(
    `RUN pip install${cache} --upgrade pip setuptools wheel \\`,
    `    && pip install${cache} -r requirements.txt -r requirements-prod.txt \\`,
    `    && pip install${cache} ${pips.join(' ')} \\`,
    '    && python -m pip check',
  );
  if (!copyFirst) lines.push('COPY . .');
  lines.push(
    'RUN <<EOF',
    'set -eux',
    'python -m compileall -q src',
    'pip wheel --no-deps --wheel-dir /wheels .',
    "find \"$VIRTUAL_ENV\" -name '*.pyc' -delete",
    'EOF',
  );
  return lines;
}

function runtime(k, pick) {
  const libs = RUNTIME_LIBS[k % RUNTIME_LIBS.length];
  const base = k % 11 === 7 ? 'python:latest' : k % 13 === 3 ? 'python:3.12' : 'python:3.12-slim-bookworm';
  const keyword = k % 6 === 1 ? 'run' : 'RUN';
  const server = SERVERS[pick(SERVERS.length)](k);
  const lines = [
    '',
    `# ==== service ${k}: runtime stage ====`,
    `FROM ${base} AS svc${k}`,
    'ARG APP_USER=app',
    'ARG APP_UID=10001',
    'ENV PATH="/opt/venv/bin:$PATH" \\',
    '    APP_HOME=/srv/app \\',
    `    SERVICE_NAME=svc-${k}`,
    'RUN groupadd --system --gid ${APP_UID} ${APP_USER} \\',
    '    && useradd --system --uid ${APP_UID} --gid ${APP_USER} --home-dir /srv/app ${APP_USER}',
    `${keyword} apt-get update && apt-get install -y --no-install-recommends ${libs.join(' ')} \\`,
    '    && rm -rf /var/lib/apt/lists/*',
    `COPY --from=build-svc${k} /opt/venv /opt/venv`,
    `COPY --from=build-svc${k} /wheels /tmp/wheels`,
    'COPY --chown=${APP_USER}:${APP_USER} src/ /srv/app/src/',
    k % 10 === 6 ? 'WORKDIR srv/app' : 'WORKDIR /srv/app',
    'RUN pip install --no-cache-dir /tmp/wheels/*.whl && rm -rf /tmp/wheels',
    'EXPOSE 8000/tcp',
  ];
  if (k % 12 !== 9) lines.push('USER ${APP_USER}');
  lines.push(
    'HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \\',
    '    CMD python -c "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/healthz\')" || exit 1',
    'ENTRYPOINT ["/usr/bin/tini", "--"]',
    `CMD ${JSON.stringify(server).replace(/","/g, '", "')}`,
  );
  return lines;
}

function compact() {
  return [
    '# syntax=docker/dockerfile:1.7',
    'ARG PYTHON_VERSION=3.12',
    'FROM python:${PYTHON_VERSION}-slim AS build',
    'ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1',
    'WORKDIR /src',
    'RUN apt-get update && apt-get install -y \\',
    '    build-essential \\',
    '    libpq-dev \\',
    '    && rm -rf /var/lib/apt/lists/*',
    'COPY requirements.txt .',
    'RUN pip install --prefix=/install -r requirements.txt',
    'RUN <<EOF',
    'python -m compileall -q /src',
    'EOF',
    '# runtime',
    'FROM python:3.12-slim',
    'COPY --from=build /install /usr/local',
    'COPY . /srv/app',
    'USER 10001',
    'CMD ["python", "-m", "app"]',
  ];
}

/** A Dockerfile of exactly `lineCount` lines (plus the final newline). */
export function generateDockerfile(lineCount) {
  let lines;
  if (lineCount <= 20) {
    lines = compact().slice(0, lineCount);
  } else {
    lines = header();
    for (let k = 0; ; k++) {
      const pick = chooser(k + 1);
      const service = [...builder(k, pick), ...runtime(k, pick)];
      if (lines.length + service.length > lineCount) break;
      lines.push(...service);
    }
    // Fill to the exact count inside the last stage: notes and settings, as real files accumulate.
    for (let i = 0; lines.length < lineCount; i++) {
      lines.push(i === 0 ? '' : i % 4 === 1 ? `# note ${i}: tuned for the production cluster` : `ENV FEATURE_FLAG_${i}=enabled`);
    }
  }
  while (lines.length < lineCount) lines.push(`# padding ${lines.length}`);
  return lines.join('\n') + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ?? join(fileURLToPath(new URL('.', import.meta.url)), '.work', 'inputs');
  mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const text = generateDockerfile(size);
    writeFileSync(join(outDir, `Dockerfile.${size}`), text);
    console.log(`${join(outDir, `Dockerfile.${size}`)}: ${text.split('\n').length - 1} lines, ${Buffer.byteLength(text)} bytes`);
  }
}

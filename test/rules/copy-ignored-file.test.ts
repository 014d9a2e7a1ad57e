import { copyIgnoredFile } from '../../server/src/engine/rules/copy-ignored-file';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

const APP = dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY src/ ./src/');

ruleTests(copyIgnoredFile, {
  valid: [
    APP,
    { code: APP, context: { files: { '.dockerignore': '.git\n**/__pycache__\n*.md\n' } } },
    // Allow-list style: everything out, then the sources back in.
    { code: APP, context: { files: { '.dockerignore': '*\n!src\n!requirements.txt\n' } } },
    // An excluded folder partly re-included by an exception: the copy brings what was re-included.
    { code: dockerfile('FROM python:3.12-slim', 'COPY data/ /data/'), context: { files: { '.dockerignore': 'data\n!data/seed.csv\n' } } },
    // ../shared/corpus/jupyter__docker-stacks__docs_using_recipe_code_oracledb.dockerfile: an optional file copied with a one-character glob; nothing matches here.
    { code: dockerfile('FROM python:3.12-slim', 'COPY tnsnames.or[a] ./'), context: { files: { '.dockerignore': '*.ora\n' } } },
    // Copies from other stages are not read from the context.
    { code: dockerfile('FROM python:3.12-slim', 'COPY --from=builder /app/dist /app/dist'), context: { files: { '.dockerignore': 'dist\n' } } },
    // The whole context is fine: the ignore file is doing its job.
    { code: dockerfile('FROM python:3.12-slim', 'COPY . .'), context: { files: { '.dockerignore': '*\n' } } },
  ],
  invalid: [
    {
      code: dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'COPY config/settings.toml ./config/', 'COPY app/ ./app/'),
      context: { files: { '.dockerignore': '.git\nconfig\n' } },
      lines: [3],
      message: '.dockerignore excludes `config/settings.toml` (`config` on line 2), so this COPY fails with "not found"',
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'COPY config/settings.toml ./config/', 'COPY app/ ./app/'),
      files: { '.dockerignore': '.git\nconfig\n!config/settings.toml\n' },
    },
    {
      // Last match wins: the exception comes before the exclusion, so it does not help.
      code: dockerfile('FROM python:3.12-slim', 'COPY ./README.md /app/'),
      context: { files: { '.dockerignore': '!README.md\n*.md' } },
      lines: [2],
      message: '(`*.md` on line 2)',
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'COPY ./README.md /app/'),
      files: { '.dockerignore': '!README.md\n*.md\n!README.md\n' },
    },
    {
      // Exec form, and a folder source.
      code: dockerfile('FROM python:3.12-slim', 'ADD ["docs/", "/app/docs/"]'),
      context: { files: { '.dockerignore': '/docs/\n' } },
      lines: [2],
      message: '.dockerignore excludes `docs` (`/docs/` on line 1), so this ADD fails',
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'ADD ["docs/", "/app/docs/"]'),
      files: { '.dockerignore': '/docs/\n!docs\n' },
    },
    {
      // Bind mounts read the same filtered context.
      code: dockerfile('FROM python:3.12-slim', 'RUN --mount=type=bind,source=requirements.lock,target=/tmp/r.txt pip install -r /tmp/r.txt'),
      context: { files: { '.dockerignore': '*.lock\n' } },
      lines: [2],
      message: 'so this bind mount fails',
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'RUN --mount=type=bind,source=requirements.lock,target=/tmp/r.txt pip install -r /tmp/r.txt'),
      files: { '.dockerignore': '*.lock\n!requirements.lock\n' },
    },
    {
      // A glob whose every match is excluded copies nothing; no fix is guessed for it.
      code: dockerfile('FROM python:3.12-slim', 'COPY requirements*.txt ./'),
      context: { files: { '.dockerignore': '*.txt\n' }, listed: ['requirements.txt', 'requirements-dev.txt', 'src'] },
      lines: [2],
      message: '(`*.txt` on line 1)',
      output: null,
    },
    {
      // The Dockerfile-specific ignore file is the one in effect.
      code: dockerfile('FROM python:3.12-slim', 'COPY scripts/entrypoint.sh /'),
      context: { files: { 'api.Dockerfile.dockerignore': 'scripts/\n' }, dockerignorePath: 'api.Dockerfile.dockerignore' },
      lines: [2],
      message: 'api.Dockerfile.dockerignore excludes `scripts/entrypoint.sh`',
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'COPY scripts/entrypoint.sh /'),
      files: { 'api.Dockerfile.dockerignore': 'scripts/\n!scripts/entrypoint.sh\n' },
    },
  ],
});

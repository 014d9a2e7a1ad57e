import { copyBeforeDeps } from '../../server/src/engine/rules/copy-before-deps';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(copyBeforeDeps, {
  valid: [
    dockerfile('FROM python:3.12-slim', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY . .'),
    dockerfile('FROM python:3.12-slim', 'COPY . .', 'CMD ["python", "app.py"]'),
    // Installing tools, not the project's dependencies.
    dockerfile('FROM python:3.12-slim', 'COPY . .', 'RUN pip install --no-cache-dir --upgrade pip setuptools wheel'),
    // A copy from another stage is not the build context.
    dockerfile('FROM python:3.12-slim', 'COPY --from=builder . .', 'RUN pip install -r requirements.txt'),
    // ../shared/corpus/astral-sh__uv-docker-example__multistage.Dockerfile (bind mounts, then copy, then sync)
    dockerfile(
      'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim AS builder',
      'WORKDIR /app',
      'RUN --mount=type=cache,target=/root/.cache/uv \\',
      '    --mount=type=bind,source=uv.lock,target=uv.lock \\',
      '    --mount=type=bind,source=pyproject.toml,target=pyproject.toml \\',
      '    uv sync --locked --no-install-project --no-dev',
      'COPY . /app',
      'RUN --mount=type=cache,target=/root/.cache/uv \\',
      '    uv sync --locked --no-dev',
    ),
  ],
  invalid: [
    {
      code: dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'COPY . .', 'RUN pip install --no-cache-dir -r requirements.txt', 'CMD ["python", "app.py"]'),
      lines: [3],
      output: dockerfile(
        'FROM python:3.12-slim',
        'WORKDIR /app',
        'COPY requirements.txt ./',
        'RUN pip install --no-cache-dir -r requirements.txt',
        'COPY . .',
        'CMD ["python", "app.py"]',
      ),
    },
    {
      // Absolute destination and requirement paths; flags on the COPY are kept.
      code: dockerfile('FROM python:3.12-slim', 'COPY --chown=app:app . /srv/app', 'RUN pip install -r /srv/app/requirements/prod.txt -c /srv/app/constraints.txt'),
      lines: [2],
      output: dockerfile(
        'FROM python:3.12-slim',
        'COPY --chown=app:app requirements/prod.txt /srv/app/requirements/',
        'COPY --chown=app:app constraints.txt /srv/app/',
        'RUN pip install -r /srv/app/requirements/prod.txt -c /srv/app/constraints.txt',
        'COPY --chown=app:app . /srv/app',
      ),
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'COPY . .', 'RUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen --no-dev'),
      lines: [3],
      output: dockerfile(
        'FROM python:3.12-slim',
        'WORKDIR /app',
        'COPY pyproject.toml uv.lock ./',
        'RUN --mount=type=cache,target=/root/.cache/uv uv sync --no-install-project --frozen --no-dev',
        'COPY . .',
        'RUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen --no-dev',
      ),
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'COPY . .', 'RUN pip install poetry && poetry install --only main'),
      lines: [3],
      output: dockerfile(
        'FROM python:3.12-slim',
        'WORKDIR /app',
        'COPY pyproject.toml poetry.lock ./',
        'RUN pip install poetry && poetry install --no-root --only main',
        'COPY . .',
        'RUN poetry install --only main',
      ),
    },
    {
      // pip install . needs the sources: reported, no automatic fix.
      code: dockerfile('FROM python:3.12-slim', 'COPY . .', 'RUN pip install --no-cache-dir .'),
      lines: [2],
      output: null,
    },
    {
      // A RUN in between may need the sources: the fix is offered as unsafe.
      code: dockerfile('FROM python:3.12-slim', 'COPY . .', 'RUN ./scripts/prepare.sh', 'RUN pip install -r requirements.txt'),
      lines: [2],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'COPY requirements.txt ./', 'RUN ./scripts/prepare.sh', 'RUN pip install -r requirements.txt', 'COPY . .'),
    },
    {
      // ../shared/corpus/docker__awesome-compose__fastapi_Dockerfile-style: COPY . /app then install
      code: dockerfile('FROM python:3.10-alpine', 'WORKDIR /app', 'COPY . /app', 'RUN pip3 install -r requirements.txt --no-cache-dir'),
      lines: [3],
      output: dockerfile('FROM python:3.10-alpine', 'WORKDIR /app', 'COPY requirements.txt /app/', 'RUN pip3 install -r requirements.txt --no-cache-dir', 'COPY . /app'),
    },
  ],
});

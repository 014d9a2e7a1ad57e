// Split into builder/runtime stages: before/after fixtures in the style of
// rust-analyzer's check_assist. Every fixture also checks that the output
// parses cleanly into two stages and that applying the refactoring again is
// a no-op (it is not offered on a multi-stage file).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/engine/model/parse';
import { splitStages } from '../../server/src/engine/refactor/split-stages';
import { applyRefactoring, dockerfile } from '../helpers';

/** Asserts the full output text, and that each of `notes` is a substring of some note. */
function checkSplit(before: string, after: string, notes: string[] = []): void {
  const result = splitStages.compute(parseDockerfile(before));
  assert.ok(result, 'the refactoring should be offered');
  assert.equal(applyRefactoring(splitStages, before), after);
  for (const note of notes) {
    assert.ok(result.notes.some((n) => n.includes(note)), `no note mentions ${JSON.stringify(note)}:\n${result.notes.join('\n')}`);
  }
  const model = parseDockerfile(after);
  assert.deepEqual(model.problems, []);
  assert.equal(model.stages.length, 2);
  assert.equal(applyRefactoring(splitStages, after), undefined, 'applying it twice must change nothing the second time');
}

function checkNotOffered(before: string): void {
  assert.equal(applyRefactoring(splitStages, before), undefined);
}

describe('split-stages', () => {
  it('is offered next to the findings it resolves', () => {
    assert.equal(splitStages.id, 'split-stages');
    assert.equal(splitStages.title, 'Split into builder/runtime stages');
    assert.deepEqual(splitStages.resolves, ['single-stage-build-tools', 'full-base-image', 'root-user']);
  });

  it('requirements.txt with gcc and headers on a bookworm tag: bookworm runtime libraries', () => {
    checkSplit(
      `FROM python:3.11-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libssl-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
EXPOSE 8000
CMD ["gunicorn", "app:app"]
`,
      `FROM python:3.11-bookworm AS builder
RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libssl-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN python3 -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN pip install --no-cache-dir -r requirements.txt

FROM python:3.11-slim-bookworm
RUN apt-get update \\
    && apt-get install -y --no-install-recommends libpq5 libssl3 \\
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN useradd --create-home --uid 10001 app
COPY . .
USER app
EXPOSE 8000
CMD ["gunicorn", "app:app"]
`,
      ['non-root user `app`', 'starts from `python:3.11-slim-bookworm` instead of `python:3.11-bookworm`'],
    );
  });

  it('full python:3.12 base: slim runtime with trixie library names, runtime tools kept', () => {
    checkSplit(
      `FROM python:3.12
RUN apt-get update && apt-get install -y libssl-dev libpq-dev curl && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
CMD python app.py
`,
      `FROM python:3.12 AS builder
RUN apt-get update && apt-get install -y libssl-dev libpq-dev curl && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN python3 -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN pip install -r requirements.txt

FROM python:3.12-slim
RUN apt-get update \\
    && apt-get install -y --no-install-recommends curl libpq5 libssl3t64 \\
    && rm -rf /var/lib/apt/lists/*
COPY --from=builder /opt/venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN useradd --create-home --uid 10001 app
COPY . .
USER app
CMD python app.py
`,
      ['`python:3.12-slim` instead of `python:3.12`'],
    );
  });

  it('uv sync: the project venv is copied, uv stays in the builder, `uv run` is dropped', () => {
    checkSplit(
      `FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /uvx /bin/
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
RUN uv sync --frozen --no-dev
EXPOSE 8000
CMD ["uv", "run", "uvicorn", "app.main:app", "--host", "0.0.0.0"]
`,
      `FROM python:3.12-slim AS builder
COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /uvx /bin/
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
RUN uv sync --frozen --no-dev

FROM python:3.12-slim
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
WORKDIR /app
COPY --from=builder /app/.venv /app/.venv
ENV VIRTUAL_ENV=/app/.venv PATH="/app/.venv/bin:$PATH"
RUN useradd --create-home --uid 10001 app
COPY . .
USER app
EXPOSE 8000
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]
`,
      ['Dropped `uv run` from CMD (line 10)'],
    );
  });

  it('uv sync into UV_PROJECT_ENVIRONMENT; `uv run script.py` becomes `python script.py`', () => {
    checkSplit(
      `FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/
ENV UV_PROJECT_ENVIRONMENT=/opt/app-env
WORKDIR /app
RUN --mount=type=cache,target=/root/.cache/uv uv sync --locked
CMD ["uv", "run", "--no-sync", "main.py"]
`,
      `FROM python:3.12-slim AS builder
COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/
ENV UV_PROJECT_ENVIRONMENT=/opt/app-env
WORKDIR /app
RUN --mount=type=cache,target=/root/.cache/uv uv sync --locked

FROM python:3.12-slim
ENV UV_PROJECT_ENVIRONMENT=/opt/app-env
WORKDIR /app
COPY --from=builder /opt/app-env /opt/app-env
ENV VIRTUAL_ENV=/opt/app-env PATH="/opt/app-env/bin:$PATH"
RUN useradd --create-home --uid 10001 app
USER app
CMD ["python", "main.py"]
`,
      ['`uv run --no-sync`'],
    );
  });

  it('poetry: installed and configured in the builder, installs into the active venv', () => {
    checkSplit(
      `FROM python:3.12-slim
ENV POETRY_VERSION=1.8.3
RUN pip install "poetry==$POETRY_VERSION"
WORKDIR /app
COPY pyproject.toml poetry.lock ./
RUN poetry config virtualenvs.create false \\
    && poetry install --only main --no-interaction --no-root
COPY . .
CMD ["poetry", "run", "python", "-m", "app"]
`,
      `FROM python:3.12-slim AS builder
ENV POETRY_VERSION=1.8.3
RUN pip install "poetry==$POETRY_VERSION"
WORKDIR /app
COPY pyproject.toml poetry.lock ./
RUN python3 -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN poetry config virtualenvs.create false \\
    && poetry install --only main --no-interaction --no-root

FROM python:3.12-slim
ENV POETRY_VERSION=1.8.3
WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN useradd --create-home --uid 10001 app
COPY . .
USER app
CMD ["python", "-m", "app"]
`,
      ['Dropped `poetry run` from CMD'],
    );
  });

  it('alpine stays alpine: musl libraries, adduser', () => {
    checkSplit(
      `FROM python:3.12-alpine
RUN apk add --no-cache build-base postgresql-dev libffi-dev
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "app.py"]
`,
      `FROM python:3.12-alpine AS builder
RUN apk add --no-cache build-base postgresql-dev libffi-dev
WORKDIR /app
COPY requirements.txt .
RUN python3 -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN pip install --no-cache-dir -r requirements.txt

FROM python:3.12-alpine
RUN apk add --no-cache libffi libpq
WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN adduser -D -u 10001 app
COPY . .
USER app
CMD ["python", "app.py"]
`,
      ['stays on `python:3.12-alpine`', 'musl'],
    );
  });

  it('pip install --user: the flag goes (also from its own continuation line), ENV PATH stays', () => {
    checkSplit(
      `FROM python:3.12
ENV PATH=/root/.local/bin:$PATH
COPY requirements.txt .
RUN pip install --user --no-cache-dir \\
    --user \\
    -r requirements.txt
COPY app.py .
CMD ["python", "app.py"]
`,
      `FROM python:3.12 AS builder
ENV PATH=/root/.local/bin:$PATH
COPY requirements.txt .
RUN python3 -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN pip install --no-cache-dir \\
    -r requirements.txt

FROM python:3.12-slim
ENV PATH=/root/.local/bin:$PATH
COPY --from=builder /opt/venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN useradd --create-home --uid 10001 app
COPY app.py .
USER app
CMD ["python", "app.py"]
`,
      ['Removed `--user` from `pip install` (line 4)'],
    );
  });

  it('several RUNs: apt steps feed one runtime install, collectstatic after COPY . . runs in the runtime', () => {
    checkSplit(
      `FROM python:3.12-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update
RUN apt-get install -y --no-install-recommends build-essential libpq-dev
RUN rm -rf /var/lib/apt/lists/*
WORKDIR /code
COPY requirements/ requirements/
RUN pip install --upgrade pip
RUN pip install -r requirements/production.txt
COPY . .
RUN python manage.py collectstatic --noinput
EXPOSE 8000
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000"]
`,
      `FROM python:3.12-slim-bookworm AS builder
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update
RUN apt-get install -y --no-install-recommends build-essential libpq-dev
RUN rm -rf /var/lib/apt/lists/*
WORKDIR /code
COPY requirements/ requirements/
RUN pip install --upgrade pip
RUN python3 -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN pip install -r requirements/production.txt

FROM python:3.12-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update \\
    && apt-get install -y --no-install-recommends libpq5 \\
    && rm -rf /var/lib/apt/lists/*
WORKDIR /code
COPY --from=builder /opt/venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN useradd --create-home --uid 10001 app
COPY . .
RUN python manage.py collectstatic --noinput
USER app
EXPOSE 8000
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000"]
`,
    );
  });

  it('ARG-parameterised FROM: text before FROM kept byte for byte, tag keeps the ARG, comments travel', () => {
    checkSplit(
      `# syntax=docker/dockerfile:1
ARG PYTHON_VERSION=3.12
# Pin the interpreter in one place.
FROM python:\${PYTHON_VERSION}
RUN apt-get update && apt-get install -y --no-install-recommends gcc libxml2-dev libfoo-dev && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
# Install dependencies
RUN pip install -r requirements.txt
COPY . .
CMD ["python", "-m", "app"]
# trailing comment
`,
      `# syntax=docker/dockerfile:1
ARG PYTHON_VERSION=3.12
# Pin the interpreter in one place.
FROM python:\${PYTHON_VERSION} AS builder
RUN apt-get update && apt-get install -y --no-install-recommends gcc libxml2-dev libfoo-dev && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN python3 -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
# Install dependencies
RUN pip install -r requirements.txt

FROM python:\${PYTHON_VERSION}-slim
# libfoo-dev: no runtime library known; add it here if the app needs one
RUN apt-get update \\
    && apt-get install -y --no-install-recommends libxml2 \\
    && rm -rf /var/lib/apt/lists/*
COPY --from=builder /opt/venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN useradd --create-home --uid 10001 app
COPY . .
USER app
CMD ["python", "-m", "app"]
# trailing comment
`,
      ['No runtime library is known for `libfoo-dev`'],
    );
  });

  it('an ARG holding the whole tag: the slim tag is written out instead of appending to the ARG', () => {
    checkSplit(
      `ARG TAG=3.12-bookworm
FROM python:\${TAG}
RUN pip install -r requirements.txt
`,
      `ARG TAG=3.12-bookworm
FROM python:\${TAG} AS builder
RUN python3 -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN pip install -r requirements.txt

FROM python:3.12-slim-bookworm
COPY --from=builder /opt/venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN useradd --create-home --uid 10001 app
USER app
`,
      ['written out as `python:3.12-slim-bookworm`'],
    );
  });

  it('a file with USER keeps its own user, created in both stages', () => {
    checkSplit(
      `FROM python:3.11-slim-bookworm
RUN useradd --create-home appuser
WORKDIR /home/appuser/app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY --chown=appuser:appuser . .
USER appuser
CMD ["python", "main.py"]
`,
      `FROM python:3.11-slim-bookworm AS builder
RUN useradd --create-home appuser
WORKDIR /home/appuser/app
COPY requirements.txt .
RUN python3 -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN pip install --no-cache-dir -r requirements.txt

FROM python:3.11-slim-bookworm
RUN useradd --create-home appuser
WORKDIR /home/appuser/app
COPY --from=builder /opt/venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
COPY --chown=appuser:appuser . .
USER appuser
CMD ["python", "main.py"]
`,
    );
  });

  it('COPY . . before `pip install .` goes to both stages; the runtime copies the venv first so code edits keep it cached', () => {
    checkSplit(
      `FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir .
CMD ["myapp"]
`,
      `FROM python:3.12-slim AS builder
WORKDIR /app
COPY . .
RUN python3 -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN pip install --no-cache-dir .

FROM python:3.12-slim
WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN useradd --create-home --uid 10001 app
COPY . .
USER app
CMD ["myapp"]
`,
    );
  });

  it('a named stage keeps its name on the runtime stage; apt and pip in one RUN', () => {
    checkSplit(
      `FROM python:3.12 AS app
RUN apt-get update && apt-get install -y --no-install-recommends gcc && pip install --no-cache-dir uwsgi && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*
COPY . /srv
CMD ["uwsgi", "--ini", "/srv/uwsgi.ini"]
`,
      `FROM python:3.12 AS builder
RUN python3 -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN apt-get update && apt-get install -y --no-install-recommends gcc && pip install --no-cache-dir uwsgi && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*

FROM python:3.12-slim AS app
COPY --from=builder /opt/venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN useradd --create-home --uid 10001 app
COPY . /srv
USER app
CMD ["uwsgi", "--ini", "/srv/uwsgi.ini"]
`,
    );
  });

  it('a stage already named builder: the new builder is builder-1; --platform on both FROMs; uv pip --system dropped', () => {
    checkSplit(
      `FROM --platform=$BUILDPLATFORM python:3.12 AS builder
RUN uv pip install --system -r requirements.txt
CMD ["uv", "run", "app.py"]
`,
      `FROM --platform=$BUILDPLATFORM python:3.12 AS builder-1
RUN python3 -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN uv pip install -r requirements.txt

FROM --platform=$BUILDPLATFORM python:3.12-slim AS builder
COPY --from=builder-1 /opt/venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN useradd --create-home --uid 10001 app
USER app
CMD ["python", "app.py"]
`,
      ['Removed `--system` from `uv pip install` (line 2)'],
    );
  });

  it('a tool copied from an image also goes to the runtime when a runtime command uses it', () => {
    checkSplit(
      `FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/uv
RUN uv pip install --system -r requirements.txt
CMD uv pip list && python app.py
`,
      `FROM python:3.12-slim AS builder
COPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/uv
RUN python3 -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN uv pip install -r requirements.txt

FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/uv
COPY --from=builder /opt/venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN useradd --create-home --uid 10001 app
USER app
CMD uv pip list && python app.py
`,
    );
  });

  it('a venv the file already creates is reused; builder-only curl is noted, shell-form `uv run` dropped', () => {
    checkSplit(
      `FROM python:3.12-slim
RUN apt-get update && apt-get install -y curl && curl -sSL https://install.python-poetry.org | python3 -
RUN python -m venv /venv
ENV PATH="/venv/bin:$PATH"
RUN /venv/bin/pip install -r requirements.txt
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
CMD uv run app.py
`,
      `FROM python:3.12-slim AS builder
RUN apt-get update && apt-get install -y curl && curl -sSL https://install.python-poetry.org | python3 -
RUN python -m venv /venv
ENV PATH="/venv/bin:$PATH"
RUN /venv/bin/pip install -r requirements.txt

FROM python:3.12-slim
ENV PATH="/venv/bin:$PATH"
COPY --from=builder /venv /venv
ENV VIRTUAL_ENV=/venv PATH="/venv/bin:$PATH"
RUN useradd --create-home --uid 10001 app
USER app
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
CMD python app.py
`,
      ['The RUN on line 2 stays in the builder: install `curl`', 'Dropped `uv run` from CMD (line 7)'],
    );
  });

  it('a user created without USER is left alone; a heredoc apt RUN is a system step; comments follow their instruction', () => {
    checkSplit(
      `FROM python:3.12-slim
WORKDIR /srv

# Users first
RUN groupadd app && useradd -g app app

# System packages
RUN <<EOF
apt-get update
apt-get install -y gcc
EOF
RUN pip install -r requirements.txt
# the app
COPY . .
ENTRYPOINT ["gosu", "app"]
`,
      `FROM python:3.12-slim AS builder
WORKDIR /srv
# Users first
RUN groupadd app && useradd -g app app
# System packages
RUN <<EOF
apt-get update
apt-get install -y gcc
EOF
RUN python3 -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN pip install -r requirements.txt

FROM python:3.12-slim
WORKDIR /srv
# Users first
RUN groupadd app && useradd -g app app
COPY --from=builder /opt/venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
# the app
COPY . .
ENTRYPOINT ["gosu", "app"]
`,
      ['creates a user but never switches to it'],
    );
  });

  it('CRLF line endings: generated lines use CRLF too', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    checkSplit(
      crlf(`FROM python:3.12-slim
# build deps
RUN apt-get update && apt-get install -y gcc libpq-dev
COPY requirements.txt .
RUN pip install \\
    --user \\
    -r requirements.txt
COPY . .
CMD ["python", "app.py"]
`),
      crlf(`FROM python:3.12-slim AS builder
# build deps
RUN apt-get update && apt-get install -y gcc libpq-dev
COPY requirements.txt .
RUN python3 -m venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN pip install \\
    -r requirements.txt

FROM python:3.12-slim
RUN apt-get update \\
    && apt-get install -y --no-install-recommends libpq5 \\
    && rm -rf /var/lib/apt/lists/*
COPY --from=builder /opt/venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"
RUN useradd --create-home --uid 10001 app
COPY . .
USER app
CMD ["python", "app.py"]
`),
    );
  });

  it('the escape directive sets the continuation character of generated lines', () => {
    checkSplit(
      dockerfile('# escape=`', 'FROM python:3.12-slim', 'RUN apt-get update && apt-get install -y gcc libpq-dev', 'RUN pip install -r requirements.txt'),
      dockerfile(
        '# escape=`',
        'FROM python:3.12-slim AS builder',
        'RUN apt-get update && apt-get install -y gcc libpq-dev',
        'RUN python3 -m venv /opt/venv',
        'ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"',
        'RUN pip install -r requirements.txt',
        '',
        'FROM python:3.12-slim',
        'RUN apt-get update `',
        '    && apt-get install -y --no-install-recommends libpq5 `',
        '    && rm -rf /var/lib/apt/lists/*',
        'COPY --from=builder /opt/venv /opt/venv',
        'ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"',
        'RUN useradd --create-home --uid 10001 app',
        'USER app',
      ),
    );
  });

  it('a pip --target directory is copied next to the venv', () => {
    checkSplit(
      dockerfile('FROM python:3.12-slim', 'RUN pip install --target=/deps -r requirements.txt', 'ENV PYTHONPATH=/deps'),
      dockerfile(
        'FROM python:3.12-slim AS builder',
        'RUN python3 -m venv /opt/venv',
        'ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"',
        'RUN pip install --target=/deps -r requirements.txt',
        '',
        'FROM python:3.12-slim',
        'COPY --from=builder /opt/venv /opt/venv',
        'ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"',
        'COPY --from=builder /deps /deps',
        'RUN useradd --create-home --uid 10001 app',
        'USER app',
        'ENV PYTHONPATH=/deps',
      ),
      ['installs into `/deps`'],
    );
  });

  describe('not offered', () => {
    it('on a multi-stage file', () => {
      checkNotOffered(dockerfile('FROM python:3.12 AS build', 'RUN pip install -r requirements.txt', 'FROM python:3.12-slim', 'COPY --from=build /usr/local /usr/local'));
    });
    it('without a Python dependency install', () => {
      checkNotOffered(dockerfile('FROM python:3.12', 'RUN pip install --upgrade pip setuptools wheel', 'RUN apt-get update && apt-get install -y gcc'));
    });
    it('on scratch', () => {
      checkNotOffered(dockerfile('FROM scratch', 'RUN pip install -r requirements.txt'));
    });
    it('on a file that does not parse cleanly', () => {
      checkNotOffered(dockerfile('FROM python:3.12', 'RUN pip install -r requirements.txt', 'RUN <<EOF', 'echo unterminated'));
    });
    it('on an empty file', () => {
      checkNotOffered('');
    });
  });
});

import { devDepsInRuntime } from '../../server/src/engine/rules/dev-deps-in-runtime';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(devDepsInRuntime, {
  valid: [
    dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir -r requirements.txt'),
    dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir -r requirements/prod.txt'),
    // ../shared/corpus/mealie-recipes__mealie__docker_Dockerfile
    dockerfile('FROM python:3.12-slim', 'RUN poetry install -E pgsql --only main'),
    dockerfile('FROM python:3.12-slim', 'RUN poetry install --no-root --without dev,test'),
    dockerfile('FROM python:3.12-slim', 'RUN poetry install --only=main --no-root'),
    // ../shared/corpus/cookiecutter__cookiecutter-django____cookiecutter.project_slug___compose_production_django_Dockerfile
    dockerfile('FROM python:3.12-slim', 'RUN --mount=type=cache,target=/root/.cache/uv \\', '    uv sync --locked --no-install-project --no-dev'),
    // ../shared/corpus/astral-sh__uv-docker-example__multistage.Dockerfile: UV_NO_DEV in the environment.
    dockerfile('FROM python:3.12-slim', 'ENV UV_NO_DEV=1', 'RUN uv sync --locked'),
    dockerfile('FROM python:3.12-slim', 'RUN uv sync --frozen --only-group prod'),
    // ../shared/corpus/wemake-services__wemake-django-template____cookiecutter.project_name___docker_django_Dockerfile: computed arguments.
    dockerfile('FROM python:3.12-slim', 'RUN poetry sync \\', '    $(if [ "$DJANGO_ENV" = \'production\' ]; then echo \'--only main\'; fi) \\', '    --no-interaction'),
    // ../shared/corpus/devfire__iot-middleware__Dockerfile
    dockerfile('FROM python:3.7', 'RUN pip install pipenv && \\', '    pipenv install --deploy --system --ignore-pipfile'),
    // Builder and test stages are not the runtime.
    dockerfile('FROM python:3.12-slim AS test', 'RUN pip install -r requirements-dev.txt', 'FROM python:3.12-slim', 'RUN pip install -r requirements.txt'),
    dockerfile('FROM python:3.12-slim AS base', 'RUN pip install -r requirements.txt', 'FROM base AS dev', 'RUN pip install -r requirements-dev.txt'),
    dockerfile('FROM python:3.12-slim', 'RUN pip install "uvicorn[standard]" devtools'),
  ],
  invalid: [
    {
      code: dockerfile('FROM python:3.12-slim', 'COPY requirements*.txt ./', 'RUN pip install --no-cache-dir -r requirements.txt -r requirements-dev.txt'),
      lines: [3],
      message: 'requirements-dev.txt',
      output: null,
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir -r requirements/test.txt'),
      lines: [2],
      output: null,
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'COPY . .', 'RUN pip install --no-cache-dir -e ".[dev,docs]"'),
      lines: [3],
      message: '`dev`',
      output: null,
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'RUN poetry install --no-root --no-interaction'),
      lines: [2],
      message: '--only main',
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'RUN poetry install --only main --no-root --no-interaction'),
    },
    {
      // An explicit --with: reported, no fix.
      code: dockerfile('FROM python:3.12-slim', 'RUN poetry install --with dev'),
      lines: [2],
      output: null,
    },
    {
      // ../shared/corpus/mushishiva__kafka__Dockerfile
      code: dockerfile('FROM python:3.13-bookworm', 'ADD . /app', 'WORKDIR /app', 'RUN uv sync --locked', 'ENV PATH="/app/.venv/bin:$PATH"'),
      lines: [4],
      message: '--no-dev',
      unsafe: true,
      output: dockerfile('FROM python:3.13-bookworm', 'ADD . /app', 'WORKDIR /app', 'RUN uv sync --no-dev --locked', 'ENV PATH="/app/.venv/bin:$PATH"'),
    },
    {
      // UV_NO_DEV=0 does not turn the dev group off.
      code: dockerfile('FROM python:3.12-slim', 'ENV UV_NO_DEV=0', 'RUN uv sync --frozen'),
      lines: [3],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'ENV UV_NO_DEV=0', 'RUN uv sync --no-dev --frozen'),
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'RUN pipenv install --system --dev --deploy'),
      lines: [2],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'RUN pipenv install --system --deploy'),
    },
    {
      // The stage the final one is built from ships too.
      code: dockerfile('FROM python:3.12-slim AS base', 'RUN uv pip install --system -r dev-requirements.txt', 'FROM base AS runtime', 'CMD ["python"]'),
      lines: [2],
      output: null,
    },
  ],
});

import { pythonEnvDefaults } from '../../server/src/engine/rules/python-env-defaults';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(pythonEnvDefaults, {
  valid: [
    dockerfile('FROM python:3.12-slim', 'ENV PYTHONUNBUFFERED=1 \\', '    PYTHONDONTWRITEBYTECODE=1', 'CMD ["python", "app.py"]'),
    // ../shared/corpus/mealie-recipes__mealie__docker_Dockerfile: set in the stage the final one is built FROM (legacy and = forms).
    dockerfile('FROM python:3.12-slim AS python-base', 'ENV PYTHONUNBUFFERED 1', 'ENV PYTHONDONTWRITEBYTECODE=1', 'FROM python-base AS production', 'ENTRYPOINT ["/app/run.sh"]'),
    // ../shared/corpus/docker-library__python__3.14_bookworm_Dockerfile: the official image is a base used with a terminal.
    dockerfile('FROM buildpack-deps:bookworm', 'RUN python3 -m pip --version', 'CMD ["python3"]'),
    // Not a Python image (../shared/corpus/hadolint__hadolint__docker_Dockerfile).
    dockerfile('FROM python:3.12-slim AS docs', 'RUN pip install mkdocs', 'FROM scratch', 'COPY --from=docs /site /site'),
    dockerfile('FROM golang:1.23 AS build', 'RUN go build -o /app', 'FROM alpine:3.21', 'ENTRYPOINT ["/app"]'),
    // `python -u` is unbuffered; UV_COMPILE_BYTECODE asks for bytecode.
    dockerfile('FROM python:3.12-slim', 'ENV UV_COMPILE_BYTECODE=1', 'CMD ["python", "-u", "app.py"]'),
  ],
  invalid: [
    {
      code: dockerfile('FROM python:3.12-slim', 'COPY . /app', 'CMD ["python", "/app/main.py"]'),
      lines: [1],
      message: '`PYTHONUNBUFFERED=1`',
      output: dockerfile('FROM python:3.12-slim', 'ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1', 'COPY . /app', 'CMD ["python", "/app/main.py"]'),
    },
    {
      // ../shared/corpus/zeevdri__celey_autoscale_framework__Dockerfile: only the missing one is added.
      code: dockerfile('ARG PYTHON_VERSION=3.8.10', 'FROM python:${PYTHON_VERSION}-slim-buster', 'ENV PYTHONUNBUFFERED=1', 'CMD celery -A tasks worker'),
      lines: [2],
      message: 'PYTHONDONTWRITEBYTECODE',
      output: dockerfile('ARG PYTHON_VERSION=3.8.10', 'FROM python:${PYTHON_VERSION}-slim-buster', 'ENV PYTHONDONTWRITEBYTECODE=1', 'ENV PYTHONUNBUFFERED=1', 'CMD celery -A tasks worker'),
    },
    {
      // ENV in a builder does not reach the final stage (../shared/corpus/astral-sh__uv-docker-example__multistage.Dockerfile shape).
      code: dockerfile(
        'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim AS builder',
        'ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1',
        'FROM python:3.12-slim-bookworm AS runtime',
        'CMD ["fastapi", "run"]',
      ),
      lines: [3],
      output: dockerfile(
        'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim AS builder',
        'ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1',
        'FROM python:3.12-slim-bookworm AS runtime',
        'ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1',
        'CMD ["fastapi", "run"]',
      ),
    },
    {
      // ../shared/corpus/Mounish137__Build-python-container__Dockerfile (shape): Python installed with apt; CRLF kept.
      code: 'FROM ubuntu:24.04\r\nRUN apt-get update && apt-get install -y python3 python3-pip\r\n',
      lines: [1],
      output: 'FROM ubuntu:24.04\r\nENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1\r\nRUN apt-get update && apt-get install -y python3 python3-pip\r\n',
    },
    {
      // ../shared/corpus/GoogleContainerTools__distroless__examples_python3_Dockerfile; no final newline.
      code: 'FROM gcr.io/distroless/python3\nCOPY . /app\nCMD ["hello.py", "/etc"]',
      lines: [1],
      output: 'FROM gcr.io/distroless/python3\nENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1\nCOPY . /app\nCMD ["hello.py", "/etc"]',
    },
  ],
});

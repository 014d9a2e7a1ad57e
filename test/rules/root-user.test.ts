import { rootUser } from '../../server/src/engine/rules/root-user';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(rootUser, {
  valid: [
    // ../shared/corpus/astral-sh__uv-docker-example__multistage.Dockerfile (shape)
    dockerfile(
      'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim AS builder',
      'RUN uv sync --locked',
      'FROM python:3.12-slim-bookworm',
      'RUN groupadd --system --gid 999 nonroot \\',
      ' && useradd --system --gid 999 --uid 999 --create-home nonroot',
      'COPY --from=builder --chown=nonroot:nonroot /app /app',
      'USER nonroot',
      'CMD ["fastapi", "run", "--host", "0.0.0.0", "src/uv_docker_example"]',
    ),
    // ../shared/corpus/CTFd__CTFd__Dockerfile: a numeric non-root user.
    dockerfile('FROM python:3.11-slim-bookworm', 'USER 1001', 'EXPOSE 8000', 'ENTRYPOINT ["/opt/CTFd/docker-entrypoint.sh"]'),
    // ../shared/corpus/zeevdri__celey_autoscale_framework__Dockerfile: USER from build arguments that default to 1000.
    dockerfile(
      'FROM python:3.8-slim-buster',
      'ARG user=appuser',
      'ARG uid=1000',
      'ARG gid=1000',
      'RUN useradd -u ${uid} -s /bin/sh -m ${user}',
      'USER ${uid}:${gid}',
    ),
    // ../shared/corpus/jupyter__docker-stacks__docs_using_recipe_code_oracledb.dockerfile: root for installs, then back (the base sets NB_UID).
    dockerfile('ARG BASE_IMAGE=quay.io/jupyter/base-notebook', 'FROM $BASE_IMAGE', 'USER root', 'RUN apt-get update', 'USER "${NB_UID}"'),
    // The user is set in the stage the final one is built FROM.
    dockerfile('FROM python:3.12-slim AS base', 'RUN useradd app', 'USER app', 'FROM base', 'CMD ["python", "app.py"]'),
    // Base images that already run as a non-root user.
    dockerfile('FROM gcr.io/distroless/python3-debian12:nonroot', 'COPY app.py /app/', 'CMD ["/app/app.py"]'),
    dockerfile('FROM gcr.io/distroless/python3-debian12:debug-nonroot', 'CMD ["app.py"]'),
    dockerfile('FROM cgr.dev/chainguard/python:latest', 'COPY app.py .', 'ENTRYPOINT ["python", "app.py"]'),
    dockerfile('FROM quay.io/jupyter/scipy-notebook:2024-05-27', 'RUN pip install --no-cache-dir altair'),
    // An unknown base image from a build argument without a default.
    dockerfile('ARG BASE', 'FROM ${BASE}', 'CMD ["python"]'),
    // Windows images have no root user.
    dockerfile('FROM python:3.11.4-windowsservercore', 'CMD ["python", "main.py"]'),
    // Entrypoints that step down from root themselves (../shared/corpus/mealie-recipes__mealie__docker_Dockerfile installs gosu).
    dockerfile('FROM python:3.12-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends gosu', 'ENTRYPOINT ["/app/run.sh"]'),
    dockerfile('FROM python:3.12-slim', 'ENTRYPOINT ["/init"]'),
    // root for one step, then back.
    dockerfile('FROM python:3.12-slim', 'USER app', 'USER root', 'RUN apt-get update', 'USER app'),
  ],
  invalid: [
    {
      code: dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'COPY . .', 'RUN pip install --no-cache-dir -r requirements.txt', 'EXPOSE 8000', 'CMD ["gunicorn", "app:app"]'),
      lines: [1],
      message: 'no `USER`',
      unsafe: true,
      output: dockerfile(
        'FROM python:3.12-slim',
        'WORKDIR /app',
        'COPY . .',
        'RUN pip install --no-cache-dir -r requirements.txt',
        'EXPOSE 8000',
        'RUN useradd --create-home --uid 10001 app',
        'USER app',
        'CMD ["gunicorn", "app:app"]',
      ),
    },
    {
      // Alpine: BusyBox adduser; the comment stays with its CMD.
      code: dockerfile('FROM python:3.12-alpine', 'RUN pip install --no-cache-dir flask', '# start', 'CMD ["flask", "run"]'),
      lines: [1],
      unsafe: true,
      output: dockerfile('FROM python:3.12-alpine', 'RUN pip install --no-cache-dir flask', 'RUN adduser -D -u 10001 app', 'USER app', '# start', 'CMD ["flask", "run"]'),
    },
    {
      // A USER in a builder that is only copied from does not count.
      code: dockerfile('FROM python:3.12-slim AS builder', 'USER app', 'RUN pip wheel -w /wheels .', 'FROM python:3.12-slim', 'COPY --from=builder /wheels /wheels'),
      lines: [4],
      unsafe: true,
      output: dockerfile(
        'FROM python:3.12-slim AS builder',
        'USER app',
        'RUN pip wheel -w /wheels .',
        'FROM python:3.12-slim',
        'COPY --from=builder /wheels /wheels',
        'RUN useradd --create-home --uid 10001 app',
        'USER app',
      ),
    },
    {
      // ../shared/corpus/willros__virusclassification_nextflow__docker_Dockerfile (shape): root left as the final user.
      code: dockerfile('FROM debian:bookworm-slim', 'USER root', 'RUN apt-get update', 'CMD ["app"]'),
      lines: [2],
      message: '`USER root`',
      unsafe: true,
      output: dockerfile('FROM debian:bookworm-slim', 'USER root', 'RUN apt-get update', 'RUN useradd --create-home --uid 10001 app', 'USER app', 'CMD ["app"]'),
    },
    {
      code: dockerfile('FROM ubuntu:24.04', 'RUN useradd app', 'USER 0:0'),
      lines: [3],
      unsafe: true,
      output: dockerfile('FROM ubuntu:24.04', 'RUN useradd app', 'USER 0:0', 'USER app'),
    },
    {
      // ../shared/corpus/open-webui__open-webui__Dockerfile: the build arguments default to root; no automatic fix.
      code: dockerfile('ARG UID=0', 'ARG GID=0', 'FROM python:3.11-slim-bookworm', 'ARG UID', 'ARG GID', 'USER $UID:$GID', 'CMD ["bash", "start.sh"]'),
      lines: [6],
      message: 'resolves to `0:0`',
      output: null,
    },
    {
      // ../shared/corpus/saleor__saleor__Dockerfile (shape): the user exists but nothing switches to it.
      code: dockerfile(
        'FROM python:3.12-slim',
        'RUN groupadd -r saleor && useradd -r -g saleor saleor',
        'COPY . /app',
        'EXPOSE 8000',
        'CMD ["uvicorn", "saleor.asgi:application"]',
      ),
      lines: [1],
      message: 'user `saleor` is created on line 2',
      unsafe: true,
      output: dockerfile(
        'FROM python:3.12-slim',
        'RUN groupadd -r saleor && useradd -r -g saleor saleor',
        'COPY . /app',
        'EXPOSE 8000',
        'USER saleor',
        'CMD ["uvicorn", "saleor.asgi:application"]',
      ),
    },
    {
      // A user name from a build argument.
      code: dockerfile('FROM python:3.12-slim', 'ARG user=web', 'RUN useradd -m ${user}', 'CMD ["python"]'),
      lines: [1],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'ARG user=web', 'RUN useradd -m ${user}', 'USER web', 'CMD ["python"]'),
    },
    {
      // scratch has no /etc/passwd: a numeric user.
      code: dockerfile('FROM golang:1.23 AS build', 'RUN go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app', 'ENTRYPOINT ["/app"]'),
      lines: [3],
      message: 'scratch',
      unsafe: true,
      output: dockerfile('FROM golang:1.23 AS build', 'RUN go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app', 'USER 10001:10001', 'ENTRYPOINT ["/app"]'),
    },
    {
      // ../shared/corpus/GoogleContainerTools__distroless__examples_python3_Dockerfile: distroless ships a `nonroot` user.
      code: dockerfile('FROM gcr.io/distroless/python3', 'COPY . /app', 'WORKDIR /app', 'CMD ["hello.py", "/etc"]'),
      lines: [1],
      unsafe: true,
      output: dockerfile('FROM gcr.io/distroless/python3', 'COPY . /app', 'WORKDIR /app', 'USER nonroot', 'CMD ["hello.py", "/etc"]'),
    },
    {
      // No CMD and no final newline: the lines go after the last RUN.
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir requests\nWORKDIR /app',
      lines: [1],
      unsafe: true,
      output: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir requests\nRUN useradd --create-home --uid 10001 app\nUSER app\nWORKDIR /app',
    },
    {
      code: 'FROM python:3.12-slim\r\nCOPY . .\r\nCMD ["python", "app.py"]\r\n',
      lines: [1],
      unsafe: true,
      output: 'FROM python:3.12-slim\r\nCOPY . .\r\nRUN useradd --create-home --uid 10001 app\r\nUSER app\r\nCMD ["python", "app.py"]\r\n',
    },
    {
      // Unknown distribution: reported, but no fix.
      code: dockerfile('FROM node:22', 'CMD ["node", "server.js"]'),
      lines: [1],
      output: null,
    },
    {
      // ../shared/corpus/laxsrbija__timer-helper__Dockerfile: an RPM-based slim image may lack useradd: no fix.
      code: dockerfile('FROM oraclelinux:9-slim', 'COPY app /app', 'CMD ["./app"]'),
      lines: [1],
      output: null,
    },
    {
      // The Ubuntu release in an nvidia/cuda tag (../shared/corpus/khlam__docker-pytorch__Dockerfile).
      code: dockerfile('FROM nvidia/cuda:12.2.0-runtime-ubuntu22.04', 'CMD ["python3", "train.py"]'),
      lines: [1],
      unsafe: true,
      output: dockerfile('FROM nvidia/cuda:12.2.0-runtime-ubuntu22.04', 'RUN useradd --create-home --uid 10001 app', 'USER app', 'CMD ["python3", "train.py"]'),
    },
  ],
});

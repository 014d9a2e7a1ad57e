import { fullBaseImage } from '../../server/src/engine/rules/full-base-image';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(fullBaseImage, {
  valid: [
    dockerfile('FROM python:3.12-slim', 'CMD ["python"]'),
    dockerfile('FROM python:3.12-slim-bookworm', 'CMD ["python"]'),
    dockerfile('FROM python:3.12-alpine', 'CMD ["python"]'),
    // The full image only in the builder (../shared/corpus/CTFd__CTFd__Dockerfile shape).
    dockerfile('FROM python:3.12 AS builder', 'RUN python -m venv /opt/venv', 'FROM python:3.12-slim', 'COPY --from=builder /opt/venv /opt/venv'),
    // ../shared/corpus/GoogleContainerTools__distroless__examples_python3_Dockerfile
    dockerfile('FROM python:3-slim AS build-env', 'FROM gcr.io/distroless/python3', 'COPY --from=build-env /app /app'),
    dockerfile('FROM ubuntu:24.04', 'RUN apt-get update'),
    dockerfile('FROM ghcr.io/astral-sh/uv:python3.12-bookworm', 'RUN uv --version'),
    // ../shared/corpus/docker-library__python__3.14_windows_windowsservercore-ltsc2022_Dockerfile (a Windows variant)
    dockerfile('FROM python:3.14-windowsservercore-ltsc2022', 'CMD ["python"]'),
  ],
  invalid: [
    {
      // ../shared/corpus/50gramx__eapp-python-implementation__Dockerfile
      code: dockerfile('FROM python:3.9', 'WORKDIR /app', 'CMD ["python", "app.py"]'),
      lines: [1],
      message: 'python:3.9-slim',
      unsafe: true,
      output: dockerfile('FROM python:3.9-slim', 'WORKDIR /app', 'CMD ["python", "app.py"]'),
    },
    {
      // ../shared/corpus/mushishiva__kafka__Dockerfile: the Debian release is kept.
      code: dockerfile('FROM python:3.13-bookworm', 'ADD . /app'),
      lines: [1],
      unsafe: true,
      output: dockerfile('FROM python:3.13-slim-bookworm', 'ADD . /app'),
    },
    {
      // ../shared/corpus/efva-hpi__server__Dockerfile: untagged.
      code: dockerfile('FROM python AS base', 'FROM base AS prod', 'CMD ["python"]'),
      lines: [1],
      unsafe: true,
      output: dockerfile('FROM python:slim AS base', 'FROM base AS prod', 'CMD ["python"]'),
    },
    {
      code: dockerfile('FROM docker.io/library/python:3.12', 'CMD ["python"]'),
      lines: [1],
      unsafe: true,
      output: dockerfile('FROM docker.io/library/python:3.12-slim', 'CMD ["python"]'),
    },
    {
      // Pinned by digest, or from a build argument: no fix.
      code: dockerfile('FROM python:3.12@sha256:0123abcd', 'CMD ["python"]'),
      lines: [1],
      output: null,
    },
    {
      code: dockerfile('ARG PY=3.12', 'FROM python:${PY}', 'CMD ["python"]'),
      lines: [2],
      output: null,
    },
  ],
});

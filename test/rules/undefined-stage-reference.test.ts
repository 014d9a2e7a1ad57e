import { undefinedStageReference } from '../../server/src/engine/rules/undefined-stage-reference';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(undefinedStageReference, {
  valid: [
    dockerfile('FROM python:3.12-slim AS builder', 'FROM python:3.12-slim', 'COPY --from=builder /opt/venv /opt/venv'),
    // Case-insensitive, like BuildKit.
    dockerfile('FROM python:3.12-slim AS Builder', 'FROM python:3.12-slim', 'COPY --from=builder /opt/venv /opt/venv'),
    // Stage indexes of earlier stages.
    dockerfile('FROM golang:1.22', 'RUN go build -o /app .', 'FROM alpine', 'COPY --from=0 /app /app'),
    // Image references and official images.
    dockerfile('FROM python:3.12-slim', 'COPY --from=nginx:latest /etc/nginx/nginx.conf /etc/nginx/', 'COPY --from=busybox /bin/busybox /bin/'),
    dockerfile('FROM python:3.12-slim', 'COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /uvx /bin/'),
    // Variables are resolved at build time.
    dockerfile('ARG BASE=builder', 'FROM alpine AS builder', 'FROM alpine', 'COPY --from=${BASE} /a /a'),
    // `FROM nginx AS nginx` builds on the image, not on itself.
    dockerfile('FROM nginx AS nginx', 'COPY nginx.conf /etc/nginx/'),
    // A bare FROM name that is not near any stage is an image.
    dockerfile('FROM python:3.12-slim AS builder', 'FROM myimage', 'COPY --from=builder /a /a'),
    // ../shared/corpus/saleor__saleor__Dockerfile
    dockerfile(
      'FROM python:3.12 AS build-python',
      'COPY --from=ghcr.io/astral-sh/uv:0.12.1@sha256:cf4eedcaa81655197f625739489effcbe71b61ceb1506f332c3facae5deceded \\',
      '    /uv /uvx /bin/',
      'FROM python:3.12-slim',
      'COPY --from=build-python /usr/local/bin/ /usr/local/bin/',
    ),
    // ../shared/corpus/pypa__manylinux__docker_Dockerfile (mounts from stages)
    dockerfile(
      'FROM alpine AS static_clang',
      'FROM alpine AS build_cpython39',
      'FROM alpine',
      'RUN --mount=type=bind,from=static_clang,target=/tmp/cross-compiler,ro \\',
      '    --mount=type=bind,target=/build_cpython39,from=build_cpython39 \\',
      '    true',
    ),
    // ../shared/corpus/moby__buildkit__Dockerfile
    dockerfile(
      'FROM --platform=$BUILDPLATFORM alpine:3.23 AS binfmt-filter',
      'COPY --link --from=tonistiigi/binfmt:buildkit-v10.2.3-66@sha256:6014c1e52b8e51a67fbf76f691ffbe20ac0204c31c2f086df3e8ef3ce134b488 / /out/',
      'FROM scratch AS binaries-linux',
      'COPY --link --from=binfmt-filter /out/ /',
      'FROM binaries-$TARGETOS AS binaries',
      'FROM alpine:3.23 AS releaser',
      'RUN --mount=from=binaries true',
    ),
  ],
  invalid: [
    {
      code: dockerfile('FROM python:3.12-slim AS builder', 'RUN python -m venv /opt/venv', 'FROM python:3.12-slim', 'COPY --from=bulider /opt/venv /opt/venv'),
      lines: [4],
      message: "did you mean 'builder'?",
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim AS builder', 'RUN python -m venv /opt/venv', 'FROM python:3.12-slim', 'COPY --from=builder /opt/venv /opt/venv'),
    },
    {
      // A single-stage file copying from a stage that does not exist.
      code: dockerfile('FROM python:3.12-slim', 'COPY --from=builder /opt/venv /opt/venv'),
      lines: [2],
      message: 'docker.io/library/builder',
      output: null,
    },
    {
      code: dockerfile('FROM python:3.12-slim AS runtime', 'COPY --from=deps /opt/venv /opt/venv', 'FROM python:3.12 AS deps', 'RUN python -m venv /opt/venv'),
      lines: [2],
      message: 'only defined later (line 3)',
      output: null,
    },
    {
      code: dockerfile('FROM python:3.12-slim AS app', 'COPY --from=app /a /b'),
      lines: [2],
      message: 'stage it is in',
      output: null,
    },
    {
      code: dockerfile('FROM golang:1.22', 'FROM alpine', 'COPY --from=1 /a /a', 'COPY --from=3 /a /a'),
      lines: [3, 4],
      message: 'stage number',
      output: null,
    },
    {
      code: dockerfile('FROM python:3.12 AS wheels', 'FROM python:3.12-slim', 'RUN --mount=type=bind,from=wheel,target=/wheels pip install /wheels/*'),
      lines: [3],
      unsafe: true,
      output: dockerfile('FROM python:3.12 AS wheels', 'FROM python:3.12-slim', 'RUN --mount=type=bind,from=wheels,target=/wheels pip install /wheels/*'),
    },
    {
      // A FROM one edit away from an earlier stage.
      code: dockerfile('FROM python:3.12-slim AS builder', 'FROM buidler AS test'),
      lines: [2],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim AS builder', 'FROM builder AS test'),
    },
    {
      // Two stages are equally close: no fix, both named.
      code: dockerfile('FROM alpine AS build1', 'FROM alpine AS build2', 'FROM alpine', 'COPY --from=build3 /a /a'),
      lines: [4],
      message: "'build1' or 'build2'",
      output: null,
    },
  ],
});

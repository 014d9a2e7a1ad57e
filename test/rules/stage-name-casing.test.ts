import { stageNameCasing } from '../../server/src/engine/rules/stage-name-casing';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(stageNameCasing, {
  valid: [
    dockerfile('FROM alpine AS builder-base'),
    dockerfile('FROM alpine AS build_amd64'),
    dockerfile('FROM python:3.12-slim'),
    // Upper case in the image name is not a stage name.
    dockerfile('FROM ghcr.io/Org/Image:1.0 AS app'),
    // ../shared/corpus/pypa__manylinux__docker_Dockerfile
    dockerfile(
      'ARG BASEIMAGE=quay.io/pypa/manylinux_2_28_base',
      'FROM $BASEIMAGE AS runtime_base_packages',
      'FROM runtime_base_packages AS static_clang_prepare',
      'FROM scratch AS static_clang',
      'COPY --from=static_clang_prepare /tmp/cross-compiler /',
    ),
  ],
  invalid: [
    {
      code: dockerfile('FROM alpine AS BuilderBase'),
      lines: [1],
      message: "Stage name 'BuilderBase' should be lowercase",
      output: dockerfile('FROM alpine AS builderbase'),
    },
    {
      // Every reference is renamed in the same fix.
      code: dockerfile(
        'FROM python:3.12-slim AS Builder',
        'RUN python -m venv /opt/venv',
        'FROM Builder AS Test',
        'RUN --mount=type=bind,from=Builder,source=/opt/venv,target=/v true',
        'FROM python:3.12-slim',
        'COPY --from=Builder /opt/venv /opt/venv',
        'COPY --from=builder /app /app',
      ),
      lines: [1, 3],
      output: dockerfile(
        'FROM python:3.12-slim AS builder',
        'RUN python -m venv /opt/venv',
        'FROM builder AS test',
        'RUN --mount=type=bind,from=builder,source=/opt/venv,target=/v true',
        'FROM python:3.12-slim',
        'COPY --from=builder /opt/venv /opt/venv',
        'COPY --from=builder /app /app',
      ),
    },
    {
      // A FROM above the stage names an image, not the stage: it is left alone.
      code: dockerfile('FROM Deps', 'FROM alpine AS Deps'),
      lines: [2],
      output: dockerfile('FROM Deps', 'FROM alpine AS deps'),
    },
    {
      code: 'FROM alpine AS Base\r\nFROM Base\r\n',
      lines: [1],
      output: 'FROM alpine AS base\r\nFROM base\r\n',
    },
  ],
});

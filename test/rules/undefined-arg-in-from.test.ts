import { undefinedArgInFrom } from '../../server/src/engine/rules/undefined-arg-in-from';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(undefinedArgInFrom, {
  valid: [
    dockerfile('ARG PYTHON_VERSION=3.12', 'FROM python:${PYTHON_VERSION}-slim'),
    // Declared without a default still counts as declared.
    dockerfile('ARG TAG', 'FROM alpine:${TAG:-3.20}'),
    // The automatic platform ARGs.
    dockerfile('FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'FROM build-$TARGETARCH'),
    // ../shared/corpus/moby__buildkit__Dockerfile
    dockerfile(
      'ARG MINIO_VERSION=RELEASE.2025-09-07T16-13-09Z',
      'ARG DOCKER_VERSION=29.6',
      'ARG DOCKER_CLI_VERSION=${DOCKER_VERSION}',
      'ARG BUILDKIT_DEBUG',
      'FROM quay.io/minio/minio:${MINIO_VERSION} AS minio',
      'FROM dockereng/cli-bin:$DOCKER_CLI_VERSION AS docker-cli',
      'FROM scratch AS buildkit-linux',
      'FROM buildkit-$TARGETOS${BUILDKIT_DEBUG:+-debug} AS buildkit',
    ),
    // ../shared/corpus/pypa__manylinux__docker_Dockerfile
    dockerfile(
      'ARG BASEIMAGE=quay.io/pypa/manylinux_2_28_base',
      'ARG MANYLINUX_BUILDARCH=x86_64',
      'ARG MANYLINUX_CLANG_VERSION=20.1',
      'FROM $BASEIMAGE AS runtime_base_packages',
      'FROM --platform=linux/${MANYLINUX_BUILDARCH} ghcr.io/mayeut/static-clang:${MANYLINUX_CLANG_VERSION} AS static_clang_bin',
    ),
  ],
  invalid: [
    {
      code: dockerfile('FROM python:${PYTHON_VERSION}-slim'),
      lines: [1],
      message: "FROM argument 'PYTHON_VERSION' is not declared",
      output: null,
    },
    {
      // An ARG inside a stage is not in the global scope.
      code: dockerfile('FROM python:3.12 AS build', 'ARG TAG=3.12-slim', 'FROM python:$TAG'),
      lines: [3],
      output: null,
    },
    {
      code: dockerfile('ARG PYTHON_VERSION=3.12', 'FROM python:${PYTHON_VERSON}-slim'),
      lines: [2],
      message: '(did you mean PYTHON_VERSION?)',
      output: null,
    },
    {
      code: dockerfile('FROM --platform=$BUILD_PLATFORM golang:${GO:-1.22}'),
      lines: [1, 1],
      output: null,
    },
  ],
});

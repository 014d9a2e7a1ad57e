import { fromPlatformFlagConstDisallowed } from '../../server/src/engine/rules/from-platform-flag-const-disallowed';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(fromPlatformFlagConstDisallowed, {
  valid: [
    dockerfile('FROM alpine AS base'),
    dockerfile('FROM --platform=${BUILDPLATFORM} alpine AS base'),
    // A stage named after its platform is deliberately platform-specific.
    dockerfile('FROM --platform=linux/amd64 alpine AS build_amd64', 'FROM --platform=linux/arm64 alpine AS build_arm64', 'FROM build_${TARGETARCH} AS build'),
    dockerfile('FROM --platform=linux/x86_64 alpine AS tools-amd64'),
    dockerfile('FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS windows-base'),
    // ../shared/corpus/pypa__manylinux__docker_Dockerfile
    dockerfile('ARG MANYLINUX_BUILDARCH=x86_64', 'FROM --platform=linux/${MANYLINUX_BUILDARCH} ghcr.io/mayeut/static-clang:20.1 AS static_clang_bin'),
  ],
  invalid: [
    {
      code: dockerfile('FROM --platform=linux/amd64 alpine AS base', 'RUN apk add --no-cache git'),
      lines: [1],
      message: 'FROM --platform flag should not use constant value "linux/amd64"',
      output: null,
    },
    {
      code: dockerfile('FROM --platform=linux/arm64/v8 python:3.12-slim'),
      lines: [1],
      output: null,
    },
  ],
});

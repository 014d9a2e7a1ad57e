import { redundantTargetPlatform } from '../../server/src/engine/rules/redundant-target-platform';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(redundantTargetPlatform, {
  valid: [
    dockerfile('FROM alpine AS builder'),
    dockerfile('FROM --platform=$BUILDPLATFORM golang:1.22 AS builder'),
    // Anything besides the bare variable is not the default.
    dockerfile('FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine'),
    dockerfile('ARG TARGETPLATFORM=linux/arm64', 'FROM --platform=$TARGETPLATFORM alpine'),
    // ../shared/corpus/open-webui__open-webui__Dockerfile
    dockerfile('FROM --platform=$BUILDPLATFORM node:21-alpine3.19 AS build'),
  ],
  invalid: [
    {
      code: dockerfile('FROM --platform=$TARGETPLATFORM alpine AS builder', 'RUN apk add --no-cache git'),
      lines: [1],
      message: 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant',
      output: dockerfile('FROM alpine AS builder', 'RUN apk add --no-cache git'),
    },
    {
      code: dockerfile('FROM  --platform=${TARGETPLATFORM}  python:3.12-slim'),
      lines: [1],
      output: dockerfile('FROM  python:3.12-slim'),
    },
  ],
});

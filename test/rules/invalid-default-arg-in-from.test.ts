import { invalidDefaultArgInFrom, isValidImageReference } from '../../server/src/engine/rules/invalid-default-arg-in-from';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

it('reads image references like distribution/reference', () => {
  for (const ok of ['python', 'python:3.12-slim', 'ghcr.io/astral-sh/uv:0.5', 'localhost:5000/app', 'quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z', 'a/b/c@sha256:' + 'a'.repeat(64), 'build_amd64']) {
    assert.ok(isValidImageReference(ok), ok);
  }
  for (const bad of ['', 'python:', ':3.12', 'Python:3', 'python:-slim', '/python', 'python@', 'a'.repeat(64)]) {
    assert.ok(!isValidImageReference(bad), bad);
  }
});

ruleTests(invalidDefaultArgInFrom, {
  valid: [
    dockerfile('ARG TAG=latest', 'FROM busybox:${TAG}'),
    // Empty is fine when the reference stays valid.
    dockerfile('ARG VARIANT', 'FROM busybox:stable${VARIANT}'),
    dockerfile('ARG TAG', 'FROM alpine:${TAG:-3.14}'),
    dockerfile('FROM python:3.12-slim'),
    // Platform ARGs have values.
    dockerfile('FROM alpine AS build-linux', 'FROM build-$TARGETOS'),
    // ../shared/corpus/moby__buildkit__Dockerfile
    dockerfile(
      'ARG GO_VERSION=1.26',
      'ARG ALPINE_VERSION=3.23',
      'ARG EXPORT_BASE=alpine',
      'ARG BUILDKIT_DEBUG',
      'FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine${ALPINE_VERSION} AS golatest',
      'FROM alpine:${ALPINE_VERSION} AS buildkit-export-alpine',
      'FROM buildkit-export-${EXPORT_BASE} AS buildkit-export',
      'FROM buildkit-$TARGETOS${BUILDKIT_DEBUG:+-debug} AS buildkit',
    ),
    // ../shared/corpus/jupyter__docker-stacks__images_pytorch-notebook_cuda12_Dockerfile
    dockerfile('ARG REGISTRY=quay.io', 'ARG OWNER=jupyter', 'ARG BASE_IMAGE=$REGISTRY/$OWNER/scipy-notebook', 'FROM $BASE_IMAGE'),
  ],
  invalid: [
    {
      code: dockerfile('ARG TAG', 'FROM busybox:${TAG}'),
      lines: [2],
      message: 'give ARG TAG a default',
      output: null,
    },
    {
      // ../shared/corpus/home-assistant__core__Dockerfile
      code: dockerfile('ARG BUILD_FROM', 'FROM ${BUILD_FROM}'),
      lines: [2],
      message: 'an empty base image name',
      output: null,
    },
    {
      code: dockerfile('FROM ${BASE_IMAGE}'),
      lines: [1],
      message: 'declare ARG BASE_IMAGE with a default',
      output: null,
    },
    {
      code: dockerfile('ARG PYTHON_VERSION=', 'FROM python:${PYTHON_VERSION}-slim AS base'),
      lines: [2],
      message: "'python:-slim'",
      output: null,
    },
  ],
});

import { baseImageUnpinned } from '../../server/src/engine/rules/base-image-unpinned';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(baseImageUnpinned, {
  valid: [
    dockerfile('FROM python:3.12-slim-bookworm'),
    // A digest pins even without a tag (../shared/corpus/GoogleCloudPlatform__microservices-demo__src_emailservice_Dockerfile).
    dockerfile('FROM python:3.12.8-alpine@sha256:54bec49592c8455de8d5983d984efff76b6417a6af9b5dcc8d0237bf6ad3bd20 AS base'),
    dockerfile('FROM python@sha256:54bec49592c8455de8d5983d984efff76b6417a6af9b5dcc8d0237bf6ad3bd20'),
    // Stage names and scratch are not images (../shared/corpus/hadolint__hadolint__docker_Dockerfile).
    dockerfile('FROM python:3.12-slim AS builder', 'FROM builder AS test', 'FROM scratch', 'COPY --from=builder /app /app'),
    // A pinned default for the tag (../shared/corpus/zeevdri__celey_autoscale_framework__Dockerfile).
    dockerfile('ARG PYTHON_VERSION=3.8.10', 'FROM python:${PYTHON_VERSION}-slim-buster'),
    // ../shared/corpus/deepset-ai__haystack__docker_Dockerfile.base: a whole image reference with a digest as the default.
    dockerfile(
      'ARG base_image=python:3.12-slim@sha256:090ba77e2958f6af52a5341f788b50b032dd4ca28377d2893dcf1ecbdfdfe203',
      'FROM ${base_image} AS final',
    ),
    // A build argument without a default cannot be judged.
    dockerfile('ARG BASE_IMAGE', 'FROM ${BASE_IMAGE}'),
    dockerfile('ARG TAG', 'FROM python:${TAG}'),
    // ../shared/corpus/paperless-ngx__paperless-ngx__Dockerfile
    dockerfile('FROM --platform=$BUILDPLATFORM docker.io/node:24-trixie-slim AS compile-frontend'),
    dockerfile('FROM localhost:5000/team/python:3.12'),
  ],
  invalid: [
    {
      // ../shared/corpus/efva-hpi__server__Dockerfile
      code: dockerfile('FROM python as dev', 'FROM dev as prod'),
      lines: [1],
      message: '`python` has no tag',
      output: null,
    },
    {
      // ../shared/corpus/Mounish137__Build-python-container__Dockerfile
      code: dockerfile('FROM ubuntu:latest', 'RUN apt-get update'),
      lines: [1],
      message: '`latest`',
      output: null,
    },
    {
      // ../shared/corpus/GoogleContainerTools__distroless__examples_python3_Dockerfile
      code: dockerfile('FROM gcr.io/distroless/python3', 'CMD ["hello.py"]'),
      lines: [1],
      message: '`gcr.io/distroless/python3`',
    },
    {
      // ../shared/corpus/jupyter__docker-stacks__images_pytorch-notebook_cuda12_Dockerfile: the default has no tag.
      code: dockerfile('ARG REGISTRY=quay.io', 'ARG OWNER=jupyter', 'ARG BASE_IMAGE=$REGISTRY/$OWNER/scipy-notebook', 'FROM $BASE_IMAGE'),
      lines: [4],
      message: '`quay.io/jupyter/scipy-notebook` by default',
    },
    {
      // The registry is a build argument, but the image has no tag either way.
      code: dockerfile('ARG REGISTRY', 'FROM ${REGISTRY}/python', 'FROM ${REGISTRY}/python:latest'),
      lines: [2, 3],
    },
    {
      code: dockerfile('FROM --platform=linux/amd64 library/python:latest AS base', 'FROM base'),
      lines: [1],
    },
  ],
});

import { fromAsCasing } from '../../server/src/engine/rules/from-as-casing';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(fromAsCasing, {
  valid: [
    dockerfile('FROM debian:latest AS deb-builder'),
    dockerfile('from debian:latest as deb-builder'),
    dockerfile('FROM python:3.12-slim'),
    // Mixed-case FROM is consistent-instruction-casing's business, as in BuildKit.
    dockerfile('From debian:latest as builder'),
    // ../shared/corpus/astral-sh__uv-docker-example__multistage.Dockerfile
    dockerfile('FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim AS builder', 'FROM python:3.12-slim-bookworm'),
    // ../shared/corpus/GoogleCloudPlatform__microservices-demo__src_emailservice_Dockerfile
    dockerfile(
      'FROM --platform=$BUILDPLATFORM python:3.14.6-alpine@sha256:26730869004e2b9c4b9ad09cab8625e81d256d1ce97e72df5520e806b1709f92 AS base',
      'FROM base AS builder',
      'FROM base',
    ),
  ],
  invalid: [
    {
      code: dockerfile('FROM debian:latest as builder'),
      lines: [1],
      message: "'as' and 'FROM'",
      output: dockerfile('FROM debian:latest AS builder'),
    },
    {
      code: dockerfile('from debian:latest AS builder'),
      lines: [1],
      output: dockerfile('from debian:latest as builder'),
    },
    {
      code: dockerfile('FROM python:3.12-slim As builder'),
      lines: [1],
      output: dockerfile('FROM python:3.12-slim AS builder'),
    },
    {
      // ../shared/corpus/mealie-recipes__mealie__docker_Dockerfile (shape)
      code: dockerfile('FROM node:16 as builder', 'RUN yarn build', 'FROM python:3.10-slim as python-base', 'FROM --platform=$BUILDPLATFORM python-base as production'),
      lines: [1, 3, 4],
      output: dockerfile('FROM node:16 AS builder', 'RUN yarn build', 'FROM python:3.10-slim AS python-base', 'FROM --platform=$BUILDPLATFORM python-base AS production'),
    },
    {
      code: 'FROM python:3.12-slim as base\r\nRUN true\r\n',
      lines: [1],
      output: 'FROM python:3.12-slim AS base\r\nRUN true\r\n',
    },
  ],
});

import { duplicateStageName } from '../../server/src/engine/rules/duplicate-stage-name';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(duplicateStageName, {
  valid: [
    dockerfile('FROM debian:latest AS deb-builder', 'FROM golang:latest AS go-builder'),
    dockerfile('FROM python:3.12-slim', 'FROM python:3.12-slim'),
    // ../shared/corpus/paperless-ngx__paperless-ngx__Dockerfile
    dockerfile(
      'FROM --platform=$BUILDPLATFORM docker.io/node:24-trixie-slim AS compile-frontend',
      'FROM ghcr.io/astral-sh/uv:0.11.32-python3.12-trixie-slim AS s6-overlay-base',
      'FROM s6-overlay-base AS main-app',
    ),
  ],
  invalid: [
    {
      code: dockerfile('FROM debian:latest AS builder', 'RUN apt-get update; apt-get install -y curl', '', 'FROM golang:latest AS builder'),
      lines: [4],
      message: "Duplicate stage name 'builder'",
      output: null,
    },
    {
      // Stage names are compared case-insensitively, as BuildKit lower-cases them.
      code: dockerfile('FROM python:3.12 AS build', 'FROM python:3.12-slim AS Build', 'FROM node:22 AS BUILD'),
      lines: [2, 3],
      message: 'line 1',
      output: null,
    },
  ],
});

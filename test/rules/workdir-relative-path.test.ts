import { workdirRelativePath } from '../../server/src/engine/rules/workdir-relative-path';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(workdirRelativePath, {
  valid: [
    dockerfile('FROM nginx AS web', 'WORKDIR /usr/share/nginx/html', 'COPY public .'),
    // Later relative WORKDIRs build on the absolute one.
    dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'WORKDIR src'),
    // A stage inherits the absolute WORKDIR of the stage it is built FROM.
    dockerfile('FROM python:3.12-slim AS base', 'WORKDIR /app', 'FROM base', 'WORKDIR src'),
    dockerfile('FROM python:3.12-slim', 'ENV APP_HOME=/srv', 'WORKDIR $APP_HOME'),
    dockerfile('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'WORKDIR C:\\app'),
    // ../shared/corpus/tiangolo__full-stack-fastapi-template__backend_Dockerfile
    dockerfile('FROM tiangolo/uvicorn-gunicorn-fastapi:python3.10', 'WORKDIR /app/'),
    // ../shared/corpus/moby__buildkit__Dockerfile
    dockerfile('FROM golatest AS gobuild-base', 'FROM gobuild-base AS runc', 'WORKDIR $GOPATH/src/github.com/opencontainers/runc', 'WORKDIR /out/'),
  ],
  invalid: [
    {
      code: dockerfile('FROM nginx AS web', 'WORKDIR usr/share/nginx/html', 'COPY public .'),
      lines: [2],
      message: "Relative workdir 'usr/share/nginx/html'",
      unsafe: true,
      output: dockerfile('FROM nginx AS web', 'WORKDIR /usr/share/nginx/html', 'COPY public .'),
    },
    {
      // Only the first one: fixing it fixes the rest.
      code: dockerfile('FROM python:3.12-slim', 'WORKDIR ./app', 'WORKDIR src'),
      lines: [2],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'WORKDIR src'),
    },
    {
      code: dockerfile('FROM python:3.12-slim AS base', 'WORKDIR /app', 'FROM python:3.12-slim', 'WORKDIR app'),
      lines: [4],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim AS base', 'WORKDIR /app', 'FROM python:3.12-slim', 'WORKDIR /app'),
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'WORKDIR ~/app'),
      lines: [2],
      message: 'does not expand `~`',
      output: null,
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'WORKDIR .'),
      lines: [2],
      output: null,
    },
  ],
});

import { legacyKeyValueFormat } from '../../server/src/engine/rules/legacy-key-value-format';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(legacyKeyValueFormat, {
  valid: [
    dockerfile('FROM alpine', 'ARG foo=bar', 'ENV foo=bar'),
    dockerfile('FROM python:3.12-slim', 'ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1'),
    dockerfile('FROM python:3.12-slim', 'LABEL org.opencontainers.image.title="My service" version=1.0'),
    // ../shared/corpus/astral-sh__uv-docker-example__multistage.Dockerfile
    dockerfile('FROM python:3.12-slim-bookworm', 'ENV PATH="/app/.venv/bin:$PATH"'),
    // ../shared/corpus/saleor__saleor__Dockerfile
    dockerfile(
      'FROM python:3.12-slim',
      'LABEL org.opencontainers.image.title="saleor/saleor" \\',
      '      org.opencontainers.image.description="\\',
      'A modular, high performance, headless e-commerce platform built with Python, \\',
      'GraphQL, Django, and ReactJS."',
    ),
  ],
  invalid: [
    {
      // ../shared/corpus/docker-library__python__3.14_bookworm_Dockerfile
      code: dockerfile('FROM buildpack-deps:bookworm', 'ENV PATH /usr/local/bin:$PATH', 'ENV PYTHON_VERSION 3.14.6'),
      lines: [2, 3],
      message: '"ENV key=value" should be used instead of legacy "ENV key value" format',
      output: dockerfile('FROM buildpack-deps:bookworm', 'ENV PATH=/usr/local/bin:$PATH', 'ENV PYTHON_VERSION=3.14.6'),
    },
    {
      // A value with spaces is quoted.
      code: dockerfile('FROM python:3.12-slim', 'ENV APP_NAME my service', 'LABEL description A "quoted" $HOME \\\\ path'),
      lines: [2, 3],
      output: dockerfile('FROM python:3.12-slim', 'ENV APP_NAME="my service"', 'LABEL description="A quoted $HOME \\\\ path"'),
    },
    {
      // Single quotes keep `$` literal; the rewrite escapes it.
      code: dockerfile('FROM python:3.12-slim', "ENV X 'a $b' \"c $PATH\""),
      lines: [2],
      output: dockerfile('FROM python:3.12-slim', 'ENV X="a \\$b c $PATH"'),
    },
    {
      // A quoted value without unquoted spaces stays as written.
      code: dockerfile('FROM python:3.12-slim', 'ENV GREETING "hello world"', 'ENV  DEBIAN_FRONTEND\tnoninteractive'),
      lines: [2, 3],
      output: dockerfile('FROM python:3.12-slim', 'ENV GREETING="hello world"', 'ENV  DEBIAN_FRONTEND=noninteractive'),
    },
    {
      // A value with spaces across continuation lines gets no fix.
      code: dockerfile('FROM python:3.12-slim', 'ENV FLAGS -a \\', '    -b'),
      lines: [2],
      output: null,
    },
    {
      code: '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nENV PYTHON_VERSION 3.14.6\r\nENV PYTHONIOENCODING UTF-8\r\n',
      lines: [3, 4],
      output: '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nENV PYTHON_VERSION=3.14.6\r\nENV PYTHONIOENCODING=UTF-8\r\n',
    },
  ],
});

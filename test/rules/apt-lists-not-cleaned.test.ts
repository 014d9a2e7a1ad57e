import { aptListsNotCleaned } from '../../server/src/engine/rules/apt-lists-not-cleaned';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(aptListsNotCleaned, {
  valid: [
    dockerfile('FROM python:3.12-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*'),
    dockerfile('FROM python:3.12-slim', 'RUN apt-get update && apt-get install -y curl && apt-get dist-clean'),
    // A cache mount keeps the lists out of the layer.
    dockerfile('FROM python:3.12-slim', 'RUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl'),
    dockerfile('FROM python:3.12-slim', 'RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl'),
    // A builder stage's lists never reach the final image.
    dockerfile(
      'FROM python:3.12-slim AS builder',
      'RUN apt-get update && apt-get install -y --no-install-recommends gcc',
      'FROM python:3.12-slim',
      'COPY --from=builder /opt/venv /opt/venv',
    ),
    // Install without update writes no lists; update alone is apt-update-alone's.
    dockerfile('FROM debian:bookworm', 'RUN apt-get install -y curl'),
    dockerfile('FROM debian:bookworm', 'RUN apt-get update'),
    // ../shared/corpus/paperless-ngx__paperless-ngx__Dockerfile: long options.
    dockerfile('FROM debian:bookworm', 'RUN apt-get update \\', '    && apt-get install --yes --quiet curl \\', '    && rm --recursive --force --verbose /var/lib/apt/lists/*'),
    // ../shared/corpus/Kaggle__docker-python__Dockerfile.tmpl: a cleanup script we cannot read.
    dockerfile('FROM debian:bookworm', 'RUN apt-get update && \\', '    apt-get install -y graphviz && \\', '    /tmp/clean-layer.sh'),
    // ../shared/corpus/docker-library__python__3.14_bookworm_Dockerfile
    dockerfile(
      'FROM buildpack-deps:bookworm',
      'RUN set -eux; \\',
      '\tapt-get update; \\',
      '\tapt-get install -y --no-install-recommends \\',
      '\t\tlibbluetooth-dev \\',
      '\t\ttk-dev \\',
      '\t; \\',
      '\trm -rf /var/lib/apt/lists/*',
    ),
    // ../shared/corpus/getsentry__self-hosted__jq_Dockerfile
    dockerfile(
      'FROM debian:bookworm-slim',
      'RUN set -x \\',
      '  && apt-get update \\',
      '  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends jq \\',
      '  && apt-get clean \\',
      '  && rm -rf /var/lib/apt/lists/*',
    ),
  ],
  invalid: [
    {
      code: dockerfile('FROM python:3.12-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends libpq5'),
      lines: [2],
      message: 'apt-get update',
      output: dockerfile('FROM python:3.12-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*'),
    },
    {
      // Leading `&&` continuation style is kept.
      code: dockerfile('FROM python:3.12-slim', 'RUN apt-get update \\', '    && apt-get install -y --no-install-recommends \\', '        libpq5 \\', '    && apt-get clean'),
      lines: [2],
      output: dockerfile(
        'FROM python:3.12-slim',
        'RUN apt-get update \\',
        '    && apt-get install -y --no-install-recommends \\',
        '        libpq5 \\',
        '    && apt-get clean \\',
        '    && rm -rf /var/lib/apt/lists/*',
      ),
    },
    {
      // Trailing `&& \` style.
      code: dockerfile('FROM ubuntu:24.04', 'RUN apt-get update && \\', '    apt-get install -y python3'),
      lines: [2],
      output: dockerfile('FROM ubuntu:24.04', 'RUN apt-get update && \\', '    apt-get install -y python3 && \\', '    rm -rf /var/lib/apt/lists/*'),
    },
    {
      // `set -e; …; \` style.
      code: dockerfile('FROM debian:bookworm', 'RUN set -eux; \\', '\tapt-get update; \\', '\tapt-get install -y curl'),
      lines: [3],
      output: dockerfile('FROM debian:bookworm', 'RUN set -eux; \\', '\tapt-get update; \\', '\tapt-get install -y curl; \\', '\trm -rf /var/lib/apt/lists/*'),
    },
    {
      // Heredoc RUN: a new script line.
      code: dockerfile('FROM debian:bookworm', 'RUN <<EOF', 'apt-get update', 'apt-get install -y curl', 'EOF'),
      lines: [3],
      output: dockerfile('FROM debian:bookworm', 'RUN <<EOF', 'apt-get update', 'apt-get install -y curl', 'rm -rf /var/lib/apt/lists/*', 'EOF'),
    },
    {
      // The lists removed in a later RUN still sit in this layer (the stage the final one is built from).
      code: dockerfile('FROM python:3.12-slim AS base', 'RUN apt update && apt install -y curl', 'FROM base', 'RUN rm -rf /var/lib/apt/lists/*'),
      lines: [2],
      output: dockerfile('FROM python:3.12-slim AS base', 'RUN apt update && apt install -y curl && rm -rf /var/lib/apt/lists/*', 'FROM base', 'RUN rm -rf /var/lib/apt/lists/*'),
    },
    {
      // A later RUN installs without updating: the fix would break it, so it is unsafe.
      code: dockerfile('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y curl', 'RUN apt-get install -y git'),
      lines: [2],
      unsafe: true,
      output: dockerfile('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*', 'RUN apt-get install -y git'),
    },
    {
      // ../shared/corpus/facebookresearch__detectron2__docker_Dockerfile (shape)
      code: dockerfile('FROM nvidia/cuda:11.1.1-cudnn8-devel-ubuntu18.04', 'RUN apt-get update && apt-get install -y \\', '\tpython3-opencv ca-certificates python3-dev git wget sudo ninja-build'),
      lines: [2],
      output: dockerfile(
        'FROM nvidia/cuda:11.1.1-cudnn8-devel-ubuntu18.04',
        'RUN apt-get update && apt-get install -y \\',
        '\tpython3-opencv ca-certificates python3-dev git wget sudo ninja-build && rm -rf /var/lib/apt/lists/*',
      ),
    },
    {
      code: 'FROM debian\r\nRUN apt-get update \\\r\n  && apt-get install -y curl\r\n',
      lines: [2],
      output: 'FROM debian\r\nRUN apt-get update \\\r\n  && apt-get install -y curl \\\r\n  && rm -rf /var/lib/apt/lists/*\r\n',
    },
  ],
});

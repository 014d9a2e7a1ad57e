import { aptNoInstallRecommends } from '../../server/src/engine/rules/apt-no-install-recommends';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(aptNoInstallRecommends, {
  valid: [
    dockerfile('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*'),
    dockerfile('FROM debian:bookworm', 'RUN apt-get install -o APT::Install-Recommends=false -y curl'),
    dockerfile('FROM debian:bookworm', 'RUN apt-get update && apt-get upgrade -y'),
    dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir requests'),
    // A file-wide apt setting turns recommends off (seen in real images).
    dockerfile(
      'FROM debian:bookworm',
      `RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/00-no-recommends`,
      'RUN apt-get install -y curl',
    ),
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
  ],
  invalid: [
    {
      code: dockerfile('FROM python:3.12-slim', 'RUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*'),
      lines: [2],
      message: '--no-install-recommends',
      output: dockerfile('FROM python:3.12-slim', 'RUN apt-get update && apt-get install --no-install-recommends -y libpq5 && rm -rf /var/lib/apt/lists/*'),
    },
    {
      code: dockerfile('FROM ubuntu:24.04', 'RUN apt install -y python3 python3-pip'),
      lines: [2],
      output: dockerfile('FROM ubuntu:24.04', 'RUN apt install --no-install-recommends -y python3 python3-pip'),
    },
    {
      // Continuation lines and a comment inside the RUN.
      code: dockerfile('FROM debian:bookworm', 'RUN apt-get update \\', '    # tools', '    && apt-get -y install \\', '       git curl'),
      lines: [4],
      output: dockerfile('FROM debian:bookworm', 'RUN apt-get update \\', '    # tools', '    && apt-get -y install --no-install-recommends \\', '       git curl'),
    },
    {
      // Two installs in one RUN, one already right.
      code: dockerfile('FROM debian:bookworm', 'RUN apt-get install -y --no-install-recommends a && sudo apt-get install -y b'),
      lines: [2],
      output: dockerfile('FROM debian:bookworm', 'RUN apt-get install -y --no-install-recommends a && sudo apt-get install --no-install-recommends -y b'),
    },
    {
      // ../shared/corpus/docker__awesome-compose__react-rust-postgres_backend_Dockerfile (shape)
      code: dockerfile('FROM rust:1.60 AS builder', 'RUN apt-get update && apt-get install -y libpq-dev'),
      lines: [2],
      output: dockerfile('FROM rust:1.60 AS builder', 'RUN apt-get update && apt-get install --no-install-recommends -y libpq-dev'),
    },
    {
      code: dockerfile('FROM debian', 'RUN <<EOF', 'apt-get update', 'apt-get install -y curl', 'EOF'),
      lines: [4],
      output: dockerfile('FROM debian', 'RUN <<EOF', 'apt-get update', 'apt-get install --no-install-recommends -y curl', 'EOF'),
    },
    {
      code: 'FROM debian\r\nRUN apt-get install -y \\\r\n  curl\r\n',
      lines: [2],
      output: 'FROM debian\r\nRUN apt-get install --no-install-recommends -y \\\r\n  curl\r\n',
    },
  ],
});

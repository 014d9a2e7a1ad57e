import { sudoInRun } from '../../server/src/engine/rules/sudo-in-run';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(sudoInRun, {
  valid: [
    // ../shared/corpus/facebookresearch__detectron2__docker_Dockerfile: sudo as a package and in a sudoers line, not as a prefix.
    dockerfile(
      'FROM nvidia/cuda:11.1.1-cudnn8-devel-ubuntu18.04',
      'RUN apt-get update && apt-get install -y python3-opencv ca-certificates python3-dev git wget sudo ninja-build',
      "RUN echo '%sudo ALL=(ALL) NOPASSWD:ALL' >> /etc/sudoers",
      'RUN useradd -m --no-log-init --system --uid 1000 appuser -g sudo',
    ),
    // ../shared/corpus/moby__buildkit__Dockerfile
    dockerfile('FROM alpine:3.21', 'RUN apk add --no-cache shadow shadow-uidmap sudo vim'),
    dockerfile('FROM python:3.12-slim', 'CMD ["sudo", "-u", "app", "python", "app.py"]'),
    dockerfile('FROM python:3.12-slim', 'RUN echo sudo && grep -q sudo /etc/group'),
  ],
  invalid: [
    {
      code: dockerfile('FROM python:3.12-slim', 'RUN sudo apt-get update && sudo apt-get install -y --no-install-recommends libpq5'),
      lines: [2, 2],
      message: 'redundant',
      output: dockerfile('FROM python:3.12-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends libpq5'),
    },
    {
      // Explicit root, harmless options, a continuation line and a heredoc script.
      code: dockerfile('FROM ubuntu:24.04', 'USER root', 'RUN sudo -E \\', '    apt-get update', 'RUN <<EOF', 'set -e', 'sudo pip install x', 'EOF'),
      lines: [3, 7],
      output: dockerfile('FROM ubuntu:24.04', 'USER root', 'RUN \\', '    apt-get update', 'RUN <<EOF', 'set -e', 'pip install x', 'EOF'),
    },
    {
      // After `then` and an assignment.
      code: dockerfile('FROM debian:bookworm-slim', 'RUN if [ -f x ]; then DEBIAN_FRONTEND=noninteractive sudo apt-get install -y x; fi'),
      lines: [2],
      output: dockerfile('FROM debian:bookworm-slim', 'RUN if [ -f x ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y x; fi'),
    },
    {
      // A base image that may set its own USER: the fix is offered as unsafe.
      code: dockerfile('FROM acme/python-base:3.12', 'RUN sudo apt-get update'),
      lines: [2],
      unsafe: true,
      output: dockerfile('FROM acme/python-base:3.12', 'RUN apt-get update'),
    },
    {
      // Under a non-root user: reported without a fix.
      code: dockerfile('FROM python:3.12-slim', 'RUN useradd app', 'USER app', 'RUN sudo apt-get update'),
      lines: [4],
      message: '`USER root`',
      output: null,
    },
    {
      // A base that runs as non-root, and `sudo -u` (another user): no fix.
      code: dockerfile('FROM quay.io/jupyter/base-notebook:2024-05-27', 'RUN sudo apt-get update', 'FROM python:3.12-slim', 'RUN sudo -u nobody touch /tmp/x'),
      lines: [2, 4],
      output: null,
    },
    {
      // The user comes from the stage this one is built FROM.
      code: dockerfile('FROM python:3.12-slim AS base', 'USER 1000', 'FROM base', 'RUN sudo apt-get update'),
      lines: [4],
      output: null,
    },
  ],
});

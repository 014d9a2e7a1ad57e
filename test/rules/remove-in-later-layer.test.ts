import { removeInLaterLayer } from '../../server/src/engine/rules/remove-in-later-layer';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(removeInLaterLayer, {
  valid: [
    // Installed and purged in the same RUN.
    dockerfile('FROM python:3.12-slim', 'RUN apt-get update && apt-get install -y gcc && pip install --no-cache-dir uwsgi && apt-get purge -y --auto-remove gcc && rm -rf /var/lib/apt/lists/*'),
    // ../shared/corpus/docker-library__golang__1.27_alpine3.24_Dockerfile (shape): virtual group deleted in the same RUN.
    dockerfile('FROM alpine:3.20', 'RUN set -eux; \\', '\tapk add --no-cache --virtual .fetch-deps gnupg; \\', '\tapk del --no-network .fetch-deps'),
    // A package the base image ships: nothing to move, and scanners stop seeing it.
    dockerfile('FROM python:3.11-slim', 'RUN pip uninstall -y setuptools'),
    dockerfile('FROM debian:bookworm', 'RUN apt-get purge -y --auto-remove perl'),
    // Only builder stages: the final image never sees those layers.
    dockerfile('FROM python:3.12-slim AS builder', 'RUN apt-get update && apt-get install -y gcc', 'RUN apt-get purge -y gcc', 'FROM python:3.12-slim', 'COPY --from=builder /opt/venv /opt/venv'),
    // Tidying a manifest away is not worth a warning.
    dockerfile('FROM python:3.12-slim', 'COPY requirements.txt /tmp/requirements.txt', 'RUN pip install --no-cache-dir -r /tmp/requirements.txt && rm /tmp/requirements.txt'),
    // Under a whole-context copy, a RUN that also builds may have created what it deletes.
    dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'COPY . .', 'RUN python setup.py build && rm -rf /app/build'),
    // The lists are deleted by the RUN that wrote them.
    dockerfile('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*', 'RUN rm -rf /var/lib/apt/lists/*'),
    // ../shared/corpus/nodejs__docker-node__24_bookworm-slim_Dockerfile (shape): download and delete in one RUN.
    dockerfile('FROM debian:bookworm-slim', 'RUN curl -fsSLO https://example.org/node.tar.xz && tar -xJf node.tar.xz -C /usr/local && rm node.tar.xz'),
    // An rm of something a RUN created, not a COPY.
    dockerfile('FROM python:3.12-slim', 'RUN mkdir /scratch && touch /scratch/x', 'RUN rm -rf /scratch'),
  ],
  invalid: [
    {
      code: dockerfile(
        'FROM python:3.12-slim',
        'RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*',
        'COPY requirements.txt .',
        'RUN pip install --no-cache-dir -r requirements.txt',
        'RUN apt-get purge -y gcc libpq-dev',
      ),
      lines: [5],
      message: 'saves nothing',
      // A RUN in between may need the compilers: no fix.
      output: null,
    },
    {
      // Consecutive RUNs: the purge can move (unsafe: nothing checks what used the package).
      code: dockerfile('FROM python:3.12-slim', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*', 'ENV A=1', 'RUN apt-get purge -y curl'),
      lines: [4],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* && apt-get purge -y curl', 'ENV A=1'),
    },
    {
      code: dockerfile('FROM python:3.12-alpine', 'RUN apk add --no-cache --virtual .build-deps gcc musl-dev', 'RUN apk del .build-deps'),
      lines: [3],
      unsafe: true,
      output: dockerfile('FROM python:3.12-alpine', 'RUN apk add --no-cache --virtual .build-deps gcc musl-dev && apk del .build-deps'),
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir Cython==3.0.10', 'RUN pip uninstall -y cython'),
      lines: [3],
      message: '`cython`',
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir Cython==3.0.10 && pip uninstall -y cython'),
    },
    {
      // The lists written by an earlier RUN; the RUNs between run no apt.
      code: dockerfile('FROM debian:bookworm', 'RUN apt-get update \\', '    && apt-get install -y curl', 'RUN curl -fsSL https://example.org/x -o /x', 'RUN rm -rf /var/lib/apt/lists/*'),
      lines: [5],
      message: 'apt lists',
      unsafe: true,
      output: dockerfile('FROM debian:bookworm', 'RUN apt-get update \\', '    && apt-get install -y curl \\', '    && rm -rf /var/lib/apt/lists/*', 'RUN curl -fsSL https://example.org/x -o /x'),
    },
    {
      // ../shared/corpus/AlphaHinex__hf-models__Dockerfile: a token copied in and deleted later stays in the image.
      code: dockerfile(
        'FROM python:3-alpine',
        'COPY TONEK_FILE TONEK_FILE',
        'RUN pip install huggingface_hub',
        'RUN cat TONEK_FILE | xargs huggingface-cli login --token',
        'RUN rm -f /root/.cache/huggingface/token && rm -f TONEK_FILE',
      ),
      lines: [5],
      message: 'line 2',
      output: null,
    },
    {
      // Wheels copied from a builder and deleted after the install.
      code: dockerfile('FROM python:3.12-slim AS builder', 'RUN pip wheel -w /wheels flask', 'FROM python:3.12-slim', 'COPY --from=builder /wheels /wheels', 'RUN pip install --no-cache-dir /wheels/*', 'RUN rm -rf /wheels'),
      lines: [6],
      output: null,
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'ENV APP_HOME=/srv/app', 'WORKDIR $APP_HOME', 'COPY . .', 'RUN rm -rf tests docs/'),
      lines: [5],
      message: '`tests`',
      output: null,
    },
  ],
});

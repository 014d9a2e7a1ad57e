import { apkNoCache } from '../../server/src/engine/rules/apk-no-cache';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(apkNoCache, {
  valid: [
    dockerfile('FROM python:3.12-alpine', 'RUN apk add --no-cache libpq'),
    dockerfile('FROM python:3.12-alpine', 'RUN apk --no-cache add libpq'),
    dockerfile('FROM python:3.12-alpine', 'RUN --mount=type=cache,target=/var/cache/apk apk add libpq'),
    dockerfile('FROM python:3.12-alpine', 'RUN --mount=type=cache,target=/etc/apk/cache apk update && apk add libpq'),
    // ../shared/corpus/GoogleCloudPlatform__microservices-demo__src_emailservice_Dockerfile
    dockerfile('FROM python:3.12-alpine', 'RUN apk update \\', '    && apk add --no-cache libstdc++ \\', '    && rm -rf /var/cache/apk/*'),
    dockerfile('FROM alpine:3.20', 'RUN apk add curl && rm -rf /var/cache/apk/*'),
    // ../shared/corpus/docker-library__golang__1.27_alpine3.24_Dockerfile (shape): virtual group with --no-cache.
    dockerfile('FROM alpine:3.20', 'RUN set -eux; \\', '\tapk add --no-cache --virtual .fetch-deps gnupg; \\', '\tapk del --no-network .fetch-deps'),
    // A builder stage's index never ships.
    dockerfile('FROM python:3.12-alpine AS builder', 'RUN apk add build-base', 'FROM python:3.12-alpine', 'COPY --from=builder /opt/venv /opt/venv'),
    // ../shared/corpus/moby__buildkit__Dockerfile: xx-apk is a wrapper we do not know.
    dockerfile('FROM alpine:3.20', 'RUN xx-apk add musl-dev gcc'),
  ],
  invalid: [
    {
      // ../shared/corpus/Hooleymass__TG-Filestream__Dockerfile
      code: dockerfile('FROM python:3.9-alpine', 'RUN apk add build-base', 'RUN apk --no-cache add gcc python3 linux-headers'),
      lines: [2],
      message: '--no-cache',
      output: dockerfile('FROM python:3.9-alpine', 'RUN apk add --no-cache build-base', 'RUN apk --no-cache add gcc python3 linux-headers'),
    },
    {
      // ../shared/corpus/sravanre__python_Webservers__apline_image_Dockerfile
      code: dockerfile('FROM alpine:latest', 'RUN apk add python3 && apk add --update py-pip'),
      lines: [2, 2],
      output: dockerfile('FROM alpine:latest', 'RUN apk add --no-cache python3 && apk add --no-cache --update py-pip'),
    },
    {
      // ../shared/corpus/docker__awesome-compose__nginx-flask-mysql_backend_Dockerfile (dev-envs stage, the final one)
      code: dockerfile('FROM python:3.10-alpine AS builder', 'FROM builder AS dev-envs', 'RUN <<EOF', 'apk update', 'apk add git', 'EOF'),
      lines: [4, 5],
      output: dockerfile('FROM python:3.10-alpine AS builder', 'FROM builder AS dev-envs', 'RUN <<EOF', 'apk update', 'apk add --no-cache git', 'rm -rf /var/cache/apk/*', 'EOF'),
    },
    {
      code: dockerfile('FROM python:3.12-alpine', 'RUN apk update && apk add --no-cache libpq'),
      lines: [2],
      message: 'apk update',
      output: dockerfile('FROM python:3.12-alpine', 'RUN apk update && apk add --no-cache libpq && rm -rf /var/cache/apk/*'),
    },
    {
      code: dockerfile('FROM python:3.12-alpine', 'RUN apk add --virtual .build-deps \\', '      gcc musl-dev \\', '  && pip install --no-cache-dir psutil \\', '  && apk del .build-deps'),
      lines: [2],
      output: dockerfile('FROM python:3.12-alpine', 'RUN apk add --no-cache --virtual .build-deps \\', '      gcc musl-dev \\', '  && pip install --no-cache-dir psutil \\', '  && apk del .build-deps'),
    },
  ],
});

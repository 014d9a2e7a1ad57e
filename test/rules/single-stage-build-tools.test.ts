import { singleStageBuildTools } from '../../server/src/engine/rules/single-stage-build-tools';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(singleStageBuildTools, {
  valid: [
    // Build tools only in the builder stage.
    dockerfile(
      'FROM python:3.12-slim AS builder',
      'RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev',
      'FROM python:3.12-slim',
      'RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*',
    ),
    // Installed and purged in the same RUN.
    dockerfile(
      'FROM python:3.12-slim',
      'RUN apt-get update && apt-get install -y --no-install-recommends gcc && pip install --no-cache-dir uwsgi && apt-get purge -y --auto-remove gcc',
    ),
    // apk virtual group deleted in the same RUN (../shared/corpus/ alpine pattern).
    dockerfile(
      'FROM python:3.12-alpine',
      'RUN apk add --no-cache --virtual .build-deps gcc musl-dev postgresql-dev && pip install --no-cache-dir psycopg2 && apk del .build-deps',
    ),
    dockerfile('FROM python:3.12-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates'),
    // ../shared/corpus/GoogleCloudPlatform__microservices-demo__src_emailservice_Dockerfile: tools only in the builder.
    dockerfile(
      'FROM python:3.12-slim@sha256:abc AS base',
      'FROM base AS builder',
      'RUN apt-get -qq update \\',
      '    && apt-get install -y --no-install-recommends \\',
      '        wget g++ \\',
      '    && rm -rf /var/lib/apt/lists/*',
      'FROM base',
      'COPY --from=builder /usr/local/lib/python3.12/ /usr/local/lib/python3.12/',
    ),
  ],
  invalid: [
    {
      code: dockerfile(
        'FROM python:3.12-slim',
        'RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*',
        'RUN pip install --no-cache-dir -r requirements.txt',
      ),
      lines: [2],
      message: '`gcc`, `libpq-dev`',
      output: null,
    },
    {
      code: dockerfile('FROM python:3.12-alpine', 'RUN apk add --no-cache build-base postgresql-dev'),
      lines: [2],
      message: '`build-base`, `postgresql-dev`',
    },
    {
      // Removing the tools in a later layer saves nothing.
      code: dockerfile('FROM python:3.12-slim', 'RUN apt-get install -y build-essential', 'RUN apt-get purge -y build-essential'),
      lines: [2],
    },
    {
      // The final stage is built FROM a stage that installs the tools.
      code: dockerfile('FROM python:3.12-slim AS base', 'RUN apt-get install -y g++', 'FROM base', 'CMD ["python"]'),
      lines: [2],
    },
    {
      // ../shared/corpus/docker__awesome-compose__nginx-flask-mysql_backend_Dockerfile (shape)
      code: dockerfile('FROM python:3.10-alpine AS builder', 'RUN apk add --no-cache gcc musl-dev linux-headers', 'COPY requirements.txt /code'),
      lines: [2],
      message: '`gcc`, `musl-dev`, `linux-headers`',
    },
  ],
});

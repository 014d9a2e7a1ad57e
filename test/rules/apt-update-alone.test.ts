import { aptUpdateAlone } from '../../server/src/engine/rules/apt-update-alone';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(aptUpdateAlone, {
  valid: [
    dockerfile('FROM python:3.12-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*'),
    // ../shared/corpus/wemake-services__wemake-django-template____cookiecutter.project_name___docker_django_Dockerfile (shape)
    dockerfile('FROM python:3.12-slim', 'RUN apt-get update && apt-get upgrade -y \\', '  && apt-get install --no-install-recommends -y bash \\', '  && apt-get clean -y && rm -rf /var/lib/apt/lists/*'),
    // ../shared/corpus/docker__awesome-compose__fastapi_Dockerfile: heredoc with both.
    dockerfile('FROM python:3.9-slim', 'RUN <<EOF', 'apt-get update', 'apt-get install -y --no-install-recommends git', 'EOF'),
    // The script after the update may install.
    dockerfile('FROM debian:bookworm', 'RUN apt-get update && ./install-deps.sh'),
    dockerfile('FROM debian:bookworm', 'RUN apt-get update && rm -rf /var/lib/apt/lists/*'),
    dockerfile('FROM alpine:3.20', 'RUN apk update && apk add --no-cache curl'),
    // ../shared/corpus/nodejs__docker-node__24_bookworm-slim_Dockerfile (shape): options after the packages.
    dockerfile('FROM debian:bookworm-slim', 'RUN apt-get update && apt-get install -y ca-certificates curl --no-install-recommends \\', '    && rm -rf /var/lib/apt/lists/*'),
  ],
  invalid: [
    {
      // ../shared/corpus/TedJohansson__jtmain__Dockerfile (indented instructions)
      code: dockerfile(' FROM python:3.6-slim', ' RUN apt-get update -y', ' RUN apt-get install -y gcc libpq-dev', ' RUN mkdir /config'),
      lines: [2],
      message: 'stale package index',
      output: dockerfile(' FROM python:3.6-slim', ' RUN apt-get update -y && apt-get install -y gcc libpq-dev', ' RUN mkdir /config'),
    },
    {
      // ENV between the two is fine; the install line keeps its continuation.
      code: dockerfile('FROM debian:bookworm', 'RUN apt-get update', 'ENV DEBIAN_FRONTEND=noninteractive', 'RUN set -eux; \\', '    apt-get install -y curl; \\', '    rm -rf /var/lib/apt/lists/*'),
      lines: [2],
      output: dockerfile('FROM debian:bookworm', 'ENV DEBIAN_FRONTEND=noninteractive', 'RUN set -eux; \\', '    apt-get update && apt-get install -y curl; \\', '    rm -rf /var/lib/apt/lists/*'),
    },
    {
      // The next RUN already updates: the lone one is only deleted.
      code: dockerfile('FROM debian:bookworm', 'RUN apt update', 'RUN apt update && apt install -y curl'),
      lines: [2],
      output: dockerfile('FROM debian:bookworm', 'RUN apt update && apt install -y curl'),
    },
    {
      // An env prefix on the install stays with it.
      code: dockerfile('FROM debian:bookworm', 'RUN apt-get -qq update', 'RUN DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata'),
      lines: [2],
      output: dockerfile('FROM debian:bookworm', 'RUN apt-get -qq update && DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata'),
    },
    {
      // Other commands in the RUN: no fix.
      code: dockerfile('FROM debian:bookworm', 'RUN echo "deb http://mirror.example.org/debian bookworm-backports main" > /etc/apt/sources.list.d/bp.list && apt-get update', 'RUN apt-get install -y curl'),
      lines: [2],
      output: null,
    },
    {
      // The next RUN does not install with apt: no fix.
      code: dockerfile('FROM debian:bookworm', 'RUN apt-get update', 'RUN pip install flask'),
      lines: [2],
      output: null,
    },
    {
      // A USER switch in between: no fix.
      code: dockerfile('FROM debian:bookworm', 'RUN apt-get update', 'USER app', 'RUN apt-get install -y curl'),
      lines: [2],
      output: null,
    },
    {
      // `||` joins the install: prefixing would change what runs.
      code: dockerfile('FROM debian:bookworm', 'RUN apt-get update', 'RUN test -x /usr/bin/curl || apt-get install -y curl'),
      lines: [2],
      output: null,
    },
    {
      code: dockerfile('FROM debian:bookworm', 'RUN <<EOF', 'apt-get update', 'EOF', 'RUN <<EOF', 'apt-get install -y curl', 'EOF'),
      lines: [3],
      output: dockerfile('FROM debian:bookworm', 'RUN <<EOF', 'apt-get update && apt-get install -y curl', 'EOF'),
    },
  ],
});

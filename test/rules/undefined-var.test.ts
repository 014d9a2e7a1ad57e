import { undefinedVar } from '../../server/src/engine/rules/undefined-var';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(undefinedVar, {
  valid: [
    dockerfile('FROM alpine AS base', 'ARG foo', 'COPY $foo .'),
    dockerfile('FROM python AS base', 'ARG VERSION=$PYTHON_VERSION'),
    dockerfile('FROM python:3.12-slim', 'ENV PATH=/opt/venv/bin:$PATH'),
    // RUN, CMD and ENTRYPOINT are expanded by the shell, not BuildKit.
    dockerfile('FROM python:3.12-slim', 'RUN echo $UNDEFINED', 'CMD echo $UNDEFINED'),
    // Quoting and escaping.
    dockerfile('FROM python:3.12-slim', "ENV A='$NOT' B=\"\\$NOT\" C=\\$NOT"),
    // Handled unset cases.
    dockerfile('FROM python:3.12-slim', 'ENV PORT=${PORT:-8000} X=${X:+set}'),
    // A global ARG redeclared in the stage; a stage inherits from the stage it is built FROM.
    dockerfile('ARG APP_HOME=/srv/app', 'FROM python:3.12-slim AS base', 'ARG APP_HOME', 'ENV APP_HOME=$APP_HOME', 'FROM base', 'WORKDIR $APP_HOME'),
    // Each ARG pair sees the ones before it.
    dockerfile('FROM python:3.12-slim', 'ARG MAJOR=3 VERSION=$MAJOR.12'),
    // The platform ARGs once declared.
    dockerfile('FROM python:3.12-slim', 'ARG TARGETARCH', 'COPY bin/$TARGETARCH/tool /usr/local/bin/'),
    // An unknown base image may define the variable.
    dockerfile('FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04', 'ENV PATH=$CUDA_HOME/bin:$PATH LD_LIBRARY_PATH=$LD_LIBRARY_PATH:/usr/local/lib'),
    // Heredoc bodies are not checked.
    dockerfile('FROM python:3.12-slim', 'COPY <<EOF /app/run.sh', 'echo $ANYTHING', 'EOF'),
    // ../shared/corpus/open-webui__open-webui__Dockerfile
    dockerfile(
      'ARG UID=0',
      'ARG GID=0',
      'FROM python:3.11-slim-bookworm AS base',
      'ARG UID',
      'ARG GID',
      'ARG USE_EMBEDDING_MODEL',
      'ENV ENV=prod \\',
      '    PORT=8080 \\',
      '    USE_EMBEDDING_MODEL_DOCKER=${USE_EMBEDDING_MODEL}',
      'ENV RAG_EMBEDDING_MODEL="$USE_EMBEDDING_MODEL_DOCKER"',
      'COPY --chown=$UID:$GID ./backend .',
      'USER $UID:$GID',
    ),
    // ../shared/corpus/moby__buildkit__Dockerfile (golang's GOPATH, stage chains, heredocs)
    dockerfile(
      'ARG GO_VERSION=1.26',
      'ARG ALPINE_VERSION=3.23',
      'FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine${ALPINE_VERSION} AS golatest',
      'FROM golatest AS gobuild-base',
      'FROM gobuild-base AS runc',
      'WORKDIR $GOPATH/src/github.com/opencontainers/runc',
      'ARG RUNC_VERSION',
      'ADD --keep-git-dir=true "https://github.com/opencontainers/runc.git#$RUNC_VERSION" .',
      'ARG BUILDKIT_DEBUG',
      'ARG GOGCFLAGS=${BUILDKIT_DEBUG:+"all=-N -l"}',
    ),
    // moby/moby's Dockerfile: the base image comes from an ARG whose default is a golang image.
    dockerfile(
      'ARG GO_VERSION=1.19.3',
      'ARG GOLANG_IMAGE="golang:${GO_VERSION}-bullseye"',
      'FROM ${GOLANG_IMAGE} AS base',
      'FROM base AS swagger',
      'WORKDIR $GOPATH/src/github.com/go-swagger/go-swagger',
    ),
    // With an unknown base image, GOPATH is not taken for a typo of PATH.
    dockerfile('FROM myorg/go-builder:1', 'WORKDIR $GOPATH/src/app'),
    // ../shared/corpus/mealie-recipes__mealie__docker_Dockerfile
    dockerfile(
      'FROM python:3.10-slim as python-base',
      'ENV MEALIE_HOME="/app"',
      'ENV POETRY_HOME="/opt/poetry" \\',
      '    VENV_PATH="/opt/pysetup/.venv"',
      'ENV PATH="$POETRY_HOME/bin:$VENV_PATH/bin:$PATH"',
      'FROM python-base as production',
      'VOLUME [ "$MEALIE_HOME/data/" ]',
    ),
  ],
  invalid: [
    {
      code: dockerfile('FROM alpine AS base', 'COPY $foo .'),
      lines: [2],
      message: "Usage of undefined variable '$foo'",
      output: null,
    },
    {
      code: dockerfile('FROM alpine', 'ENV PATH=$PAHT:/app/bin'),
      lines: [2],
      message: 'did you mean $PATH?',
      unsafe: true,
      output: dockerfile('FROM alpine', 'ENV PATH=$PATH:/app/bin'),
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'ARG APP_HOME=/srv/app', 'WORKDIR ${APP_HOEM}/src'),
      lines: [3],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'ARG APP_HOME=/srv/app', 'WORKDIR ${APP_HOME}/src'),
    },
    {
      // A global ARG is not visible in a stage until redeclared: only the first use gets the fix.
      code: dockerfile('ARG APP_HOME=/srv/app', 'FROM python:3.12-slim', 'WORKDIR $APP_HOME', 'COPY . $APP_HOME'),
      lines: [3, 4],
      message: 'global ARG APP_HOME',
      unsafe: true,
      output: dockerfile('ARG APP_HOME=/srv/app', 'FROM python:3.12-slim', 'ARG APP_HOME', 'WORKDIR $APP_HOME', 'COPY . $APP_HOME'),
    },
    {
      code: dockerfile('FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'COPY --from=0 /out/app-${TARGETARCH} /app'),
      lines: [2],
      message: 'platform ARG TARGETARCH',
      unsafe: true,
      output: dockerfile('FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'ARG TARGETARCH', 'COPY --from=0 /out/app-${TARGETARCH} /app'),
    },
    {
      // A fallback does not help: the global ARG is invisible, so the fallback always wins.
      code: dockerfile('ARG PORT=9000', 'FROM python:3.12-slim', 'ENV PORT=${PORT:-8000}'),
      lines: [3],
      message: 'fallback always applies',
      unsafe: true,
      output: dockerfile('ARG PORT=9000', 'FROM python:3.12-slim', 'ARG PORT', 'ENV PORT=${PORT:-8000}'),
    },
    {
      // The platform ARG is reported whatever the base image.
      code: dockerfile('FROM myorg/base:1', '    COPY dist/$TARGETOS/app /app'),
      lines: [2],
      unsafe: true,
      output: dockerfile('FROM myorg/base:1', '    ARG TARGETOS', '    COPY dist/$TARGETOS/app /app'),
    },
    {
      // ENV expands every value before it sets any.
      code: dockerfile('FROM python:3.12-slim', 'ENV VENV=/opt/venv \\', '    PATH=$VENV/bin:$PATH'),
      lines: [3],
      message: 'ENV line of its own',
      output: null,
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'ENV PYTHONPATH="${PYTHONPATH}:/app"'),
      lines: [2],
      output: null,
    },
    {
      // ../shared/corpus/wagoodman__dive__Dockerfile: an ARG defaulting to itself.
      code: dockerfile('FROM alpine:3.21 AS base', 'ARG DOCKER_CLI_VERSION=${DOCKER_CLI_VERSION}'),
      lines: [2],
      output: null,
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'LABEL version=$VERSION', 'COPY --chown=$APP_USER . /app', 'USER ${APP_USER:?set APP_USER}'),
      lines: [2, 3, 4],
      output: null,
    },
    {
      // An unknown base image: only a near miss of a defined name is reported.
      code: dockerfile('FROM myorg/base:1', 'ENV APP_HOME=/srv', 'WORKDIR $APP_HOEM', 'COPY . $SOMETHING_ELSE'),
      lines: [3],
      unsafe: true,
      output: dockerfile('FROM myorg/base:1', 'ENV APP_HOME=/srv', 'WORKDIR $APP_HOME', 'COPY . $SOMETHING_ELSE'),
    },
    {
      // No suggestion that is only a suffix of the name.
      code: dockerfile('FROM python:3.12-slim', 'COPY tool $GOPATH/bin/'),
      lines: [2],
      output: null,
    },
    {
      code: dockerfile('FROM scratch', 'COPY app /app', 'USER $APP_USER'),
      lines: [3],
      output: null,
    },
  ],
});

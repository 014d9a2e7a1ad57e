import { chownAfterCopy } from '../../server/src/engine/rules/chown-after-copy';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(chownAfterCopy, {
  valid: [
    dockerfile('FROM python:3.12-slim', 'RUN useradd --create-home app', 'COPY --chown=app:app . /srv/app', 'USER app'),
    // ../shared/corpus/CTFd__CTFd__Dockerfile: the COPY already sets the owner.
    dockerfile(
      'FROM python:3.11-slim-bookworm AS release',
      'WORKDIR /opt/CTFd',
      'COPY --chown=1001:1001 . /opt/CTFd',
      'RUN useradd \\',
      '    --no-log-init \\',
      '    -u 1001 \\',
      '    ctfd \\',
      '    && mkdir -p /var/log/CTFd /var/uploads \\',
      '    && chown -R 1001:1001 /var/log/CTFd /var/uploads /opt/CTFd',
    ),
    // ../shared/corpus/cookiecutter__cookiecutter-django____cookiecutter.project_slug___compose_production_django_Dockerfile: not recursive.
    dockerfile('FROM python:3.14-slim', 'ARG APP_HOME=/app', 'WORKDIR ${APP_HOME}', 'COPY --from=builder --chown=django:django ${APP_HOME} ${APP_HOME}', 'RUN chown django:django ${APP_HOME}'),
    // A directory no COPY wrote to.
    dockerfile('FROM python:3.12-slim', 'COPY . /srv/app', 'RUN mkdir /data && chown -R app /data'),
    // A builder stage is not shipped.
    dockerfile('FROM python:3.12-slim AS builder', 'COPY . /src', 'RUN chown -R nobody /src', 'FROM python:3.12-slim', 'COPY --from=builder /src/dist /dist'),
  ],
  invalid: [
    {
      // The COPY creates /srv/app and nothing runs in between: safe.
      code: dockerfile('FROM python:3.12-slim', 'RUN useradd --create-home app', 'COPY . /srv/app', 'RUN chown -R app:app /srv/app', 'USER app'),
      lines: [4],
      message: 'COPY --chown=app:app',
      output: dockerfile('FROM python:3.12-slim', 'RUN useradd --create-home app', 'COPY --chown=app:app . /srv/app', 'USER app'),
    },
    {
      // The WORKDIR made /app before the copy: after the fix /app itself stays root's, so the fix is unsafe.
      code: dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'COPY requirements.txt .', 'COPY src/ ./src/', 'RUN chown -R 1000:1000 /app'),
      lines: [5],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'COPY --chown=1000:1000 requirements.txt .', 'COPY --chown=1000:1000 src/ ./src/'),
    },
    {
      // A RUN in between may have created files there: unsafe.
      code: dockerfile('FROM python:3.12-slim', 'COPY app /opt/app', 'RUN python -m compileall /opt/app', 'RUN chown --recursive www-data /opt/app'),
      lines: [4],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'COPY --chown=www-data app /opt/app', 'RUN python -m compileall /opt/app'),
    },
    {
      // Part of a longer RUN: reported, no fix.
      code: dockerfile('FROM python:3.12-slim', 'ENV HOME=/home/app', 'COPY . $HOME/src', 'RUN useradd app && chown -R app:app $HOME/src'),
      lines: [4],
      output: null,
    },
    {
      // ADD too; the chown names a directory under the copied one, so --chown on the copy would change more: no fix.
      code: dockerfile('FROM python:3.12-slim', 'WORKDIR /srv', 'ADD . .', 'RUN chown -Rh app /srv/media'),
      lines: [4],
      output: null,
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'ADD --checksum=sha256:abc app.tar.gz /opt/', 'RUN chown -R app /opt'),
      lines: [3],
      unsafe: true,
      output: dockerfile('FROM python:3.12-slim', 'ADD --chown=app --checksum=sha256:abc app.tar.gz /opt/'),
    },
  ],
});

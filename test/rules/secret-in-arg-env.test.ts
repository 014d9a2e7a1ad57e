import { secretInArgEnv } from '../../server/src/engine/rules/secret-in-arg-env';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(secretInArgEnv, {
  valid: [
    // The official python image up to 3.13 sets a GPG key fingerprint (docker-library/python, 3.13/bookworm/Dockerfile).
    dockerfile('FROM buildpack-deps:bookworm', 'ENV GPG_KEY 7169605F62C751356D054A26A821E680E5FA6305', 'ENV PYTHON_VERSION 3.13.1'),
    // ../shared/corpus/docker-library__python__3.14_bookworm_Dockerfile (its ENV lines)
    dockerfile('FROM buildpack-deps:bookworm', 'ENV PATH /usr/local/bin:$PATH', 'ENV LANG C.UTF-8', 'ENV PYTHON_VERSION 3.14.0', 'ENV PYTHON_SHA256 2299dae542d395ce3883aca00d3c910307cd68e0b2f7336098c8e7b7eee9f3e9'),
    // ../shared/corpus/open-webui__open-webui__Dockerfile: empty placeholders filled at run time.
    dockerfile('FROM python:3.11-slim', 'ENV OPENAI_API_KEY="" \\', '    WEBUI_SECRET_KEY="" \\', '    SCARF_NO_ANALYTICS=true'),
    // ../shared/corpus/50gramx__eapp-python-implementation__Dockerfile: a path to a key file.
    dockerfile('FROM python:3.9', 'ENV SSL_KEY /app/certificates/server.key', 'ENV SSL_CERT /app/certificates/server.crt'),
    // Names that point at a secret rather than hold it.
    dockerfile('FROM python:3.12-slim', 'ENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password', 'ARG TOKEN_URL=https://auth.example.com/token', 'ENV AWS_ACCESS_KEY_ID_FILE=/run/secrets/id'),
    dockerfile('FROM python:3.12-slim', 'ENV GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/google/key.json'),
    dockerfile('FROM python:3.12-slim', 'ENV AUTH_ENABLED=true', 'ENV WEBUI_AUTH=False', 'ENV JWT_PUBLIC_KEY=abc'),
    // Settings about tokens, not tokens (the FastAPI full-stack template's names).
    dockerfile('FROM python:3.12-slim', 'ENV ACCESS_TOKEN_EXPIRE_MINUTES=11520', 'ENV PASSWORD_MIN_LENGTH=12', 'ENV TOKEN_LIMIT=4096'),
    dockerfile('FROM python:3.12-slim', 'ENV TOKENIZERS_PARALLELISM=false', 'ENV HF_HOME=/models', 'ARG CACHE_KEY=v1', 'ENV SSH_AUTH_SOCK=/ssh-agent'),
    // ../shared/corpus/paperless-ngx__paperless-ngx__Dockerfile: labels with an e-mail address.
    dockerfile('FROM python:3.12-slim', 'LABEL org.opencontainers.image.authors="paperless-ngx team <hello@paperless-ngx.com>"'),
    // URLs without a password, or with one from a variable or a placeholder.
    dockerfile('FROM python:3.12-slim', 'ENV CELERY_BROKER_URL=amqp://localhost:5672', 'ENV DATABASE_URL=postgres://app:${DB_PASSWORD_FROM_RUNTIME}@db/app', 'ENV X=https://user:<password>@example.com'),
  ],
  invalid: [
    {
      code: dockerfile('FROM python:3.12-slim', 'ARG GITHUB_TOKEN', 'RUN pip install git+https://${GITHUB_TOKEN}@github.com/acme/lib.git'),
      lines: [2],
      message: '`ARG GITHUB_TOKEN`',
      output: null,
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'ENV DJANGO_SECRET_KEY=changeme DEBUG=0', 'ENV MYSQL_ROOT_PASSWORD secret'),
      lines: [2, 3],
      message: 'stored in the image',
    },
    {
      // Global ARGs, camelCase and kebab-case names, an ENV copying a build argument into the image.
      code: dockerfile('ARG npmAuthToken', 'FROM python:3.12-slim', 'ARG OPENAI_API_KEY=""', 'ENV OPENAI_API_KEY=${OPENAI_API_KEY}', 'ARG NPM_AUTH'),
      lines: [1, 3, 4, 5],
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'ARG AWS_SECRET_ACCESS_KEY', 'ARG SSH_PRIVATE_KEY', 'ENV PYPI_CREDENTIALS=user:pw'),
      lines: [2, 3, 4],
    },
    {
      // Values that are credentials whatever their name.
      code: dockerfile(
        'FROM python:3.12-slim',
        'ENV PIP_INDEX_URL=https://deploy:s3cr3tpass@pypi.example.com/simple',
        'ARG HELPER=ghp_abcdefghijklmnopqrstuvwxyz0123456789',
        'LABEL deploy.key="AKIAIOSFODNN7EXAMPLE"',
      ),
      lines: [2, 3, 4],
      message: 'contains',
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'ENV CERT="-----BEGIN RSA PRIVATE KEY-----\\nMIIE..."'),
      lines: [2],
      message: 'a private key',
    },
  ],
});

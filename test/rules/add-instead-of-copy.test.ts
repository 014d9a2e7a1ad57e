import { addInsteadOfCopy } from '../../server/src/engine/rules/add-instead-of-copy';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(addInsteadOfCopy, {
  valid: [
    dockerfile('FROM python:3.12-slim', 'COPY requirements.txt .'),
    // ../shared/corpus/moby__buildkit__Dockerfile: a Git repository.
    dockerfile('FROM alpine:3.21', 'ADD --keep-git-dir=true "https://github.com/opencontainers/runc.git#$RUNC_VERSION" .'),
    dockerfile('FROM alpine:3.21', 'ADD https://github.com/moby/buildkit.git#v0.14.0 /src'),
    dockerfile('FROM alpine:3.21', 'ADD git@github.com:moby/buildkit.git /src'),
    // URLs, with or without a checksum.
    dockerfile('FROM python:3.12-slim', 'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /tmp/'),
    dockerfile('FROM python:3.12-slim', 'ADD https://raw.githubusercontent.com/acme/x/main/a.py /app/a.py'),
    // Local archives ADD unpacks on purpose.
    dockerfile('FROM debian:bookworm-slim', 'ADD rootfs.tar.xz /', 'ADD vendor.tgz /opt/', 'ADD data.tar /data', 'ADD tools.tar.zst /opt/tools', 'ADD x.tar.bz2 /x'),
    // A source from a variable may be a URL.
    dockerfile('FROM python:3.12-slim', 'ARG SOURCE', 'ADD ${SOURCE} /app/'),
  ],
  invalid: [
    {
      // ../shared/corpus/tonlls__PW_Deliverable1__Dockerfile
      code: dockerfile('FROM python:3.8.10', 'ADD requirements.txt /app/', 'RUN pip install -r /app/requirements.txt', 'ADD . /app/'),
      lines: [2, 4],
      message: 'use `COPY`',
      output: dockerfile('FROM python:3.8.10', 'COPY requirements.txt /app/', 'RUN pip install -r /app/requirements.txt', 'COPY . /app/'),
    },
    {
      // Lower case and flags COPY also understands; an archive format ADD does not unpack (zip).
      code: dockerfile('from python:3.12-slim', 'add --chown=app:app --chmod=644 app.zip /srv/'),
      lines: [2],
      output: dockerfile('from python:3.12-slim', 'copy --chown=app:app --chmod=644 app.zip /srv/'),
    },
    {
      // ../shared/corpus/TedJohansson__jtmain__Dockerfile: indented instructions.
      code: dockerfile(' FROM python:3.6-slim', ' Add /config/requirements.py /config/'),
      lines: [2],
      output: dockerfile(' FROM python:3.6-slim', ' Copy /config/requirements.py /config/'),
    },
    {
      // JSON form and several sources (../shared/corpus/Kaggle__docker-python__Dockerfile.tmpl).
      code: dockerfile('FROM python:3.12-slim', 'ADD ["a b.py", "/app/"]', 'ADD patches/kaggle_gcp.py \\', '    patches/kaggle_secrets.py \\', '    /root/.local/lib/'),
      lines: [2, 3],
      output: dockerfile('FROM python:3.12-slim', 'COPY ["a b.py", "/app/"]', 'COPY patches/kaggle_gcp.py \\', '    patches/kaggle_secrets.py \\', '    /root/.local/lib/'),
    },
  ],
});

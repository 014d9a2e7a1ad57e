import assert from 'node:assert/strict';
import { it } from 'node:test';
import { applyEdits } from '../../server/src/engine/edits';
import { lintText } from '../../server/src/engine/lint';
import { pipCache } from '../../server/src/engine/rules/pip-cache';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(pipCache, {
  valid: [
    dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir -r requirements.txt'),
    // ../shared/corpus/matthewfeickert__distributed-inference-with-pyhf-and-funcX__Dockerfile: the flag before the subcommand.
    dockerfile('FROM python:3.12-slim', 'RUN python -m pip --no-cache-dir install --upgrade pip setuptools wheel'),
    // ../shared/corpus/mealie-recipes__mealie__docker_Dockerfile: any value of PIP_NO_CACHE_DIR turns the cache off, even "off".
    dockerfile('FROM python:3.12-slim', 'ENV PIP_NO_CACHE_DIR=off \\', '    PIP_DISABLE_PIP_VERSION_CHECK=on', 'RUN pip install poetry'),
    dockerfile('FROM python:3.12-slim', 'ARG PIP_NO_CACHE_DIR=1', 'RUN pip install flask'),
    dockerfile('FROM python:3.12-slim AS base', 'ENV PIP_NO_CACHE_DIR=1', 'FROM base', 'RUN pip install flask'),
    dockerfile('FROM python:3.12-slim', 'RUN PIP_NO_CACHE_DIR=1 pip install flask'),
    // ../shared/corpus/docker__awesome-compose__fastapi_Dockerfile
    dockerfile('FROM python:3.12-slim', 'RUN --mount=type=cache,target=/root/.cache/pip \\', '    pip install -r requirements.txt'),
    // ../shared/corpus/zeevdri__celey_autoscale_framework__Dockerfile: a mount on the whole ~/.cache.
    dockerfile('FROM python:3.12-slim', 'RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt'),
    dockerfile('FROM python:3.12-slim', 'USER app', 'RUN --mount=type=cache,target=/home/app/.cache/pip,uid=1000 pip install --user flask'),
    dockerfile('FROM python:3.12-slim', 'RUN pip install flask && rm -rf /root/.cache/pip'),
    dockerfile('FROM python:3.12-slim', 'RUN pip install flask && pip cache purge'),
    dockerfile('FROM python:3.12-slim', 'COPY pip.conf /etc/pip.conf', 'RUN pip install flask'),
    dockerfile('FROM python:3.12-slim', 'RUN pip install --no-index --find-links=/wheels /wheels/*'),
    // A builder stage's cache never ships.
    dockerfile('FROM python:3.12-slim AS builder', 'RUN pip install -r requirements.txt', 'FROM python:3.12-slim', 'COPY --from=builder /usr/local /usr/local'),
    // ../shared/corpus/astral-sh__uv-docker-example__multistage.Dockerfile
    dockerfile('FROM python:3.12-slim', 'RUN --mount=type=cache,target=/root/.cache/uv \\', '    --mount=type=bind,source=uv.lock,target=uv.lock \\', '    uv sync --locked --no-install-project'),
    // ../shared/corpus/Kaggle__docker-python__Dockerfile.tmpl
    dockerfile('FROM python:3.12-slim', 'RUN uv pip install --system --no-cache -r /requirements.txt'),
    // ../shared/corpus/deepset-ai__haystack__docker_Dockerfile.base: uv accepts pip's spelling too.
    dockerfile('FROM python:3.12-slim', 'RUN uv pip install --no-cache-dir -U setuptools && \\', '    uv pip install --no-cache-dir .'),
    // ../shared/corpus/home-assistant__core__Dockerfile
    dockerfile('FROM python:3.12-slim', 'ENV UV_NO_CACHE=true', 'RUN uv pip install --system -r requirements.txt'),
    dockerfile('FROM python:3.12-slim', 'ENV UV_CACHE_DIR=/cache/uv', 'RUN --mount=type=cache,target=/cache/uv uv sync --frozen'),
    dockerfile('FROM python:3.12-slim', 'RUN pip download -d /wheels flask'),
    dockerfile('FROM python:3.12-slim', 'RUN pip uninstall -y setuptools'),
  ],
  invalid: [
    {
      code: dockerfile('FROM python:3.12-slim', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt'),
      lines: [3],
      message: '--no-cache-dir',
      output: dockerfile('FROM python:3.12-slim', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt'),
    },
    {
      // ../shared/corpus/ceo21ckim__AXCF-Pytorch__Dockerfile (shape): several installs in one RUN.
      code: dockerfile('FROM pytorch/pytorch:latest', 'RUN pip install torch \\', '    && pip install transformers==4.24.0 && python3 -m pip install matplotlib'),
      lines: [2, 3, 3],
      output: dockerfile('FROM pytorch/pytorch:latest', 'RUN pip install --no-cache-dir torch \\', '    && pip install --no-cache-dir transformers==4.24.0 && python3 -m pip install --no-cache-dir matplotlib'),
    },
    {
      // uv without --no-cache; UV_NO_CACHE=0 does not turn it off.
      code: dockerfile('FROM python:3.12-slim', 'ENV UV_NO_CACHE=0', 'RUN uv sync --frozen --no-dev'),
      lines: [3],
      message: 'uv',
      output: dockerfile('FROM python:3.12-slim', 'ENV UV_NO_CACHE=0', 'RUN uv sync --no-cache --frozen --no-dev'),
    },
    {
      code: dockerfile('FROM python:3.12-slim', 'RUN uv pip install --system flask'),
      lines: [2],
      output: dockerfile('FROM python:3.12-slim', 'RUN uv pip install --no-cache --system flask'),
    },
    {
      // An earlier install with --no-cache-dir does not excuse a later one.
      code: dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir -U pip', 'RUN pip3 install gunicorn'),
      lines: [3],
      output: dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir -U pip', 'RUN pip3 install --no-cache-dir gunicorn'),
    },
    {
      // The stage the final one is built from ships too.
      code: dockerfile('FROM python:3.12-slim AS base', 'RUN pip install flask', 'FROM base', 'CMD ["flask", "run"]'),
      lines: [2],
      output: dockerfile('FROM python:3.12-slim AS base', 'RUN pip install --no-cache-dir flask', 'FROM base', 'CMD ["flask", "run"]'),
    },
    {
      // A cache mount somewhere else does not cover pip's cache.
      code: dockerfile('FROM python:3.12-slim', 'RUN --mount=type=cache,target=/var/cache/apt pip install flask'),
      lines: [2],
      output: dockerfile('FROM python:3.12-slim', 'RUN --mount=type=cache,target=/var/cache/apt pip install --no-cache-dir flask'),
    },
  ],
});

function alternatives(code: string): { title: string; safe: boolean; output: string }[] {
  const { findings } = lintText(code, { rules: [pipCache] });
  return findings.flatMap((f) => f.fixes.slice(1)).map((fix) => ({ title: fix.title, safe: fix.safe, output: applyEdits(code, fix.edits) }));
}

it('pip-cache offers a cache mount as the unsafe alternative, once per RUN', () => {
  const code = dockerfile('FROM python:3.12-slim', 'RUN pip install -U pip && pip install -r requirements.txt');
  const alts = alternatives(code);
  assert.equal(alts.length, 1);
  assert.equal(alts[0].safe, false);
  assert.equal(alts[0].output, dockerfile('FROM python:3.12-slim', 'RUN --mount=type=cache,target=/root/.cache/pip pip install -U pip && pip install -r requirements.txt'));
  assert.deepEqual(lintText(alts[0].output, { rules: [pipCache] }).findings, []);
});

it('pip-cache mounts uv\'s cache for uv, and offers no mount when the RUN is not root', () => {
  assert.equal(alternatives(dockerfile('FROM python:3.12-slim', 'RUN uv sync --frozen'))[0].output, dockerfile('FROM python:3.12-slim', 'RUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen'));
  assert.deepEqual(alternatives(dockerfile('FROM python:3.12-slim', 'USER app', 'RUN pip install --user flask')), []);
});

// From Dockerfile lines to context files: which manifests a file names, where
// an image path was copied from, and which packages an install brings in.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contextCandidates, installedPackages, mentionedManifests, stageInstalls } from '../../server/src/engine/context/installs';
import { createBuildContext } from '../../server/src/engine/context/view';
import { parseDockerfile } from '../../server/src/engine/model/parse';
import { dockerfile } from '../helpers';

/** Candidates for the first `-r` file of the last RUN. */
function candidatesOf(text: string): string[] {
  const model = parseDockerfile(text);
  const stage = model.stages[model.stages.length - 1];
  const run = [...stage.instructions].reverse().find((i) => i.run?.packages.length);
  assert.ok(run?.run);
  return contextCandidates(model, stage, run, run.run.packages[0].requirementFiles[0].value);
}

describe('image paths back to the context', () => {
  it('follows COPY destinations and WORKDIR', () => {
    assert.deepEqual(candidatesOf(dockerfile('FROM python:3.12', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt')), ['requirements.txt']);
    assert.deepEqual(candidatesOf(dockerfile('FROM python:3.12', 'COPY requirements/prod.txt /tmp/req.txt', 'RUN pip install -r /tmp/req.txt')), ['requirements/prod.txt']);
    assert.deepEqual(
      candidatesOf(dockerfile('FROM python:3.12', 'WORKDIR /srv', 'COPY requirements/ ./requirements/', 'RUN pip install -r requirements/base.txt')),
      ['requirements/base.txt'],
    );
    assert.deepEqual(candidatesOf(dockerfile('FROM python:3.12', 'COPY . /app', 'RUN pip install -r /app/deps/prod.txt')), ['deps/prod.txt']);
    assert.deepEqual(candidatesOf(dockerfile('FROM python:3.12', 'WORKDIR /app', 'COPY requirements*.txt ./', 'RUN pip install -r requirements-dev.txt')), ['requirements-dev.txt']);
  });

  it('takes the latest copy, follows stages built FROM earlier ones, and reads bind mounts', () => {
    assert.deepEqual(
      candidatesOf(dockerfile('FROM python:3.12 AS base', 'WORKDIR /app', 'COPY a.txt req.txt', 'COPY b.txt req.txt', 'FROM base', 'RUN pip install -r req.txt')),
      ['b.txt', 'req.txt'],
    );
    assert.deepEqual(
      candidatesOf(dockerfile('FROM python:3.12', 'RUN --mount=type=bind,source=reqs/prod.txt,target=/tmp/r.txt pip install -r /tmp/r.txt')),
      ['reqs/prod.txt'],
    );
  });

  it('ignores copies from other stages and paths with variables', () => {
    assert.deepEqual(candidatesOf(dockerfile('FROM python:3.12', 'COPY --from=builder /r.txt /r.txt', 'RUN pip install -r /r.txt')), []);
    assert.deepEqual(candidatesOf(dockerfile('FROM python:3.12', 'COPY . .', 'RUN pip install -r $REQS')), []);
  });
});

describe('manifests a Dockerfile names', () => {
  it('lists copied and mounted manifests, requirement files and project files', () => {
    const model = parseDockerfile(
      dockerfile(
        'FROM python:3.12',
        'WORKDIR /app',
        'COPY requirements/base.txt requirements/prod.txt ./requirements/',
        'COPY src/ ./src/',
        'RUN pip install -r requirements/prod.txt -c constraints.txt',
        'RUN --mount=type=bind,source=backend/uv.lock,target=uv.lock uv sync --frozen',
      ),
    );
    assert.deepEqual(mentionedManifests(model), [
      'requirements/base.txt',
      'requirements/prod.txt',
      'constraints.txt',
      'backend/uv.lock',
      'pyproject.toml',
      'uv.lock',
      'poetry.lock',
      'Pipfile.lock',
    ]);
  });
});

describe('packages an install brings in', () => {
  const context = createBuildContext({
    root: '.',
    files: {
      'requirements.txt': '-r requirements/base.txt\nnumpy==2.1.0\npywin32; sys_platform == "win32"\n-c constraints.txt\n',
      'requirements/base.txt': 'Django>=5\npsycopg2\n',
      'constraints.txt': 'urllib3<2\n',
      'pyproject.toml': '[project]\nname = "app"\ndependencies = ["fastapi", "lxml"]\n[project.optional-dependencies]\nml = ["scipy"]\n[dependency-groups]\ndev = ["pytest"]\n',
      'uv.lock': [
        'version = 1',
        '[[package]]',
        'name = "app"',
        'version = "0.1.0"',
        'source = { editable = "." }',
        'dependencies = [{ name = "fastapi" }, { name = "lxml" }]',
        '[package.dev-dependencies]',
        'dev = [{ name = "pytest" }]',
        '[[package]]',
        'name = "fastapi"',
        'version = "1"',
        'source = { registry = "https://pypi.org/simple" }',
        '[[package]]',
        'name = "lxml"',
        'version = "5"',
        'source = { registry = "https://pypi.org/simple" }',
        '[[package]]',
        'name = "pytest"',
        'version = "8"',
        'source = { registry = "https://pypi.org/simple" }',
      ].join('\n'),
    },
  });
  const names = (text: string, ctx = context) => {
    const model = parseDockerfile(text);
    return stageInstalls(model, model.stages[0], ctx).map(({ reading }) => [reading.packages.map((p) => p.name), reading.incomplete]);
  };

  it('reads requirement files with includes, skipping constraints and markers that rule Linux out', () => {
    assert.deepEqual(names(dockerfile('FROM python:3.12-alpine', 'COPY . .', 'RUN pip install -r requirements.txt gunicorn')), [[['gunicorn', 'django', 'psycopg2', 'numpy'], false]]);
  });

  it('walks uv.lock for uv sync, with or without the dev group', () => {
    assert.deepEqual(names(dockerfile('FROM python:3.12-alpine', 'COPY . .', 'RUN uv sync --frozen --no-dev')), [[['fastapi', 'lxml'], false]]);
    assert.deepEqual(names(dockerfile('FROM python:3.12-alpine', 'COPY . .', 'RUN uv sync --frozen')), [[['fastapi', 'lxml', 'pytest'], false]]);
  });

  it('reads pyproject.toml for pip install ., with extras, and says the list is incomplete', () => {
    assert.deepEqual(names(dockerfile('FROM python:3.12-alpine', 'WORKDIR /app', 'COPY . .', 'RUN pip install ".[ml]"')), [[['fastapi', 'lxml', 'scipy'], true]]);
  });

  it('says when a requirement file is missing or there is no context', () => {
    assert.deepEqual(names(dockerfile('FROM python:3.12-alpine', 'COPY . .', 'RUN pip install -r missing.txt')), [[[], true]]);
    const model = parseDockerfile(dockerfile('FROM python:3.12-alpine', 'RUN pip install -r requirements.txt numpy'));
    const run = model.stages[0].instructions[0];
    const reading = installedPackages(model, model.stages[0], run, run.run!.packages[0], undefined);
    assert.deepEqual([reading.packages.map((p) => p.name), reading.incomplete], [['numpy'], true]);
  });
});

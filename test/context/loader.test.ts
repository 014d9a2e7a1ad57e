// Reading a build context from disk: which directory, which ignore file, which
// files, and what is skipped.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/engine/model/parse';
import { ContextFiles, isContextFile, loadBuildContext, resolveContextDir } from '../../server/src/project/context';
import { dockerfile } from '../helpers';

function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'slimfile-context-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const DOCKERFILE = dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'COPY deps/prod.txt ./', 'RUN pip install -r prod.txt', 'COPY . .');

describe('loading a build context', () => {
  it("reads the Dockerfile folder's ignore file, top-level manifests, named files and their includes", () => {
    const dir = tree({
      Dockerfile: DOCKERFILE,
      '.dockerignore': '.git\n',
      'requirements.txt': 'flask\n',
      'requirements-dev.txt': '-r requirements.txt\npytest\n',
      'deps/prod.txt': '-r ../shared/base.txt\ngunicorn\n',
      'shared/base.txt': 'requests\n',
      'pyproject.toml': '[project]\nname = "x"\n',
      'src/app.py': 'print(1)\n',
      '.venv/pyvenv.cfg': 'home = /usr/bin\n',
      '.env': 'SECRET=1\n',
    });
    const context = loadBuildContext(join(dir, 'Dockerfile'), parseDockerfile(DOCKERFILE), { displayRoot: 'app' });
    assert.equal(context.root, 'app');
    assert.equal(context.dockerignore, '.git\n');
    assert.equal(context.dockerignorePath, '.dockerignore');
    assert.equal(context.dockerfilePath, 'Dockerfile');
    assert.deepEqual([...context.files.keys()].sort(), ['.dockerignore', 'deps/prod.txt', 'pyproject.toml', 'requirements-dev.txt', 'requirements.txt', 'shared/base.txt']);
    assert.equal(context.exists('.env'), true);
    assert.equal(context.exists('.venv/pyvenv.cfg'), true);
    assert.equal(context.exists('src'), true);
    assert.equal(context.exists('src/app.py'), false, 'only the top level is listed');
    assert.equal(context.exists('nope'), false);
  });

  it('prefers <Dockerfile>.dockerignore beside the Dockerfile, as BuildKit does', () => {
    const dir = tree({ 'docker/api.Dockerfile': DOCKERFILE, 'docker/api.Dockerfile.dockerignore': '*\n!src\n', '.dockerignore': '.git\n' });
    const context = loadBuildContext(join(dir, 'docker/api.Dockerfile'), parseDockerfile(DOCKERFILE), { contextDir: dir });
    assert.equal(context.dockerignore, '*\n!src\n');
    assert.equal(context.dockerignorePath, 'docker/api.Dockerfile.dockerignore');
    assert.equal(context.dockerfilePath, 'docker/api.Dockerfile');
  });

  it('takes an explicit context directory, relative to a base', () => {
    const dir = tree({ 'services/api/Dockerfile': DOCKERFILE, 'requirements.txt': 'flask\n' });
    assert.equal(resolveContextDir(join(dir, 'services/api/Dockerfile')), join(dir, 'services/api'));
    assert.equal(resolveContextDir(join(dir, 'services/api/Dockerfile'), '../..', join(dir, 'services/api')), dir);
    const context = loadBuildContext(join(dir, 'services/api/Dockerfile'), parseDockerfile(DOCKERFILE), { contextDir: '.', base: dir });
    assert.equal(context.files.get('requirements.txt'), 'flask\n');
    assert.equal(context.dockerignore, undefined);
    assert.equal(context.dockerfilePath, 'services/api/Dockerfile');
  });

  it('skips binary and oversized files and missing directories without throwing', () => {
    const dir = tree({
      Dockerfile: DOCKERFILE,
      'requirements.txt': Buffer.from([0x66, 0x00, 0x6c, 0x61]),
      'requirements-big.txt': 'x'.repeat(600 * 1024),
      'constraints.txt': 'urllib3<2\n',
    });
    const context = loadBuildContext(join(dir, 'Dockerfile'), parseDockerfile(DOCKERFILE));
    assert.deepEqual([...context.files.keys()], ['constraints.txt']);
    const missing = loadBuildContext(join(dir, 'nope', 'Dockerfile'), parseDockerfile(DOCKERFILE));
    assert.deepEqual([...missing.files.keys()], []);
    assert.equal(missing.dockerignore, undefined);
  });

  it('caches reads until invalidated', () => {
    const dir = tree({ Dockerfile: DOCKERFILE, '.dockerignore': '.git\n' });
    const files = new ContextFiles();
    const model = parseDockerfile(DOCKERFILE);
    assert.equal(loadBuildContext(join(dir, 'Dockerfile'), model, { files }).dockerignore, '.git\n');
    writeFileSync(join(dir, '.dockerignore'), '.git\n.venv\n');
    assert.equal(loadBuildContext(join(dir, 'Dockerfile'), model, { files }).dockerignore, '.git\n', 'cached');
    files.invalidate(join(dir, '.dockerignore'));
    assert.equal(loadBuildContext(join(dir, 'Dockerfile'), model, { files }).dockerignore, '.git\n.venv\n');
    writeFileSync(join(dir, 'requirements.txt'), 'flask\n');
    files.invalidate(join(dir, 'requirements.txt'));
    assert.equal(loadBuildContext(join(dir, 'Dockerfile'), model, { files }).files.get('requirements.txt'), 'flask\n', 'the listing was refreshed too');
  });

  it('recognises the files that can change a context', () => {
    for (const name of ['.dockerignore', 'api.Dockerfile.dockerignore', 'requirements-dev.txt', 'reqs/base.in', 'uv.lock', 'poetry.lock', 'Pipfile.lock', 'pyproject.toml']) {
      assert.equal(isContextFile(`/p/${name}`), true, name);
    }
    assert.equal(isContextFile('/p/app.py'), false);
  });
});

// `slimfile explain`: the same markdown report the editor opens, on stdout.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { explainDockerfile } from '../../server/src/engine/explain';
import { parseDockerfile } from '../../server/src/engine/model/parse';
import { dockerfile } from '../helpers';

const CLI = join(process.cwd(), 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'slimfile-explain-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('slimfile explain', () => {
  it('prints the report for a Dockerfile and exits 0, findings or not', () => {
    const text = dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir numpy', 'USER 1000', 'CMD ["python", "-m", "app"]');
    writeFileSync(join(dir, 'Dockerfile'), text);
    writeFileSync(join(dir, '.dockerignore'), '.git\n.venv\n__pycache__\n*.pyc\n.env\n');
    const result = run(['explain', 'Dockerfile'], dir);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^# Slimfile: Dockerfile\n/);
    assert.match(result.stdout, /## Image size/);
    assert.match(result.stdout, /\| 2 \| `RUN pip install --no-cache-dir numpy` \| ≈40–60 MB \| pip: numpy ≈40–60 MB \|/);
    // The CLI passes its findings (with the build context) to the same renderer the server uses.
    const model = parseDockerfile(text);
    const direct = explainDockerfile(model, { title: 'Dockerfile' });
    assert.equal(result.stdout.split('## Findings')[0], direct.split('## Findings')[0]);
  });

  it('rejects --format and unknown files', () => {
    assert.equal(run(['explain', 'Dockerfile', '--format', 'json'], dir).status, 2);
    assert.equal(run(['explain', 'missing/Dockerfile'], dir).status, 2);
    assert.match(run(['--help'], dir).stdout, /slimfile explain \[paths\.\.\.\]/);
  });
});

// The CLI as CI runs it: exit codes, the three output formats, and `fix`
// that rewrites only what it can parse.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { dockerfile } from '../helpers';

const CLI = join(process.cwd(), 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const created: string[] = [];
after(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'slimfile-cli-'));
  created.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const NAIVE = dockerfile('FROM python:3.12-slim', 'RUN apt-get update && apt-get install -y curl', 'COPY . .', 'RUN pip install -r requirements.txt');
const CLEAN = dockerfile('FROM scratch', 'COPY app /app', 'USER 65534');

describe('slimfile check', () => {
  it('exits 0 on a clean file and 1 on findings, in text form', () => {
    const dir = project({ 'clean/Dockerfile': CLEAN, 'naive/Dockerfile': NAIVE });
    const clean = run(['check', 'clean'], dir);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /No problems found in 1 file/);
    const naive = run(['check', 'naive/Dockerfile'], dir);
    assert.equal(naive.status, 1);
    assert.match(naive.stdout, /^naive\/Dockerfile:2:\d+: warning apt-no-install-recommends \[\*\] /m);
    assert.match(naive.stdout, /^naive\/Dockerfile:3:1: warning copy-before-deps \[\*\] /m);
  });

  it('finds Dockerfile, *.Dockerfile, Dockerfile.* and Containerfile in directories, skipping node_modules', () => {
    const dir = project({
      'a/Dockerfile': CLEAN,
      'b/api.Dockerfile': CLEAN,
      'c/Dockerfile.prod': CLEAN,
      'd/Containerfile': CLEAN,
      'e/notes.txt': 'FROM x',
      'node_modules/x/Dockerfile': NAIVE,
    });
    const result = run(['check', '.', '--format', 'json'], dir);
    assert.equal(result.status, 0, result.stderr);
    const files = (JSON.parse(result.stdout) as { file: string }[]).map((f) => f.file).sort();
    assert.deepEqual(files, ['a/Dockerfile', 'b/api.Dockerfile', 'c/Dockerfile.prod', 'd/Containerfile']);
  });

  it('writes JSON with 0-based ranges and fixes', () => {
    const dir = project({ Dockerfile: NAIVE });
    const result = run(['check', '--format=json'], dir);
    assert.equal(result.status, 1);
    const [file] = JSON.parse(result.stdout) as { file: string; findings: { ruleId: string; range: { start: { line: number } }; fixes: { safe: boolean; edits: unknown[] }[] }[] }[];
    assert.equal(file.file, 'Dockerfile');
    const apt = file.findings.find((f) => f.ruleId === 'apt-no-install-recommends')!;
    assert.equal(apt.range.start.line, 1);
    assert.equal(apt.fixes[0].safe, true);
    assert.equal(apt.fixes[0].edits.length, 1);
  });

  it('writes SARIF 2.1.0 with rule metadata, 1-based regions and fixes', () => {
    const dir = project({ 'svc/Dockerfile': NAIVE });
    const result = run(['check', 'svc', '--format', 'sarif'], dir);
    assert.equal(result.status, 1);
    const log = JSON.parse(result.stdout);
    assert.equal(log.version, '2.1.0');
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, 'slimfile');
    const ruleIds = run0.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.ok(ruleIds.includes('apt-no-install-recommends'));
    const apt = run0.results.find((r: { ruleId: string }) => r.ruleId === 'apt-no-install-recommends');
    assert.equal(apt.level, 'warning');
    assert.equal(run0.tool.driver.rules[apt.ruleIndex].id, 'apt-no-install-recommends');
    const location = apt.locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uri, 'svc/Dockerfile');
    assert.equal(location.region.startLine, 2);
    assert.ok(location.region.startColumn >= 1);
    assert.equal(apt.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, ' --no-install-recommends');
  });

  it('honours .slimfile.json and pyproject.toml, and exits 2 on a broken one', () => {
    const dir = project({ '.git/HEAD': '', '.slimfile.json': JSON.stringify({ rules: { 'apt-no-install-recommends': 'off' } }), Dockerfile: NAIVE });
    const result = run(['check', '--format', 'json'], dir);
    const ids = (JSON.parse(result.stdout) as { findings: { ruleId: string }[] }[])[0].findings.map((f) => f.ruleId);
    assert.ok(!ids.includes('apt-no-install-recommends'));
    assert.ok(ids.includes('copy-before-deps'));
    const toml = project({ '.git/HEAD': '', 'pyproject.toml': '[tool.slimfile.rules]\ncopy-before-deps = "off"\n', Dockerfile: NAIVE });
    const tomlIds = (JSON.parse(run(['check', '--format', 'json'], toml).stdout) as { findings: { ruleId: string }[] }[])[0].findings.map((f) => f.ruleId);
    assert.ok(!tomlIds.includes('copy-before-deps'));
    const broken = project({ '.git/HEAD': '', '.slimfile.json': '{', Dockerfile: NAIVE });
    const failed = run(['check'], broken);
    assert.equal(failed.status, 2);
    assert.match(failed.stderr, /invalid configuration: .*\.slimfile\.json: not valid JSON/);
  });

  it('exits 2 on usage and I/O errors', () => {
    const dir = project({});
    assert.equal(run(['lint'], dir).status, 2);
    assert.equal(run(['check', '--format', 'xml'], dir).status, 2);
    const missing = run(['check', 'nope/Dockerfile'], dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file or directory: nope\/Dockerfile/);
    assert.equal(run(['--help'], dir).status, 0);
  });
});

describe('slimfile fix', () => {
  it('applies safe fixes in place and leaves unsafe ones unless asked', () => {
    // The build-context rules have their own tests; here they would only add a .dockerignore.
    const rules = { 'dockerignore-missing': 'off', 'dockerignore-incomplete': 'off' };
    const dir = project({ '.git/HEAD': '', '.slimfile.json': JSON.stringify({ rules }), Dockerfile: NAIVE });
    const result = run(['fix', 'Dockerfile'], dir);
    const fixed = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    assert.equal(
      fixed,
      dockerfile(
        'FROM python:3.12-slim',
        'ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1',
        'RUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*',
        'COPY requirements.txt ./',
        'RUN pip install --no-cache-dir -r requirements.txt',
        'COPY . .',
      ),
    );
    assert.match(result.stdout, /applied 5 fixes/);
    // root-user's fix changes behaviour, so it waits for --unsafe and the problem is reported as left.
    assert.equal(result.status, 1);
    assert.match(result.stdout, /1 problem left/);
    // A second run changes nothing.
    run(['fix', 'Dockerfile'], dir);
    assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), fixed);
    const unsafe = run(['fix', '--unsafe', 'Dockerfile'], dir);
    assert.equal(unsafe.status, 0, unsafe.stdout + unsafe.stderr);
    const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    assert.match(text, /^RUN useradd .*app\nUSER app\n$/m);
    assert.ok(text.startsWith(fixed.slice(0, fixed.indexOf('COPY . .'))), 'the safe fixes stay');
  });

  it('never rewrites a file it cannot parse', () => {
    const broken = dockerfile('FROM python:3.12-slim', 'RUN apt-get install -y curl', 'RUN <<EOF', 'echo never closed');
    const dir = project({ Dockerfile: broken });
    const result = run(['fix', 'Dockerfile'], dir);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /not fixed, the file does not parse/);
    assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), broken);
  });

  it('rejects --unsafe on check', () => {
    const dir = project({ Dockerfile: CLEAN });
    assert.equal(run(['check', '--unsafe'], dir).status, 2);
  });
});

describe('build context', () => {
  const APP = dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY . .', 'USER 65534');

  it("reads the Dockerfile's folder by default and puts file changes in JSON and SARIF", () => {
    const dir = project({ 'svc/Dockerfile': APP, 'svc/requirements.txt': 'flask\n', 'svc/.git/HEAD': '' });
    const json = run(['check', 'svc', '--format', 'json'], dir);
    const [file] = JSON.parse(json.stdout) as { findings: { ruleId: string; message: string; fixes: { safe: boolean; edits: unknown[]; fileChanges?: { file: string; path: string; kind: string; text: string }[] }[] }[] }[];
    const missing = file.findings.find((f) => f.ruleId === 'dockerignore-missing')!;
    assert.match(missing.message, /`\.git` in `svc` go to the builder/);
    assert.deepEqual(missing.fixes[0].edits, []);
    const change = missing.fixes[0].fileChanges![0];
    assert.deepEqual([change.file, change.path, change.kind], ['svc/.dockerignore', '.dockerignore', 'create']);
    assert.match(change.text, /^\.git$/m);

    const sarif = JSON.parse(run(['check', 'svc', '--format', 'sarif'], dir).stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'dockerignore-missing');
    const [artifact] = result.fixes[0].artifactChanges;
    assert.equal(artifact.artifactLocation.uri, 'svc/.dockerignore');
    assert.deepEqual(artifact.replacements[0].deletedRegion, { charOffset: 0, charLength: 0 });
  });

  it('takes --context, and exits 2 when it is not a directory', () => {
    const files = { 'docker/Dockerfile': dockerfile('FROM python:3.12-slim', 'COPY config/app.toml /etc/app.toml', 'USER 65534'), '.dockerignore': 'config\n', 'config/app.toml': '' };
    const dir = project(files);
    const plain = run(['check', 'docker/Dockerfile'], dir);
    assert.doesNotMatch(plain.stdout, /copy-ignored-file/);
    const withContext = run(['check', 'docker/Dockerfile', '--context', '.'], dir);
    assert.equal(withContext.status, 1);
    assert.match(withContext.stdout, /^docker\/Dockerfile:2:6: error copy-ignored-file .dockerignore excludes `config\/app.toml`/m);
    assert.equal(run(['check', 'docker/Dockerfile', '--context=.'], dir).status, 1);
    const bad = run(['check', 'docker/Dockerfile', '--context', 'nope'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--context: no such directory: nope/);
    assert.equal(run(['check', '--context'], dir).status, 2);
    assert.match(run(['--help'], dir).stdout, /--context <d>/);
  });

  it('fix creates .dockerignore, appends to one without a final newline, and leaves an existing file alone', () => {
    const dir = project({ Dockerfile: APP, 'requirements.txt': 'flask\n', '.git/HEAD': '' });
    const created = run(['fix', 'Dockerfile'], dir);
    assert.match(created.stdout, /^\.dockerignore: created \(\d+ patterns\)$/m);
    const ignore = readFileSync(join(dir, '.dockerignore'), 'utf8');
    assert.match(ignore, /^\*\*\/__pycache__$/m);
    run(['fix', 'Dockerfile'], dir);
    assert.equal(readFileSync(join(dir, '.dockerignore'), 'utf8'), ignore, 'a second run changes nothing');

    const partial = project({ Dockerfile: APP, 'requirements.txt': 'flask\n', '.dockerignore': '.git\n.venv\n.env' });
    const appended = run(['fix', 'Dockerfile'], partial);
    assert.match(appended.stdout, /^\.dockerignore: appended/m);
    assert.equal(
      readFileSync(join(partial, '.dockerignore'), 'utf8'),
      '.git\n.venv\n.env\n# Added by Slimfile: keep these out of the build context and the image\n**/__pycache__\n**/*.py[cod]\n',
    );
  });

  it('leaves an existing .env to the unsafe fix', () => {
    const dir = project({ Dockerfile: APP, 'requirements.txt': 'flask\n', '.env': 'TOKEN=x\n' });
    const safe = run(['fix', 'Dockerfile'], dir);
    assert.equal(safe.status, 1, 'dockerignore-incomplete is left for .env');
    assert.doesNotMatch(readFileSync(join(dir, '.dockerignore'), 'utf8'), /^\.env$/m);
    run(['fix', '--unsafe', 'Dockerfile'], dir);
    assert.match(readFileSync(join(dir, '.dockerignore'), 'utf8'), /^\.env$/m);
  });
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../server/src/project/config';

const KNOWN = new Set(['root-user', 'pip-cache', 'copy-before-deps']);

const created: string[] = [];
after(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'slimfile-config-'));
  created.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('project configuration', () => {
  it('reads .slimfile.json from the nearest directory up the tree', () => {
    const dir = tree({ '.git/HEAD': '', '.slimfile.json': '{"rules": {"root-user": "off", "pip-cache": "error"}}', 'svc/api/Dockerfile': '' });
    const config = loadConfig(join(dir, 'svc/api/Dockerfile'), KNOWN);
    assert.deepEqual(config.rules, { 'root-user': 'off', 'pip-cache': 'error' });
    assert.equal(config.source, join(dir, '.slimfile.json'));
  });

  it('reads [tool.slimfile] from pyproject.toml, and the nearer file wins', () => {
    const dir = tree({
      '.git/HEAD': '',
      '.slimfile.json': '{"rules": {"root-user": "error"}}',
      'svc/pyproject.toml': '[project]\nname = "svc"\n\n[tool.slimfile.rules]\nroot-user = "off"\n',
      'svc/Dockerfile': '',
    });
    assert.deepEqual(loadConfig(join(dir, 'svc/Dockerfile'), KNOWN).rules, { 'root-user': 'off' });
  });

  it('skips a pyproject.toml without a [tool.slimfile] table', () => {
    const dir = tree({ '.git/HEAD': '', '.slimfile.json': '{"rules": {"pip-cache": "off"}}', 'svc/pyproject.toml': '[project]\nname = "svc"\n', 'svc/Dockerfile': '' });
    assert.deepEqual(loadConfig(join(dir, 'svc/Dockerfile'), KNOWN).rules, { 'pip-cache': 'off' });
  });

  it('stops at the repository root', () => {
    const dir = tree({ '.slimfile.json': '{"rules": {"pip-cache": "off"}}', 'repo/.git/HEAD': '', 'repo/Dockerfile': '' });
    assert.equal(loadConfig(join(dir, 'repo/Dockerfile'), KNOWN).source, undefined);
  });

  it('warns about unknown ids and bad severities but keeps the rest', () => {
    const dir = tree({ '.git/HEAD': '', '.slimfile.json': '{"rules": {"root-usr": "off", "pip-cache": "loud", "copy-before-deps": "info"}, "colour": 1}', Dockerfile: '' });
    const config = loadConfig(join(dir, 'Dockerfile'), KNOWN);
    assert.deepEqual(config.rules, { 'copy-before-deps': 'info' });
    assert.equal(config.warnings.length, 3);
    assert.match(config.warnings.join('\n'), /unknown rule id "root-usr"/);
    assert.match(config.warnings.join('\n'), /"pip-cache" must be one of/);
    assert.match(config.warnings.join('\n'), /unknown setting "colour"/);
  });

  it('rejects unreadable files with a clear message', () => {
    const dir = tree({ '.git/HEAD': '', '.slimfile.json': '{"rules": {', Dockerfile: '' });
    assert.throws(() => loadConfig(join(dir, 'Dockerfile'), KNOWN), (e: unknown) => e instanceof ConfigError && /not valid JSON/.test(e.message));
    const toml = tree({ '.git/HEAD': '', 'pyproject.toml': '[tool.slimfile\n', Dockerfile: '' });
    assert.throws(() => loadConfig(join(toml, 'Dockerfile'), KNOWN), (e: unknown) => e instanceof ConfigError && /not valid TOML/.test(e.message));
  });
});

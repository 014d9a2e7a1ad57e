// Slimfile's language server in a real third-party editor: Debian's Neovim
// (0.7+) and its built-in LSP client, headless, driven by e2e/nvim/slimfile-lsp.lua.
// Skips when nvim is not installed, unless SLIMFILE_E2E_REQUIRED=1 (CI), which
// makes a missing nvim a failure.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

// Bundled to out/test/nvim/, three levels below the repository root.
const root = path.resolve(__dirname, '../../..');
const script = path.join(root, 'e2e/nvim/slimfile-lsp.lua');
const server = path.join(root, 'dist/server.js');
const fixtures = path.join(root, 'e2e/fixtures');
const required = process.env.SLIMFILE_E2E_REQUIRED === '1';

function nvimVersion(): string | undefined {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8', timeout: 10_000, env: { ...process.env, XDG_STATE_HOME: os.tmpdir() } });
  return probe.status === 0 ? probe.stdout.split('\n')[0] : undefined;
}

interface NvimResult {
  errors: string[];
  offset_encoding: string;
  codes: string[];
  diagnostics: { lnum: number; col: number; source: string; message: string; severity: number }[];
  quickfix_titles: string[];
  quickfix_preferred: boolean;
  after_quickfix: string[];
  codes_after_quickfix: string[];
  refactoring: { applied: boolean };
  after_refactoring: string[];
  codes_after_refactoring: string[];
  hover: { kind: string; value: string } | null;
  timings_ms: Record<string, number>;
}

const version = nvimVersion();
const skip = version ? false : 'nvim is not installed (apt-get install neovim); set SLIMFILE_E2E_REQUIRED=1 to make this a failure';

test(`Neovim's LSP client: diagnostics, a quick fix, a refactoring and hover (${version ?? 'no nvim'})`, { skip: !required && skip }, () => {
  assert.ok(version, 'SLIMFILE_E2E_REQUIRED=1 but nvim is not installed (apt-get install neovim)');
  assert.ok(fs.existsSync(server), `${server} is missing: run npm run build first`);

  // A scratch copy of the fixtures, and scratch XDG folders: nvim writes logs, shada and swap under them.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slimfile-nvim-'));
  try {
    fs.cpSync(fixtures, path.join(dir, 'project'), { recursive: true });
    const original = fs.readFileSync(path.join(dir, 'project/Dockerfile'), 'utf8');
    const out = path.join(dir, 'result.json');
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', 'lua dofile(os.getenv("SLIMFILE_NVIM_SCRIPT"))'], {
      cwd: path.join(dir, 'project'),
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(dir, 'config'),
        XDG_DATA_HOME: path.join(dir, 'data'),
        XDG_CACHE_HOME: path.join(dir, 'cache'),
        XDG_STATE_HOME: path.join(dir, 'state'),
        SLIMFILE_NVIM_SCRIPT: script,
        SLIMFILE_SERVER_CMD: [process.execPath, server, '--stdio'].join('\t'),
        SLIMFILE_DOCKERFILE: path.join(dir, 'project/Dockerfile'),
        SLIMFILE_ALPINE: path.join(dir, 'project/alpine/Dockerfile'),
        SLIMFILE_OUT: out,
      },
    });
    assert.ok(fs.existsSync(out), `nvim wrote no result (exit ${run.status ?? run.signal}): ${run.error ?? ''}${run.stderr}`);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult;
    assert.deepEqual(result.errors, [], `nvim exit ${run.status}`);
    assert.equal(run.status, 0);

    // Diagnostics, as vim.diagnostic shows them.
    for (const code of ['apt-no-install-recommends', 'single-stage-build-tools', 'copy-before-deps']) assert.ok(result.codes.includes(code), result.codes.join());
    const aptLine = original.split('\n').findIndex((l) => l.includes('apt-get install'));
    const apt = result.diagnostics.find((d) => d.source === 'slimfile' && d.message.includes('--no-install-recommends'));
    assert.ok(apt, JSON.stringify(result.diagnostics));
    assert.equal(apt.lnum, aptLine);
    assert.equal(apt.severity, 2, 'a warning');

    // The quick fix, applied with vim.lsp.util.apply_workspace_edit.
    assert.equal(result.quickfix_preferred, true);
    const fixed = original.replace('apt-get install -y gcc', 'apt-get install --no-install-recommends -y gcc');
    assert.equal(result.after_quickfix.join('\n') + '\n', fixed);
    assert.ok(!result.codes_after_quickfix.includes('apt-no-install-recommends'));
    assert.ok(result.codes_after_quickfix.includes('copy-before-deps'), 'the other findings stay');

    // The refactoring, applied by the server through workspace/applyEdit.
    assert.equal(result.refactoring?.applied, true);
    assert.equal(
      result.after_refactoring.join('\n') + '\n',
      fixed.replace('COPY . .\nRUN pip install -r requirements.txt\n', 'COPY requirements.txt ./\nRUN pip install -r requirements.txt\nCOPY . .\n'),
    );
    assert.ok(!result.codes_after_refactoring.includes('copy-before-deps'));

    // Hover on FROM python:3.12-alpine.
    assert.equal(result.hover?.kind, 'markdown');
    assert.match(result.hover.value, /musl, not glibc/);
    assert.match(result.hover.value, /manylinux/);
    assert.match(result.hover.value, /musllinux/);
    assert.match(result.hover.value, /`requirements\.txt`/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

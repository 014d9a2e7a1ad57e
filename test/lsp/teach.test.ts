// Protocol tests for the teaching features: the size estimate as inlay hint and
// code lens on each final FROM, the explain command, and hovers on flags.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dockerfile } from '../helpers';
import { LspClient } from './client';

interface Position {
  line: number;
  character: number;
}
interface InlayHint {
  position: Position;
  label: string;
  paddingLeft?: boolean;
  tooltip?: { kind: string; value: string };
}
interface CodeLens {
  range: { start: Position; end: Position };
  command?: { title: string; command: string; arguments?: unknown[] };
}

const MULTI = dockerfile(
  'FROM python:3.12-slim AS builder',
  'RUN python -m venv /opt/venv',
  'RUN /opt/venv/bin/pip install --no-cache-dir pandas',
  '',
  'FROM python:3.12-slim AS runtime',
  'COPY --from=builder /opt/venv /opt/venv',
  'USER 1000',
  'CMD ["/opt/venv/bin/python", "-m", "app"]',
);

describe('teaching features over stdio', () => {
  let client: LspClient;
  let capabilities: Record<string, unknown>;
  const uri = 'file:///virtual/teach/Dockerfile';
  const range = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };

  before(async () => {
    client = new LspClient();
    ({ capabilities } = await client.initialize());
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: MULTI } });
  });
  after(async () => {
    await client.shutdown();
  });

  it('advertises inlay hints, code lenses and the explain command', () => {
    assert.ok(capabilities.inlayHintProvider);
    assert.ok(capabilities.codeLensProvider);
    assert.ok(((capabilities.executeCommandProvider as { commands: string[] }).commands).includes('slimfile.explain'));
  });

  it('puts the estimate at the end of the final FROM line, with the assumptions in the tooltip', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
    assert.equal(hints.length, 1);
    assert.deepEqual(hints[0].position, { line: 4, character: 'FROM python:3.12-slim AS runtime'.length });
    // Base ≈120–175 MB plus pandas and numpy from the builder's venv.
    assert.match(hints[0].label, /^≈\d+ MB$/);
    assert.equal(hints[0].paddingLeft, true);
    assert.equal(hints[0].tooltip?.kind, 'markdown');
    assert.match(hints[0].tooltip!.value, /\*\*Estimated image size ≈\d+ MB\*\*/);
    assert.match(hints[0].tooltip!.value, /Python packages from `builder`: pandas, numpy/);
    assert.match(hints[0].tooltip!.value, /\*\*Assumptions:\*\*/);
  });

  it('shows a code lens that opens the report', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].range.start.line, 4);
    assert.match(lenses[0].command!.title, /^Estimated image size ≈\d+ MB$/);
    assert.equal(lenses[0].command!.command, 'slimfile.explainDockerfile');
    assert.deepEqual(lenses[0].command!.arguments, [uri]);
  });

  it('shows no estimate when the base image is unknown', async () => {
    const unknown = 'file:///virtual/teach/unknown.Dockerfile';
    client.notify('textDocument/didOpen', {
      textDocument: { uri: unknown, languageId: 'dockerfile', version: 1, text: dockerfile('FROM registry.example.com/team/base:1', 'RUN pip install --no-cache-dir numpy', 'USER 1000') },
    });
    assert.deepEqual(await client.request('textDocument/inlayHint', { textDocument: { uri: unknown }, range }), []);
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: unknown } }), []);
    const report = await client.request<string>('workspace/executeCommand', { command: 'slimfile.explain', arguments: [unknown] });
    assert.match(report, /the final image's base `registry\.example\.com\/team\/base:1` is not in Slimfile's tables, so only what its layers add is estimated \(≈50 MB\)/);
  });

  it('adds what the fixes would save to the lens', async () => {
    const naive = 'file:///virtual/teach/naive.Dockerfile';
    client.notify('textDocument/didOpen', {
      textDocument: { uri: naive, languageId: 'dockerfile', version: 1, text: dockerfile('FROM python:3.12', 'RUN pip install pandas', 'CMD ["python"]') },
    });
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: naive } });
    assert.match(lenses[0].command!.title, /^Estimated image size ≈1\.\d GB · fixes could save ≈\d+ MB$/);
  });

  it('returns the explain report as markdown', async () => {
    const report = await client.request<string>('workspace/executeCommand', { command: 'slimfile.explain', arguments: [uri] });
    assert.match(report, /^# Slimfile: \/virtual\/teach\/Dockerfile\n/);
    assert.match(report, /```mermaid\nflowchart LR\n/);
    assert.match(report, /s0 -- "COPY \/opt\/venv" --> s1/);
    assert.match(report, /## Build-only stages/);
    const none = await client.request('workspace/executeCommand', { command: 'slimfile.explain', arguments: ['file:///nowhere'] });
    assert.equal(none, null);
  });

  it('hovers a flag inside RUN', async () => {
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 36 } });
    assert.match(hover.contents.value, /\*\*pip --no-cache-dir\*\*/);
  });

  it('asks clients that support it to refresh hints and lenses when settings change', async () => {
    const own = new LspClient();
    try {
      await own.request('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { inlayHint: { refreshSupport: true }, codeLens: { refreshSupport: true } } },
      });
      own.notify('initialized', {});
      own.notify('workspace/didChangeConfiguration', { settings: { slimfile: { sizeEstimate: false } } });
      await own.waitFor((m) => m.method === 'workspace/inlayHint/refresh');
      await own.waitFor((m) => m.method === 'workspace/codeLens/refresh');
    } finally {
      await own.shutdown();
    }
  });

  it('turns the estimate off with slimfile.sizeEstimate', async () => {
    client.notify('workspace/didChangeConfiguration', { settings: { slimfile: { sizeEstimate: false } } });
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(hints, []);
    assert.deepEqual(lenses, []);
    client.notify('workspace/didChangeConfiguration', { settings: { slimfile: { sizeEstimate: true } } });
    assert.equal((await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range })).length, 1);
  });
});

// Protocol tests: the built server, spawned over stdio, answering like it
// would to any LSP editor.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine/edits';
import { computeLineStarts, offsetAt } from '../../server/src/engine/model/text';
import { dockerfile } from '../helpers';
import { LspClient, type Message } from './client';

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface LspDiagnostic {
  range: Range;
  code?: string;
  source?: string;
  message: string;
  severity?: number;
  codeDescription?: { href: string };
  data?: unknown;
}
interface LspEdit {
  range: Range;
  newText: string;
}
interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: LspDiagnostic[];
  edit?: { changes: Record<string, LspEdit[]> };
}

const NAIVE = dockerfile(
  'FROM python:3.12',
  'WORKDIR /app',
  'RUN apt-get update && apt-get install -y gcc libpq-dev',
  'COPY . .',
  'RUN pip install -r requirements.txt',
  'CMD ["python", "app.py"]',
);

function applyLspEdits(text: string, edits: LspEdit[]): string {
  const starts = computeLineStarts(text);
  return applyEdits(
    text,
    edits.map((e) => ({ start: offsetAt(starts, text, e.range.start), end: offsetAt(starts, text, e.range.end), newText: e.newText })),
  );
}

describe('language server over stdio', () => {
  let client: LspClient;
  let capabilities: Record<string, unknown>;
  let version = 1;
  const uri = 'file:///virtual/project/Dockerfile';

  const diagnosticsFor = (target: string, predicate: (d: LspDiagnostic[]) => boolean = () => true): Promise<LspDiagnostic[]> =>
    client
      .waitFor((m: Message) => {
        const p = m.params as { uri?: string; diagnostics?: LspDiagnostic[] } | undefined;
        return m.method === 'textDocument/publishDiagnostics' && p?.uri === target && predicate(p.diagnostics ?? []);
      })
      .then((m) => (m.params as { diagnostics: LspDiagnostic[] }).diagnostics);

  const open = (target: string, text: string) =>
    client.notify('textDocument/didOpen', { textDocument: { uri: target, languageId: 'dockerfile', version: 1, text } });

  before(async () => {
    client = new LspClient();
    ({ capabilities } = await client.initialize());
  });
  after(async () => {
    await client.shutdown();
  });

  it('advertises code actions, hover, completion and the generic features', () => {
    assert.ok(capabilities.codeActionProvider);
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.completionProvider);
    assert.equal(capabilities.documentFormattingProvider, true);
    assert.equal(capabilities.documentSymbolProvider, true);
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.ok(capabilities.renameProvider);
    assert.ok(capabilities.semanticTokensProvider);
  });

  it('publishes Slimfile diagnostics on open, with rule ids and rule pages', async () => {
    open(uri, NAIVE);
    const diagnostics = await diagnosticsFor(uri, (d) => d.some((x) => x.source === 'slimfile'));
    const ours = diagnostics.filter((d) => d.source === 'slimfile');
    const codes = ours.map((d) => d.code);
    assert.ok(codes.includes('apt-no-install-recommends'), codes.join());
    assert.ok(codes.includes('single-stage-build-tools'), codes.join());
    assert.ok(codes.includes('copy-before-deps'), codes.join());
    const apt = ours.find((d) => d.code === 'apt-no-install-recommends')!;
    assert.equal(apt.range.start.line, 2);
    assert.match(apt.codeDescription!.href, /docs\/rules\/apt-no-install-recommends\.md$/);
    const tools = ours.find((d) => d.code === 'single-stage-build-tools')!;
    assert.match(tools.message, /`gcc`, `libpq-dev`/);
  });

  it('offers the quick fix and the refactoring next to their diagnostics', async () => {
    const diagnostics = (await diagnosticsFor(uri)).filter((d) => d.source === 'slimfile');
    const apt = diagnostics.find((d) => d.code === 'apt-no-install-recommends')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: apt.range,
      context: { diagnostics: [apt], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.title === 'Add --no-install-recommends');
    assert.ok(fix, actions.map((a) => a.title).join());
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.kind, 'quickfix');
    const fixed = applyLspEdits(NAIVE, fix.edit!.changes[uri]);
    assert.match(fixed, /apt-get install --no-install-recommends -y gcc libpq-dev/);

    const copy = diagnostics.find((d) => d.code === 'copy-before-deps')!;
    const copyActions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: copy.range,
      context: { diagnostics: [copy] },
    });
    const move = copyActions.find((a) => a.title.startsWith('Move COPY . .'));
    assert.ok(move, copyActions.map((a) => a.title).join());
    assert.equal(
      applyLspEdits(NAIVE, move.edit!.changes[uri]),
      NAIVE.replace('COPY . .\nRUN pip install -r requirements.txt\n', 'COPY requirements.txt ./\nRUN pip install -r requirements.txt\nCOPY . .\n'),
    );
  });

  it('offers refactorings on demand anywhere in the file', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['refactor'] },
    });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith('Move COPY . .')), titles.join());
    assert.ok(actions.every((a) => a.kind === 'refactor.rewrite'));
  });

  it('fixes all safe problems as source.fixAll.slimfile', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.slimfile');
    const fixed = applyLspEdits(NAIVE, actions[0].edit!.changes[uri]);
    assert.match(fixed, /--no-install-recommends/);
    assert.match(fixed, /COPY requirements.txt \.\/\nRUN pip install [^\n]*-r requirements.txt\nCOPY \. \./);
  });

  it('re-lints on change, at the newest version', async () => {
    const fixedText = NAIVE.replace('install -y gcc', 'install -y --no-install-recommends gcc');
    version++;
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: fixedText }] });
    const diagnostics = await diagnosticsFor(uri, (d) => !d.some((x) => x.code === 'apt-no-install-recommends'));
    assert.ok(diagnostics.some((d) => d.code === 'copy-before-deps'));
  });

  it('explains musl on an Alpine base, naming what this file installs', async () => {
    const alpine = 'file:///virtual/project/alpine.Dockerfile';
    open(alpine, dockerfile('FROM python:3.12-alpine', 'RUN apk add --no-cache gcc musl-dev', 'RUN pip install --no-cache-dir pandas'));
    const hover = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', {
      textDocument: { uri: alpine },
      position: { line: 0, character: 10 },
    });
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /musl/);
    assert.match(hover.contents.value, /manylinux/);
    assert.match(hover.contents.value, /musllinux/);
    assert.match(hover.contents.value, /`pandas`/);
    assert.match(hover.contents.value, /`gcc`/);
  });

  it('applies a refactoring through the command and workspace/applyEdit', async () => {
    const target = 'file:///virtual/project/move.Dockerfile';
    const text = dockerfile('FROM python:3.12-slim', 'COPY . .', 'RUN pip install --no-cache-dir -r requirements.txt');
    open(target, text);
    let received: { edit: { changes: Record<string, LspEdit[]> } } | undefined;
    client.requestHandlers.set('workspace/applyEdit', (params) => {
      received = params as typeof received;
      return { applied: true };
    });
    const result = await client.request<{ applied: boolean }>('workspace/executeCommand', {
      command: 'slimfile.applyRefactoring',
      arguments: [target, 'move-copy-after-install'],
    });
    assert.equal(result.applied, true);
    assert.equal(
      applyLspEdits(text, received!.edit.changes[target]),
      dockerfile('FROM python:3.12-slim', 'COPY requirements.txt ./', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY . .'),
    );
  });

  it('turns a rule off through settings', async () => {
    client.notify('workspace/didChangeConfiguration', { settings: { slimfile: { rules: { 'copy-before-deps': 'off' } } } });
    const diagnostics = await diagnosticsFor(uri, (d) => !d.some((x) => x.code === 'copy-before-deps') && d.some((x) => x.source === 'slimfile'));
    assert.ok(diagnostics.some((d) => d.code === 'single-stage-build-tools'));
    client.notify('workspace/didChangeConfiguration', { settings: { slimfile: { rules: {} } } });
    await diagnosticsFor(uri, (d) => d.some((x) => x.code === 'copy-before-deps'));
  });

  it('provides generic completion and formatting from dockerfile-language-service', async () => {
    const target = 'file:///virtual/project/generic.Dockerfile';
    open(target, 'FROM alpine\nRU\n  run echo hi\n');
    const completion = await client.request<{ label: string }[] | { items: { label: string }[] }>('textDocument/completion', {
      textDocument: { uri: target },
      position: { line: 1, character: 2 },
    });
    const labels = (Array.isArray(completion) ? completion : completion.items).map((c) => c.label);
    assert.ok(labels.includes('RUN'), labels.join());
    const edits = await client.request<LspEdit[]>('textDocument/formatting', {
      textDocument: { uri: target },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.ok(edits.length > 0);
  });

  it('publishes syntax and Slimfile diagnostics together for a small file, and again after an edit', async () => {
    const target = 'file:///virtual/project/syntax.Dockerfile';
    const since = client.notifications.length;
    open(target, dockerfile('FROM python:3.12-slim', 'EXPOSE 80/tcpx', 'RUN apt-get install -y curl'));
    const first = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === target, 10_000, since);
    const sources = (first.params as { diagnostics: LspDiagnostic[] }).diagnostics.map((d) => d.source);
    assert.ok(sources.includes('dockerfile-utils') && sources.includes('slimfile'), sources.join());
    const afterEdit = client.notifications.length;
    client.notify('textDocument/didChange', { textDocument: { uri: target, version: 2 }, contentChanges: [{ text: dockerfile('FROM python:3.12-slim', 'EXPOSE 80/tcp', 'RUN apt-get install -y curl') }] });
    const second = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === target, 10_000, afterEdit);
    const diagnostics = (second.params as { diagnostics: LspDiagnostic[] }).diagnostics;
    assert.ok(!diagnostics.some((d) => d.source === 'dockerfile-utils'), diagnostics.map((d) => d.message).join());
    assert.ok(diagnostics.some((d) => d.code === 'apt-no-install-recommends'));
  });

  it('survives requests for unopened documents and out-of-range positions', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere' }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 9999, character: 9999 } });
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: 'file:///nowhere' },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
    assert.equal(client.exited, null);
  });

  it('clears diagnostics when a document closes', async () => {
    const since = client.notifications.length;
    client.notify('textDocument/didClose', { textDocument: { uri } });
    const cleared = await client.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string; diagnostics: unknown[] }).uri === uri && (m.params as { diagnostics: unknown[] }).diagnostics.length === 0,
      5000,
      since,
    );
    assert.ok(cleared);
  });
});

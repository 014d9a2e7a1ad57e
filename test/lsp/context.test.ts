// The build context over LSP: the server reads .dockerignore and manifests
// beside an open Dockerfile, keeps them cached while the user types, refreshes
// on workspace/didChangeWatchedFiles, and turns file-creating fixes into
// workspace edits the client can apply.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { dockerfile } from '../helpers';
import { LspClient, type Message } from './client';

interface LspDiagnostic {
  code?: string;
  message: string;
  range: { start: { line: number } };
}
interface CodeAction {
  title: string;
  isPreferred?: boolean;
  edit?: { changes?: Record<string, unknown[]>; documentChanges?: ({ kind: string; uri: string } | { textDocument: { uri: string; version: number | null }; edits: { newText: string }[] })[] };
}

const APP = dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY . .', 'USER 65534');

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'slimfile-lsp-context-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function start(dir: string, capabilities: Record<string, unknown>, settings?: Record<string, unknown>): Promise<LspClient> {
  const client = new LspClient();
  await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).toString(),
    workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'project' }],
    capabilities: { textDocument: { publishDiagnostics: { dataSupport: true } }, workspace: { applyEdit: true, ...capabilities } },
    initializationOptions: settings ? { settings } : undefined,
  });
  client.notify('initialized', {});
  return client;
}

function diagnostics(client: LspClient, uri: string, predicate: (d: LspDiagnostic[]) => boolean, since: number): Promise<LspDiagnostic[]> {
  return client
    .waitFor((m: Message) => {
      const p = m.params as { uri?: string; diagnostics?: LspDiagnostic[] } | undefined;
      return m.method === 'textDocument/publishDiagnostics' && p?.uri === uri && predicate(p.diagnostics ?? []);
    }, 10_000, since)
    .then((m) => (m.params as { diagnostics: LspDiagnostic[] }).diagnostics);
}

const ids = (list: LspDiagnostic[]) => list.map((d) => d.code).filter((c) => c?.startsWith('dockerignore') || c === 'copy-ignored-file');

describe('build context over LSP', () => {
  const dir = project({ Dockerfile: APP, 'requirements.txt': 'flask\n', '.git/HEAD': 'ref: refs/heads/main\n' });
  const uri = pathToFileURL(join(dir, 'Dockerfile')).toString();
  const ignoreUri = pathToFileURL(join(dir, '.dockerignore')).toString();
  let client: LspClient;

  before(async () => {
    client = await start(dir, { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } });
  });
  after(async () => {
    await client.shutdown();
  });

  it('reports a missing .dockerignore and offers to create it', async () => {
    const since = client.notifications.length;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: APP } });
    const found = await diagnostics(client, uri, (d) => ids(d).length > 0, since);
    assert.deepEqual(ids(found), ['dockerignore-missing']);
    const missing = found.find((d) => d.code === 'dockerignore-missing')!;
    assert.match(missing.message, /`\.git` in the context go to the builder/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing], only: ['quickfix'] },
    });
    const create = actions.find((a) => a.title === 'Create .dockerignore')!;
    assert.ok(create, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(create.isPreferred, true);
    const [createFile, insert] = create.edit!.documentChanges!;
    assert.deepEqual(createFile, { kind: 'create', uri: ignoreUri, options: { overwrite: false, ignoreIfExists: true } });
    assert.ok('edits' in insert);
    assert.equal(insert.textDocument.uri, ignoreUri);
    assert.match(insert.edits[0].newText, /^\.git$/m);
  });

  it('keeps the context cached while typing and refreshes on didChangeWatchedFiles', async () => {
    writeFileSync(join(dir, '.dockerignore'), '.git\n');
    // An edit to the Dockerfile alone does not re-read the context from disk.
    let since = client.notifications.length;
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: APP }] });
    const typed = await diagnostics(client, uri, () => true, since);
    assert.deepEqual(ids(typed), ['dockerignore-missing']);

    since = client.notifications.length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ignoreUri, type: 1 }] });
    const refreshed = await diagnostics(client, uri, (d) => !ids(d).includes('dockerignore-missing'), since);
    assert.deepEqual(ids(refreshed), ['dockerignore-incomplete']);
    const incomplete = refreshed.find((d) => d.code === 'dockerignore-incomplete')!;
    assert.match(incomplete.message, /does not exclude `\.venv`, `__pycache__`, `\*\.pyc` and `\.env`/);

    // The append fix edits the end of the existing file.
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: incomplete.range,
      context: { diagnostics: [incomplete], only: ['quickfix'] },
    });
    const append = actions.find((a) => a.title.startsWith('Add '))!;
    assert.deepEqual(append.edit!.documentChanges!.map((c) => ('kind' in c ? c.kind : c.textDocument.uri)), [ignoreUri]);

    writeFileSync(join(dir, '.dockerignore'), '.git\n.venv\n**/__pycache__\n**/*.pyc\n.env\n');
    since = client.notifications.length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ignoreUri, type: 2 }] });
    const clean = await diagnostics(client, uri, (d) => ids(d).length === 0, since);
    assert.deepEqual(ids(clean), []);
  });
});

describe('build context over LSP, other clients and settings', () => {
  it('omits a file-creating fix for a client without resource operations', async () => {
    const dir = project({ Dockerfile: APP, 'requirements.txt': 'flask\n' });
    const uri = pathToFileURL(join(dir, 'Dockerfile')).toString();
    const client = await start(dir, {});
    try {
      const since = client.notifications.length;
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: APP } });
      const found = await diagnostics(client, uri, (d) => ids(d).length > 0, since);
      const missing = found.find((d) => d.code === 'dockerignore-missing')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: missing.range,
        context: { diagnostics: [missing], only: ['quickfix'] },
      });
      assert.deepEqual(
        actions.map((a) => a.title),
        ['Suppress dockerignore-missing for this line'],
      );
    } finally {
      await client.shutdown();
    }
  });

  it('includes the context file changes in Fix all', async () => {
    const dir = project({ Dockerfile: APP, 'requirements.txt': 'flask\n', '.git/HEAD': '' });
    const uri = pathToFileURL(join(dir, 'Dockerfile')).toString();
    const client = await start(dir, { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } });
    try {
      const since = client.notifications.length;
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: APP } });
      await diagnostics(client, uri, (d) => ids(d).length > 0, since);
      const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.slimfile'] },
      });
      const kinds = fixAll.edit!.documentChanges!.map((c) => ('kind' in c ? `${c.kind} ${c.uri.split('/').pop()}` : `edit ${c.textDocument.uri.split('/').pop()}`));
      assert.deepEqual(kinds, ['edit Dockerfile', 'create .dockerignore', 'edit .dockerignore']);
    } finally {
      await client.shutdown();
    }
  });

  it('reads the context slimfile.buildContext names, relative to the workspace folder', async () => {
    const text = dockerfile('FROM python:3.12-slim', 'COPY config/app.toml /etc/app.toml', 'USER 65534');
    const dir = project({ 'docker/Dockerfile': text, '.dockerignore': 'config\n', 'config/app.toml': '' });
    const uri = pathToFileURL(join(dir, 'docker/Dockerfile')).toString();
    const client = await start(dir, {}, { buildContext: '.' });
    try {
      const since = client.notifications.length;
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
      const found = await diagnostics(client, uri, (d) => ids(d).length > 0, since);
      assert.deepEqual(ids(found), ['copy-ignored-file']);
      assert.equal(found.find((d) => d.code === 'copy-ignored-file')?.range.start.line, 1);
    } finally {
      await client.shutdown();
    }
  });

  it('stays quiet about the context for unsaved documents', async () => {
    const dir = project({});
    const client = await start(dir, {});
    try {
      const uri = 'untitled:Untitled-1';
      const since = client.notifications.length;
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: APP } });
      const found = await diagnostics(client, uri, () => true, since);
      assert.deepEqual(ids(found), []);
    } finally {
      await client.shutdown();
    }
  });
});

// The built server against a careless or hostile client: requests for
// documents it never opened, positions outside the text, params of the wrong
// shape, edits to unknown documents and very large documents. Every request
// must be answered (a result or an error) and the server must stay up and keep
// publishing diagnostics.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dockerfile } from '../helpers';
import { LspClient, type Message } from '../lsp/client';

const OPEN = 'file:///virtual/robust/Dockerfile';
const NEVER_OPENED = 'file:///virtual/robust/never-opened/Dockerfile';
const TEXT = dockerfile(
  'FROM python:3.12',
  'RUN apt-get update && apt-get install -y gcc',
  'COPY . .',
  'RUN pip install -r requirements.txt',
  'CMD ["python", "app.py"]',
);

/** Requests every provider the server advertises, with `textDocument` and `position` supplied by the caller. */
function documentRequests(textDocument: unknown, position: unknown): [string, unknown][] {
  const range = { start: position, end: position };
  return [
    ['textDocument/hover', { textDocument, position }],
    ['textDocument/completion', { textDocument, position }],
    ['textDocument/signatureHelp', { textDocument, position }],
    ['textDocument/definition', { textDocument, position }],
    ['textDocument/documentHighlight', { textDocument, position }],
    ['textDocument/prepareRename', { textDocument, position }],
    ['textDocument/rename', { textDocument, position, newName: 'X' }],
    ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
    ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [], only: ['source.fixAll'] } }],
    ['textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } }],
    ['textDocument/rangeFormatting', { textDocument, range, options: { tabSize: 4, insertSpaces: true } }],
    ['textDocument/onTypeFormatting', { textDocument, position, ch: '\\', options: { tabSize: 4, insertSpaces: true } }],
    ['textDocument/documentSymbol', { textDocument }],
    ['textDocument/foldingRange', { textDocument }],
    ['textDocument/documentLink', { textDocument }],
    ['textDocument/semanticTokens/full', { textDocument }],
  ];
}

/** Kills a server that may be too busy (or already gone) to answer a shutdown request. */
async function stop(client: LspClient): Promise<void> {
  if (client.exited === null) (client as unknown as { child: { kill(): void } }).child.kill();
  for (let waited = 0; client.exited === null && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('language server robustness', () => {
  let client: LspClient;
  let version = 1;

  /** 'result' or 'error'; a timeout or a dead server fails the test. */
  async function answer(method: string, params: unknown): Promise<'result' | 'error'> {
    try {
      await client.request(method, params, 30_000);
      return 'result';
    } catch (error) {
      if ((error as { code?: unknown }).code !== undefined) return 'error';
      throw new Error(`${method} ${JSON.stringify(params)?.slice(0, 200)}: ${(error as Error).message}`);
    }
  }

  async function assertAlive(context: string): Promise<void> {
    assert.equal(client.exited, null, `server exited after ${context}; stderr: ${client.stderr.slice(-2000)}`);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: OPEN }, position: { line: 0, character: 8 } }, 30_000);
    assert.ok(hover === null || typeof hover.contents.value === 'string', `hover after ${context}`);
  }

  function published(uri: string, since: number): Promise<Message> {
    return client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri?: string }).uri === uri, 60_000, since);
  }

  before(async () => {
    client = new LspClient();
    await client.initialize();
    const since = client.notifications.length;
    client.notify('textDocument/didOpen', { textDocument: { uri: OPEN, languageId: 'dockerfile', version, text: TEXT } });
    await published(OPEN, since);
  });
  after(async () => {
    await client.shutdown();
  });

  it('answers every request about a document it never opened', async () => {
    for (const [method, params] of documentRequests({ uri: NEVER_OPENED }, { line: 0, character: 0 })) {
      await answer(method, params);
    }
    await answer('workspace/executeCommand', { command: 'slimfile.applyRefactoring', arguments: [NEVER_OPENED, 'split-stages'] });
    await assertAlive('requests for an unopened document');
  });

  it('answers every request at positions outside the text', async () => {
    const positions = [
      { line: -1, character: 0 },
      { line: 0, character: -5 },
      { line: 1e9, character: 0 },
      { line: 2, character: 1e9 },
      { line: 2 ** 31, character: 2 ** 31 },
      { line: 1.5, character: 0.5 },
      { line: 5, character: 0 },
    ];
    for (const position of positions) {
      for (const [method, params] of documentRequests({ uri: OPEN }, position)) await answer(method, params);
    }
    // A range that ends before it starts.
    await answer('textDocument/codeAction', {
      textDocument: { uri: OPEN },
      range: { start: { line: 4, character: 3 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    await assertAlive('out-of-range positions');
  });

  it('answers requests with malformed params', async () => {
    const malformed: [string, unknown][] = [];
    const shapes: unknown[] = [undefined, null, 42, 'text', [], {}, { uri: null }, { uri: 42 }, { uri: 'not a uri' }, { uri: '' }];
    for (const textDocument of shapes) {
      for (const [method, params] of documentRequests(textDocument, { line: 0, character: 0 })) malformed.push([method, params]);
    }
    for (const position of [undefined, null, 'start', {}, { line: 'a', character: 'b' }, [0, 0]]) {
      for (const [method, params] of documentRequests({ uri: OPEN }, position)) malformed.push([method, params]);
    }
    for (const params of [undefined, null, 42, 'params', [], {}]) {
      for (const [method] of documentRequests({ uri: OPEN }, { line: 0, character: 0 })) malformed.push([method, params]);
    }
    const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
    malformed.push(
      ['textDocument/codeAction', { textDocument: { uri: OPEN }, range }],
      ['textDocument/codeAction', { textDocument: { uri: OPEN }, range, context: null }],
      ['textDocument/codeAction', { textDocument: { uri: OPEN }, range, context: { diagnostics: null } }],
      ['textDocument/codeAction', { textDocument: { uri: OPEN }, range, context: { diagnostics: [], only: 'quickfix' } }],
      ['textDocument/codeAction', { textDocument: { uri: OPEN }, range, context: { diagnostics: [null, 42, {}] } }],
      [
        'textDocument/codeAction',
        {
          textDocument: { uri: OPEN },
          range,
          context: { diagnostics: [{ range, message: 'x', source: 'slimfile', code: 'apt-no-install-recommends', data: { index: 99999 } }] },
        },
      ],
      [
        'textDocument/codeAction',
        { textDocument: { uri: OPEN }, range, context: { diagnostics: [{ range: null, message: null, source: 'slimfile', code: 7, data: { index: -1 } }] } },
      ],
      ['textDocument/codeAction', { textDocument: { uri: OPEN }, range, context: { diagnostics: [{ range, source: 'slimfile', data: 'index' }] } }],
      ['textDocument/rename', { textDocument: { uri: OPEN }, position: { line: 0, character: 0 } }],
      ['textDocument/formatting', { textDocument: { uri: OPEN } }],
      ['textDocument/formatting', { textDocument: { uri: OPEN }, options: null }],
      ['textDocument/onTypeFormatting', { textDocument: { uri: OPEN }, position: { line: 0, character: 0 }, options: {} }],
      ['workspace/executeCommand', null],
      ['workspace/executeCommand', {}],
      ['workspace/executeCommand', { command: 'slimfile.applyRefactoring' }],
      ['workspace/executeCommand', { command: 'slimfile.applyRefactoring', arguments: 'x' }],
      ['workspace/executeCommand', { command: 'slimfile.applyRefactoring', arguments: [42, null] }],
      ['workspace/executeCommand', { command: 'slimfile.applyRefactoring', arguments: [OPEN, 'no-such-refactoring'] }],
      ['workspace/executeCommand', { command: 'no.such.command', arguments: [] }],
      ['completionItem/resolve', null],
      ['completionItem/resolve', { label: 42, data: { nonsense: true } }],
      ['completionItem/resolve', { label: 'FROM', data: 'x' }],
      ['documentLink/resolve', null],
      ['documentLink/resolve', { range, data: 42 }],
      ['no/such/method', { anything: true }],
    );
    let errors = 0;
    for (const [method, params] of malformed) if ((await answer(method, params)) === 'error') errors++;
    await assertAlive(`${malformed.length} malformed requests (${errors} answered with an error)`);
  });

  it('survives notifications for unknown documents and malformed ones', async () => {
    const notifications: [string, unknown][] = [
      ['textDocument/didChange', { textDocument: { uri: NEVER_OPENED, version: 2 }, contentChanges: [{ text: 'FROM x\n' }] }],
      ['textDocument/didChange', { textDocument: { uri: NEVER_OPENED, version: 3 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] }],
      ['textDocument/didClose', { textDocument: { uri: NEVER_OPENED } }],
      ['textDocument/didSave', { textDocument: { uri: NEVER_OPENED } }],
      ['textDocument/didChange', null],
      ['textDocument/didChange', {}],
      ['textDocument/didChange', { textDocument: { uri: OPEN } }],
      ['textDocument/didChange', { textDocument: { uri: OPEN, version: 'x' }, contentChanges: null }],
      ['textDocument/didChange', { textDocument: { uri: OPEN, version: ++version }, contentChanges: [null] }],
      ['textDocument/didOpen', null],
      ['textDocument/didClose', null],
      ['workspace/didChangeConfiguration', null],
      ['workspace/didChangeConfiguration', { settings: null }],
      ['workspace/didChangeConfiguration', { settings: { slimfile: 'on' } }],
      ['workspace/didChangeConfiguration', { settings: { slimfile: { rules: 5, enable: 'yes', genericFeatures: [] } } }],
      ['workspace/didChangeConfiguration', { settings: { slimfile: { rules: { 'apt-no-install-recommends': 'loud', 'no-such-rule': 'error' } } } }],
      ['workspace/didChangeWatchedFiles', null],
      ['workspace/didChangeWatchedFiles', { changes: [{ uri: 42, type: 'x' }] }],
      ['$/cancelRequest', { id: 'never' }],
      ['$/setTrace', { value: 'verbose' }],
      ['no/such/notification', [1, 2, 3]],
    ];
    for (const [method, params] of notifications) client.notify(method, params);
    await assertAlive('malformed notifications');

    // Edits the document cannot hold: outside the text, reversed, and an older version.
    const edits = [
      { range: { start: { line: 1000, character: 0 }, end: { line: 1001, character: 0 } }, text: 'RUN echo far\n' },
      { range: { start: { line: 3, character: 10 }, end: { line: 1, character: 0 } }, text: '' },
      { range: { start: { line: 0, character: 1e9 }, end: { line: 0, character: 1e9 } }, text: '\\' },
      { range: { start: { line: -3, character: -3 }, end: { line: 0, character: 2 } }, text: '' },
    ];
    for (const change of edits) {
      client.notify('textDocument/didChange', { textDocument: { uri: OPEN, version: ++version }, contentChanges: [change] });
    }
    client.notify('textDocument/didChange', { textDocument: { uri: OPEN, version: 1 }, contentChanges: [{ text: TEXT }] });
    await assertAlive('out-of-range and stale edits');
    // Reset the document and expect fresh diagnostics for it.
    const since = client.notifications.length;
    client.notify('textDocument/didChange', { textDocument: { uri: OPEN, version: ++version }, contentChanges: [{ text: TEXT }] });
    const message = await published(OPEN, since);
    assert.ok(Array.isArray((message.params as { diagnostics: unknown[] }).diagnostics));
    // Settings are back to sane values for the next tests.
    client.notify('workspace/didChangeConfiguration', { settings: { slimfile: {} } });
  });

  it('handles a very large document and a one-line 1 MB document, and stays responsive', async () => {
    const block = dockerfile(
      'FROM python:3.12-slim AS build',
      'RUN apt-get update && apt-get install -y --no-install-recommends gcc \\',
      '    && rm -rf /var/lib/apt/lists/*',
      'COPY requirements.txt .',
      'RUN pip install --no-cache-dir -r requirements.txt',
    );
    const documents = [
      ['file:///virtual/robust/huge/Dockerfile', block.repeat(2000)],
      ['file:///virtual/robust/long-line/Dockerfile', `FROM python:3.12\nRUN echo ${'x'.repeat(1 << 20)}\n`],
    ];
    for (const [uri, text] of documents) {
      const since = client.notifications.length;
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
      await published(uri, since);
      for (const [method, params] of documentRequests({ uri }, { line: 1, character: 5 })) {
        await answer(method, params);
      }
      client.notify('textDocument/didClose', { textDocument: { uri } });
    }
    await assertAlive('very large documents');
  });

  it(
    'answers semantic tokens for a 6,000-line document within 2 s',
    // dockerfile-language-service 0.16.1 builds its token list by concatenation per token (quadratic: 1.2 s at
    // 2,000 lines, minutes at 20,000); the server computes tokens stage by stage to stay clear of that.
    async () => {
      const own = new LspClient();
      try {
        await own.initialize();
        const uri = 'file:///virtual/robust/semantic/Dockerfile';
        own.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: dockerfile('FROM python:3.12', 'RUN echo "$HOME" \\', '    && pip install x').repeat(2000) } });
        await own.request('textDocument/semanticTokens/full', { textDocument: { uri } }, 2_000);
      } finally {
        await stop(own);
      }
    },
  );

  it(
    'survives didOpen whose text is not a string',
    async () => {
      const own = new LspClient();
      try {
        await own.initialize();
        for (const text of [null, 42, { not: 'text' }]) {
          own.notify('textDocument/didOpen', { textDocument: { uri: `file:///virtual/robust/odd-${String(text)}`, languageId: 'dockerfile', version: 1, text } });
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.equal(own.exited, null, own.stderr.slice(-2000));
        await own.request('textDocument/hover', { textDocument: { uri: OPEN }, position: { line: 0, character: 0 } }, 10_000);
        assert.equal(own.exited, null, own.stderr.slice(-2000));
      } finally {
        await stop(own);
      }
    },
  );

  it('still lints a new document correctly at the end', async () => {
    const uri = 'file:///virtual/robust/after/Dockerfile';
    const since = client.notifications.length;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: TEXT } });
    const message = await published(uri, since);
    const codes = (message.params as { diagnostics: { code?: string }[] }).diagnostics.map((d) => d.code);
    assert.ok(codes.includes('apt-no-install-recommends'), codes.join());
    assert.equal(client.exited, null);
  });
});

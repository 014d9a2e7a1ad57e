// A minimal LSP client over stdio: spawns dist/server.js --stdio and speaks
// JSON-RPC with Content-Length framing, like an editor would.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

export interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

type Listener = (message: Message) => void;

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiting = new Map<number, (m: Message) => void>();
  private readonly listeners = new Set<Listener>();
  readonly notifications: Message[] = [];
  /** Replies to server→client requests (e.g. workspace/applyEdit), by method. */
  readonly requestHandlers = new Map<string, (params: unknown) => unknown>();
  stderr = '';
  exited: number | null = null;

  constructor(serverPath = join(process.cwd(), 'dist', 'server.js')) {
    this.child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.on('exit', (code) => (this.exited = code ?? -1));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined && message.method) {
      const handler = this.requestHandlers.get(message.method);
      this.write({ jsonrpc: '2.0', id: message.id, result: handler ? handler(message.params) : null });
      this.notifications.push(message);
    } else if (message.id !== undefined) {
      this.waiting.get(message.id as number)?.(message);
      this.waiting.delete(message.id as number);
    } else {
      this.notifications.push(message);
    }
    for (const listener of this.listeners) listener(message);
  }

  private write(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 10_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} got no answer in ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiting.set(id, (m) => {
        clearTimeout(timer);
        if (m.error) reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
        else resolve(m.result as T);
      });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first message (already received or future) that matches. */
  waitFor(predicate: (m: Message) => boolean, timeoutMs = 10_000, since = 0): Promise<Message> {
    const seen = this.notifications.slice(since).find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no matching message in ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      const listener: Listener = (m) => {
        if (!predicate(m)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(m);
      };
      this.listeners.add(listener);
    });
  }

  async initialize(initializationOptions?: unknown): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: { codeDescriptionSupport: true, dataSupport: true } },
        workspace: { applyEdit: true },
      },
      initializationOptions,
    });
    this.notify('initialized', {});
    return result;
  }

  async shutdown(): Promise<void> {
    if (this.exited === null) {
      await this.request('shutdown', null).catch(() => undefined);
      this.notify('exit', null);
      await new Promise<void>((resolve) => {
        if (this.exited !== null) return resolve();
        const timer = setTimeout(() => {
          this.child.kill();
          resolve();
        }, 2000);
        this.child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

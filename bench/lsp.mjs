// A timing LSP client over stdio: every message is stamped when the chunk that
// completes it arrives (before JSON parsing), so both servers are measured the
// same way, and the server's memory is read from /proc.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { now } from './stats.mjs';

export const CLIENT_CAPABILITIES = {
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.rewrite', 'source', 'source.fixAll'] } } },
  },
  // No workspace/configuration: neither server then waits on a client round trip before validating.
  workspace: { applyEdit: true, configuration: false },
};

/** VmRSS and VmHWM of a process in MiB, or undefined when it is gone. */
export function processMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

export class TimedServer {
  constructor(name, argv, { cwd, execArgv = [] } = {}) {
    this.name = name;
    this.spawnedAt = now();
    this.child = spawn(process.execPath, [...execArgv, ...argv], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.pid = this.child.pid;
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    /** The latest diagnostics published per URI. */
    this.lastDiagnostics = new Map();
    this.stderr = '';
    this.exitCode = undefined;
    this.child.stdout.on('data', (chunk) => this.receive(chunk, now()));
    this.child.stderr.on('data', (chunk) => {
      if (this.stderr.length < 20000) this.stderr += chunk.toString();
    });
    this.child.on('exit', (code, signal) => {
      this.exitCode = code ?? signal;
      for (const { reject } of this.pending.values()) reject(new Error(`${name} exited (${this.exitCode}); stderr: ${this.stderr.slice(-2000)}`));
      this.pending.clear();
    });
  }

  receive(chunk, at) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length:\s*(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message, at);
    }
  }

  dispatch(message, at) {
    if (message.method === 'textDocument/publishDiagnostics') this.lastDiagnostics.set(message.params.uri, message.params.diagnostics);
    if (message.id !== undefined && message.method) {
      // Server-to-client requests (registrations, progress): accept them.
      this.write({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? [] : null });
    } else if (message.id !== undefined) {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      waiting?.resolve({ message, at });
    }
    for (const listener of this.listeners) listener(message, at);
  }

  write(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Sends a request; resolves with { message, at, sentAt }. */
  request(method, params, timeoutMs = 60_000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name}: ${method} unanswered after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (r) => {
          clearTimeout(timer);
          resolve({ ...r, sentAt });
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      const sentAt = now();
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    const sentAt = now();
    this.write({ jsonrpc: '2.0', method, params });
    return sentAt;
  }

  /** Resolves with { message, at } for the next message that matches. */
  next(predicate, timeoutMs = 60_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`${this.name}: no matching message after ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (message, at) => {
        if (!predicate(message)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve({ message, at });
      };
      this.listeners.add(listener);
    });
  }

  nextDiagnostics(uri, timeoutMs) {
    return this.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri, timeoutMs);
  }

  /**
   * A request no server implements: it is answered (with MethodNotFound) only
   * once the server has run every job queued before it, so its answer marks the
   * moment a server has finished with the previous notification.
   */
  async ping() {
    const id = this.nextId++;
    const sentAt = now();
    const answered = this.next((m) => m.id === id && !m.method);
    this.write({ jsonrpc: '2.0', id, method: 'bench/ping', params: null });
    const { at } = await answered;
    return { sentAt, at };
  }

  async initialize(rootUri) {
    const { message, at } = await this.request('initialize', { processId: process.pid, rootUri, capabilities: CLIENT_CAPABILITIES, workspaceFolders: null });
    if (message.error) throw new Error(`${this.name}: initialize failed: ${message.error.message}`);
    this.notify('initialized', {});
    return at - this.spawnedAt;
  }

  memory() {
    return processMemory(this.pid);
  }

  async stop() {
    if (this.exitCode !== undefined) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    try {
      await this.request('shutdown', null, 5000);
      this.notify('exit', null);
    } catch {
      // fall through to the kill below
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
}

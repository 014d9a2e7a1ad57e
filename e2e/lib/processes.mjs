// Child processes for the code-server run: each started in its own process group
// so that stopping it also stops everything it forked (extension hosts, the
// language server, file watchers), and every wait bounded.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with what `promise` resolves to, or rejects after `ms` with "<what> timed out". */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a command to completion, with its output appended to `logFile`; rejects on a non-zero exit or after `timeoutMs`. */
export function run(command, args, { env, logFile, timeoutMs }) {
  const child = startGroup(command, args, { env, logFile });
  const done = new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}; see ${logFile}`)),
    );
  });
  return withTimeout(done, timeoutMs, `${command} ${args[args.length - 1]}`).catch(async (error) => {
    await stopGroup(child);
    throw error;
  });
}

/** Starts a process as the leader of a new process group, stdout and stderr appended to `logFile`. */
export function startGroup(command, args, { env, logFile }) {
  const log = fs.openSync(logFile, 'a');
  try {
    return spawn(command, args, { env, stdio: ['ignore', log, log], detached: true });
  } finally {
    fs.closeSync(log);
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole group, then SIGKILL to whatever is left after `graceMs`. */
export async function stopGroup(child, graceMs = 5000) {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(child.pid) && Date.now() < deadline) await delay(100);
  if (groupAlive(child.pid)) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // exited between the check and the kill
    }
  }
}

/** Polls `url` until it answers 2xx, the process exits, or `timeoutMs` passes. */
export async function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`process exited (${child.exitCode ?? child.signalCode}) before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await delay(100);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

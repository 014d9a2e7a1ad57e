// Splits a RUN body into shell commands joined by `&&`, `||`, `;`, `|`, `&`
// and newlines (in heredoc scripts), with each word's document span. It reads
// POSIX shell closely enough to find package-manager calls; it does not
// expand variables or run anything.

import type { Instruction, Mount, RunBody, ShellCommand, ShellOperator, ShellWord, Span } from './types';
import { toSourceSpan } from './parse';
import { findPackageInvocations } from './packages';

type SpanOf = (start: number, end: number) => Span;

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', '/bin/sh', '/bin/bash', '/bin/ash', '/usr/bin/env']);

export function parseRunBody(instruction: Instruction): RunBody {
  const mounts = instruction.flags.filter((f) => f.name === 'mount').map(parseMount);
  const body = instruction.args.slice(instruction.bodyOffset);
  const execForm = isJsonArray(body);
  const commands: ShellCommand[] = [];
  if (!execForm) {
    const spanOf: SpanOf = (s, e) => toSourceSpan(instruction, s, e);
    commands.push(...splitShell(instruction.args, instruction.bodyOffset, instruction.args.length, spanOf));
    for (const heredoc of instruction.heredocs) {
      // A heredoc fed to the default shell (`RUN <<EOF`) or to an explicit shell is a script; others (python <<EOF) are data.
      const feeding = commands.find((c) => c.words.some((w) => w.raw.includes(`<<`) && w.raw.includes(heredoc.delimiter)));
      const program = feeding?.words.find((w) => !w.raw.startsWith('<<'));
      if (feeding && program && !SHELLS.has(program.value) && !program.value.startsWith('set')) continue;
      const base = heredoc.bodyStart;
      const script = heredoc.body;
      commands.push(...splitShell(script, 0, script.length, (s, e) => ({ start: base + s, end: base + e }), true));
    }
  }
  const run: RunBody = { execForm, commands: commands.slice(), packages: [], mounts };
  run.packages = findPackageInvocations(commands);
  return run;
}

export function isJsonArray(body: string): boolean {
  const trimmed = body.trim();
  if (!trimmed.startsWith('[')) return false;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return Array.isArray(parsed) && parsed.every((p) => typeof p === 'string');
  } catch {
    return false;
  }
}

function parseMount(flag: { name: string; value: string | undefined; span: Span }): Mount {
  const fields = new Map<string, string>();
  for (const part of (flag.value ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) fields.set(part.trim().toLowerCase(), 'true');
    else fields.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim().replace(/^["']|["']$/g, ''));
  }
  return {
    type: fields.get('type') ?? 'bind',
    target: fields.get('target') ?? fields.get('dst') ?? fields.get('destination'),
    source: fields.get('source') ?? fields.get('src'),
    from: fields.get('from'),
    flag,
  };
}

/** Splits `text[from..to]` into commands. `newlines` makes a newline a separator (scripts); otherwise it is white space. */
export function splitShell(text: string, from: number, to: number, spanOf: SpanOf, newlines = false): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let before: ShellOperator | undefined;
  let i = from;

  const close = (op: ShellOperator | undefined) => {
    if (words.length > 0) {
      const span = { start: words[0].span.start, end: words[words.length - 1].span.end };
      commands.push({ words: words.slice(), span, before, after: op });
      words = [];
      before = op;
    } else if (op && op !== '\n' && op !== '(' && op !== ')') {
      before = op;
    }
  };

  while (i < to) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\n') {
      if (newlines) close('\n');
      i++;
      continue;
    }
    if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\r' ? 3 : 2;
      continue;
    }
    if (c === '#') {
      while (i < to && text[i] !== '\n') i++;
      continue;
    }
    if (c === '&' && text[i + 1] === '&') {
      close('&&');
      i += 2;
      continue;
    }
    if (c === '|' && text[i + 1] === '|') {
      close('||');
      i += 2;
      continue;
    }
    if (c === ';' || c === '|' || c === '(' || c === ')' || (c === '&' && text[i + 1] !== '>')) {
      close(c === '&' ? '&' : (c as ShellOperator));
      i += c === '|' && text[i + 1] === '&' ? 2 : 1;
      continue;
    }
    const start = i;
    const end = readWord(text, i, to);
    const raw = text.slice(start, end);
    i = end;
    if (raw === '{' || raw === '}') continue;
    words.push({ value: unquote(raw), raw, span: spanOf(start, end) });
  }
  close(undefined);
  if (commands.length > 0) commands[commands.length - 1].after = undefined;
  return commands;
}

function readWord(text: string, i: number, to: number): number {
  while (i < to) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '|' || c === '(' || c === ')') break;
    if (c === '&') {
      // `2>&1` and `&>` are redirections, not separators.
      if (text[i - 1] === '>' || text[i + 1] === '>') {
        i++;
        continue;
      }
      break;
    }
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      i = close < 0 || close >= to ? to : close + 1;
      continue;
    }
    if (c === '"') {
      i = skipDoubleQuoted(text, i + 1, to);
      continue;
    }
    if (c === '`') {
      const close = text.indexOf('`', i + 1);
      i = close < 0 || close >= to ? to : close + 1;
      continue;
    }
    if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      i = skipBalanced(text, i + 1, to);
      continue;
    }
    i++;
  }
  return Math.min(i, to);
}

function skipDoubleQuoted(text: string, i: number, to: number): number {
  while (i < to) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else if (c === '$' && text[i + 1] === '(') i = skipBalanced(text, i + 1, to);
    else i++;
  }
  return to;
}

function skipBalanced(text: string, i: number, to: number): number {
  const open = text[i];
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  while (i < to) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'") {
      const q = text.indexOf("'", i + 1);
      i = q < 0 || q >= to ? to : q + 1;
      continue;
    }
    if (c === '"') {
      i = skipDoubleQuoted(text, i + 1, to);
      continue;
    }
    if (c === open) depth++;
    else if (c === close && --depth === 0) return i + 1;
    i++;
  }
  return to;
}

/** Removes shell quoting from a word; expansions stay as written. */
export function unquote(raw: string): string {
  if (!/["'\\]/.test(raw)) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === "'") {
      const close = raw.indexOf("'", i + 1);
      const end = close < 0 ? raw.length : close;
      out += raw.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      i++;
      while (i < raw.length && raw[i] !== '"') {
        if (raw[i] === '\\' && i + 1 < raw.length && '"\\$`'.includes(raw[i + 1])) i++;
        out += raw[i++];
      }
      i++;
    } else if (c === '\\' && i + 1 < raw.length) {
      out += raw[i + 1];
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

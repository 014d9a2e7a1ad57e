import { stageChain } from '../model/stages';
import { toSourceSpan } from '../model/parse';
import { splitShell } from '../model/shell';
import type { DockerfileModel, Instruction, Span, Stage } from '../model/types';
import { execFormElements, hasTemplate, isWindowsImage } from './security-runtime-helpers';
import type { Fix, Rule } from './types';

export const cmdShellForm: Rule = {
  id: 'cmd-shell-form',
  category: 'runtime',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  hadolint: ['DL3025'],
  docs: {
    summary: '`CMD`/`ENTRYPOINT` in shell form',
    what:
      'Reports `CMD` and `ENTRYPOINT` written in shell form (`CMD gunicorn app:app`), including arrays Docker cannot read as JSON and ' +
      'therefore silently runs as shell form: single quotes (`[\'python\', \'app.py\']`), a trailing comma, text after the `]`. ' +
      'A shell-form command that starts with `exec`, and stages with an explicit `SHELL`, are not reported.',
    why:
      'Shell form runs `/bin/sh -c "<command>"`, so the shell is PID 1 and the server is its child. `docker stop` and Kubernetes send SIGTERM ' +
      'to PID 1; `sh` does not forward it, the server never starts its graceful shutdown (finishing requests, closing DB connections), and ' +
      'it is killed with SIGKILL after the grace period (10 s by default for `docker stop`, 30 s in Kubernetes), so every deploy is slow and ' +
      'drops in-flight requests. Shell form also ignores arguments given to `docker run`, and a shell-form `ENTRYPOINT` ignores `CMD`. ' +
      'A malformed JSON array is worse: `/bin/sh` tries to run a program literally named `[\'python\',`.',
    knownProblems:
      'Some shells replace themselves with a lone simple command (bash does), which hides the problem until the command grows a second part. ' +
      'Commands that need the shell (`&&`, pipes, several commands) get no fix: move them into an entrypoint script that ends with ' +
      '`exec "$@"` or `exec <server>`, and call it in exec form.',
    example: 'FROM python:3.12-slim\nCMD gunicorn --bind 0.0.0.0:8000 app:app',
    useInstead: 'FROM python:3.12-slim\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]',
    fixSafety:
      'Safe for a command of plain words (no `$`, quotes with expansions, globs, `~`, redirections or operators): the exec form runs the same ' +
      'program with the same arguments, without the shell. Safe for a malformed array whose intent is clear (single quotes, a trailing comma): ' +
      'the fix writes the JSON Docker expected. Unsafe when the file also has an `ENTRYPOINT` (a `CMD`\'s words then reach it as arguments ' +
      'instead of `/bin/sh -c …`), or for an `ENTRYPOINT` with a `CMD` in the same stage (exec form passes `CMD` to it). For a single command that ' +
      'needs the shell (`$PORT`), the unsafe fix is `["/bin/sh", "-c", "exec <command>"]`: the shell expands the variables and then ' +
      'replaces itself with the server, which becomes PID 1.',
    references: [
      'https://docs.docker.com/reference/dockerfile/#shell-and-exec-form',
      'https://docs.docker.com/reference/build-checks/json-args-recommended/',
      'https://github.com/hadolint/hadolint/wiki/DL3025',
    ],
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') continue;
      const body = instruction.args.slice(instruction.bodyOffset).trimEnd();
      if (body.trim() === '' || hasTemplate(body) || execFormElements(instruction)) continue;
      const stage = model.stages.find((s) => s.instructions.includes(instruction));
      const chain = stage ? stageChain(model, stage) : [];
      if (chain.length > 0 && isWindowsImage(chain[0].image)) continue;
      if (chain.some((s) => s.instructions.some((i) => i.keyword === 'SHELL' && i.line < instruction.line))) continue;
      const span = toSourceSpan(instruction, instruction.bodyOffset, instruction.bodyOffset + body.length);
      const shown = body.length > 48 ? `${body.slice(0, 45).trimEnd()}…` : body;
      const keyword = instruction.keyword;
      if (body.startsWith('[')) {
        const repaired = repairArray(body);
        report({
          span,
          message:
            `\`${keyword} ${shown}\` is not valid JSON (${repaired?.problem ?? jsonProblem(body)}), so Docker runs it through \`/bin/sh -c\` ` +
            'as a shell command: write the exec form with double quotes',
          fixes: repaired ? fixes(model, instruction, span, jsonArray(repaired.values), 'Repair the JSON array', true) : [],
        });
        continue;
      }
      const commands = splitShell(body, 0, body.length, (s, e) => ({ start: s, end: e }));
      if (commands[0]?.words[0]?.value === 'exec') continue;
      report({
        span,
        message:
          `\`${keyword} ${shown}\` is in shell form: \`/bin/sh\` becomes PID 1, so the process never receives SIGTERM and is killed ` +
          'when the stop timeout runs out; use the exec form `["…", "…"]`',
        fixes: shellFormFix(model, instruction, chain, span, body),
      });
    }
  },
};

/** Characters that make the shell do more than split words: expansions, globs, redirections, operators, escapes. */
const SHELL_SYNTAX = /[$`\\*?[\]{}~<>#!&|;()\n]/;

function shellFormFix(model: DockerfileModel, instruction: Instruction, chain: Stage[], span: Span, body: string): Fix[] {
  const commands = splitShell(body, 0, body.length, (s, e) => ({ start: s, end: e }));
  if (commands.length !== 1) return [];
  const words = commands[0].words;
  const plain = !SHELL_SYNTAX.test(body) && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0].raw);
  if (plain) {
    return fixes(model, instruction, span, jsonArray(words.map((w) => w.value)), 'Use the exec form', !argumentsChange(instruction, chain));
  }
  // One command that needs the shell: keep the shell for expansion, then let `exec` hand PID 1 to the program.
  if (hasUnquoted(body, '&|;()\n')) return [];
  let program = 0;
  while (program < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[program].raw)) program++;
  if (program >= words.length) return [];
  const at = words[program].span.start;
  const script = `${body.slice(0, at)}exec ${body.slice(at)}`;
  return fixes(model, instruction, span, jsonArray(['/bin/sh', '-c', script]), 'Run through sh -c with exec, so the program becomes PID 1', false);
}

/** Exec form changes what the other instruction receives: a CMD feeds an ENTRYPOINT, and an ENTRYPOINT starts taking its stage's CMD. */
function argumentsChange(instruction: Instruction, chain: Stage[]): boolean {
  if (instruction.keyword === 'CMD') return chain.some((s) => s.instructions.some((i) => i.keyword === 'ENTRYPOINT'));
  const stage = chain[chain.length - 1];
  return stage !== undefined && stage.instructions.some((i) => i.keyword === 'CMD');
}

function fixes(model: DockerfileModel, instruction: Instruction, span: Span, text: string, title: string, safe: boolean): Fix[] {
  // Rewriting a command that spans lines must not swallow a comment line inside it.
  if (model.comments.some((c) => c.span.start > instruction.span.start && c.span.start < span.end)) return [];
  return [{ title, safe, edits: [{ start: span.start, end: span.end, newText: text }] }];
}

function jsonArray(values: string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

/** Why an array Docker could not read is not JSON, for the message. */
function jsonProblem(body: string): string {
  const close = body.lastIndexOf(']');
  if (close >= 0 && body.slice(close + 1).trim() !== '') return 'text after the closing bracket';
  if (body.includes("'")) return 'single quotes';
  if (close < 0) return 'no closing bracket';
  return 'malformed array';
}

function hasUnquoted(text: string, chars: string): boolean {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '\\') i++;
    else if (chars.includes(c)) return true;
  }
  return false;
}

/** Reads `['a', "b",]`: an array of quoted strings with the mistakes people make; undefined when the intent is unclear. */
export function repairArray(text: string): { values: string[]; problem: string } | undefined {
  const values: string[] = [];
  let single = false;
  let trailingComma = false;
  let i = 1;
  const skip = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  for (;;) {
    skip();
    if (text[i] === ']') break;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") return undefined;
    if (quote === "'") single = true;
    let value = '';
    i++;
    while (i < text.length && text[i] !== quote) {
      if (text[i] === '\\' && i + 1 < text.length) {
        const next = text[i + 1];
        if (next === quote || next === '\\') {
          value += next;
          i += 2;
          continue;
        }
        if (quote === '"') return undefined;
      }
      value += text[i++];
    }
    if (i >= text.length) return undefined;
    values.push(value);
    i++;
    skip();
    if (text[i] === ',') {
      i++;
      skip();
      if (text[i] === ']') {
        trailingComma = true;
        break;
      }
      continue;
    }
    if (text[i] === ']') break;
    return undefined;
  }
  if (text.slice(i + 1).trim() !== '' || values.length === 0) return undefined;
  const problem = single ? 'single quotes' : trailingComma ? 'a trailing comma' : 'malformed array';
  if (!single && !trailingComma) return undefined;
  return { values, problem };
}

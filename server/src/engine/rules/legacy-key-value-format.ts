import { splitWords, toSourceSpan } from '../model/parse';
import type { DockerfileModel, Instruction } from '../model/types';
import { buildCheckUrl } from './correctness-helpers';
import type { Fix, Rule } from './types';

export const legacyKeyValueFormat: Rule = {
  id: 'legacy-key-value-format',
  category: 'correctness',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  docs: {
    summary: '`ENV key value` / `LABEL key value` in the legacy form without `=`',
    what:
      'Reports `ENV` and `LABEL` instructions written as `KEY value` (a space instead of `=`). This is BuildKit\'s `LegacyKeyValueFormat` build check.',
    why:
      'The space-separated form is deprecated and easy to misread: `ENV PATH /opt/venv/bin:$PATH` sets one variable to everything after the first ' +
      'space, so `ENV PYTHONUNBUFFERED 1 PYTHONDONTWRITEBYTECODE 1` sets a single variable `PYTHONUNBUFFERED` to `1 PYTHONDONTWRITEBYTECODE 1`. ' +
      'The `key=value` form says exactly what it sets, allows several pairs per line, and `docker build` stops warning.',
    example: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED 1\nENV APP_NAME my service',
    useInstead: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nENV APP_NAME="my service"',
    fixSafety:
      'Safe: the key and value stay the same. The space after the key becomes `=`; a value with spaces is wrapped in double quotes (existing quotes, ' +
      '`$`, `"` and escapes are rewritten so the value expands exactly as before). No fix is offered when such a value spans continuation lines.',
    references: [buildCheckUrl('legacy-key-value-format'), 'https://docs.docker.com/reference/dockerfile/#env'],
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ENV' && instruction.keyword !== 'LABEL') continue;
      const pair = instruction.pairs?.[0];
      if (!pair || !pair.legacy || instruction.tokens.length < 2) continue;
      const kw = instruction.rawKeyword;
      report({
        span: { start: instruction.keywordSpan.start, end: pair.keySpan.end },
        message: `"${kw} key=value" should be used instead of legacy "${kw} key value" format: write \`${kw} ${pair.key}=…\``,
        fixes: fixFor(model, instruction),
      });
    }
  },
};

function fixFor(model: DockerfileModel, instruction: Instruction): Fix[] {
  const { args, escape } = { args: instruction.args, escape: model.escape };
  const words = splitWords(args, instruction.bodyOffset, escape);
  const key = words[0];
  // The legacy value is everything after the white space that follows the key, as written.
  let valueStart = key.end;
  while (valueStart < args.length && (args[valueStart] === ' ' || args[valueStart] === '\t')) valueStart++;
  const value = args.slice(valueStart).replace(/[ \t]+$/, '');
  const keySpan = toSourceSpan(instruction, key.start, key.end);
  const valueSpan = toSourceSpan(instruction, valueStart, valueStart + value.length);
  const title = `Write ${instruction.rawKeyword} ${key.value}=…`;
  if (!hasUnquotedBlank(value, escape)) {
    return [{ title, safe: true, edits: [{ start: keySpan.end, end: valueSpan.start, newText: '=' }] }];
  }
  // Rewriting the value in quotes is only done when it sits on one line.
  if (model.text.slice(valueSpan.start, valueSpan.end) !== value) return [];
  return [{ title, safe: true, edits: [{ start: keySpan.end, end: valueSpan.end, newText: `=${doubleQuoted(value, escape)}` }] }];
}

function hasUnquotedBlank(value: string, escape: string): boolean {
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === escape && quote === '"') i++;
      continue;
    }
    if (c === escape) i++;
    else if (c === '"' || c === "'") quote = c;
    else if (c === ' ' || c === '\t') return true;
  }
  return false;
}

/** Rewrites a word (with its own quoting) as one double-quoted word that expands to the same text. */
export function doubleQuoted(value: string, escape: string): string {
  let out = '"';
  let quote = '';
  const literal = (c: string) => (c === '"' || c === '$' || c === escape ? escape + c : c);
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote === "'") {
      if (c === "'") quote = '';
      else out += literal(c);
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = '';
      else if (c === escape && i + 1 < value.length) out += c + value[++i];
      else out += c;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === escape && i + 1 < value.length) out += literal(value[++i]);
    else out += c;
  }
  return out + '"';
}

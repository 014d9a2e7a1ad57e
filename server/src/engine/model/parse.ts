// A single-pass Dockerfile reader: directives, comments, instructions with
// continuation lines and heredocs, flags and argument words. It is written for
// speed (no regex per character, no re-tokenising on access) because it runs
// on every keystroke; the generic features still use dockerfile-ast.

import type {
  Comment,
  Directive,
  DockerfileModel,
  Flag,
  Heredoc,
  Instruction,
  KeyValue,
  ParseProblem,
  SourceMap,
  Span,
  Token,
} from './types';
import { computeLineStarts } from './text';
import { parseRunBody } from './shell';
import { buildStages } from './stages';

const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const FLAG_KEYWORDS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);
const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.*?)\s*$/;
const HEREDOC_MARKER = /<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2/g;

interface Line {
  start: number;
  /** End of the content, before `\r\n` / `\n`. */
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const length = text.length;
  while (start <= length) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = length;
    let end = nl;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl === length) break;
    start = nl + 1;
  }
  return lines;
}

function firstNonSpace(s: string): number {
  let i = 0;
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
}

function trimEndIndex(s: string): number {
  let i = s.length;
  while (i > 0 && (s[i - 1] === ' ' || s[i - 1] === '\t')) i--;
  return i;
}

export function parseDockerfile(text: string): DockerfileModel {
  const lines = splitLines(text);
  const directives: Directive[] = [];
  const comments: Comment[] = [];
  const instructions: Instruction[] = [];
  const problems: ParseProblem[] = [];
  let escape = '\\';

  let i = 0;
  // Parser directives: only at the very top, before any blank line, comment or instruction.
  for (; i < lines.length; i++) {
    const line = lines[i];
    const m = DIRECTIVE.exec(line.text);
    if (!m) break;
    const name = m[1].toLowerCase();
    if (directives.some((d) => d.name === name)) break;
    directives.push({ name, value: m[2], span: { start: line.start, end: line.end } });
    comments.push({ text: line.text, span: { start: line.start, end: line.end }, line: i });
    if (name === 'escape') {
      if (m[2] === '`' || m[2] === '\\') escape = m[2];
      else problems.push({ message: `Invalid escape directive '${m[2]}': it must be \\ or \``, span: { start: line.start, end: line.end } });
    }
  }

  while (i < lines.length) {
    const line = lines[i];
    const indent = firstNonSpace(line.text);
    if (indent === line.text.length) {
      i++;
      continue;
    }
    if (line.text[indent] === '#') {
      comments.push({ text: line.text.slice(indent), span: { start: line.start + indent, end: line.end }, line: i });
      i++;
      continue;
    }
    const result = readInstruction(text, lines, i, indent, escape, problems, comments);
    instructions.push(result.instruction);
    i = result.next;
  }

  const lineStarts = computeLineStarts(text);
  const model: DockerfileModel = {
    text,
    escape,
    directives,
    instructions,
    comments,
    globalArgs: [],
    stages: [],
    problems,
    lineStarts,
  };
  buildStages(model);
  return model;
}

function readInstruction(
  text: string,
  lines: Line[],
  first: number,
  indent: number,
  escape: string,
  problems: ParseProblem[],
  comments: Comment[],
): { instruction: Instruction; next: number } {
  const line = lines[first];
  // The keyword ends at white space, or at an escape that ends the line (`RUN\`).
  const lastChar = trimEndIndex(line.text) - 1;
  let k = indent;
  while (k < line.text.length && line.text[k] !== ' ' && line.text[k] !== '\t' && !(line.text[k] === escape && k === lastChar)) k++;
  const rawKeyword = line.text.slice(indent, k);
  const keyword = rawKeyword.toUpperCase();
  const keywordSpan = { start: line.start + indent, end: line.start + k };

  const map: SourceMap = { logical: [], source: [], lengths: [] };
  let args = '';
  let argsStart = -1;
  let lineIndex = first;
  let col = k;
  // Skip the white space after the keyword.
  while (col < line.text.length && (line.text[col] === ' ' || line.text[col] === '\t')) col++;
  let last = first;
  for (;;) {
    const current = lines[lineIndex];
    const content = current.text;
    const end = trimEndIndex(content);
    const continues = end > col && content[end - 1] === escape;
    const segmentEnd = continues ? end - 1 : content.length;
    if (segmentEnd > col) {
      if (argsStart < 0) argsStart = current.start + col;
      map.logical.push(args.length);
      map.source.push(current.start + col);
      map.lengths.push(segmentEnd - col);
      args += content.slice(col, segmentEnd);
    }
    last = lineIndex;
    if (!continues) break;
    // Find the next line that carries content: comment lines and blank lines inside a continuation are skipped.
    let nextIndex = lineIndex + 1;
    for (; nextIndex < lines.length; nextIndex++) {
      const t = lines[nextIndex].text;
      const ind = firstNonSpace(t);
      if (ind === t.length) continue;
      if (t[ind] === '#') {
        comments.push({ text: t.slice(ind), span: { start: lines[nextIndex].start + ind, end: lines[nextIndex].end }, line: nextIndex });
        continue;
      }
      break;
    }
    if (nextIndex >= lines.length) {
      problems.push({
        message: 'The file ends inside a line continuation',
        span: { start: current.start + end - 1, end: current.start + end },
      });
      break;
    }
    lineIndex = nextIndex;
    col = 0;
  }
  if (argsStart < 0) argsStart = lines[last].end;
  // Arrays grown by push keep spare capacity; a 20,000-line file has tens of thousands of these.
  map.logical = map.logical.slice();
  map.source = map.source.slice();
  map.lengths = map.lengths.slice();

  const heredocs: Heredoc[] = [];
  let next = last + 1;
  let spanEnd = lines[last].end;
  if (HEREDOC_KEYWORDS.has(keyword) && args.includes('<<')) {
    HEREDOC_MARKER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = HEREDOC_MARKER.exec(args))) {
      if (args[m.index + 2] === '<' || (m.index > 0 && args[m.index - 1] === '<')) continue;
      const stripTabs = m[1] === '-';
      const delimiter = m[3];
      const bodyStart = next < lines.length ? lines[next].start : text.length;
      let j = next;
      let terminated = false;
      for (; j < lines.length; j++) {
        const t = stripTabs ? lines[j].text.replace(/^\t+/, '') : lines[j].text;
        if (t === delimiter) {
          terminated = true;
          break;
        }
      }
      const bodyEnd = j < lines.length ? lines[j].start : text.length;
      const body = text.slice(bodyStart, Math.max(bodyStart, bodyEnd));
      const endLine = terminated ? j : lines.length - 1;
      const heredocSpan: Span = { start: bodyStart, end: terminated ? lines[j].end : text.length };
      heredocs.push({ delimiter, stripTabs, body, bodyStart, span: heredocSpan, terminated });
      if (!terminated) {
        problems.push({
          message: `The heredoc '${delimiter}' is never closed: add a line that reads exactly ${delimiter}`,
          span: { start: map.source.length ? toSourceOffset(map, m.index) : argsStart, end: text.length },
        });
      }
      spanEnd = Math.max(spanEnd, heredocSpan.end);
      next = endLine + 1;
      last = endLine;
    }
  }

  const instruction: Instruction = {
    keyword,
    rawKeyword,
    keywordSpan,
    span: { start: keywordSpan.start, end: spanEnd },
    args,
    argsStart,
    map,
    flags: [],
    tokens: [],
    bodyOffset: 0,
    heredocs: heredocs.slice(),
    line: first,
    endLine: last,
  };
  readArguments(instruction, escape);
  if (keyword === 'RUN') instruction.run = parseRunBody(instruction);
  if (keyword === 'ENV' || keyword === 'ARG' || keyword === 'LABEL') instruction.pairs = readPairs(instruction).slice();
  return { instruction, next };
}

/** The last segment of the map that starts at or before `logical`. */
function segmentAt(map: SourceMap, logical: number): number {
  const starts = map.logical;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= logical) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Converts an offset into `instruction.args` to a document offset (an end offset: a segment's end stays on its line). */
export function toSourceOffset(map: SourceMap, logical: number): number {
  const starts = map.logical;
  if (starts.length === 0) return 0;
  const lo = segmentAt(map, logical);
  // An offset exactly at the end of a segment maps to the end of that segment, not the start of the next line.
  if (lo > 0 && logical === starts[lo] && logical > 0) {
    const prev = lo - 1;
    if (starts[prev] + map.lengths[prev] === logical) return map.source[prev] + map.lengths[prev];
  }
  return map.source[lo] + (logical - starts[lo]);
}

export function toSourceSpan(instruction: Instruction, start: number, end: number): Span {
  if (instruction.map.logical.length === 0) return { start: instruction.argsStart, end: instruction.argsStart };
  const segment = segmentAt(instruction.map, start);
  const s = instruction.map.source[segment] + (start - instruction.map.logical[segment]);
  return { start: s, end: Math.max(s, toSourceOffset(instruction.map, end)) };
}

/** Splits `text[from..]` into white-space separated words, honouring quotes and the escape character. */
export function splitWords(text: string, from: number, escape: string): { value: string; raw: string; start: number; end: number }[] {
  const words: { value: string; raw: string; start: number; end: number }[] = [];
  let i = from;
  const n = text.length;
  while (i < n) {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= n) break;
    const start = i;
    let value = '';
    let quote = '';
    while (i < n) {
      const c = text[i];
      if (quote) {
        if (c === quote) quote = '';
        else if (c === escape && quote === '"' && i + 1 < n) value += text[++i];
        else value += c;
        i++;
        continue;
      }
      if (c === ' ' || c === '\t') break;
      if (c === '"' || c === "'") quote = c;
      else if (c === escape && i + 1 < n) value += text[++i];
      else value += c;
      i++;
    }
    words.push({ value, raw: text.slice(start, i), start, end: i });
  }
  return words;
}

function readArguments(instruction: Instruction, escape: string): void {
  const { args } = instruction;
  const words = splitWords(args, 0, escape);
  let w = 0;
  if (FLAG_KEYWORDS.has(instruction.keyword)) {
    for (; w < words.length; w++) {
      const word = words[w];
      if (!word.raw.startsWith('--') || word.raw.length < 3) break;
      const eq = word.value.indexOf('=');
      const flag: Flag = {
        name: (eq < 0 ? word.value.slice(2) : word.value.slice(2, eq)).toLowerCase(),
        value: eq < 0 ? undefined : word.value.slice(eq + 1),
        span: toSourceSpan(instruction, word.start, word.end),
      };
      instruction.flags.push(flag);
    }
  }
  instruction.bodyOffset = w < words.length ? words[w].start : args.length;
  const tokens: Token[] = [];
  for (; w < words.length; w++) {
    const word = words[w];
    tokens.push({ value: word.value, raw: word.raw, span: toSourceSpan(instruction, word.start, word.end) });
  }
  instruction.tokens = tokens.slice();
  instruction.flags = instruction.flags.slice();
}

function readPairs(instruction: Instruction): KeyValue[] {
  const pairs: KeyValue[] = [];
  const { tokens } = instruction;
  if (tokens.length === 0) return pairs;
  const first = tokens[0];
  if (instruction.keyword !== 'ARG' && !first.raw.includes('=')) {
    // Legacy `ENV key value…`: the rest of the line is the value.
    const last = tokens[tokens.length - 1];
    pairs.push({
      key: first.value,
      value: tokens.slice(1).map((t) => t.value).join(' '),
      span: { start: first.span.start, end: last.span.end },
      keySpan: first.span,
      legacy: true,
    });
    return pairs;
  }
  for (const token of tokens) {
    const eq = token.raw.indexOf('=');
    if (eq < 0) {
      pairs.push({ key: token.value, value: undefined, span: token.span, keySpan: token.span, legacy: false });
      continue;
    }
    const rawKey = token.raw.slice(0, eq);
    const key = rawKey.replace(/^["']|["']$/g, '');
    const valueEq = token.value.indexOf('=');
    pairs.push({
      key,
      value: valueEq < 0 ? '' : token.value.slice(valueEq + 1),
      span: token.span,
      keySpan: { start: token.span.start, end: token.span.start + eq },
      legacy: false,
    });
  }
  return pairs;
}

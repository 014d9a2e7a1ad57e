// Pieces the BuildKit-parity correctness rules share: reading `$VAR` uses the
// way BuildKit's word expander does, nearest-name suggestions, stage-name
// references, spans inside flags, and what the common base images define.

import { toSourceSpan } from '../model/parse';
import type { DockerfileModel, Flag, Instruction, Mount, Span, Stage } from '../model/types';
import { lineEnding } from '../model/text';
import type { TextEdit } from './types';

/** Docker's build-checks reference page for a check, e.g. `stage-name-casing`. */
export function buildCheckUrl(slug: string): string {
  return `https://docs.docker.com/reference/build-checks/${slug}/`;
}

/** Instruction keywords Dockerfile frontends know. */
export const INSTRUCTIONS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL',
  'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/** Build args BuildKit defines in the global scope (FROM lines); a stage sees them only after `ARG NAME`. */
export const PLATFORM_ARGS = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
]);

/** Values BuildKit gives the platform args on a linux/amd64 build, for checking what a FROM resolves to. */
export const PLATFORM_ARG_VALUES: ReadonlyMap<string, string> = new Map([
  ['TARGETPLATFORM', 'linux/amd64'], ['TARGETOS', 'linux'], ['TARGETARCH', 'amd64'], ['TARGETVARIANT', ''],
  ['BUILDPLATFORM', 'linux/amd64'], ['BUILDOS', 'linux'], ['BUILDARCH', 'amd64'], ['BUILDVARIANT', ''],
]);

/** Proxy build args Docker predefines (usable without an ARG line). */
export const PROXY_ARGS = new Set([
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
]);

/**
 * Variables a stage may rely on without declaring them: BuildKit always sets PATH, and the others are
 * set by most base images or by the runtime, so Slimfile does not second-guess them.
 */
export const ALWAYS_DEFINED = new Set(['PATH', 'HOME', 'HOSTNAME', 'PWD', 'LANG', 'TERM', 'USER', 'SHELL']);

/**
 * ENV names the official images set in their Dockerfiles (docker-library/python, golang, rust and
 * nodejs/docker-node, read 2026-11; older python tags also set the pip/setuptools/get-pip names).
 * Images built FROM scratch-like roots (alpine, debian, ubuntu, busybox, buildpack-deps) set none.
 * Any image not listed here is "unknown": its configuration may define anything.
 */
const IMAGE_ENV: Readonly<Record<string, readonly string[]>> = {
  python: [
    'PATH', 'LANG', 'GPG_KEY', 'PYTHON_VERSION', 'PYTHON_SHA256', 'PYTHON_PIP_VERSION', 'PYTHON_SETUPTOOLS_VERSION', 'PYTHON_GET_PIP_URL',
    'PYTHON_GET_PIP_SHA256',
  ],
  golang: ['PATH', 'GOLANG_VERSION', 'GOTOOLCHAIN', 'GOPATH'],
  node: ['PATH', 'NODE_VERSION', 'YARN_VERSION'],
  rust: ['PATH', 'RUSTUP_HOME', 'CARGO_HOME', 'RUST_VERSION'],
  alpine: ['PATH'],
  debian: ['PATH'],
  ubuntu: ['PATH'],
  busybox: ['PATH'],
  'buildpack-deps': ['PATH'],
};

/** The ENV names a stage's base image is known to define, or undefined when the image is unknown. */
export function knownImageEnv(model: DockerfileModel, stage: Stage): ReadonlySet<string> | undefined {
  const image = stage.image;
  if (image.stage !== undefined) return knownImageEnv(model, model.stages[image.stage]);
  if (image.scratch) return new Set();
  // An image named by an ARG counts as its default (`ARG GOLANG_IMAGE=golang:1.22`); one with no default is unknown.
  if (image.registry !== undefined || image.unresolved) return undefined;
  const names = IMAGE_ENV[image.repository];
  if (!names) return undefined;
  // Windows python images set other variables (and Windows names are case-insensitive).
  if (image.repository === 'python' && /windowsservercore|nanoserver/.test(image.tag ?? '')) return undefined;
  return new Set(names);
}

export interface VariableUse {
  name: string;
  /** Logical offsets (into the scanned string) of the whole `$NAME` / `${…}`. */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  /** `${NAME:-word}` / `${NAME:+word}` (or inside such a word): the text itself handles an unset NAME. */
  guarded: boolean;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * Finds `$NAME` and `${NAME…}` in `text[from..to]` the way BuildKit's word expander reads them:
 * nothing inside single quotes, nothing after the escape character.
 */
export function findVariables(text: string, from: number, to: number, escape: string, guarded = false): VariableUse[] {
  const uses: VariableUse[] = [];
  let i = from;
  let quote = '';
  while (i < to) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = '';
      i++;
      continue;
    }
    if (c === escape) {
      i += 2;
      continue;
    }
    if (c === "'" && quote === '') {
      quote = "'";
      i++;
      continue;
    }
    if (c === '"') {
      quote = quote === '"' ? '' : '"';
      i++;
      continue;
    }
    if (c !== '$' || i + 1 >= to) {
      i++;
      continue;
    }
    const next = text[i + 1];
    if (NAME_START.test(next)) {
      let j = i + 2;
      while (j < to && NAME_CHAR.test(text[j])) j++;
      uses.push({ name: text.slice(i + 1, j), start: i, end: j, nameStart: i + 1, nameEnd: j, guarded });
      i = j;
      continue;
    }
    if (next === '{' && i + 2 < to && NAME_START.test(text[i + 2])) {
      let j = i + 3;
      while (j < to && NAME_CHAR.test(text[j])) j++;
      const nameEnd = j;
      // Find the closing brace, allowing nested `${…}` in a modifier's word.
      let depth = 1;
      let k = j;
      while (k < to && depth > 0) {
        if (text[k] === escape) k++;
        else if (text[k] === '$' && text[k + 1] === '{') {
          depth++;
          k++;
        } else if (text[k] === '}') depth--;
        k++;
      }
      const end = depth === 0 ? k : to;
      const modifier = text.slice(nameEnd, Math.min(nameEnd + 2, end));
      const handlesUnset = /^:?[-+]/.test(modifier);
      uses.push({ name: text.slice(i + 2, nameEnd), start: i, end, nameStart: i + 2, nameEnd, guarded: guarded || handlesUnset });
      const wordStart = nameEnd + (modifier.startsWith(':') ? 2 : 1);
      if (wordStart < end - 1) uses.push(...findVariables(text, wordStart, end - 1, escape, guarded || handlesUnset));
      i = end;
      continue;
    }
    i++;
  }
  return uses;
}

/** Maps a variable use found in `instruction.args` to document spans. */
export function useSpans(instruction: Instruction, use: VariableUse): { span: Span; nameSpan: Span } {
  return { span: toSourceSpan(instruction, use.start, use.end), nameSpan: toSourceSpan(instruction, use.nameStart, use.nameEnd) };
}

/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours (`PAHT` → `PATH` is one edit). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidates nearest to `name` (case-insensitively), if any is within reach: one edit, or two for names of eight
 * characters or more (`GOPATH` is not a typo of `PATH`).
 */
export function nearestNames(name: string, candidates: Iterable<string>): string[] {
  const limit = name.length >= 8 ? 2 : 1;
  let best = limit + 1;
  let found: string[] = [];
  const lower = name.toLowerCase();
  for (const candidate of new Set(candidates)) {
    if (candidate === name) continue;
    const d = editDistance(lower, candidate.toLowerCase());
    if (d > limit) continue;
    if (d < best) {
      best = d;
      found = [candidate];
    } else if (d === best) found.push(candidate);
  }
  return found;
}

/** `--name=value` written plainly in the document: the span of `value`. */
export function flagValueSpan(model: DockerfileModel, flag: Flag): Span | undefined {
  if (flag.value === undefined) return undefined;
  const raw = model.text.slice(flag.span.start, flag.span.end);
  const eq = raw.indexOf('=');
  if (eq < 0 || raw.slice(eq + 1) !== flag.value) return undefined;
  return { start: flag.span.start + eq + 1, end: flag.span.end };
}

/** The span of the `from=` value inside a `--mount=…` flag, when written plainly. */
export function mountFromSpan(model: DockerfileModel, mount: Mount): Span | undefined {
  if (mount.from === undefined) return undefined;
  const raw = model.text.slice(mount.flag.span.start, mount.flag.span.end);
  const m = /([=,]\s*)from=([^,\s]*)/i.exec(raw);
  if (!m || m[2] !== mount.from) return undefined;
  const start = mount.flag.span.start + m.index + m[1].length + 'from='.length;
  return { start, end: start + m[2].length };
}

/** A place in the file that names a stage: `FROM <name>`, `COPY --from=<name>`, `RUN --mount=…,from=<name>`. */
export interface StageReference {
  kind: 'from' | 'copy' | 'mount';
  name: string;
  /** The stage the reference sits in (undefined for none). */
  stage: Stage;
  instruction: Instruction;
  /** Where the name is written (undefined when it cannot be pinned down, e.g. quoted). */
  span: Span | undefined;
  /** The whole flag or image word, for reporting when `span` is unknown. */
  reportSpan: Span;
}

/** Every stage-name-like reference in the file, in document order. */
export function stageReferences(model: DockerfileModel): StageReference[] {
  const refs: StageReference[] = [];
  for (const stage of model.stages) {
    const image = stage.from.tokens[0];
    if (image) refs.push({ kind: 'from', name: image.value, stage, instruction: stage.from, span: image.raw === image.value ? image.span : undefined, reportSpan: image.span });
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'COPY') {
        for (const flag of instruction.flags) {
          if (flag.name !== 'from' || flag.value === undefined) continue;
          refs.push({ kind: 'copy', name: flag.value, stage, instruction, span: flagValueSpan(model, flag), reportSpan: flag.span });
        }
      }
      for (const mount of instruction.run?.mounts ?? []) {
        if (mount.from === undefined) continue;
        refs.push({ kind: 'mount', name: mount.from, stage, instruction, span: mountFromSpan(model, mount), reportSpan: mount.flag.span });
      }
    }
  }
  return refs;
}

/** Deletes whole lines `first..last` (0-based), including the line break after them. */
export function deleteLines(model: DockerfileModel, first: number, last: number): TextEdit {
  const start = model.lineStarts[first];
  const end = last + 1 < model.lineStarts.length ? model.lineStarts[last + 1] : model.text.length;
  if (end === model.text.length && start > 0 && !/\n$/.test(model.text)) {
    // The last line has no line break: take the one before it instead.
    const before = model.text[start - 2] === '\r' ? start - 2 : start - 1;
    return { start: before, end, newText: '' };
  }
  return { start, end, newText: '' };
}

/** Inserts a new line with `text` before the instruction, indented like it. */
export function insertLineBefore(model: DockerfileModel, instruction: Instruction, text: string): TextEdit {
  const lineStart = model.lineStarts[instruction.line];
  const indent = model.text.slice(lineStart, instruction.keywordSpan.start);
  return { start: lineStart, end: lineStart, newText: `${indent}${text}${lineEnding(model.text)}` };
}

/** Upper or lower case to match `like` (a keyword as written). */
export function caseLike(like: string, word: string): string {
  return like === like.toLowerCase() ? word.toLowerCase() : word.toUpperCase();
}

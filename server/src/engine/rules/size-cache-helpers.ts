// Pieces the size and cache rules share: which stages reach the final image,
// which variables a RUN sees, cache mounts, deletions, and the two edits
// these rules make (append a command to a RUN, delete a RUN).

import { programIndex } from '../model/packages';
import { joinPath } from '../model/paths';
import { substitute } from '../model/stages';
import { lineEnding, positionAt } from '../model/text';
import type { DockerfileModel, Heredoc, Instruction, KeyValue, ShellCommand, Stage } from '../model/types';
import type { TextEdit } from './types';

/** Instructions of a chain in build order, up to (not including) `before` when given. */
export function chainInstructions(chain: Stage[], before?: Instruction): Instruction[] {
  const out: Instruction[] = [];
  for (const stage of chain) {
    for (const instruction of stage.instructions) {
      if (instruction === before) return out;
      out.push(instruction);
    }
  }
  return out;
}

/** The last ENV or ARG declaration of `name` that a RUN at `before` sees (ARG and ENV do not cross FROM). */
export function declaredBefore(chain: Stage[], before: Instruction, name: string): KeyValue | undefined {
  let found: KeyValue | undefined;
  for (const instruction of chainInstructions(chain, before)) {
    if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') continue;
    for (const pair of instruction.pairs ?? []) if (pair.key === name) found = pair;
  }
  return found;
}

/** Variables a RUN sees from ENV and ARG defaults, for resolving `$APP_HOME` in paths. */
export function variablesBefore(chain: Stage[], before: Instruction): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>();
  for (const instruction of chainInstructions(chain, before)) {
    if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') continue;
    for (const pair of instruction.pairs ?? []) {
      if (pair.value === undefined) {
        if (!values.has(pair.key)) values.set(pair.key, undefined);
        continue;
      }
      values.set(pair.key, substitute(pair.value, values).text);
    }
  }
  return values;
}

/** A variable set inside the RUN itself: `NAME=value cmd` on the command, or `export NAME=…` earlier in the RUN. */
export function setInRun(instruction: Instruction, command: ShellCommand, name: string): boolean {
  const prefix = `${name}=`;
  const p = programIndex(command.words);
  if (command.words.slice(0, p).some((w) => w.raw.startsWith(prefix))) return true;
  for (const other of instruction.run?.commands ?? []) {
    if (other === command) break;
    const words = other.words;
    if ((words[0]?.value === 'export' || words[0]?.value === 'ENV') && words.slice(1).some((w) => w.raw.startsWith(prefix))) return true;
  }
  return false;
}

function normalisePath(path: string): string {
  let p = path.replace(/^~(?=\/|$)/, '/root').replace(/^\$\{?HOME\}?(?=\/|$)/, '/root');
  p = p.replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

/** True when `path` is `dir` or lies inside it. */
export function pathWithin(path: string, dir: string): boolean {
  const p = normalisePath(path);
  const d = normalisePath(dir);
  return p === d || d === '/' || p.startsWith(`${d}/`);
}

/** Targets of the RUN's `--mount=type=cache` flags. */
export function cacheMountTargets(instruction: Instruction): string[] {
  return (instruction.run?.mounts ?? []).filter((m) => m.type === 'cache' && m.target).map((m) => normalisePath(m.target!));
}

/** A cache mount whose target holds `path` (a mount on `/var/lib/apt` covers `/var/lib/apt/lists`). */
export function cacheMountCovers(instruction: Instruction, path: string): boolean {
  return cacheMountTargets(instruction).some((target) => pathWithin(path, target));
}

/** The program's base name: `/usr/bin/rm` → `rm`. */
export function programName(command: ShellCommand): string {
  const word = command.words[programIndex(command.words)];
  if (!word) return '';
  const slash = word.value.lastIndexOf('/');
  return slash < 0 ? word.value : word.value.slice(slash + 1);
}

/** Paths a command deletes: `rm` operands, and `find <path> … -delete` / `-exec rm`. */
export function deletedPaths(command: ShellCommand): string[] {
  const name = programName(command);
  const words = command.words.slice(programIndex(command.words) + 1).map((w) => w.value);
  if (name === 'rm') {
    const paths: string[] = [];
    let operandsOnly = false;
    for (const w of words) {
      if (!operandsOnly && w === '--') operandsOnly = true;
      else if (!operandsOnly && w.startsWith('-')) continue;
      else if (/^[0-9]*[<>]/.test(w)) break;
      else paths.push(w);
    }
    return paths;
  }
  if (name === 'find' && words.some((w) => w === '-delete' || w === 'rm')) {
    const start = words.filter((w) => !w.startsWith('-') && !w.startsWith('('));
    return start.length > 0 ? [start[0]] : [];
  }
  return [];
}

/** `rm` / `find -delete` of something under `dir`, in the commands after index `after`. */
export function deletesWithin(instruction: Instruction, dir: string, after = -1): boolean {
  const commands = instruction.run?.commands ?? [];
  return commands.some((c, i) => i > after && deletedPaths(c).some((p) => pathWithin(p, dir) || pathWithin(dir, p.replace(/\/\*$/, ''))));
}

/**
 * A command we cannot see into that may clean up: a script such as Kaggle's
 * `/tmp/clean-layer.sh`, or any program named like a cleanup. Rules stay quiet then.
 */
export function runsOpaqueCleanup(instruction: Instruction, after = -1): boolean {
  const commands = instruction.run?.commands ?? [];
  return commands.some((c, i) => i > after && (/clean/i.test(programName(c)) || /\.sh$/.test(programName(c))));
}

/** The heredoc whose script holds `offset`, if any. */
export function heredocAt(instruction: Instruction, offset: number): Heredoc | undefined {
  return instruction.heredocs.find((h) => offset >= h.bodyStart && offset <= h.bodyStart + h.body.length);
}

/**
 * Appends `command` to a RUN so it runs last: as a new line of the heredoc script that holds
 * `anchor` (when it is in one), otherwise after the last shell command, following the RUN's
 * continuation style (`\` then an indented `&& …` line, or `&& \` at line ends, or inline).
 * Undefined when there is no sensible place.
 */
export function appendToRun(model: DockerfileModel, instruction: Instruction, command: string, anchor?: ShellCommand): TextEdit | undefined {
  const run = instruction.run;
  if (!run || run.execForm) return undefined;
  const eol = lineEnding(model.text);
  const heredoc = anchor ? heredocAt(instruction, anchor.span.start) : undefined;
  if (heredoc) {
    if (!heredoc.terminated) return undefined;
    const end = heredoc.bodyStart + heredoc.body.length;
    const indent = heredoc.stripTabs ? leadingIndent(model, heredoc.bodyStart) : '';
    const needsNewline = heredoc.body.length > 0 && !heredoc.body.endsWith('\n');
    return { start: end, end, newText: `${needsNewline ? eol : ''}${indent}${command}${eol}` };
  }
  const shellCommands = run.commands.filter((c) => !heredocAt(instruction, c.span.start));
  const last = shellCommands[shellCommands.length - 1];
  if (!last) return undefined;
  // A heredoc fed to the last command (`python <<EOF`) would take the appended text as data.
  if (last.words.some((w) => w.raw.startsWith('<<'))) return undefined;
  const at = last.span.end;
  const operator = last.before === ';' ? ';' : '&&';
  const line = positionAt(model.lineStarts, last.span.start).line;
  if (line > instruction.line) {
    const lineStart = model.lineStarts[line];
    const lead = model.text.slice(lineStart, last.span.start);
    const indent = /^[ \t]*/.exec(lead)![0];
    const leadingOperator = /^[ \t]*(&&|;|\|\|)[ \t]*$/.exec(lead);
    if (leadingOperator) {
      const op = leadingOperator[1] === ';' ? ';' : '&&';
      return { start: at, end: at, newText: ` ${model.escape}${eol}${indent}${op} ${command}` };
    }
    if (lead.trim() === '') {
      return { start: at, end: at, newText: `${operator === ';' ? '' : ' '}${operator} ${model.escape}${eol}${indent}${command}` };
    }
  }
  return { start: at, end: at, newText: `${operator === ';' ? '' : ' '}${operator} ${command}` };
}

function leadingIndent(model: DockerfileModel, offset: number): string {
  const line = positionAt(model.lineStarts, offset).line;
  const start = model.lineStarts[line];
  return /^[ \t]*/.exec(model.text.slice(start))![0];
}

/** Removes an instruction's lines (and their line break) from the file. */
export function deleteInstruction(model: DockerfileModel, instruction: Instruction): TextEdit {
  const start = model.lineStarts[instruction.line];
  const next = instruction.endLine + 1 < model.lineStarts.length ? model.lineStarts[instruction.endLine + 1] : model.text.length;
  return { start, end: next, newText: '' };
}

/** The RUN's shell text of one command, as written, when it sits on a single line. */
export function commandText(model: DockerfileModel, command: ShellCommand): string | undefined {
  const text = model.text.slice(command.span.start, command.span.end);
  return /[\r\n]/.test(text) ? undefined : text;
}

/** The RUN holds exactly this one command (after an optional `set -e…`). */
export function aloneInRun(instruction: Instruction, command: ShellCommand): boolean {
  const commands = (instruction.run?.commands ?? []).filter((c) => c.words[0]?.value !== 'set' && !c.words.every((w) => w.raw.startsWith('<<')));
  return commands.length === 1 && commands[0] === command;
}

/** WORKDIR in effect at `before` along a chain, with `$VAR`s resolved; undefined when unknown. */
export function workdirAt(chain: Stage[], before: Instruction): string | undefined {
  let dir: string | undefined = '/';
  const values = new Map<string, string | undefined>();
  for (const instruction of chainInstructions(chain, before)) {
    if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
      for (const pair of instruction.pairs ?? []) values.set(pair.key, pair.value === undefined ? undefined : substitute(pair.value, values).text);
    }
    if (instruction.keyword === 'WORKDIR' && instruction.tokens[0]) {
      const raw = instruction.tokens[0].value;
      const { text, unresolved } = raw.includes('$') ? substitute(raw, values) : { text: raw, unresolved: false };
      dir = unresolved || dir === undefined ? undefined : joinPath(dir, text);
    }
  }
  return dir;
}

export interface Copied {
  instruction: Instruction;
  /** The resolved destination as written (a file or a directory). */
  dest: string;
  /** Paths the COPY certainly created (a file target, or the directory a directory was copied to). */
  exact: string[];
  /** Destination of a whole-context copy (`COPY . /app`): anything under it may come from the copy. */
  broadDest: string | undefined;
}

/** What a COPY/ADD created, as absolute paths; undefined when the destination is not known. */
export function readCopy(chain: Stage[], instruction: Instruction): Copied | undefined {
  if (instruction.heredocs.length > 0 || instruction.args.slice(instruction.bodyOffset).trim().startsWith('[')) return undefined;
  const tokens = instruction.tokens;
  if (tokens.length < 2) return undefined;
  const workdir = workdirAt(chain, instruction);
  if (workdir === undefined) return undefined;
  const values = variablesBefore(chain, instruction);
  const destRaw = tokens[tokens.length - 1].value;
  const { text: destText, unresolved } = destRaw.includes('$') ? substitute(destRaw, values) : { text: destRaw, unresolved: false };
  if (unresolved || destText.includes('*')) return undefined;
  const dest = joinPath(workdir, destText);
  const sources = tokens.slice(0, -1).map((t) => t.value);
  // Docker copies into a directory when the destination ends with `/`, there are several sources, or it already exists (`.`).
  const intoDirectory = destText.endsWith('/') || sources.length > 1 || dest === workdir || /^\.\.?$/.test(destText);
  const exact: string[] = [];
  let broadDest: string | undefined;
  const concrete: string[] = [];
  for (const source of sources) {
    const trimmed = source.replace(/\/+$/, '');
    if (trimmed === '' || trimmed === '.' || trimmed === '*' || trimmed === './*') broadDest = dest === '/' ? undefined : dest;
    else if (!/[*?[]/.test(trimmed) && !/^[a-z]+:\/\//i.test(trimmed)) concrete.push(trimmed);
  }
  for (const source of concrete) exact.push(intoDirectory ? joinPath(dest, source.slice(source.lastIndexOf('/') + 1)) : dest);
  // A directory source's contents land in the destination, which the copy creates.
  if (concrete.length === 1 && sources.length === 1 && intoDirectory && dest !== workdir && dest !== '/') exact.push(dest);
  return { instruction, dest, exact, broadDest };
}


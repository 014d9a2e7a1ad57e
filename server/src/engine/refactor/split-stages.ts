// Split into builder/runtime stages: rewrites a single-stage Python Dockerfile
// into a builder that installs the dependencies into a virtual environment
// (with whatever compilers and headers the file installs) and a runtime stage
// on a slim base that copies only that environment, installs only the shared
// libraries the headers stood for, and runs as a non-root user
// (../shared/docs/knowledge.md §2, §6).
//
// Original instructions are copied verbatim (source slices, continuation
// lines and preceding comments included); only the generated lines are new.

import { describePythonImage, DEBIAN_RELEASES, DEFAULT_DEBIAN_RELEASE, debianRelease, slimTag } from '../knowledge/base-images';
import type { PythonImage } from '../knowledge/base-images';
import { ALPINE_BUILD_TOOLS, DEBIAN_BUILD_TOOLS, isBuildOnlyPackage, isHeaderPackage, runtimeLibraryFor, stripVersion } from '../knowledge/packages';
import { joinPath } from '../model/paths';
import { isInstall, isPythonDependencyInstall, optionValue, packagesRemovedInRun, programIndex } from '../model/packages';
import { toSourceOffset, toSourceSpan } from '../model/parse';
import { isJsonArray, splitShell } from '../model/shell';
import { substitute } from '../model/stages';
import { lineEnding } from '../model/text';
import type { DockerfileModel, Instruction, PackageInvocation, ShellCommand, ShellWord, Span, Stage } from '../model/types';
import type { Refactoring, RefactoringResult } from './types';

const TITLE = 'Split into builder/runtime stages';
const DEFAULT_VENV = '/opt/venv';
const USER_NAME = 'app';
const USER_ID = 10001;

/** Where an instruction of the original stage belongs; see `inBuilder` / `inRuntime`. */
type Role =
  | 'install' // RUN with a Python dependency install
  | 'system' // RUN of apt/apk calls and their cache cleanup only
  | 'setup' // ENV, ARG, WORKDIR, SHELL
  | 'runtime' // metadata and start-up: CMD, USER, EXPOSE, …
  | 'run' // any other RUN
  | 'copy' // COPY/ADD from the build context
  | 'copy-image'; // COPY --from=<image>

const SETUP_KEYWORDS = new Set(['ENV', 'ARG', 'WORKDIR', 'SHELL']);
const USER_TOOLS = new Set(['useradd', 'adduser', 'groupadd', 'addgroup']);
const CACHE_PATHS = ['/var/lib/apt/lists', '/var/cache/apt', '/var/cache/apk'];
const VENV_VALUE_OPTIONS = new Set(['-p', '--python', '--prompt']);
/** `uv run` / `poetry run` options that take the next word as their value. */
const RUN_VALUE_OPTIONS = new Set([
  '--with', '--with-editable', '--with-requirements', '--extra', '--group', '--only-group', '--no-group', '--package', '--python', '-p',
  '--env-file', '--directory', '--project', '--index', '--index-url', '--extra-index-url', '-i', '-C', '-P',
]);

/** An output line group: an instruction (original or generated) with the comment lines that precede it. */
interface Item {
  comments: string[];
  /** Instruction text; empty for a comment-only item. */
  text: string;
  keyword: string;
  /** COPY --from=<image> kept in the runtime only if a runtime command uses one of these programs. */
  programs?: string[];
}

interface Scope {
  /** ENV and ARG values known before the instruction (expansions resolved where possible). */
  values: Map<string, string | undefined>;
  workdir: string;
}

interface Venv {
  path: string;
  /** No venv exists yet: create one before the first install. */
  create: boolean;
  /** Nothing activates the venv in the builder yet: add the ENV line. */
  activate: boolean;
}

interface SystemInstall {
  manager: 'apt' | 'apk';
  packages: string[];
  /** Header packages with no known runtime library. */
  unknownHeaders: string[];
  /** Instruction index where the runtime's install goes. */
  at: number;
}

interface Context {
  model: DockerfileModel;
  stage: Stage;
  eol: string;
  notes: string[];
  roles: Role[];
  scopes: Scope[];
  comments: string[][];
  firstInstall: number;
  lastInstall: number;
  builderName: string;
  venv: Venv;
  system: SystemInstall | undefined;
  alpine: boolean;
  addUser: boolean;
}

export const splitStages: Refactoring = {
  id: 'split-stages',
  title: TITLE,
  resolves: ['single-stage-build-tools', 'full-base-image', 'root-user'],
  compute(model): RefactoringResult | undefined {
    const stage = splittableStage(model);
    if (!stage) return undefined;
    const context = analyse(model, stage);
    const builder = render(builderStage(context), context.eol);
    const runtime = render(runtimeStage(context), context.eol);
    return {
      title: TITLE,
      // The base image, the user and the installed files all change: review it.
      safe: false,
      edits: [{ start: stage.span.start, end: stage.span.end, newText: builder + context.eol + context.eol + runtime }],
      notes: context.notes,
    };
  },
};

/** The one stage of a file this applies to: not scratch, and installing Python dependencies. */
function splittableStage(model: DockerfileModel): Stage | undefined {
  if (model.problems.length > 0 || model.stages.length !== 1) return undefined;
  const stage = model.stages[0];
  if (stage.image.scratch || stage.from.tokens.length === 0) return undefined;
  return stage.instructions.some(isDependencyInstallRun) ? stage : undefined;
}

function isDependencyInstallRun(instruction: Instruction): boolean {
  return instruction.run?.packages.some(isPythonDependencyInstall) ?? false;
}

function analyse(model: DockerfileModel, stage: Stage): Context {
  const roles = stage.instructions.map(roleOf);
  const installs = roles.flatMap((role, index) => (role === 'install' ? [index] : []));
  const scopes = scopesOf(model, stage);
  const release = releaseOf(stage);
  const context: Context = {
    model,
    stage,
    eol: lineEnding(model.text),
    notes: [],
    roles,
    scopes,
    comments: leadingComments(model, stage),
    firstInstall: installs[0],
    lastInstall: installs[installs.length - 1],
    builderName: stage.name?.toLowerCase() === 'builder' ? 'builder-1' : 'builder',
    venv: chooseVenv(stage, scopes, installs),
    system: undefined,
    alpine: isAlpine(stage),
    addUser: false,
  };
  context.system = systemInstall(context, release);
  context.addUser = shouldAddUser(context);
  noteBuilderOnlyPackages(context);
  noteVenvModule(context);
  noteEnvironmentOverrides(context);
  return context;
}

function roleOf(instruction: Instruction): Role {
  switch (instruction.keyword) {
    case 'RUN':
      if (isDependencyInstallRun(instruction)) return 'install';
      return isSystemRun(instruction) ? 'system' : 'run';
    case 'COPY':
    case 'ADD':
      return instruction.flags.some((f) => f.name === 'from') ? 'copy-image' : 'copy';
    default:
      return SETUP_KEYWORDS.has(instruction.keyword) ? 'setup' : 'runtime';
  }
}

function inBuilder(context: Context, index: number): boolean {
  const role = context.roles[index];
  if (role === 'install' || role === 'system') return true;
  if (role === 'runtime') return false;
  return index < context.lastInstall;
}

function inRuntime(context: Context, index: number): boolean {
  const instruction = context.stage.instructions[index];
  const afterInstalls = index > context.lastInstall;
  switch (context.roles[index]) {
    case 'install':
    case 'system':
      return false;
    case 'setup':
    case 'runtime':
      return true;
    case 'copy-image':
      // Before the last install it stays only if a runtime command uses what it copies (see dropUnusedToolCopies).
      return true;
    case 'run':
      return afterInstalls || createsUser(instruction);
    case 'copy':
      // The app's own files are needed in both (`COPY . .` before `pip install .`); manifests only to install.
      return afterInstalls || !copiesOnlyManifests(instruction);
  }
}

// ---------------------------------------------------------------------------
// The two stages

function builderStage(context: Context): Item[] {
  const { stage } = context;
  const asWord = stage.name !== undefined ? stage.from.tokens[1].raw : 'AS';
  const image = stage.from.tokens[0];
  const from = `${context.model.text.slice(stage.from.span.start, image.span.end)} ${asWord} ${context.builderName}`;
  const items: Item[] = [generated(from, 'FROM')];
  stage.instructions.forEach((instruction, index) => {
    if (index === context.firstInstall) items.push(...venvSetup(context));
    if (!inBuilder(context, index)) return;
    const text = context.roles[index] === 'install' ? builderInstallText(context, instruction) : sourceText(context, instruction);
    items.push({ comments: context.comments[index], text, keyword: instruction.keyword });
  });
  return items;
}

/** Where the runtime copies the venv: at the first install, or before an earlier copy of the sources so code edits keep the venv layer cached. */
function venvCopyIndex(context: Context): number {
  const { instructions } = context.stage;
  for (let index = 0; index < context.firstInstall; index++) {
    const instruction = instructions[index];
    const isSourceCopy = (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && !instruction.flags.some((f) => f.name === 'from');
    if (isSourceCopy && inRuntime(context, index)) return index;
  }
  return context.firstInstall;
}

function runtimeStage(context: Context): Item[] {
  const { stage } = context;
  const items: Item[] = [];
  const venvAt = venvCopyIndex(context);
  stage.instructions.forEach((instruction, index) => {
    if (index === context.system?.at) items.push(runtimeSystemInstall(context, context.system));
    if (index === venvAt) items.push(...venvCopy(context));
    if (!inRuntime(context, index)) return;
    const item: Item = { comments: context.comments[index], text: runtimeText(context, instruction), keyword: instruction.keyword };
    if (context.roles[index] === 'copy-image' && index < context.lastInstall) item.programs = copiedPrograms(instruction);
    items.push(item);
  });
  const kept = dropUnusedToolCopies(items);
  if (context.addUser) {
    // After the last filesystem change, so later RUNs do not fail on root-owned files.
    let last = kept.length - 1;
    while (last >= 0 && !['RUN', 'COPY', 'ADD'].includes(kept[last].keyword)) last--;
    kept.splice(last + 1, 0, generated(`USER ${USER_NAME}`, 'USER'));
  }
  return [generated(runtimeFrom(context), 'FROM'), ...kept];
}

function render(items: Item[], eol: string): string {
  return items.flatMap((item) => [...item.comments, item.text].filter((line) => line !== '')).join(eol);
}

function generated(text: string, keyword: string, comments: string[] = []): Item {
  return { comments, text, keyword };
}

function activation(venv: string): string {
  return `ENV VIRTUAL_ENV=${venv} PATH="${venv}/bin:$PATH"`;
}

/** Builder lines before the first install: create and activate the venv the installs go into. */
function venvSetup(context: Context): Item[] {
  const { venv } = context;
  const items: Item[] = [];
  if (venv.create) items.push(generated(`RUN python3 -m venv ${venv.path}`, 'RUN'));
  if (venv.activate) items.push(generated(activation(venv.path), 'ENV'));
  return items;
}

/** Runtime lines at the first install: the venv (and any --target/--prefix directory), then the user. */
function venvCopy(context: Context): Item[] {
  const from = `--from=${context.builderName}`;
  const items = [generated(`COPY ${from} ${context.venv.path} ${context.venv.path}`, 'COPY'), generated(activation(context.venv.path), 'ENV')];
  for (const directory of installTargets(context)) items.push(generated(`COPY ${from} ${directory} ${directory}`, 'COPY'));
  if (context.addUser) {
    const create = context.alpine ? `RUN adduser -D -u ${USER_ID} ${USER_NAME}` : `RUN useradd --create-home --uid ${USER_ID} ${USER_NAME}`;
    items.push(generated(create, 'RUN'));
  }
  return items;
}

/** Drops COPY --from=<image> items whose programs no runtime RUN/CMD/ENTRYPOINT/HEALTHCHECK mentions. */
function dropUnusedToolCopies(items: Item[]): Item[] {
  const used = new Set(
    items
      .filter((item) => ['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(item.keyword))
      .flatMap((item) => item.text.split(/[^\w.+-]+/)),
  );
  return items.filter((item) => item.programs === undefined || item.programs.some((p) => used.has(p)));
}

// ---------------------------------------------------------------------------
// Instruction text

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** The instruction as written (with its indentation), with replacements applied. */
function sourceText(context: Context, instruction: Instruction, replacements: Replacement[] = []): string {
  const { text, lineStarts } = context.model;
  let out = '';
  let cursor = lineStarts[instruction.line];
  for (const r of [...replacements].sort((a, b) => a.start - b.start)) {
    out += text.slice(cursor, r.start) + r.text;
    cursor = r.end;
  }
  return out + text.slice(cursor, instruction.span.end);
}

/** Builder copy of an install RUN: `--user` / `--system` would install outside the venv. */
function builderInstallText(context: Context, instruction: Instruction): string {
  const removals: Replacement[] = [];
  for (const invocation of instruction.run?.packages ?? []) {
    if (!isPythonDependencyInstall(invocation)) continue;
    const flag = invocation.manager === 'pip' ? '--user' : invocation.program === 'uv pip' ? '--system' : undefined;
    const flags = invocation.options.filter((option) => option.value === flag);
    if (flags.length === 0) continue;
    for (const option of flags) removals.push({ ...wordRemoval(context.model, option.span), text: '' });
    context.notes.push(
      `Removed \`${flag}\` from \`${invocation.program} ${invocation.subcommand}\` (line ${instruction.line + 1}): ` +
        'it conflicts with the virtual environment, which the dependencies now go into.',
    );
  }
  return sourceText(context, instruction, removals);
}

/** What to delete to remove one word and the white space that separated it, keeping continuation lines well formed. */
function wordRemoval(model: DockerfileModel, span: Span): Span {
  const { text, escape } = model;
  const blank = (c: string | undefined) => c === ' ' || c === '\t';
  let start = span.start;
  while (blank(text[start - 1])) start--;
  // `pip install --user -r x`: drop the word and the space before it.
  if (start > 0 && text[start - 1] !== '\n') return { start, end: span.end };
  let end = span.end;
  while (blank(text[end])) end++;
  if (text[end] === escape) {
    // The word is alone on a continuation line: drop the whole line.
    const newline = text.indexOf('\n', end);
    return { start, end: newline < 0 ? text.length : newline + 1 };
  }
  if (end < text.length && text[end] !== '\r' && text[end] !== '\n') return { start: span.start, end };
  // Alone on the last line: drop it together with the previous line's continuation.
  let previous = start - 1;
  if (text[previous - 1] === '\r') previous--;
  while (blank(text[previous - 1])) previous--;
  if (text[previous - 1] !== escape) return { start: span.start, end: span.end };
  previous--;
  while (blank(text[previous - 1])) previous--;
  return { start: previous, end: span.end };
}

/** Runtime copy: `uv run` / `poetry run` prefixes go, since neither tool is in the runtime and the venv is on PATH. */
function runtimeText(context: Context, instruction: Instruction): string {
  if (!['CMD', 'ENTRYPOINT', 'RUN'].includes(instruction.keyword)) return sourceText(context, instruction);
  const body = instruction.args.slice(instruction.bodyOffset);
  const replacements = isJsonArray(body) ? execFormRewrite(context, instruction, body) : shellFormRewrites(context, instruction);
  return sourceText(context, instruction, replacements);
}

function execFormRewrite(context: Context, instruction: Instruction, body: string): Replacement[] {
  const words = JSON.parse(body.trim()) as string[];
  const command = runPrefixEnd(words, 0);
  if (command === undefined) return [];
  noteRunPrefix(context, instruction, words.slice(0, command).join(' '));
  const rewritten = [...(words[command].endsWith('.py') ? ['python'] : []), ...words.slice(command)];
  const separator = /",\s/.test(body) ? ', ' : ',';
  const start = toSourceOffset(instruction.map, instruction.bodyOffset);
  return [{ start, end: instruction.span.end, text: `[${rewritten.map((w) => JSON.stringify(w)).join(separator)}]` }];
}

function shellFormRewrites(context: Context, instruction: Instruction): Replacement[] {
  const commands: ShellCommand[] =
    instruction.run?.commands ??
    splitShell(instruction.args, instruction.bodyOffset, instruction.args.length, (s, e) => toSourceSpan(instruction, s, e));
  const replacements: Replacement[] = [];
  for (const { words } of commands) {
    const program = programIndex(words);
    const command = runPrefixEnd(
      words.map((w) => w.value),
      program,
    );
    if (command === undefined) continue;
    noteRunPrefix(context, instruction, words.slice(program, command).map((w) => w.raw).join(' '));
    const python = words[command].value.endsWith('.py') ? 'python ' : '';
    replacements.push({ start: words[program].span.start, end: words[command].span.start, text: python });
  }
  return replacements;
}

/** Index of the command after a `uv run` / `poetry run` prefix (and its options) at `program`. */
function runPrefixEnd(words: string[], program: number): number | undefined {
  const tool = baseName(words[program] ?? '');
  if ((tool !== 'uv' && tool !== 'poetry') || words[program + 1] !== 'run') return undefined;
  let k = program + 2;
  while (k < words.length && words[k].startsWith('-')) {
    const option = words[k++];
    if (!option.includes('=') && RUN_VALUE_OPTIONS.has(option)) k++;
  }
  return k < words.length ? k : undefined;
}

function noteRunPrefix(context: Context, instruction: Instruction, prefix: string): void {
  const tool = prefix.split(' ')[0];
  context.notes.push(
    `Dropped \`${prefix}\` from ${instruction.keyword} (line ${instruction.line + 1}): ${baseName(tool)} is not in the runtime stage, ` +
      'and the virtual environment is on PATH.',
  );
}

// ---------------------------------------------------------------------------
// FROM lines

function runtimeFrom(context: Context): string {
  const { stage, model } = context;
  const image = stage.from.tokens[0];
  const name = stage.name !== undefined ? ` ${stage.from.tokens[1].raw} ${stage.from.tokens[2].raw}` : '';
  return `${model.text.slice(stage.from.span.start, image.span.start)}${runtimeImage(context)}${name}`;
}

/** The runtime base, worked out on the raw text so ARG references in the tag survive. */
function runtimeImage(context: Context): string {
  const { stage, notes } = context;
  const raw = stage.from.tokens[0].raw;
  const info = describePythonImage(stage.image);
  if (!info || info.libc !== 'glibc' || info.variant === 'slim') {
    if (info?.libc === 'musl') {
      notes.push(`The runtime stage stays on \`${raw}\`: a virtual environment built against musl cannot run on a glibc (slim) image.`);
    }
    return raw;
  }
  const { name, tag, digest } = splitImage(raw);
  let slim = `${name}:${slimTagText(tag)}`;
  const wanted = slimTag(info) ?? 'slim';
  const globals = globalArgValues(context.model);
  const resolved = substitute(slimTagText(tag), globals);
  if (stage.image.unresolved) {
    notes.push(`The base tag depends on an ARG without a default: check that \`${slim}\` names an existing slim tag.`);
  } else if (resolved.text !== wanted) {
    // e.g. the whole tag is one ARG holding `3.12-bookworm`: appending `-slim` would name a tag that does not exist.
    slim = `${name}:${wanted}`;
    notes.push(`The runtime base is written out as \`${slim}\`: the ARG in the original tag could not carry the slim variant.`);
  }
  if (digest) notes.push(`The original base was pinned by digest; pin \`${slim}\` by its own digest as well.`);
  notes.push(
    `The runtime stage starts from \`${slim}\` instead of \`${raw}\`: it lacks the full image's compilers, headers and tools (git, curl, …). ` +
      'If a package built from source links to a library the file does not install, add that library to the runtime stage.',
  );
  return slim;
}

/** `3.12` → `3.12-slim`, `${V}-bookworm` → `${V}-slim-bookworm`, `latest` → `slim`. */
function slimTagText(tag: string | undefined): string {
  if (tag === undefined || tag === '' || tag === 'latest') return 'slim';
  const releases = DEBIAN_RELEASES as readonly string[];
  if (releases.includes(tag)) return `slim-${tag}`;
  const m = new RegExp(`^(.*)-(${releases.join('|')})$`).exec(tag);
  return m ? `${m[1]}-slim-${m[2]}` : `${tag}-slim`;
}

/** Splits `name:tag@digest`, ignoring colons inside `${…}` and in a registry port. */
function splitImage(raw: string): { name: string; tag: string | undefined; digest: string | undefined } {
  let depth = 0;
  let colon = -1;
  let at = -1;
  for (let i = 0; i < raw.length && at < 0; i++) {
    const c = raw[i];
    if (c === '$' && raw[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}' && depth > 0) depth--;
    else if (depth > 0) continue;
    else if (c === '/') colon = -1;
    else if (c === ':') colon = i;
    else if (c === '@') at = i;
  }
  const ref = at < 0 ? raw : raw.slice(0, at);
  const digest = at < 0 ? undefined : raw.slice(at + 1);
  return colon < 0 ? { name: ref, tag: undefined, digest } : { name: ref.slice(0, colon), tag: ref.slice(colon + 1), digest };
}

function globalArgValues(model: DockerfileModel): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>();
  for (const arg of model.globalArgs) {
    for (const pair of arg.pairs ?? []) values.set(pair.key, pair.value === undefined ? undefined : substitute(pair.value, values).text);
  }
  return values;
}

// ---------------------------------------------------------------------------
// Facts about the original stage

/** ENV/ARG values and the WORKDIR in effect before each instruction. */
function scopesOf(model: DockerfileModel, stage: Stage): Scope[] {
  const globals = globalArgValues(model);
  const values = new Map<string, string | undefined>();
  let workdir = '/';
  return stage.instructions.map((instruction) => {
    const scope = { values: new Map(values), workdir };
    if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
      for (const pair of instruction.pairs ?? []) {
        const value = pair.value === undefined ? (instruction.keyword === 'ARG' ? globals.get(pair.key) : undefined) : substitute(pair.value, values).text;
        values.set(pair.key, value);
      }
    }
    if (instruction.keyword === 'WORKDIR') {
      const raw = instruction.tokens.map((t) => t.value).join(' ');
      const resolved = substitute(raw, values);
      workdir = joinPath(workdir, resolved.unresolved ? raw : resolved.text);
    }
    return scope;
  });
}

function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Comment lines between the previous instruction (or the FROM) and each instruction, verbatim. */
function leadingComments(model: DockerfileModel, stage: Stage): string[][] {
  const { comments, text, lineStarts } = model;
  let c = 0;
  let previousEnd = stage.from.span.end;
  return stage.instructions.map((instruction) => {
    const lines: string[] = [];
    while (c < comments.length && comments[c].span.start < instruction.span.start) {
      const comment = comments[c++];
      // Comments before the FROM stay in place; those inside a continuation are part of the instruction text.
      if (comment.span.start > previousEnd) lines.push(text.slice(lineStarts[comment.line], comment.span.end));
    }
    previousEnd = instruction.span.end;
    return lines;
  });
}

function chooseVenv(stage: Stage, scopes: Scope[], installs: number[]): Venv {
  for (const index of installs) {
    for (const invocation of stage.instructions[index].run?.packages ?? []) {
      if (invocation.manager !== 'uv' || invocation.program !== 'uv' || invocation.subcommand !== 'sync') continue;
      // `uv sync` installs into the project's own environment; it creates it itself.
      const scope = scopes[index];
      const project = joinPath(scope.workdir, optionValue(invocation, '--directory', '--project') ?? '.');
      const configured = scope.values.get('UV_PROJECT_ENVIRONMENT');
      return { path: joinPath(project, configured || '.venv'), create: false, activate: false };
    }
  }
  const declared = declaredVenv(stage, scopes, installs[0]);
  if (declared) {
    const path = scopes[installs[0]].values.get('PATH') ?? '';
    return { path: declared, create: false, activate: !path.includes(`${declared}/bin`) };
  }
  return { path: DEFAULT_VENV, create: true, activate: true };
}

/** A venv the file already creates (`python -m venv`, `virtualenv`, `uv venv`) up to the first install. */
function declaredVenv(stage: Stage, scopes: Scope[], firstInstall: number): string | undefined {
  for (let index = 0; index <= firstInstall; index++) {
    for (const command of stage.instructions[index].run?.commands ?? []) {
      const directory = venvDirectory(command.words);
      if (directory === undefined) continue;
      const resolved = substitute(directory, scopes[index].values);
      if (!resolved.unresolved) return joinPath(scopes[index].workdir, resolved.text);
    }
  }
  return undefined;
}

function venvDirectory(words: ShellWord[]): string | undefined {
  const p = programIndex(words);
  const values = words.map((w) => w.value);
  const program = baseName(values[p] ?? '');
  let rest: string[];
  if (/^python(3(\.\d+)?)?$/.test(program)) {
    const m = values.indexOf('-m', p + 1);
    if (m < 0 || values[m + 1] !== 'venv') return undefined;
    rest = values.slice(m + 2);
  } else if (program === 'virtualenv') rest = values.slice(p + 1);
  else if (program === 'uv' && values[p + 1] === 'venv') rest = values.slice(p + 2);
  else return undefined;
  for (let i = 0; i < rest.length; i++) {
    if (!rest[i].startsWith('-')) return rest[i];
    if (VENV_VALUE_OPTIONS.has(rest[i])) i++;
  }
  return program === 'uv' ? '.venv' : undefined;
}

/** `--target` / `--prefix` directories of the installs: outside the venv, so the runtime copies them too. */
function installTargets(context: Context): string[] {
  const directories: string[] = [];
  context.stage.instructions.forEach((instruction, index) => {
    for (const invocation of instruction.run?.packages ?? []) {
      if (!isPythonDependencyInstall(invocation)) continue;
      const target = optionValue(invocation, '--target', '-t', '--prefix');
      if (target === undefined) continue;
      const resolved = substitute(target, context.scopes[index].values);
      const directory = joinPath(context.scopes[index].workdir, resolved.unresolved ? target : resolved.text);
      if (directories.includes(directory)) continue;
      directories.push(directory);
      context.notes.push(
        `\`${invocation.program} ${invocation.subcommand}\` (line ${instruction.line + 1}) installs into \`${directory}\`, ` +
          'outside the virtual environment: the runtime stage copies that directory as well.',
      );
    }
  });
  return directories;
}

function isSystemRun(instruction: Instruction): boolean {
  const run = instruction.run;
  if (!run || run.execForm || run.commands.length === 0) return false;
  const managed = new Set(run.packages.filter((p) => p.manager === 'apt' || p.manager === 'apk').map((p) => p.command));
  return run.commands.every((command) => managed.has(command) || isCacheCleanup(command) || isShellOption(command) || isHeredocFeed(command));
}

/** `RUN <<EOF`: the line that feeds a heredoc script to the shell (the script's own commands follow). */
function isHeredocFeed(command: ShellCommand): boolean {
  return command.words.every((w) => w.raw.startsWith('<<'));
}

/** `rm -rf /var/lib/apt/lists/*` and the like. */
function isCacheCleanup(command: ShellCommand): boolean {
  const words = command.words.slice(programIndex(command.words));
  if (words[0]?.value !== 'rm') return false;
  const paths = words.slice(1).filter((w) => !w.value.startsWith('-'));
  return paths.length > 0 && paths.every((w) => CACHE_PATHS.some((cache) => w.value.startsWith(cache)));
}

/** `set -eux` */
function isShellOption(command: ShellCommand): boolean {
  return command.words[0]?.value === 'set';
}

function createsUser(instruction: Instruction): boolean {
  return (instruction.run?.commands ?? []).some((c) => USER_TOOLS.has(baseName(c.words[programIndex(c.words)]?.value ?? '')));
}

/** Only dependency manifests: requirements files, pyproject.toml, lock files, setup.py/cfg, Pipfile. */
function copiesOnlyManifests(instruction: Instruction): boolean {
  if (instruction.heredocs.length > 0) return false;
  const sources = instruction.tokens.slice(0, -1).map((t) => t.value);
  return sources.length > 0 && sources.every(isManifest);
}

function isManifest(path: string): boolean {
  const name = baseName(path);
  return (
    /^requirements.*\.txt$/.test(name) ||
    /(^|\/)requirements\/[^/]*\.txt$/.test(path) ||
    name === 'requirements' ||
    name === 'pyproject.toml' ||
    name.endsWith('.lock') ||
    name === 'setup.py' ||
    name === 'setup.cfg' ||
    name.startsWith('Pipfile')
  );
}

/** Base names of what a COPY --from copies: `/uv /uvx /bin/` → uv, uvx. */
function copiedPrograms(instruction: Instruction): string[] {
  return instruction.tokens.slice(0, -1).map((t) => baseName(t.value));
}

function isAlpine(stage: Stage): boolean {
  const { repository } = stage.image;
  if (describePythonImage(stage.image)?.libc === 'musl' || repository === 'alpine' || repository.endsWith('/alpine')) return true;
  return stage.instructions.some((i) => i.run?.packages.some((p) => p.manager === 'apk'));
}

/** Debian release of the base, for runtime library names (they changed with trixie's t64 transition). */
function releaseOf(stage: Stage): string {
  const info: PythonImage | undefined = describePythonImage(stage.image);
  if (info) return debianRelease(info);
  if (stage.image.repository === 'debian') {
    const release = (stage.image.tag ?? '').split('-')[0];
    if ((DEBIAN_RELEASES as readonly string[]).includes(release)) return release;
  }
  return DEFAULT_DEBIAN_RELEASE;
}

// ---------------------------------------------------------------------------
// System packages

function isSystemPackageInstall(invocation: PackageInvocation): boolean {
  return (invocation.manager === 'apt' || invocation.manager === 'apk') && isInstall(invocation);
}

/**
 * The runtime's one install: packages of the system and install RUNs that are not build-only, plus the
 * runtime library of each header package. Goes where the first of those RUNs was.
 */
function systemInstall(context: Context, release: string): SystemInstall | undefined {
  const packages = new Set<string>();
  const unknownHeaders = new Set<string>();
  let manager: 'apt' | 'apk' | undefined;
  let at: number | undefined;
  context.stage.instructions.forEach((instruction, index) => {
    const role = context.roles[index];
    if (role !== 'system' && role !== 'install') return;
    const removed = packagesRemovedInRun(instruction);
    for (const invocation of instruction.run?.packages ?? []) {
      if (!isSystemPackageInstall(invocation)) continue;
      at ??= index;
      manager ??= invocation.manager === 'apk' ? 'apk' : 'apt';
      const libc = invocation.manager === 'apk' ? 'musl' : 'glibc';
      const tools = libc === 'musl' ? ALPINE_BUILD_TOOLS : DEBIAN_BUILD_TOOLS;
      for (const word of invocation.packages) {
        const name = stripVersion(word.value);
        if (word.value.includes('$')) {
          context.notes.push(`\`${word.raw}\` (line ${instruction.line + 1}) is installed in the builder only: add what it names to the runtime stage if the app needs it at run time.`);
        } else if (tools.has(name)) {
          continue;
        } else if (isHeaderPackage(name)) {
          const library = runtimeLibraryFor(name, libc, release);
          if (library) packages.add(library);
          else unknownHeaders.add(name);
        } else if (!removed.has(name)) {
          packages.add(word.value);
        }
      }
    }
  });
  if (at === undefined || manager === undefined) return undefined;
  for (const header of unknownHeaders) {
    context.notes.push(`No runtime library is known for \`${header}\`: add the library it stands for to the runtime stage if the app needs it.`);
  }
  return { manager, packages: [...packages].sort(), unknownHeaders: [...unknownHeaders].sort(), at };
}

function runtimeSystemInstall(context: Context, system: SystemInstall): Item {
  const comments = system.unknownHeaders.map((h) => `# ${h}: no runtime library known; add it here if the app needs one`);
  if (system.packages.length === 0) return generated('', '', comments);
  const names = system.packages.join(' ');
  if (system.manager === 'apk') return generated(`RUN apk add --no-cache ${names}`, 'RUN', comments);
  const next = ` ${context.model.escape}${context.eol}    && `;
  return generated(`RUN apt-get update${next}apt-get install -y --no-install-recommends ${names}${next}rm -rf /var/lib/apt/lists/*`, 'RUN', comments);
}

// ---------------------------------------------------------------------------
// Notes and the user

/** A new user only where the file has none: an existing user without USER may be deliberate (gosu, su-exec). */
function shouldAddUser(context: Context): boolean {
  const { stage, notes } = context;
  if (stage.instructions.some((i) => i.keyword === 'USER')) return false;
  if (stage.instructions.some(createsUser)) {
    notes.push('The file creates a user but never switches to it with USER: the runtime stage leaves that as it was.');
    return false;
  }
  notes.push(
    `The runtime stage runs as a new non-root user \`${USER_NAME}\` (uid ${USER_ID}): files the app writes at run time ` +
      `must be in a directory that user owns (\`COPY --chown=${USER_NAME}:${USER_NAME}\`).`,
  );
  return true;
}

/** Other RUNs that stay in the builder but install system packages. */
function noteBuilderOnlyPackages(context: Context): void {
  context.stage.instructions.forEach((instruction, index) => {
    if (context.roles[index] !== 'run' || inRuntime(context, index)) return;
    const names = (instruction.run?.packages ?? [])
      .filter(isSystemPackageInstall)
      .flatMap((p) => p.packages.filter((w) => !isBuildOnlyPackage(w.value, p.manager === 'apk' ? 'musl' : 'glibc')).map((w) => w.value));
    if (names.length === 0) return;
    context.notes.push(
      `The RUN on line ${instruction.line + 1} stays in the builder: install ${names.map((n) => `\`${n}\``).join(', ')} ` +
        'in the runtime stage too if the app needs it at run time.',
    );
  });
}

/** Debian and Ubuntu ship Python's venv module in a separate package. */
function noteVenvModule(context: Context): void {
  if (!describePythonImage(context.stage.image) && context.venv.create && !context.alpine) {
    const packages = context.stage.instructions.flatMap((i) => (i.run?.packages ?? []).filter(isSystemPackageInstall).flatMap((p) => p.packages));
    if (!packages.some((p) => /^python3(\.\d+)?-venv$/.test(stripVersion(p.value)))) {
      context.notes.push('`python3 -m venv` needs the `python3-venv` package on Debian and Ubuntu: install it in the builder if the base lacks it.');
    }
  }
}

/** ENV settings that send installs past the venv. */
function noteEnvironmentOverrides(context: Context): void {
  context.stage.instructions.forEach((instruction, index) => {
    if (instruction.keyword !== 'ENV' || index > context.lastInstall) return;
    for (const pair of instruction.pairs ?? []) {
      if (pair.key !== 'PIP_USER' && pair.key !== 'UV_SYSTEM_PYTHON') continue;
      context.notes.push(`\`${pair.key}\` (line ${instruction.line + 1}) may make installs bypass the virtual environment: remove it.`);
    }
  });
}

// Where the Dockerfile meets the build context: which context files its COPY,
// ADD, bind mounts and `pip install -r` lines name (so a loader reads only
// those), where a path inside the image came from in the context, and which
// Python packages an install brings in according to the requirement, pyproject
// and lock files.

import { hasOption, optionValue } from '../model/packages';
import { joinPath } from '../model/paths';
import { stageChain, workdirAt } from '../model/stages';
import type { DockerfileModel, Instruction, PackageInvocation, Stage } from '../model/types';
import { cleanPath, globMatches, hasWildcard } from './dockerignore';
import { readPipfileLock, readPoetryLock, readUvLock, lockedInstall, type LockedPackage, type LockFile } from './locks';
import { appliesOnLinux, parseDependency, type MarkerEnvironment, LINUX_ENVIRONMENT } from './pep508';
import { readPyproject, type Pyproject } from './pyproject';
import { parsedFile } from './memo';
import { readRequirements } from './requirements';
import type { BuildContext } from './types';

/** Manifest files a Python project keeps at its root. */
export const PROJECT_MANIFESTS = ['pyproject.toml', 'uv.lock', 'poetry.lock', 'Pipfile.lock'] as const;

/** Names worth reading when a COPY or mount names them: requirement, constraint and project files. */
export function isManifestName(path: string): boolean {
  const base = path.split('/').pop() ?? '';
  return /\.(txt|in)$/i.test(base) || (PROJECT_MANIFESTS as readonly string[]).includes(base) || base === 'Pipfile';
}

/** A COPY/ADD from the context (not another stage or image): its sources (context-relative) and destination. */
export interface ContextCopy {
  instruction: Instruction;
  sources: string[];
  /** As written; resolved against the WORKDIR with `imagePath`. */
  destination: string;
}

/** Operands of a COPY/ADD, exec form (`COPY ["a", "b/"]`) or not; heredoc sources are left out. */
export function copyOperands(instruction: Instruction): string[] {
  const body = instruction.args.slice(instruction.bodyOffset).trim();
  if (body.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) return parsed as string[];
    } catch {
      // Not JSON after all: read it as words.
    }
  }
  return instruction.tokens.map((t) => t.value).filter((v) => !v.startsWith('<<'));
}

export function contextCopy(instruction: Instruction): ContextCopy | undefined {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return undefined;
  if (instruction.flags.some((f) => f.name === 'from')) return undefined;
  const operands = copyOperands(instruction);
  if (operands.length < 2) return undefined;
  const sources = operands
    .slice(0, -1)
    .filter((s) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !s.startsWith('git@'))
    .map((s) => cleanPath(s.replace(/^\/+/, '')) || '.');
  return sources.length ? { instruction, sources, destination: operands[operands.length - 1] } : undefined;
}

/** Sources naming the whole context: `COPY . .`, `COPY ./ /app`, `COPY * ./`. */
export function isWholeContext(source: string): boolean {
  return source === '.' || source === '*';
}

/** `requirements.txt` rather than `requirements`: a name with an extension is taken for a file. */
function looksLikeFile(base: string): boolean {
  return /^[^.].*\.[A-Za-z0-9]+$/.test(base);
}



/**
 * Context paths that a path inside the image (as a RUN at `at` names it) may have been copied
 * from, most likely first: bind mounts of that RUN, then the latest COPY whose destination
 * covers it, then the path as written (for files read straight from the context).
 */
export function contextCandidates(model: DockerfileModel, stage: Stage, at: Instruction, written: string): string[] {
  if (written.includes('$')) return [];
  const path = joinPath(workdirAt(model, stage, at), written);
  const candidates: string[] = [];
  const under = (dir: string): string | undefined => (dir === '/' ? path.slice(1) : path === dir ? '' : path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : undefined);
  const join = (a: string, b: string) => cleanPath(b ? `${a}/${b}` : a);

  for (const mount of at.run?.mounts ?? []) {
    if (mount.type !== 'bind' || mount.from || !mount.target) continue;
    const rest = under(joinPath(workdirAt(model, stage, at), mount.target));
    if (rest !== undefined) candidates.push(join(mount.source ?? '.', rest));
  }

  const instructions = stageChain(model, stage).flatMap((s) => s.instructions);
  const end = instructions.indexOf(at);
  for (let i = (end < 0 ? instructions.length : end) - 1; i >= 0; i--) {
    const copy = contextCopy(instructions[i]);
    if (!copy) continue;
    const owner = model.stages.find((s) => s.instructions.includes(copy.instruction)) ?? stage;
    const destination = joinPath(workdirAt(model, owner, copy.instruction), copy.destination);
    const found: string[] = [];
    for (const source of copy.sources) {
      const base = source.split('/').pop() ?? source;
      const rest = under(destination);
      if (isWholeContext(source)) {
        if (rest) found.push(rest);
        continue;
      }
      if (hasWildcard(source)) {
        const file = path.split('/').pop() ?? '';
        if (path === `${destination === '/' ? '' : destination}/${file}` && globMatches(base, file)) {
          const dir = source.includes('/') ? source.slice(0, source.lastIndexOf('/')) : '';
          found.push(dir ? `${dir}/${file}` : file);
        }
        continue;
      }
      // `COPY a.txt /app/` puts /app/a.txt (and `COPY a.txt /app` too when /app is a directory) …
      const intoDir = under(`${destination === '/' ? '' : destination}/${base}`);
      if (intoDir !== undefined) found.push(join(source, intoDir));
      // … otherwise the destination is the copy itself, or holds a directory source's contents.
      else if (rest !== undefined && (rest === '' || !looksLikeFile(base))) found.push(join(source, rest));
    }
    if (found.length > 0) {
      candidates.push(...found);
      break;
    }
  }
  if (!written.startsWith('/')) candidates.push(cleanPath(written));
  return [...new Set(candidates.filter((c) => c !== '.' && !c.startsWith('..')))];
}

/** Context paths the file names that a rule may want to read: manifests copied, mounted or installed from. */
export function mentionedManifests(model: DockerfileModel): string[] {
  const paths: string[] = [];
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      const copy = contextCopy(instruction);
      if (copy) paths.push(...copy.sources.filter((s) => !isWholeContext(s) && (isManifestName(s) || /requirements/i.test(s))));
      for (const mount of instruction.run?.mounts ?? []) {
        if (mount.type === 'bind' && !mount.from && mount.source && isManifestName(mount.source)) paths.push(cleanPath(mount.source));
      }
      for (const invocation of instruction.run?.packages ?? []) {
        for (const written of requirementArguments(invocation)) paths.push(...contextCandidates(model, stage, instruction, written));
        const projectDir = projectDirectory(model, stage, instruction, invocation);
        if (projectDir !== undefined) for (const name of PROJECT_MANIFESTS) paths.push(projectDir ? `${projectDir}/${name}` : name);
      }
    }
  }
  return [...new Set(paths)];
}

/** `-r`/`-c` values, and the files of `pip-sync` / `uv pip sync`. */
function requirementArguments(invocation: PackageInvocation): string[] {
  const files = invocation.requirementFiles.map((r) => r.value);
  const options = invocation.options;
  for (let i = 0; i < options.length; i++) {
    const v = options[i].value;
    if ((v === '-c' || v === '--constraint') && options[i + 1]) files.push(options[++i].value);
    else if (v.startsWith('--constraint=')) files.push(v.slice('--constraint='.length));
  }
  if (invocation.subcommand === 'sync' && invocation.program === 'uv pip') files.push(...invocation.packages.map((p) => p.value));
  return files;
}

/** For installs of a project (uv sync, poetry install, pip install .): the context directory holding its pyproject.toml. */
function projectDirectory(model: DockerfileModel, stage: Stage, at: Instruction, invocation: PackageInvocation): string | undefined {
  let written: string | undefined;
  if ((invocation.manager === 'uv' && invocation.program !== 'uv pip' && invocation.subcommand === 'sync') || (invocation.manager === 'poetry' && invocation.subcommand === 'install')) {
    written = optionValue(invocation, '--project', '--directory', '-C') ?? '.';
  } else if (invocation.subcommand === 'install') {
    const local = invocation.packages.find((p) => /^(\.|\/|\.\/)/.test(p.value) && !/\.(whl|tar\.gz|zip)$/.test(p.value));
    const editable = invocation.options.find((o, i) => (o.value === '-e' || o.value === '--editable') && invocation.options[i + 1]);
    written = local?.value ?? (editable ? invocation.options[invocation.options.indexOf(editable) + 1].value : undefined);
    if (written) written = written.replace(/\[.*\]$/, '');
  }
  if (written === undefined) return undefined;
  const candidates = contextCandidates(model, stage, at, `${written.replace(/\/$/, '')}/pyproject.toml`);
  const first = candidates[0];
  if (first === undefined) return written === '.' ? '' : undefined;
  return first === 'pyproject.toml' ? '' : first.slice(0, -'/pyproject.toml'.length);
}

// ---------------------------------------------------------------------------
// Installed packages

export interface InstalledPackage {
  /** PEP 503 normalised. */
  name: string;
  extras: string[];
  /** Where the install learnt about it: `the command line`, `requirements.txt:3`, `uv.lock`, `pyproject.toml`. */
  origin: string;
  /** The locked release, when a lock file decided the version (its file list tells which wheels exist). */
  locked: LockedPackage | undefined;
}

export interface InstallReading {
  packages: InstalledPackage[];
  /** Context files the reading came from. */
  files: string[];
  /** Something the install names could not be read (a missing requirement file, an unknown project): the list may be incomplete. */
  incomplete: boolean;
}

function lookup(context: BuildContext) {
  return (path: string) => context.files.get(path);
}

function requirementPackages(context: BuildContext, file: string, environment: MarkerEnvironment, reading: InstallReading): void {
  const result = readRequirements(file, lookup(context));
  if (result.files.length === 0) {
    reading.incomplete = true;
    return;
  }
  reading.files.push(...result.files);
  if (result.includes.some((i) => !i.found && i.kind === 'requirement')) reading.incomplete = true;
  for (const r of result.requirements) {
    if (r.constraint || !appliesOnLinux(r.marker, environment)) continue;
    if (!r.name) {
      reading.incomplete = true;
      continue;
    }
    reading.packages.push({ name: r.name, extras: r.extras, origin: `${r.file}:${r.line}`, locked: undefined });
  }
}

function readLock(context: BuildContext, dir: string, name: 'uv.lock' | 'poetry.lock' | 'Pipfile.lock'): LockFile | undefined {
  const path = dir ? `${dir}/${name}` : name;
  const reader = name === 'uv.lock' ? readUvLock : name === 'poetry.lock' ? readPoetryLock : readPipfileLock;
  return parsedFile(context, path, name, reader);
}

function optionValues(invocation: PackageInvocation, ...names: string[]): string[] {
  const values: string[] = [];
  const options = invocation.options;
  for (let i = 0; i < options.length; i++) {
    const v = options[i].value;
    const eq = v.indexOf('=');
    if (eq > 0 && names.includes(v.slice(0, eq))) values.push(...v.slice(eq + 1).split(','));
    else if (names.includes(v) && options[i + 1] && !options[i + 1].value.startsWith('-')) values.push(...options[++i].value.split(','));
  }
  return values.map((v) => v.trim()).filter(Boolean);
}

function projectPackages(pyproject: Pyproject, groups: (group: string) => boolean, origin: string, environment: MarkerEnvironment): InstalledPackage[] {
  return pyproject.dependencies
    .filter((d) => groups(d.group) && appliesOnLinux(d.marker, environment) && d.name !== pyproject.name)
    .map((d) => ({ name: d.name, extras: d.extras, origin, locked: undefined }));
}

/**
 * The Python packages one install brings in, as far as the build context tells: packages on the
 * command line, requirement files (with their includes), and for project installs (uv sync,
 * poetry install, pip install .) the lock file, or pyproject.toml when there is no lock.
 */
export function installedPackages(
  model: DockerfileModel,
  stage: Stage,
  at: Instruction,
  invocation: PackageInvocation,
  context: BuildContext | undefined,
  environment: MarkerEnvironment = LINUX_ENVIRONMENT,
): InstallReading {
  const reading: InstallReading = { packages: [], files: [], incomplete: false };
  const isPipLike = invocation.manager === 'pip' || (invocation.manager === 'uv' && invocation.program === 'uv pip');
  if (isPipLike && invocation.subcommand === 'install') {
    for (const word of invocation.packages) {
      const dependency = /^[A-Za-z0-9]/.test(word.value) && !word.value.includes('/') ? parseDependency(word.value) : undefined;
      if (dependency && !dependency.url) reading.packages.push({ name: dependency.name, extras: dependency.extras, origin: 'the command line', locked: undefined });
    }
  }
  if (!context) {
    if (isPipLike && invocation.requirementFiles.length > 0) reading.incomplete = true;
    return reading;
  }
  if (isPipLike) {
    const files = invocation.subcommand === 'sync' && invocation.program === 'uv pip' ? invocation.packages.map((p) => p.value) : invocation.requirementFiles.map((r) => r.value);
    for (const written of files) {
      const file = contextCandidates(model, stage, at, written).find((c) => context.files.has(c));
      if (file) requirementPackages(context, file, environment, reading);
      else reading.incomplete = true;
    }
  }
  const dir = projectDirectory(model, stage, at, invocation);
  if (dir === undefined) return reading;
  const pyprojectPath = dir ? `${dir}/pyproject.toml` : 'pyproject.toml';
  const pyproject = parsedFile(context, pyprojectPath, 'pyproject', readPyproject);
  if (pyproject) reading.files.push(pyprojectPath);

  if (invocation.manager === 'uv' && !isPipLike) {
    const noDev = hasOption(invocation, '--no-dev', '--no-default-groups', '--only-group') && !hasOption(invocation, '--only-dev');
    const groups = [...(noDev ? [] : ['dev']), ...optionValues(invocation, '--group', '--only-group')];
    const allExtras = hasOption(invocation, '--all-extras');
    const lock = readLock(context, dir, 'uv.lock');
    if (lock) {
      reading.files.push(dir ? `${dir}/uv.lock` : 'uv.lock');
      const extras = allExtras ? Object.keys(lock.packages.find((p) => lock.projects.includes(p.name))?.optional ?? {}) : optionValues(invocation, '--extra');
      for (const p of lockedInstall(lock, { groups, extras, environment })) reading.packages.push({ name: p.name, extras: [], origin: 'uv.lock', locked: p });
      return reading;
    }
    if (!pyproject) reading.incomplete = true;
    else {
      const extras = new Set(optionValues(invocation, '--extra'));
      const wanted = (g: string) => g === 'main' || groups.some((x) => g === `group:${x}`) || (g.startsWith('extra:') && (allExtras || extras.has(g.slice(6))));
      reading.packages.push(...projectPackages(pyproject, wanted, pyprojectPath, environment));
      // Without a lock the transitive dependencies are unknown.
      reading.incomplete = true;
    }
    return reading;
  }

  if (invocation.manager === 'poetry') {
    const only = optionValues(invocation, '--only');
    const without = new Set(optionValues(invocation, '--without'));
    const withGroups = optionValues(invocation, '--with');
    const declared = [...new Set((pyproject?.dependencies ?? []).map((d) => d.group).filter((g) => g.startsWith('group:')).map((g) => g.slice(6)))];
    const groups = only.length ? only : hasOption(invocation, '--no-dev') ? withGroups : [...declared.filter((g) => !without.has(g)), ...withGroups];
    const extras = hasOption(invocation, '--all-extras') ? ['*'] : optionValues(invocation, '--extras', '-E');
    const wanted = (g: string) =>
      (g === 'main' && (only.length === 0 || only.includes('main'))) ||
      groups.some((x) => g === `group:${x}`) ||
      (g.startsWith('extra:') && (extras.includes('*') || extras.includes(g.slice(6))));
    const lock = readLock(context, dir, 'poetry.lock');
    if (lock && pyproject) {
      reading.files.push(dir ? `${dir}/poetry.lock` : 'poetry.lock');
      const roots = pyproject.dependencies.filter((d) => wanted(d.group) && appliesOnLinux(d.marker, environment)).map((d) => d.name);
      for (const p of lockedInstall(lock, { environment }, roots)) reading.packages.push({ name: p.name, extras: [], origin: 'poetry.lock', locked: p });
      return reading;
    }
    if (!pyproject) reading.incomplete = true;
    else {
      reading.packages.push(...projectPackages(pyproject, wanted, pyprojectPath, environment));
      reading.incomplete = true;
    }
    return reading;
  }

  // pip install . / -e . : the project's declared dependencies (and the extras named, `.[ml]`).
  if (!pyproject) {
    reading.incomplete = true;
    return reading;
  }
  const local = [...invocation.packages.map((p) => p.value), ...invocation.options.map((o) => o.value)].find((v) => /^[./].*\[.+\]$/.test(v));
  const extras = new Set((local ? (/\[(.+)\]$/.exec(local)?.[1] ?? '') : '').split(',').map((e) => e.trim().toLowerCase().replace(/[-_.]+/g, '-')));
  reading.packages.push(...projectPackages(pyproject, (g) => g === 'main' || (g.startsWith('extra:') && extras.has(g.slice(6))), pyprojectPath, environment));
  // Declared ranges only: what they resolve to is unknown without a lock.
  reading.incomplete = true;
  return reading;
}

/** Every Python install in a stage, with its packages. */
export function stageInstalls(
  model: DockerfileModel,
  stage: Stage,
  context: BuildContext | undefined,
  environment?: MarkerEnvironment,
): { instruction: Instruction; invocation: PackageInvocation; reading: InstallReading }[] {
  const out: { instruction: Instruction; invocation: PackageInvocation; reading: InstallReading }[] = [];
  for (const instruction of stage.instructions) {
    for (const invocation of instruction.run?.packages ?? []) {
      if (invocation.manager === 'apt' || invocation.manager === 'apk') continue;
      const reading = installedPackages(model, stage, instruction, invocation, context, environment);
      if (reading.packages.length > 0 || reading.files.length > 0 || reading.incomplete) out.push({ instruction, invocation, reading });
    }
  }
  return out;
}

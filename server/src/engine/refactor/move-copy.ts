// "Move COPY . . after pip install": copy only the dependency manifests before
// the install, and the rest of the source after it, so a code edit no longer
// invalidates the dependency layer.

import { isPythonDependencyInstall, hasOption } from '../model/packages';
import { joinPath } from '../model/paths';
import { workdirAt } from '../model/stages';
import { lineEnding } from '../model/text';
import type { DockerfileModel, Instruction, PackageInvocation, Stage } from '../model/types';
import type { TextEdit } from '../rules/types';
import type { Refactoring, RefactoringResult } from './types';

const BROAD_SOURCES = new Set(['.', './', '*', './*', '$PWD', '${PWD}']);

export interface CopyBeforeInstall {
  stage: Stage;
  copy: Instruction;
  install: Instruction;
  invocation: PackageInvocation;
}

/** A COPY/ADD of the whole context (`COPY . .`), not from another stage. */
export function isBroadCopy(instruction: Instruction): boolean {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return false;
  if (instruction.flags.some((f) => f.name === 'from')) return false;
  const sources = instruction.tokens.slice(0, -1);
  return sources.some((s) => BROAD_SOURCES.has(s.value));
}

/**
 * The first broad COPY in a stage that comes before the stage's first Python dependency install.
 * An install after the copy that follows an earlier one (`uv sync --no-install-project`, then
 * `COPY . .`, then `uv sync`) only adds the project: the dependency layer is already cached.
 */
export function findCopyBeforeInstall(stage: Stage): CopyBeforeInstall | undefined {
  let copy: Instruction | undefined;
  for (const instruction of stage.instructions) {
    const invocation = instruction.run?.packages.find(isPythonDependencyInstall);
    if (invocation) return copy ? { stage, copy, install: instruction, invocation } : undefined;
    if (!copy && isBroadCopy(instruction)) copy = instruction;
  }
  return undefined;
}

interface Plan {
  /** Paths relative to the build context. */
  manifests: string[];
  /** A flag to add to the install so it installs dependencies only (uv, poetry), and the command to run afterwards. */
  dependenciesOnly?: { flag: string; rerun: string };
}

/** Which files the install needs, relative to the context, given `COPY . <dest>`. */
function planManifests(model: DockerfileModel, found: CopyBeforeInstall): Plan | undefined {
  const { text } = model;
  const { stage, copy, install, invocation } = found;
  const dest = copy.tokens[copy.tokens.length - 1]?.value ?? '.';
  const destDir = joinPath(workdirAt(model, stage, copy), dest);
  const installDir = workdirAt(model, stage, install);
  const relative = (path: string): string | undefined => {
    const absolute = joinPath(installDir, path);
    if (absolute === destDir) return undefined;
    const prefix = destDir === '/' ? '/' : `${destDir}/`;
    return absolute.startsWith(prefix) ? absolute.slice(prefix.length) : undefined;
  };
  const command = text.slice(invocation.command.span.start, invocation.command.span.end);
  if (invocation.manager === 'pip' || (invocation.manager === 'uv' && invocation.program === 'uv pip')) {
    if (invocation.packages.some((p) => p.value === '.' || p.value.startsWith('./') || p.value.startsWith('/'))) return undefined;
    if (invocation.options.some((o) => o.value === '-e' || o.value === '--editable')) return undefined;
    const files = [...invocation.requirementFiles.map((r) => r.value), ...constraintFiles(invocation)];
    if (files.length === 0) return undefined;
    const manifests = files.map(relative);
    if (manifests.some((m) => m === undefined || m.includes('$'))) return undefined;
    return { manifests: manifests as string[] };
  }
  const projectDir = relative('.') ?? (installDir === destDir ? '' : undefined);
  if (projectDir === undefined) return undefined;
  const at = (name: string) => (projectDir ? `${projectDir}/${name}` : name);
  if (invocation.manager === 'uv' && invocation.subcommand === 'sync') {
    if (hasOption(invocation, '--no-install-project')) return undefined;
    return { manifests: [at('pyproject.toml'), at('uv.lock')], dependenciesOnly: { flag: '--no-install-project', rerun: command } };
  }
  if (invocation.manager === 'poetry' && invocation.subcommand === 'install') {
    if (hasOption(invocation, '--no-root')) return { manifests: [at('pyproject.toml'), at('poetry.lock')] };
    return { manifests: [at('pyproject.toml'), at('poetry.lock')], dependenciesOnly: { flag: '--no-root', rerun: command } };
  }
  return undefined;
}

function constraintFiles(invocation: PackageInvocation): string[] {
  const files: string[] = [];
  const options = invocation.options;
  for (let i = 0; i < options.length; i++) {
    const v = options[i].value;
    if ((v === '-c' || v === '--constraint') && options[i + 1]) files.push(options[++i].value);
    else if (v.startsWith('--constraint=')) files.push(v.slice('--constraint='.length));
  }
  return files;
}

/** `COPY` lines for the manifests, grouped by directory so each keeps its relative path. */
function manifestCopies(copy: Instruction, manifests: string[], text: string): string[] {
  const flags = copy.flags.map((f) => text.slice(f.span.start, f.span.end));
  const destToken = copy.tokens[copy.tokens.length - 1];
  const dest = destToken ? destToken.raw : '.';
  const byDir = new Map<string, string[]>();
  for (const manifest of [...new Set(manifests)]) {
    const slash = manifest.lastIndexOf('/');
    const dir = slash < 0 ? '' : manifest.slice(0, slash + 1);
    byDir.set(dir, [...(byDir.get(dir) ?? []), manifest]);
  }
  const base = dest === '.' || dest === './' ? './' : dest.endsWith('/') ? dest : `${dest}/`;
  return [...byDir].map(([dir, files]) => [copy.rawKeyword, ...flags, ...files, dir ? `${base === './' ? '' : base}${dir}` : base].join(' '));
}

/** RUNs between the copy and the install that might read the copied sources. */
function runsBetween(found: CopyBeforeInstall): Instruction[] {
  const list = found.stage.instructions;
  const from = list.indexOf(found.copy);
  const to = list.indexOf(found.install);
  return list.slice(from + 1, to).filter((i) => i.keyword === 'RUN' && !(i.run?.packages.length && i.run.packages.length === i.run.commands.length));
}

export function computeMoveCopy(model: DockerfileModel, found: CopyBeforeInstall): RefactoringResult | undefined {
  const text = model.text;
  const plan = planManifests(model, found);
  if (!plan) return undefined;
  const eol = lineEnding(text);
  const { copy, install, invocation } = found;
  const copyText = text.slice(copy.span.start, copy.span.end);
  const edits: TextEdit[] = [{ start: copy.span.start, end: copy.span.end, newText: manifestCopies(copy, plan.manifests, text).join(eol) }];
  let after = `${eol}${copyText}`;
  const notes: string[] = [];
  if (plan.dependenciesOnly) {
    const sub = invocation.command.words[invocation.subcommandIndex];
    edits.push({ start: sub.span.end, end: sub.span.end, newText: ` ${plan.dependenciesOnly.flag}` });
    const mounts = install.flags.filter((f) => f.name === 'mount').map((f) => text.slice(f.span.start, f.span.end));
    after += `${eol}${['RUN', ...mounts, plan.dependenciesOnly.rerun.replace(/\\\r?\n\s*/g, '')].join(' ')}`;
    notes.push(`The first install now skips the project itself (${plan.dependenciesOnly.flag}); it is installed after the sources are copied.`);
  }
  edits.push({ start: install.span.end, end: install.span.end, newText: after });
  const risky = runsBetween(found);
  if (risky.length > 0) notes.push(`RUN on line ${risky[0].line + 1} now runs before the sources are copied: check it does not need them.`);
  return { title: 'Move COPY . . after the dependency install', safe: risky.length === 0, edits, notes };
}

export const moveCopyAfterInstall: Refactoring = {
  id: 'move-copy-after-install',
  title: 'Move COPY . . after the dependency install',
  resolves: ['copy-before-deps'],
  compute(model) {
    for (const stage of model.stages) {
      const found = findCopyBeforeInstall(stage);
      if (!found) continue;
      const result = computeMoveCopy(model, found);
      if (result) return result;
    }
    return undefined;
  },
};

// What the security and runtime rules need to know about the image a build
// ships: the chain of stages the final stage is built FROM, the ARG and ENV
// values in scope at an instruction, the user it runs as, its distribution
// family, and its CMD/ENTRYPOINT read as commands.

import { describePythonImage } from '../knowledge/base-images';
import { toSourceSpan } from '../model/parse';
import { programIndex } from '../model/packages';
import { splitShell } from '../model/shell';
import { substitute } from '../model/stages';
import type { DockerfileModel, ImageRef, Instruction, ShellCommand, Span, Stage } from '../model/types';

/** Instructions of a chain in build order. */
export function chainInstructions(chain: Stage[]): Instruction[] {
  return chain.flatMap((stage) => stage.instructions);
}

// ---------------------------------------------------------------------------
// Variables

/** Global ARG defaults (before the first FROM), resolved in order. */
function globalArgDefaults(model: DockerfileModel): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>();
  for (const instruction of model.globalArgs) {
    for (const pair of instruction.pairs ?? []) {
      values.set(pair.key, pair.value === undefined ? undefined : substitute(pair.value, values).text);
    }
  }
  return values;
}

/**
 * The ARG and ENV values in scope just before `until` (or at the end of the chain), following Docker:
 * ARGs are scoped to their stage (an `ARG X` without a default takes the global default), ENV carries
 * over into stages built FROM this one, and ENV wins over an ARG of the same name. Values set by the
 * base image are unknown (absent from the map).
 */
export function variablesBefore(model: DockerfileModel, chain: Stage[], until?: Instruction): Map<string, string | undefined> {
  const globals = globalArgDefaults(model);
  const env = new Map<string, string | undefined>();
  let args = new Map<string, string | undefined>();
  const lookup = () => new Map([...args, ...env]);
  for (const stage of chain) {
    args = new Map();
    for (const instruction of stage.instructions) {
      if (instruction === until) return lookup();
      if (instruction.keyword === 'ARG') {
        for (const pair of instruction.pairs ?? []) {
          if (pair.value === undefined) args.set(pair.key, globals.get(pair.key));
          else args.set(pair.key, resolveText(pair.value, lookup()).text);
        }
      } else if (instruction.keyword === 'ENV') {
        for (const pair of instruction.pairs ?? []) {
          const resolved = resolveText(pair.value ?? '', lookup());
          env.set(pair.key, resolved.unresolved ? undefined : resolved.text);
        }
      }
    }
  }
  return lookup();
}

/** Substitutes `$X` / `${X}` / `${X:-d}` from known values; `unresolved` when one is unknown. */
export function resolveText(text: string, values: Map<string, string | undefined>): { text: string; unresolved: boolean } {
  return text.includes('$') ? substitute(text, values) : { text, unresolved: false };
}

// ---------------------------------------------------------------------------
// Users

export interface UserSetting {
  instruction: Instruction;
  /** The argument as written, e.g. `$UID:$GID`. */
  raw: string;
  /** With variables substituted; undefined when one is unknown (set by the base image or a build argument). */
  resolved: string | undefined;
}

/** The last USER in the chain before `until` (or at the end). */
export function lastUser(model: DockerfileModel, chain: Stage[], until?: Instruction): UserSetting | undefined {
  let found: Instruction | undefined;
  for (const instruction of chainInstructions(chain)) {
    if (instruction === until) break;
    if (instruction.keyword === 'USER' && instruction.tokens.length > 0) found = instruction;
  }
  if (!found) return undefined;
  const raw = found.tokens[0].value;
  const resolved = resolveText(raw, variablesBefore(model, chain, found));
  return { instruction: found, raw, resolved: resolved.unresolved ? undefined : resolved.text };
}

/** `root`, `0`, `0:0`, `root:app`: the user part names UID 0. */
export function isRootUser(value: string): boolean {
  const user = value.split(':')[0].trim();
  return user === 'root' || /^0+$/.test(user);
}

/**
 * Base images that already switch to a non-root user, so a Dockerfile without USER does not run as root.
 * Sources: GoogleContainerTools/distroless README ("nonroot" tags, uid 65532); Chainguard Academy,
 * "How to port a sample application to Chainguard Containers" (images run as nonroot by default);
 * mamba-org/micromamba-docker Dockerfile (`USER $MAMBA_USER`); jupyter/docker-stacks base-notebook
 * Dockerfile (`USER ${NB_UID}`); nginxinc/docker-nginx-unprivileged README; sclorg/s2i-python-container
 * (`USER 1001`). Read 2026-11.
 */
export function defaultsToNonRoot(image: ImageRef): boolean {
  const registry = image.registry ?? '';
  const repository = image.repository;
  const tag = image.tag ?? '';
  if (registry === 'gcr.io' && repository.startsWith('distroless/')) return /(^|-)nonroot$/.test(tag);
  if (registry === 'cgr.dev') return true;
  if (repository === 'mambaorg/micromamba') return true;
  if ((registry === '' || registry === 'quay.io') && repository.startsWith('jupyter/')) return true;
  if (repository === 'nginxinc/nginx-unprivileged') return true;
  if (/^registry(\.access)?\.redhat\.io$|^registry\.access\.redhat\.com$/.test(registry) && /^ubi\d+\/(python|s2i)-/.test(repository)) return true;
  return false;
}

export type BaseFamily = 'debian' | 'alpine' | 'distroless' | 'scratch' | 'windows' | 'unknown';

const RPM_BASED = /^(oraclelinux|centos|fedora|rockylinux|almalinux|amazonlinux|ubi\d*(-minimal|-micro)?|opensuse.*|photon|cbl-mariner|azurelinux)$/;
const DEBIAN_WORDS = /(^|[-.])(bookworm|bullseye|buster|trixie|stretch|jammy|noble|focal|bionic|ubuntu[\d.]*|slim)([-.]|$)/;

/** The distribution of a chain's base image, from the image name or the package manager the chain uses. */
export function baseFamily(chain: Stage[]): BaseFamily {
  if (chain.length === 0) return 'unknown';
  const image = chain[0].image;
  if (image.scratch) return 'scratch';
  const tag = image.tag ?? '';
  const repository = image.repository;
  if (image.registry === 'gcr.io' && repository.startsWith('distroless/')) return 'distroless';
  if (isWindowsImage(image)) return 'windows';
  const python = describePythonImage(image);
  if (python) return python.libc === 'musl' ? 'alpine' : 'debian';
  const last = repository.slice(repository.lastIndexOf('/') + 1);
  // RPM-based images: slim variants often lack useradd, so no family-specific advice.
  if (RPM_BASED.test(last)) return 'unknown';
  if (last === 'alpine' || /(^|-)alpine/.test(tag)) return 'alpine';
  if (['debian', 'ubuntu', 'buildpack-deps'].includes(last) || DEBIAN_WORDS.test(tag)) return 'debian';
  for (const instruction of chainInstructions(chain)) {
    for (const invocation of instruction.run?.packages ?? []) {
      if (invocation.manager === 'apt') return 'debian';
      if (invocation.manager === 'apk') return 'alpine';
    }
  }
  return 'unknown';
}

export function isWindowsImage(image: ImageRef): boolean {
  const tag = image.tag ?? '';
  return (
    /windowsservercore|nanoserver|ltsc20\d\d/.test(tag) ||
    (image.registry === 'mcr.microsoft.com' && /^windows(\/|$)|^powershell/.test(image.repository))
  );
}

/** Users created in the chain with useradd/adduser: the user name word of each call. */
export function createdUsers(chain: Stage[]): { name: string; instruction: Instruction }[] {
  const found: { name: string; instruction: Instruction }[] = [];
  for (const instruction of chainInstructions(chain)) {
    for (const command of instruction.run?.commands ?? []) {
      const name = createdUserName(command);
      if (name) found.push({ name, instruction });
    }
  }
  return found;
}

const USER_TOOL_VALUE_OPTIONS = new Set([
  // useradd (shadow)
  '-b', '--base-dir', '-c', '--comment', '-d', '--home-dir', '-e', '--expiredate', '-f', '--inactive', '-g', '--gid', '-G', '--groups',
  '-k', '--skel', '-K', '--key', '-p', '--password', '-R', '--root', '-P', '--prefix', '-s', '--shell', '-u', '--uid', '-Z', '--selinux-user',
  // adduser (BusyBox and Debian)
  '-h', '--home', '--ingroup', '--gecos', '--firstuid', '--lastuid', '--conf', '--add-extra-groups',
]);

function createdUserName(command: ShellCommand): string | undefined {
  const words = command.words;
  const p = programIndex(words);
  const program = words[p]?.value.replace(/^.*\//, '');
  if (program !== 'useradd' && program !== 'adduser') return undefined;
  for (let i = p + 1; i < words.length; i++) {
    const value = words[i].value;
    if (/^[0-9]*[<>]/.test(value)) break;
    if (value.startsWith('-')) {
      if (!value.includes('=') && USER_TOOL_VALUE_OPTIONS.has(value)) i++;
      continue;
    }
    return value;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// CMD / ENTRYPOINT

export interface JsonElement {
  value: string;
  /** The string literal in the document, quotes included. */
  span: Span;
  /** Offset of the literal in `instruction.args`. */
  logicalStart: number;
  raw: string;
}

/** The elements of an exec-form (`["a", "b"]`) instruction, or undefined when Docker reads it as shell form. */
export function execFormElements(instruction: Instruction): JsonElement[] | undefined {
  const body = instruction.args.slice(instruction.bodyOffset);
  const trimmed = body.trim();
  if (!trimmed.startsWith('[')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === 'string')) return undefined;
  const elements: JsonElement[] = [];
  const args = instruction.args;
  let i = instruction.bodyOffset;
  while (i < args.length) {
    if (args[i] !== '"') {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < args.length && args[j] !== '"') j += args[j] === '\\' ? 2 : 1;
    const raw = args.slice(i, j + 1);
    elements.push({ value: JSON.parse(raw) as string, raw, logicalStart: i, span: toSourceSpan(instruction, i, j + 1) });
    i = j + 1;
  }
  return elements;
}

export interface CommandWord {
  value: string;
  span: Span;
}

const SHELL_PROGRAMS = /^(\/usr)?(\/bin\/)?(sh|bash|dash|ash|zsh)$/;

/**
 * CMD/ENTRYPOINT read as shell commands: the exec-form words, the commands inside `sh -c "…"`,
 * or the shell-form text split on `&&`, `;`, `|`. Word spans inside a `-c` string are exact when
 * the string has no escapes, else they cover the whole string.
 */
export function commandsOf(instruction: Instruction): CommandWord[][] {
  const elements = execFormElements(instruction);
  if (!elements) {
    const spanOf = (s: number, e: number) => toSourceSpan(instruction, s, e);
    return splitShell(instruction.args, instruction.bodyOffset, instruction.args.length, spanOf).map((c) => c.words.map((w) => ({ value: w.value, span: w.span })));
  }
  const first = elements[0]?.value.replace(/^.*\//, '') ?? '';
  const dashC = elements.findIndex((e) => /^-[a-z]*c$/.test(e.value));
  if (SHELL_PROGRAMS.test(first) && dashC > 0 && dashC + 1 < elements.length) {
    const script = elements[dashC + 1];
    const exact = !script.raw.includes('\\');
    const spanOf = (s: number, e: number): Span =>
      exact ? toSourceSpan(instruction, script.logicalStart + 1 + s, script.logicalStart + 1 + e) : script.span;
    return splitShell(script.value, 0, script.value.length, spanOf).map((c) => c.words.map((w) => ({ value: w.value, span: w.span })));
  }
  return [elements.map((e) => ({ value: e.value, span: e.span }))];
}

/** Index of the program word, skipping `VAR=x`, `exec`, `env` and similar wrappers. */
export function programAt(words: CommandWord[]): number {
  return programIndex(words.map((w) => ({ value: w.value, raw: w.value, span: w.span })));
}

/** The last instruction with this keyword in the chain. */
export function lastOf(chain: Stage[], keyword: string): Instruction | undefined {
  const all = chainInstructions(chain).filter((i) => i.keyword === keyword);
  return all[all.length - 1];
}

/** Template placeholders (`{{ … }}`, `{% … %}`) mean the text is not a Dockerfile yet. */
export function hasTemplate(text: string): boolean {
  return /\{\{|\{%/.test(text);
}

/** Start of the line an instruction begins on. */
export function lineStartOf(model: DockerfileModel, instruction: Instruction): number {
  return model.lineStarts[instruction.line];
}

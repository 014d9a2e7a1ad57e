// What the build-context rules share: the `.dockerignore` lines Slimfile
// suggests and why each is safe or not for this project, the COPY that sends
// the whole context, and the context paths a Dockerfile names.

import { parseDockerignore } from '../context/dockerignore';
import { contextCopy, installedPackages, isWholeContext } from '../context/installs';
import { lockedWheelSupport } from '../context/locks';
import { memoOnContext, parsedFile } from '../context/memo';
import { LINUX_ENVIRONMENT, wheelFits, type WheelName, type WheelTarget } from '../context/pep508';
import { readPyproject, versionFromVcs } from '../context/pyproject';
import type { BuildContext } from '../context/types';
import { musllinuxGaps } from '../knowledge/pypi-wheels';
import type { DockerfileModel, Instruction, PackageInvocation, ShellWord, Span, Stage } from '../model/types';

export type IgnoreKind = 'vcs' | 'venv' | 'cache' | 'editor' | 'secret' | 'deps';

export interface IgnoreLine {
  pattern: string;
  kind: IgnoreKind;
  /** A name for messages, when the pattern reads poorly (the bytecode glob reads as `*.pyc`). */
  label?: string;
}

/**
 * The default `.dockerignore` for a Python service, in sections. Left out on purpose: `dist/` and
 * `build/` (some images install a wheel built on the host), the Dockerfile itself (harmless either
 * way), docs and tests (some images run the tests).
 */
export const DEFAULT_SECTIONS: { comment: string; lines: IgnoreLine[] }[] = [
  { comment: 'Version control', lines: [{ pattern: '.git', kind: 'vcs' }] },
  {
    comment: 'Virtual environments: the image builds its own',
    lines: [
      { pattern: '.venv', kind: 'venv' },
      { pattern: 'venv', kind: 'venv' },
    ],
  },
  {
    comment: 'Python caches and tool output',
    lines: [
      { pattern: '**/__pycache__', kind: 'cache', label: '__pycache__' },
      { pattern: '**/*.py[cod]', kind: 'cache', label: '*.pyc' },
      { pattern: '.pytest_cache', kind: 'cache' },
      { pattern: '.mypy_cache', kind: 'cache' },
      { pattern: '.ruff_cache', kind: 'cache' },
      { pattern: '.tox', kind: 'cache' },
      { pattern: '.nox', kind: 'cache' },
      { pattern: '.coverage', kind: 'cache' },
      { pattern: '.coverage.*', kind: 'cache' },
      { pattern: 'htmlcov', kind: 'cache' },
      { pattern: '**/*.egg-info', kind: 'cache', label: '*.egg-info' },
    ],
  },
  {
    comment: 'Editors and operating systems',
    lines: [
      { pattern: '.idea', kind: 'editor' },
      { pattern: '.vscode', kind: 'editor' },
      { pattern: '**/.DS_Store', kind: 'editor', label: '.DS_Store' },
    ],
  },
  {
    comment: 'Secrets: pass them at run time (--env-file) or as build secrets (RUN --mount=type=secret)',
    lines: [
      { pattern: '.env', kind: 'secret' },
      { pattern: '.env.*', kind: 'secret' },
      { pattern: '*.env', kind: 'secret' },
      { pattern: '!.env.example', kind: 'secret' },
    ],
  },
  { comment: 'Dependencies installed on the host', lines: [{ pattern: 'node_modules', kind: 'deps' }] },
];

export const DEFAULT_LINES: IgnoreLine[] = DEFAULT_SECTIONS.flatMap((s) => s.lines);

/** Top-level names that hold credentials, reported when present and not excluded. */
export const SECRET_NAME = /^(\.env(\..+)?|.+\.env|\.netrc|\.pypirc|\.npmrc|\.aws|\.ssh|\.gnupg|id_(rsa|dsa|ecdsa|ed25519)|.+\.(pem|key|p12|pfx)|credentials\.json|secrets?\.(json|ya?ml|toml|env))$/;
/** Example and template env files carry no secrets and may be read by the app. */
export const EXAMPLE_ENV = /^\.env\.(example|sample|template|dist|defaults)$/;

/** The first COPY/ADD that sends the whole context (`COPY . .`, `ADD . /app`). */
export function wholeContextCopy(model: DockerfileModel): Instruction | undefined {
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      if (contextCopy(instruction)?.sources.some(isWholeContext)) return instruction;
    }
  }
  return undefined;
}

/** Where to put a finding about a copy: the instruction, or its keyword when the instruction is long. */
export function copySpan(instruction: Instruction): Span {
  return instruction.span.end - instruction.span.start > 120 ? instruction.keywordSpan : instruction.span;
}

export interface NamedPath {
  /** Relative to the context root. */
  path: string;
  instruction: Instruction;
  /** The operand as written, and where. */
  written: string;
  span: Span;
  /** `copy` for COPY/ADD sources, `mount` for RUN --mount=type=bind sources. */
  via: 'copy' | 'mount';
}

/** Context paths the file names one by one: COPY/ADD sources other than the whole context, and bind-mount sources. */
export function namedContextPaths(model: DockerfileModel): NamedPath[] {
  const named: NamedPath[] = [];
  for (const instruction of model.instructions) {
    const copy = contextCopy(instruction);
    if (copy) {
      const execForm = instruction.args.slice(instruction.bodyOffset).trim().startsWith('[');
      const operands = instruction.tokens.slice(0, -1).filter((t) => !t.value.startsWith('<<'));
      copy.sources.forEach((path, index) => {
        if (isWholeContext(path)) return;
        const token = execForm ? undefined : operands.find((t) => t.value.replace(/^\.\//, '').replace(/\/+$/, '') === path) ?? operands[index];
        named.push({ path, instruction, written: token?.value ?? path, span: token?.span ?? instruction.keywordSpan, via: 'copy' });
      });
    }
    for (const mount of instruction.run?.mounts ?? []) {
      if (mount.type !== 'bind' || mount.from || !mount.source) continue;
      const path = mount.source.replace(/^\.?\/+/, '') || '.';
      if (path === '.') continue;
      named.push({ path, instruction, written: mount.source, span: mount.flag.span, via: 'mount' });
    }
  }
  return named;
}

export interface IgnorePlan {
  /** Lines whose exclusion changes nothing the image uses. */
  safe: IgnoreLine[];
  /** Lines that may change what the image does, with why. */
  risky: { line: IgnoreLine; reason: string }[];
  /** Safe and risky lines together, in order: what the unsafe variant of a fix writes. */
  all: IgnoreLine[];
}

/** Whether building the project in the image reads its version from Git. */
function needsGit(context: BuildContext): string | undefined {
  for (const [path, text] of context.files) {
    if (!path.endsWith('pyproject.toml')) continue;
    const project = parsedFile(context, path, 'pyproject', readPyproject);
    if (project && versionFromVcs(project, text)) return path;
  }
  return undefined;
}

/**
 * Sorts suggested lines into safe and risky for this Dockerfile and context. Lines that would
 * exclude a path the file copies or mounts by name are dropped: they would break the build.
 */
export function planIgnoreLines(model: DockerfileModel, context: BuildContext, lines: readonly IgnoreLine[], existing = ''): IgnorePlan {
  const named = namedContextPaths(model);
  // The plan depends only on these inputs; the server hands out the same context while typing, so it is worked out once.
  const key = JSON.stringify([named.map((n) => n.path), lines.map((l) => l.pattern), existing]);
  return memoOnContext(context, `ignore-plan\u0000${key}`, () => computeIgnorePlan(named, context, lines, existing));
}

function computeIgnorePlan(named: NamedPath[], context: BuildContext, lines: readonly IgnoreLine[], existing: string): IgnorePlan {
  const listed = context.listed ?? [];
  const plan: IgnorePlan = { safe: [], risky: [], all: [] };
  const vcsProject = needsGit(context);
  const before = parseDockerignore(existing);
  // Drop lines that would exclude a path the file copies or mounts by name, judged with all the lines
  // together (an exception line may restore what a broad one takes), one decisive line at a time.
  let kept = [...lines];
  for (let round = 0; round < lines.length; round++) {
    const combined = parseDockerignore([existing, ...kept.map((l) => l.pattern)].join('\n'));
    const broken = named.find((n) => combined.excludes(n.path) && !before.excludes(n.path));
    if (!broken) break;
    const decider = combined.match(broken.path).decidedBy;
    kept = kept.filter((l) => l.pattern !== decider?.raw.trim());
  }
  for (const line of kept) {
    const exception = line.pattern.startsWith('!');
    const alone = parseDockerignore(`${existing}\n${line.pattern}`);
    let reason: string | undefined;
    if (line.kind === 'vcs' && vcsProject) reason = `${vcsProject} reads the version from Git, so building the project in the image needs \`.git\``;
    if (!exception && (line.kind === 'secret' || line.kind === 'deps')) {
      const hit = listed.find((p) => !p.includes('/') && !EXAMPLE_ENV.test(p) && alone.excludes(p) && !before.excludes(p));
      if (hit) reason = line.kind === 'secret' ? `the image now contains \`${hit}\`, which the app may read at run time` : `\`${hit}\` is in the context and the image may use it`;
    }
    if (reason) plan.risky.push({ line, reason });
    else plan.safe.push(line);
  }
  // An exception line only makes sense after the exclusion it qualifies.
  const keepException = (kept: IgnoreLine[]) =>
    kept.filter((l) => !l.pattern.startsWith('!') || kept.some((o) => !o.pattern.startsWith('!') && parseDockerignore(o.pattern).excludes(l.pattern.slice(1))));
  plan.safe = keepException(plan.safe);
  plan.all = keepException(kept);
  return plan;
}

/** `.dockerignore` text for the chosen lines, in the default sections' order and with their comments. */
export function renderIgnoreFile(lines: readonly IgnoreLine[], header: string): string {
  const chosen = new Set(lines.map((l) => l.pattern));
  const out = [header];
  for (const section of DEFAULT_SECTIONS) {
    const kept = section.lines.filter((l) => chosen.has(l.pattern));
    if (kept.length === 0) continue;
    out.push('', `# ${section.comment}`, ...kept.map((l) => l.pattern));
  }
  const extra = lines.filter((l) => !DEFAULT_LINES.some((d) => d.pattern === l.pattern));
  if (extra.length > 0) out.push('', '# Found in this context', ...extra.map((l) => l.pattern));
  return out.join('\n') + '\n';
}

/** The lines appended to an existing file, under one comment. */
export function renderAppend(lines: readonly IgnoreLine[]): string {
  return ['# Added by Slimfile: keep these out of the build context and the image', ...lines.map((l) => l.pattern)].join('\n') + '\n';
}

export function labelOf(line: IgnoreLine): string {
  return `\`${line.label ?? line.pattern}\``;
}

/** `a`, `a and b`, `a, b and c`. */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// ---------------------------------------------------------------------------
// Packages from the build context that lack musl wheels

export interface ContextMuslGaps {
  /** Packages the install brings in from context files that have glibc wheels but none for musl. */
  names: string[];
  /** The context files the packages were read from. */
  files: string[];
  /** Words of the install that name those files (`-r requirements.txt`), or its subcommand (`uv sync`). */
  words: ShellWord[];
}

/**
 * For an install on Alpine: the packages its requirement, pyproject and lock files bring in that
 * would build from source on musl. A lock file that lists the locked release's wheels decides for
 * that release (an old pin may lack musllinux wheels a newer release has); otherwise the wheel table does.
 */
export function muslGapsFromContext(
  model: DockerfileModel,
  stage: Stage,
  instruction: Instruction,
  invocation: PackageInvocation,
  context: BuildContext | undefined,
  pythonVersion: string | undefined,
): ContextMuslGaps {
  const empty: ContextMuslGaps = { names: [], files: [], words: [] };
  if (!context) return empty;
  const minor = /^3\.\d+/.exec(pythonVersion ?? '')?.[0];
  const reading = installedPackages(model, stage, instruction, invocation, context, { ...LINUX_ENVIRONMENT, ...(minor ? { python_version: minor, python_full_version: `${minor}.0` } : {}) });
  const musl: WheelTarget = { libc: 'musl', arch: 'x86_64', pythonVersion: minor };
  const fits = (target: WheelTarget) => (wheel: WheelName) => wheelFits(wheel, target);
  const names: string[] = [];
  for (const p of reading.packages) {
    if (p.origin === 'the command line') continue;
    if (p.locked) {
      const onMusl = lockedWheelSupport(p.locked, fits(musl));
      const onGlibc = lockedWheelSupport(p.locked, fits({ ...musl, libc: 'glibc' }));
      if (onMusl && onGlibc) {
        if (!onMusl.fits && onGlibc.fits) names.push(p.name);
        continue;
      }
    }
    names.push(...musllinuxGaps({ name: p.name, extras: p.extras, pinned: undefined }).map((g) => g.name));
  }
  if (names.length === 0) return empty;
  const fileWords = invocation.requirementFiles.length > 0 ? invocation.requirementFiles : invocation.packages.filter((w) => /^[./]/.test(w.value) || w.value.endsWith('.txt'));
  const words = fileWords.length > 0 ? fileWords : [invocation.command.words[invocation.subcommandIndex]];
  return { names: [...new Set(names)], files: [...new Set(reading.files)], words };
}

// Estimates what an image weighs: the base image plus what each layer adds
// for the packages Slimfile can size, and what the suggested fixes would save.
// Pure: model (+ findings, + build context) in, numbers and reasons out. Every
// figure is an approximation with a range; the assumptions travel with it.

import { baseImageSize, debianRelease, describePythonImage, VARIANT_FACTS } from './knowledge/base-images';
import { APK_INDEX_MB, APT_LISTS_MB, apkSetSize, aptSetSize, APT_SIZES_DATE, type AptRelease } from './knowledge/apt-sizes';
import { isBuildOnlyPackage, stripVersion } from './knowledge/packages';
import { PIP_SIZES_DATE, pipSize, UNKNOWN_PIP_PACKAGE_MB, withHeavyDependencies } from './knowledge/pip-sizes';
import { copyOperands, installedPackages } from './context/installs';
import { joinPath } from './model/paths';
import type { BuildContext } from './context/types';
import { lintModel } from './lint';
import { hasOption, isInstall, optionValue, packagesRemovedInRun, programIndex } from './model/packages';
import { finalStage, stageChain, workdirAt } from './model/stages';
import type { DockerfileModel, ImageRef, Instruction, PackageInvocation, Stage } from './model/types';
import type { Finding } from './rules/types';

/** Low and high estimate, MB. */
export interface MbRange {
  low: number;
  high: number;
}

export interface CostPart {
  /** What is installed or left behind: "apt: gcc, libpq-dev", "pip cache". */
  label: string;
  mb: MbRange;
}

export interface LayerCost {
  stage: Stage;
  instruction: Instruction;
  mb: MbRange;
  parts: CostPart[];
  /** What the layer adds that Slimfile cannot size ("files from the build context"). */
  unsized: string[];
}

export interface Saving {
  /** The rule whose fix saves this, when there is one. */
  ruleId: string | undefined;
  title: string;
  mb: MbRange;
  detail: string;
}

export interface BaseCost {
  image: ImageRef;
  label: string;
  mb: MbRange;
  compressedMb: MbRange;
}

export interface ImageEstimate {
  /** The stage the image is built from (a build target). */
  stage: Stage;
  /** The stage whose FROM names a real image. */
  root: Stage;
  base: BaseCost | undefined;
  /** Every layer from the root stage's first instruction to the target's last. */
  layers: LayerCost[];
  total: MbRange;
  savings: Saving[];
  assumptions: string[];
}

export interface SizeOptions {
  /** Findings for the file; computed with the default rule settings when absent. */
  findings?: readonly Finding[];
  buildContext?: BuildContext;
}

/** Findings by position, so each layer finds its own without scanning them all (files can have thousands). */
class FindingIndex {
  private readonly sorted: readonly Finding[];

  constructor(findings: readonly Finding[]) {
    const ordered = findings.every((f, i) => i === 0 || findings[i - 1].span.start <= f.span.start);
    this.sorted = ordered ? findings : [...findings].sort((a, b) => a.span.start - b.span.start);
  }

  /** Findings that start inside the span. */
  within(span: { start: number; end: number }): Finding[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid].span.start < span.start) lo = mid + 1;
      else hi = mid;
    }
    const out: Finding[] = [];
    for (let i = lo; i < this.sorted.length && this.sorted[i].span.start <= span.end; i++) out.push(this.sorted[i]);
    return out;
  }
}

/** More targets than this are not estimated (a generated file with thousands of stages). */
export const MAX_TARGETS = 20;

const ZERO: MbRange = { low: 0, high: 0 };

function add(a: MbRange, b: MbRange): MbRange {
  return { low: a.low + b.low, high: a.high + b.high };
}

function range(values: [number, number]): MbRange {
  return { low: values[0], high: values[1] };
}

function sum(ranges: MbRange[]): MbRange {
  return ranges.reduce(add, ZERO);
}

/** The stages a build can end in: the last stage, and any named stage nothing else builds on or copies from. */
export function targetStages(model: DockerfileModel): Stage[] {
  const last = finalStage(model);
  if (!last) return [];
  const used = new Set<number>();
  for (const stage of model.stages) {
    if (stage.image.stage !== undefined) used.add(stage.image.stage);
    for (const instruction of stage.instructions) {
      const from = copyFromStage(model, instruction);
      if (from) used.add(from.index);
      for (const mount of instruction.run?.mounts ?? []) {
        const source = mount.from ? stageNamed(model, mount.from) : undefined;
        if (source) used.add(source.index);
      }
    }
  }
  const names = new Set<string>();
  const targets = model.stages.filter((s) => {
    if (s === last) return true;
    if (s.name === undefined || used.has(s.index) || names.has(s.name.toLowerCase())) return false;
    names.add(s.name.toLowerCase());
    return true;
  });
  // Keep the last stage when there are too many.
  return targets.length > MAX_TARGETS ? [...targets.slice(0, MAX_TARGETS - 1), last] : targets;
}

function stageNamed(model: DockerfileModel, reference: string): Stage | undefined {
  if (/^\d+$/.test(reference)) return model.stages[Number(reference)];
  return model.stages.find((s) => s.name?.toLowerCase() === reference.toLowerCase());
}

function copyFromStage(model: DockerfileModel, instruction: Instruction): Stage | undefined {
  if (instruction.keyword !== 'COPY') return undefined;
  const from = instruction.flags.find((f) => f.name === 'from')?.value;
  return from ? stageNamed(model, from) : undefined;
}

/** Paths that hold a Python environment (a venv, site-packages, a `--user` or `--prefix` install). */
const ENVIRONMENT_PATH = /(^|\/)\.?venv(\/|$)|site-packages|(^|\/)\.local(\/|$)|^\/usr\/local(\/lib)?\/?$|^\/install\/?$|^\/opt\/|(^|\/)wheels?(\/|$)/;

/** Commands that add nothing worth counting. */
const CHEAP = new Set([
  'set', 'mkdir', 'useradd', 'adduser', 'groupadd', 'addgroup', 'usermod', 'ln', 'chmod', 'echo', 'rm', 'cd', 'export', 'true', 'test', '[',
  'touch', 'printf', 'cp', 'mv', 'sed', 'which', 'id', 'ls', 'cat', 'apt-get', 'apt', 'apk', 'pip', 'pip3', 'uv', 'poetry', 'python', 'python3',
  'find', 'rmdir', 'exit', 'update-ca-certificates', 'locale-gen', 'dpkg-reconfigure', 'ldconfig', 'groupmod',
]);

const VENV_MB: MbRange = { low: 10, high: 20 };
const UV_BINARY_MB: MbRange = { low: 35, high: 60 };
const TORCH_CPU_MB: MbRange = { low: 500, high: 900 };

interface ChainState {
  release: AptRelease;
  releaseGuessed: boolean;
  onFull: boolean;
  musl: boolean;
  pip: Set<string>;
  apt: Set<string>;
  /** apk's index is already in a lower layer: later calls reuse it. */
  apkIndex: boolean;
}

/** Estimates the image built from `target` (default: the last stage). */
export function estimateImage(model: DockerfileModel, target: Stage | undefined = finalStage(model), options: SizeOptions = {}): ImageEstimate | undefined {
  return estimate(model, target, options.buildContext, new FindingIndex(options.findings ?? lintModel(model, { buildContext: options.buildContext })));
}

function estimate(model: DockerfileModel, target: Stage | undefined, buildContext: BuildContext | undefined, findings: FindingIndex): ImageEstimate | undefined {
  if (!target) return undefined;
  const chain = stageChain(model, target);
  const root = chain[0];
  const info = describePythonImage(root.image);
  const sized = baseImageSize(root.image);
  const base: BaseCost | undefined = sized ? { image: root.image, label: sized.label, mb: range(sized.sizeMb), compressedMb: range(sized.compressedMb) } : undefined;
  // A plain Debian base names its release in the tag (`debian:bookworm-slim`).
  const release = info ? debianRelease(info) : (/\b(bookworm|trixie)\b/.exec(root.image.tag ?? '')?.[1] ?? debianRelease(undefined));
  const state: ChainState = {
    release: release === 'bookworm' ? 'bookworm' : 'trixie',
    releaseGuessed: release !== 'bookworm' && release !== 'trixie',
    onFull: info?.variant === 'full',
    musl: info?.libc === 'musl',
    pip: new Set(),
    apt: new Set(),
    apkIndex: false,
  };
  const layers: LayerCost[] = [];
  for (const stage of chain) {
    for (const instruction of stage.instructions) layers.push(layerCost(model, stage, instruction, state, findings.within(instruction.span), buildContext));
  }
  const total = add(base?.mb ?? ZERO, sum(layers.map((l) => l.mb)));
  const savings = computeSavings(chain, layers, state, chain.flatMap((s) => findings.within(s.span)), base);
  const assumptions = [
    base
      ? `Base \`${root.image.resolved}\`: ${base.label}, ≈${formatRange(base.mb)} on disk (≈${formatRange(base.compressedMb)} to pull).`
      : root.image.stage === undefined && !root.image.scratch
        ? `Base \`${root.image.resolved || root.image.raw}\`: not in Slimfile's tables, so not counted.`
        : 'Base: unknown.',
    `apt package sizes: measured for Debian ${state.release} (dpkg Installed-Size of what \`apt-get install\` adds to a slim base, ${APT_SIZES_DATE})${state.releaseGuessed ? '; the base\'s release is not known, so trixie is assumed' : ''}.`,
    `pip package sizes: rounded approximations for x86_64 wheels (${PIP_SIZES_DATE}); packages not in the table count ${UNKNOWN_PIP_PACKAGE_MB[0]}–${UNKNOWN_PIP_PACKAGE_MB[1]} MB each.`,
    'Files copied from the build context and downloads by other commands are not counted.',
  ];
  return { stage: target, root, base, layers, total, savings, assumptions };
}

/** Estimates for every build target (see `targetStages`). */
export function estimateTargets(model: DockerfileModel, options: SizeOptions = {}): ImageEstimate[] {
  const findings = new FindingIndex(options.findings ?? lintModel(model, { buildContext: options.buildContext }));
  return targetStages(model)
    .map((stage) => estimate(model, stage, options.buildContext, findings))
    .filter((e): e is ImageEstimate => e !== undefined);
}

function inInstruction(finding: Finding, instruction: Instruction): boolean {
  return finding.span.start >= instruction.span.start && finding.span.start <= instruction.span.end;
}

function aptNames(invocation: PackageInvocation): string[] {
  return invocation.packages.map((p) => stripVersion(p.value).replace(/:[a-z0-9]+$/, '')).filter((n) => /^[a-z0-9][a-z0-9+.-]*$/.test(n));
}

function recommendsOn(invocation: PackageInvocation): boolean {
  if (hasOption(invocation, '--no-install-recommends')) return false;
  const words = invocation.options.map((o) => o.value);
  return !words.some((w) => /APT::Install-Recommends=(false|0|no)/i.test(w));
}

function layerCost(model: DockerfileModel, stage: Stage, instruction: Instruction, state: ChainState, here: readonly Finding[], context: BuildContext | undefined): LayerCost {
  const parts: CostPart[] = [];
  const unsized: string[] = [];
  const fired = (id: string) => here.some((f) => f.ruleId === id);

  if (instruction.keyword === 'RUN' && instruction.run) {
    const removed = packagesRemovedInRun(instruction);
    const pipNew: string[] = [];
    for (const invocation of instruction.run.packages) {
      if (invocation.manager === 'apt' && invocation.subcommand === 'install') {
        const names = aptNames(invocation).filter((n) => !removed.has(n) && !state.apt.has(n));
        if (names.length === 0) continue;
        const size = aptSetSize(names, state.release, { recommends: recommendsOn(invocation), onFull: state.onFull });
        for (const n of names) state.apt.add(n);
        const note = state.onFull && size.mb[1] === 0 ? ' (already in the full image)' : recommendsOn(invocation) ? ' (with Recommends)' : '';
        parts.push({ label: `apt: ${names.join(', ')}${note}`, mb: range(size.mb) });
      } else if (invocation.manager === 'apk' && invocation.subcommand === 'add') {
        const virtual = optionValue(invocation, '--virtual', '-t');
        if (virtual && removed.has(virtual)) continue;
        const names = aptNames(invocation).filter((n) => !removed.has(n) && !state.apt.has(n));
        if (names.length === 0) continue;
        for (const n of names) state.apt.add(n);
        parts.push({ label: `apk: ${names.join(', ')}`, mb: range(apkSetSize(names).mb) });
      } else if (invocation.manager !== 'apt' && invocation.manager !== 'apk' && isInstall(invocation)) {
        const reading = installedPackages(model, stage, instruction, invocation, context);
        if (reading.incomplete) {
          const named = invocation.requirementFiles.map((r) => `\`${r.value}\``).join(', ') || `\`${invocation.program} ${invocation.subcommand}\``;
          unsized.push(`${named}: ${context ? 'partly unknown' : 'contents unknown without the build context'}`);
        }
        const names = withHeavyDependencies(reading.packages.map((p) => p.name)).filter((n) => !state.pip.has(n));
        for (const n of names) state.pip.add(n);
        pipNew.push(...names);
        if (names.length) parts.push({ label: `${invocation.program}: ${describeNames(names)}`, mb: pipWeight(names, invocation) });
      }
      if (invocation.manager === 'apt' && invocation.subcommand === 'update' && fired('apt-lists-not-cleaned') && !parts.some((p) => p.label === 'apt lists')) {
        parts.push({ label: 'apt lists', mb: range(APT_LISTS_MB) });
      }
    }
    if (fired('apk-no-cache') && !state.apkIndex) {
      state.apkIndex = true;
      parts.push({ label: 'apk index', mb: range(APK_INDEX_MB) });
    }
    if (fired('pip-cache') && pipNew.length) parts.push({ label: 'pip/uv download cache', mb: sum(pipNew.map(wheelWeight)) });
    for (const command of instruction.run.commands) {
      const words = command.words;
      const p = programIndex(words);
      const program = words[p]?.value.split('/').pop() ?? '';
      if (/^python3?(\.\d+)?$/.test(program) && words[p + 1]?.value === '-m' && words[p + 2]?.value === 'venv') {
        parts.push({ label: 'virtual environment (pip, setuptools)', mb: VENV_MB });
      } else if (program && !CHEAP.has(program) && !/^pip3?(\.\d+)?$/.test(program)) {
        unsized.push(`\`${program}\``);
      }
    }
  } else if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
    const source = copyFromStage(model, instruction);
    const fromFlag = instruction.flags.find((f) => f.name === 'from')?.value;
    if (source) {
      const operands = copyOperands(instruction).slice(0, -1);
      const sourceDir = workdirAt(model, source, undefined);
      const locations = environmentLocations(model, source);
      const holdsEnvironment = (o: string) => {
        const path = joinPath(sourceDir, o);
        return ENVIRONMENT_PATH.test(o) || locations.some((l) => l === path || l.startsWith(`${path === '/' ? '' : path}/`) || path.startsWith(`${l}/`));
      };
      if (operands.some(holdsEnvironment)) {
        const names = pipPackagesOf(model, source, context).filter((n) => !state.pip.has(n));
        for (const n of names) state.pip.add(n);
        if (names.length) parts.push({ label: `Python packages from \`${source.name ?? source.index}\`: ${describeNames(names)}`, mb: sum(names.map((n) => installedWeight(n))) });
        else unsized.push(`the Python environment from \`${source.name ?? source.index}\`${context ? '' : ' (its packages are unknown without the build context)'}`);
      } else unsized.push(`files from stage \`${source.name ?? source.index}\``);
    } else if (fromFlag && /astral-sh\/uv/.test(fromFlag)) {
      parts.push({ label: 'the uv binary', mb: UV_BINARY_MB });
    } else if (fromFlag) {
      unsized.push(`files from \`${fromFlag}\``);
    } else {
      unsized.push('files from the build context');
    }
  }
  return { stage, instruction, mb: sum(parts.map((p) => p.mb)), parts, unsized };
}

/** The Python packages a stage's chain installs (for a venv or site-packages copied out of it). */
function pipPackagesOf(model: DockerfileModel, stage: Stage, context: BuildContext | undefined): string[] {
  const names: string[] = [];
  for (const s of stageChain(model, stage)) {
    for (const instruction of s.instructions) {
      for (const invocation of instruction.run?.packages ?? []) {
        if (invocation.manager === 'apt' || invocation.manager === 'apk' || !isInstall(invocation)) continue;
        names.push(...installedPackages(model, s, instruction, invocation, context).packages.map((p) => p.name));
      }
    }
  }
  return withHeavyDependencies(names);
}

/** Where the installs of a stage's chain put packages: a venv, `.venv` of a project, `~/.local`, a prefix, or `/usr/local`. */
function environmentLocations(model: DockerfileModel, stage: Stage): string[] {
  const locations: string[] = [];
  for (const s of stageChain(model, stage)) {
    for (const instruction of s.instructions) {
      for (const invocation of instruction.run?.packages ?? []) {
        if (invocation.manager === 'apt' || invocation.manager === 'apk' || !isInstall(invocation)) continue;
        const workdir = workdirAt(model, s, instruction);
        if ((invocation.manager === 'uv' && invocation.program !== 'uv pip') || invocation.manager === 'poetry') {
          locations.push(joinPath(workdir, '.venv'));
          continue;
        }
        const prefix = optionValue(invocation, '--prefix', '--target', '-t');
        const program = invocation.command.words[programIndex(invocation.command.words)]?.value ?? '';
        const venv = /^(.*)\/bin\/(pip|python|uv)[0-9.]*$/.exec(program)?.[1];
        if (prefix) locations.push(joinPath(workdir, prefix));
        else if (hasOption(invocation, '--user')) locations.push('/root/.local');
        else if (venv) locations.push(joinPath(workdir, venv));
        else locations.push('/usr/local');
      }
    }
  }
  return locations;
}

function cpuTorch(invocation: PackageInvocation | undefined): boolean {
  if (!invocation) return false;
  const index = [optionValue(invocation, '--index-url', '-i'), optionValue(invocation, '--extra-index-url')].filter(Boolean).join(' ');
  return /\/cpu\b/.test(index) || invocation.packages.some((p) => /\+cpu\b/.test(p.value));
}

function installedWeight(name: string, invocation?: PackageInvocation): MbRange {
  if (name === 'torch' && cpuTorch(invocation)) return TORCH_CPU_MB;
  const size = pipSize(name);
  return range(size ? size.installedMb : UNKNOWN_PIP_PACKAGE_MB);
}

function wheelWeight(name: string): MbRange {
  const size = pipSize(name);
  return size ? range(size.wheelMb) : { low: UNKNOWN_PIP_PACKAGE_MB[0] / 2, high: UNKNOWN_PIP_PACKAGE_MB[1] / 2 };
}

function pipWeight(names: string[], invocation: PackageInvocation): MbRange {
  return sum(names.map((n) => installedWeight(n, invocation)));
}

/** "pandas, numpy and 3 more": the sized ones first, then the others while there is room. */
function describeNames(names: string[]): string {
  const known = names.filter((n) => pipSize(n));
  const shown = known.length ? known.slice(0, 6) : names.slice(0, 6);
  const more = names.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function computeSavings(chain: Stage[], layers: LayerCost[], state: ChainState, chainFindings: readonly Finding[], base: BaseCost | undefined): Saving[] {
  const savings: Saving[] = [];
  const fired = (id: string) => chainFindings.filter((f) => f.ruleId === id);
  const info = describePythonImage(chain[0].image);

  if (info?.variant === 'full' && base) {
    const slim = range(VARIANT_FACTS.slim.sizeMb);
    const mb = { low: Math.max(0, base.mb.low - slim.high), high: base.mb.high - slim.low };
    savings.push({
      ruleId: fired('full-base-image').length ? 'full-base-image' : undefined,
      title: 'Run on the slim variant',
      mb,
      detail: 'The full image carries compilers, headers and tools; build in a builder stage and run on `-slim`.',
    });
  }

  const buildTools: { name: string; manager: 'apt' | 'apk' }[] = [];
  for (const layer of layers) {
    const removed = packagesRemovedInRun(layer.instruction);
    for (const invocation of layer.instruction.run?.packages ?? []) {
      if (!((invocation.manager === 'apt' && invocation.subcommand === 'install') || (invocation.manager === 'apk' && invocation.subcommand === 'add'))) continue;
      const virtual = invocation.manager === 'apk' ? optionValue(invocation, '--virtual', '-t') : undefined;
      if (virtual && removed.has(virtual)) continue;
      for (const name of aptNames(invocation)) {
        if (!removed.has(name) && isBuildOnlyPackage(name, invocation.manager === 'apk' || state.musl ? 'musl' : 'glibc')) buildTools.push({ name, manager: invocation.manager });
      }
    }
  }
  if (fired('single-stage-build-tools').length && buildTools.length) {
    const apt = buildTools.filter((t) => t.manager === 'apt').map((t) => t.name);
    const apk = buildTools.filter((t) => t.manager === 'apk').map((t) => t.name);
    const mb = add(apt.length ? range(aptSetSize(apt, state.release, { recommends: false, onFull: state.onFull }).mb) : ZERO, apk.length ? range(apkSetSize(apk).mb) : ZERO);
    if (mb.high > 0) {
      savings.push({
        ruleId: 'single-stage-build-tools',
        title: 'Compile in a builder stage',
        mb,
        detail: `Leaves ${buildTools.map((t) => `\`${t.name}\``).join(', ')} in the builder; the runtime stage gets the virtual environment and runtime libraries only.`,
      });
    }
  }

  const recommends = fired('apt-no-install-recommends');
  if (recommends.length) {
    let mb = ZERO;
    for (const layer of layers) {
      if (!recommends.some((f) => inInstruction(f, layer.instruction))) continue;
      for (const invocation of layer.instruction.run?.packages ?? []) {
        if (invocation.manager !== 'apt' || invocation.subcommand !== 'install' || !recommendsOn(invocation)) continue;
        const names = aptNames(invocation);
        const withRec = aptSetSize(names, state.release, { recommends: true, onFull: state.onFull }).mb;
        const without = aptSetSize(names, state.release, { recommends: false, onFull: state.onFull }).mb;
        mb = add(mb, { low: Math.max(0, withRec[0] - without[0]), high: Math.max(0, withRec[1] - without[1]) });
      }
    }
    if (mb.high > 0) savings.push({ ruleId: 'apt-no-install-recommends', title: 'Add `--no-install-recommends`', mb, detail: 'Installs what the packages depend on, not everything they recommend.' });
  }

  const cacheSaving = (ruleId: string, label: string, title: string, detail: string) => {
    const mb = sum(layers.filter((l) => fired(ruleId).some((f) => inInstruction(f, l.instruction))).flatMap((l) => l.parts.filter((p) => p.label === label).map((p) => p.mb)));
    if (mb.high > 0) savings.push({ ruleId, title, mb, detail });
  };
  cacheSaving('apt-lists-not-cleaned', 'apt lists', 'Delete the apt lists in the same RUN', '`rm -rf /var/lib/apt/lists/*` at the end of the install.');
  cacheSaving('pip-cache', 'pip/uv download cache', 'Turn off the pip/uv cache', '`--no-cache-dir` (pip) or `--no-cache` (uv), or a cache mount.');
  cacheSaving('apk-no-cache', 'apk index', 'Use `apk add --no-cache`', 'No package index is left in the layer.');

  const later = fired('remove-in-later-layer');
  if (later.length) {
    const names = new Set<string>();
    for (const layer of layers) {
      if (!later.some((f) => inInstruction(f, layer.instruction))) continue;
      for (const invocation of layer.instruction.run?.packages ?? []) {
        const removes = (invocation.manager === 'apt' && ['purge', 'remove'].includes(invocation.subcommand)) || (invocation.manager === 'apk' && invocation.subcommand === 'del');
        if (removes) for (const n of aptNames(invocation)) if (state.apt.has(n)) names.add(n);
      }
    }
    if (names.size) {
      const list = [...names];
      const mb = state.musl ? range(apkSetSize(list).mb) : range(aptSetSize(list, state.release, { recommends: false, onFull: state.onFull }).mb);
      if (mb.high > 0) savings.push({ ruleId: 'remove-in-later-layer', title: 'Remove packages in the RUN that installed them', mb, detail: `${list.map((n) => `\`${n}\``).join(', ')} are deleted in a later layer, which only hides them.` });
    }
  }

  const torchLayer = layers.find((l) => l.parts.some((p) => /\btorch\b/.test(p.label)));
  if (state.pip.has('torch') && torchLayer) {
    const invocation = torchLayer.instruction.run?.packages.find((i) => i.manager !== 'apt' && i.manager !== 'apk');
    if (!cpuTorch(invocation)) {
      const cuda = range(pipSize('torch')!.installedMb);
      savings.push({
        ruleId: undefined,
        title: 'CPU-only PyTorch, if the service has no GPU',
        mb: { low: cuda.low - TORCH_CPU_MB.high, high: cuda.high - TORCH_CPU_MB.low },
        detail: 'Install torch from `https://download.pytorch.org/whl/cpu`: the default Linux wheel brings ≈3 GB of CUDA libraries.',
      });
    }
  }
  return savings;
}

/** Total of several savings (they rarely overlap much; this adds them). */
export function totalSavings(savings: readonly Saving[]): MbRange {
  return sum(savings.map((s) => s.mb));
}

/** "340 MB", "1.2 GB": one rounded figure. */
export function formatMb(mb: number): string {
  if (mb >= 995) return `${(mb / 1000).toFixed(mb >= 9950 ? 0 : 1)} GB`;
  if (mb >= 100) return `${Math.round(mb / 10) * 10} MB`;
  if (mb >= 10) return `${Math.round(mb / 5) * 5} MB`;
  if (mb >= 1) return `${Math.round(mb)} MB`;
  return mb > 0 ? '<1 MB' : '0 MB';
}

/** "340–380 MB", or one figure when the ends round to the same. */
export function formatRange(r: MbRange): string {
  // "<1–3 MB" reads badly: a range that reaches 1 MB starts at 1.
  const low = formatMb(r.high >= 1 ? Math.max(1, r.low) : r.low);
  const high = formatMb(r.high);
  if (low === high) return low;
  const [lowNumber, lowUnit] = low.split(' ');
  const [highNumber, highUnit] = high.split(' ');
  return lowUnit === highUnit ? `${lowNumber}–${highNumber} ${highUnit}` : `${low}–${high}`;
}

/** The middle of a range, rounded: for a one-figure label. */
export function formatMid(r: MbRange): string {
  return formatMb((r.low + r.high) / 2);
}

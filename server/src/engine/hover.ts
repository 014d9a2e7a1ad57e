// Hovers that teach: what a base image is made of and what that means for
// this file, what a package-manager flag or subcommand does inside an image,
// what a COPY/RUN flag buys, and, on a finding, the rule's own documentation.
// Returns markdown; the server wraps it in an LSP Hover and adds the generic
// Dockerfile hover after it.

import { RULE_DOCS_BASE } from '../../../shared/ids';
import {
  BASE_IMAGE_TABLE_DATE,
  describeOtherBase,
  describePythonImage,
  distroDescription,
  NEWEST_PYTHON,
  slimTag,
  VARIANT_FACTS,
  type OtherBaseImage,
  type PythonImage,
} from './knowledge/base-images';
import { CACHE_TARGETS, instructionFlagDoc, mountDoc, optionDoc, subcommandDoc } from './knowledge/flags';
import { isBuildOnlyPackage, stripVersion } from './knowledge/packages';
import { musllinuxGaps, TABLE_DATE as WHEEL_TABLE_DATE, wheelFacts } from './knowledge/pypi-wheels';
import { installedPackages } from './context/installs';
import type { BuildContext } from './context/types';
import { hasOption, isInstall } from './model/packages';
import { stageChain } from './model/stages';
import type { DockerfileModel, Flag, Instruction, Mount, PackageInvocation, Span, Stage } from './model/types';
import { RULES_BY_ID } from './rules/catalog';
import type { Finding } from './rules/types';

export interface HoverResult {
  markdown: string;
  span: Span;
}

export interface HoverOptions {
  /** The build context, so the musl story can read requirement and lock files. */
  buildContext?: BuildContext;
}

interface Section {
  markdown: string;
  span: Span;
}

function within(offset: number, span: Span): boolean {
  return offset >= span.start && offset <= span.end;
}

/**
 * Everything Slimfile can teach about the position: the documentation of the
 * findings under it, then the base image, flag or subcommand it is on.
 */
export function hoverAt(model: DockerfileModel, offset: number, findings: readonly Finding[] = [], options: HoverOptions = {}): HoverResult | undefined {
  const sections: Section[] = [];
  const seenRules = new Set<string>();
  for (const finding of findings) {
    if (!within(offset, finding.span) || seenRules.has(finding.ruleId)) continue;
    const markdown = findingHover(finding);
    if (!markdown) continue;
    seenRules.add(finding.ruleId);
    sections.push({ markdown, span: finding.span });
  }
  const element = elementHover(model, offset, options);
  if (element) sections.push(element);
  if (sections.length === 0) return undefined;
  // The range the editor highlights: the narrowest thing hovered.
  const span = sections.reduce((best, s) => (s.span.end - s.span.start < best.end - best.start ? s.span : best), sections[0].span);
  return { markdown: sections.map((s) => s.markdown).join('\n\n---\n\n'), span };
}

function elementHover(model: DockerfileModel, offset: number, options: HoverOptions): Section | undefined {
  for (const stage of model.stages) {
    if (!within(offset, stage.span) && !within(offset, stage.from.span)) continue;
    const { image } = stage;
    if (within(offset, image.span) && image.raw) {
      const markdown = baseImageHover(model, stage, options);
      return markdown ? { markdown, span: image.span } : undefined;
    }
    for (const instruction of [stage.from, ...stage.instructions]) {
      if (!within(offset, instruction.span)) continue;
      for (const flag of instruction.flags) {
        if (!within(offset, flag.span)) continue;
        const markdown = flagHover(model, stage, instruction, flag);
        return markdown ? { markdown, span: flag.span } : undefined;
      }
      for (const invocation of instruction.run?.packages ?? []) {
        const section = packageManagerHover(invocation, offset);
        if (section) return section;
      }
      return undefined;
    }
  }
  return undefined;
}

// Findings ------------------------------------------------------------------

const FIX_WORDS = { always: 'fix available', sometimes: 'fix sometimes available', none: 'no automatic fix' } as const;

function findingHover(finding: Finding): string | undefined {
  const rule = RULES_BY_ID.get(finding.ruleId);
  if (!rule) return undefined;
  const url = `${RULE_DOCS_BASE}${rule.id}.md`;
  const fix = finding.fixes.length ? (finding.fixes.some((f) => f.safe) ? 'safe fix available' : 'unsafe fix available (applied only on request)') : FIX_WORDS[rule.fixAvailability];
  return [
    `**[${rule.id}](${url})** · ${rule.category} · ${finding.severity} · ${fix}`,
    '',
    `${rule.docs.summary}.`,
    '',
    `**Why:** ${rule.docs.why}`,
    '',
    `**Fix safety:** ${firstSentence(rule.docs.fixSafety)}`,
    '',
    `[Rule page](${url}) · suppress with \`# slimfile-ignore ${rule.id}\` on the line above`,
  ].join('\n');
}

function firstSentence(text: string): string {
  const m = /^(.*?[.!?])(\s|$)/s.exec(text);
  return m ? m[1] : text;
}

// Base images ---------------------------------------------------------------

function span(values: [number, number], unit = 'MB'): string {
  return values[0] === values[1] ? `${values[0]} ${unit}` : `${values[0]}–${values[1]} ${unit}`;
}

function baseImageHover(model: DockerfileModel, stage: Stage, options: HoverOptions): string | undefined {
  const info = describePythonImage(stage.image);
  if (info) return pythonImageHover(model, stage, info, options);
  const other = describeOtherBase(stage.image);
  return other ? otherImageHover(model, stage, other) : undefined;
}

function pythonImageHover(model: DockerfileModel, stage: Stage, info: PythonImage, options: HoverOptions): string {
  const facts = VARIANT_FACTS[info.variant];
  const python = info.pythonVersion ?? `${NEWEST_PYTHON} (the newest release: the tag moves with every release)`;
  const lines = [
    `**${stage.image.resolved}**: ${facts.summary}.`,
    '',
    '| | |',
    '| --- | --- |',
    `| Python | ${python} |`,
    `| OS | ${distroDescription(info)} |`,
    `| libc | ${info.libc} |`,
    `| Size | ≈${span(facts.sizeMb)} on disk, ≈${span(facts.compressedMb)} to pull |`,
  ];
  if (info.variant === 'alpine') lines.push('', ...muslStory(model, stage, info, options));
  else if (info.variant === 'full') {
    const slim = slimTag(info);
    lines.push(
      '',
      `The full image carries compilers, headers and tools a running service never uses. Build in it if you must, ` +
        `but run on \`python:${slim}\` (≈${span(VARIANT_FACTS.slim.sizeMb)}): a multi-stage build copies the virtual environment across.`,
    );
  } else if (info.variant === 'slim') {
    lines.push('', 'No compilers or headers: packages that publish `manylinux` wheels install as they are; anything that must compile needs a builder stage.');
  }
  if (!stage.image.tag && !stage.image.digest) lines.push('', 'No tag: this is `latest`, which changes Python version and OS under you. Pin at least `3.X-slim-<release>`.');
  lines.push('', `<sub>Facts as of ${BASE_IMAGE_TABLE_DATE}; sizes are typical for amd64.</sub>`);
  return lines.join('\n');
}

function otherImageHover(model: DockerfileModel, stage: Stage, info: OtherBaseImage): string {
  const estimate = info.estimate ? ' (estimate)' : '';
  const lines = [`**${stage.image.resolved}**: ${info.summary}.`, ''];
  if (info.family !== 'scratch') {
    lines.push(
      '| | |',
      '| --- | --- |',
      `| Python | ${info.pythonVersion ?? (info.family === 'chainguard' ? 'the newest release (the free tier only offers `latest`)' : 'none')} |`,
      `| OS | ${info.distro} |`,
      `| libc | ${info.libc} |`,
      `| Shell / pip | ${info.shell ? 'yes' : 'no'} / ${info.pip ? 'yes' : 'no'} |`,
      `| Size | ≈${span(info.sizeMb)} on disk, ≈${span(info.compressedMb)} to pull${estimate} |`,
      '',
    );
  }
  if (info.family === 'distroless' || (info.family === 'chainguard' && !info.pip)) {
    lines.push(
      'Nothing can be installed here: build the virtual environment in a builder stage with the **same Python minor version** and copy it in. ' +
        'Without a shell, `RUN` fails and `CMD` must be exec form with an absolute path.',
    );
    if (info.family === 'distroless') {
      const builder = info.pythonVersion === '3.11' ? 'python:3.11-slim-bookworm' : info.pythonVersion === '3.13' ? 'python:3.13-slim-trixie' : undefined;
      lines.push(
        '',
        `Its interpreter is Debian's \`/usr/bin/python3\`; a venv made in the official image points at \`/usr/local/bin/python3\`, which is not there. ` +
          `Copy \`site-packages\` and set \`PYTHONPATH\`, or build the venv with Debian's own \`python3\`${builder ? ` (or match the version with \`${builder}\`)` : ''}.`,
      );
      const mismatch = builderVersionMismatch(model, stage, info.pythonVersion);
      if (mismatch) lines.push('', `⚠ ${mismatch}`);
    }
  }
  lines.push('', `Source: <${info.source}> · <sub>as of ${BASE_IMAGE_TABLE_DATE}</sub>`);
  return lines.join('\n');
}

/** A stage copied into a distroless stage that runs a different Python minor version. */
function builderVersionMismatch(model: DockerfileModel, stage: Stage, version: string | undefined): string | undefined {
  if (!version) return undefined;
  for (const instruction of stage.instructions) {
    const from = instruction.keyword === 'COPY' ? instruction.flags.find((f) => f.name === 'from')?.value : undefined;
    const source = from ? model.stages.find((s) => s.name?.toLowerCase() === from.toLowerCase()) : undefined;
    if (!source) continue;
    const builder = describePythonImage(stageChain(model, source)[0].image);
    const minor = builder?.pythonVersion?.split('.').slice(0, 2).join('.');
    if (minor && minor.includes('.') && minor !== version) {
      return `Stage \`${source.name}\` builds with Python ${minor}, this image runs ${version}: compiled packages will not load.`;
    }
  }
  return undefined;
}

interface PythonInstall {
  name: string;
  extras: string[];
}

/** The musl explanation, made concrete with what this stage (and the stages built on it) install. */
function muslStory(model: DockerfileModel, stage: Stage, info: PythonImage, options: HoverOptions): string[] {
  const packages: PythonInstall[] = [];
  const requirementFiles: string[] = [];
  const buildTools: string[] = [];
  const readFrom: string[] = [];
  let incomplete = false;
  for (const s of model.stages.filter((candidate) => candidate === stage || stageChain(model, candidate).includes(stage))) {
    for (const instruction of s.instructions) {
      for (const invocation of instruction.run?.packages ?? []) {
        if (!isInstall(invocation)) continue;
        if (invocation.manager === 'apk') buildTools.push(...invocation.packages.map((p) => stripVersion(p.value)).filter((p) => isBuildOnlyPackage(p, 'musl')));
        if (invocation.manager === 'apt' || invocation.manager === 'apk') continue;
        const reading = installedPackages(model, s, instruction, invocation, options.buildContext);
        packages.push(...reading.packages.map((p) => ({ name: p.name, extras: p.extras })));
        readFrom.push(...reading.files);
        if (reading.incomplete) {
          incomplete = true;
          requirementFiles.push(...invocation.requirementFiles.map((r) => r.value));
        }
      }
    }
  }
  const slim = slimTag({ ...info, libc: 'glibc', variant: 'slim', distroSuffix: '' });
  const story = [
    '**musl, not glibc.** Alpine builds everything against musl libc. Most Linux wheels on PyPI are `manylinux` wheels, built ' +
      'against glibc, and cannot load on musl. Since PEP 656 (2021) packages can also publish `musllinux` wheels, and many popular ' +
      'ones do, but not all: for a package without one, pip downloads the source and compiles it, which needs a compiler and headers ' +
      'in the image and can take many minutes for numpy- or pandas-sized packages. At run time musl also differs in its memory ' +
      'allocator, DNS resolver and default thread stack size.',
    '',
  ];
  const unique = [...new Map(packages.map((p) => [p.name, p])).values()];
  const wheels: string[] = [];
  const compile: string[] = [];
  const sourceOnly: string[] = [];
  const unknown: string[] = [];
  for (const p of unique) {
    const facts = wheelFacts(p.name);
    const gaps = musllinuxGaps({ name: p.name, extras: p.extras, pinned: undefined });
    if (gaps.length) compile.push(`\`${p.name}\`${gaps.some((g) => g.name !== p.name) ? ` (via ${gaps.map((g) => `\`${g.name}\``).join(', ')})` : ''}`);
    else if (!facts) unknown.push(`\`${p.name}\``);
    else if (!facts.manylinux && !facts.musllinux && !facts.pure) sourceOnly.push(`\`${p.name}\``);
    else if (!facts.pure) wheels.push(`\`${p.name}\``);
  }
  const here: string[] = [];
  if (readFrom.length) here.push(`- Read from ${[...new Set(readFrom)].map((f) => `\`${f}\``).join(', ')} in the build context.`);
  if (compile.length) here.push(`- **No \`musllinux\` wheel, will compile here (or fail):** ${compile.join(', ')}`);
  if (sourceOnly.length) here.push(`- **Source only on every Linux (compiles on any base):** ${sourceOnly.join(', ')}`);
  if (wheels.length) here.push(`- **Have \`musllinux\` wheels, install as wheels:** ${wheels.join(', ')}`);
  if (unknown.length) here.push(`- **Not in Slimfile's wheel table (${WHEEL_TABLE_DATE}):** ${unknown.join(', ')}`);
  if (requirementFiles.length) here.push(`- Installs from ${[...new Set(requirementFiles)].map((r) => `\`${r}\``).join(', ')}: ${options.buildContext ? 'part of it could not be read' : 'open the file in a folder so Slimfile can read it'}; check each package with C code for a \`musllinux\` wheel.`);
  else if (incomplete) here.push('- Part of what this stage installs could not be read from the build context.');
  if (buildTools.length) here.push(`- Adds build tools (${[...new Set(buildTools)].map((b) => `\`${b}\``).join(', ')}): a sign that packages compile here.`);
  if (here.length) story.push('**In this file:**', '', ...here, '');
  else story.push('**In this file** no Python packages are installed in this stage, so musl costs nothing here yet.', '');
  story.push(
    `**glibc alternative:** \`python:${slim}\` (≈${span(VARIANT_FACTS.slim.sizeMb)}) installs manylinux wheels as they are, ` +
      `with no compiler in the image. See [alpine-musl](${RULE_DOCS_BASE}alpine-musl.md).`,
  );
  return story;
}

// Instruction flags -----------------------------------------------------------

function flagHover(model: DockerfileModel, stage: Stage, instruction: Instruction, flag: Flag): string | undefined {
  if (instruction.keyword === 'RUN' && flag.name === 'mount') {
    const mount = instruction.run?.mounts.find((m) => m.flag === flag);
    return mount ? mountHover(model, stage, instruction, mount) : undefined;
  }
  const doc = instructionFlagDoc(instruction.keyword, flag.name);
  if (!doc) return undefined;
  const lines = [`**${instruction.keyword} --${flag.name}**: ${doc.what}`, '', doc.why];
  if (flag.name === 'from' && flag.value) {
    const source = /^\d+$/.test(flag.value) ? model.stages[Number(flag.value)] : model.stages.find((s) => s.name?.toLowerCase() === flag.value!.toLowerCase());
    if (source && source.index < stage.index) {
      const root = stageChain(model, source)[0];
      lines.push('', `Here: from stage \`${source.name ?? source.index}\` (built on \`${root.image.resolved || root.image.raw}\`); nothing else of that stage reaches this one.`);
    } else if (!source) {
      lines.push('', `Here: from the image \`${flag.value}\`, pulled at build time: pin its tag or digest like a base image.`);
    }
  }
  lines.push('', `[Dockerfile reference](${doc.link})`);
  return lines.join('\n');
}

function mountHover(model: DockerfileModel, stage: Stage, instruction: Instruction, mount: Mount): string | undefined {
  const doc = mountDoc(mount.type);
  if (!doc) return undefined;
  const lines = [`**RUN --mount=type=${mount.type}**: ${doc.what}`, '', doc.why];
  if (mount.type === 'cache') lines.push('', ...cacheMountAdvice(model, stage, instruction, mount));
  if (mount.type === 'secret') {
    const id = /(?:^|,)id=([^,]+)/.exec(mount.flag.value ?? '')?.[1];
    const env = /(?:^|,)env=([^,]+)/.exec(mount.flag.value ?? '')?.[1];
    const where = env ? `the variable \`${env}\`` : `\`${mount.target ?? `/run/secrets/${id ?? '<id>'}`}\``;
    lines.push('', `Here: ${where}, from \`docker build --secret id=${id ?? '<id>'},src=<file>\`. Read it inside this RUN only; do not copy it elsewhere in the layer.`);
  }
  if (mount.type === 'bind' && mount.source) {
    lines.push('', `Here: \`${mount.source}\`${mount.from ? ` from \`${mount.from}\`` : ' from the build context'} at \`${mount.target ?? mount.source}\`, for this RUN only.`);
  }
  lines.push('', `[Dockerfile reference](${doc.link})`);
  return lines.join('\n');
}

function cacheMountAdvice(model: DockerfileModel, stage: Stage, instruction: Instruction, mount: Mount): string[] {
  const managers = [...new Set((instruction.run?.packages ?? []).map((p) => p.manager))];
  const target = (mount.target ?? '').replace(/\/+$/, '');
  const out: string[] = [];
  const covers = (dir: string) => target !== '' && (dir === target || dir.startsWith(`${target}/`) || target.startsWith(`${dir}/`));
  const rows = CACHE_TARGETS.filter((c) => managers.includes(c.manager));
  if (rows.length === 0) {
    out.push('**Cache targets:** pip `/root/.cache/pip`, uv `/root/.cache/uv`, Poetry `/root/.cache/pypoetry`, apt `/var/cache/apt` + `/var/lib/apt`, apk `/var/cache/apk`.');
    return out;
  }
  for (const row of rows) {
    const hit = row.targets.some(covers);
    out.push(`- **${row.manager}** caches in ${row.targets.map((t) => `\`${t}\``).join(' and ')}${hit ? ' ✓' : `: this mount (\`${target || '?'}\`) does not cover it`}. ${row.note}`);
  }
  const pip = (instruction.run?.packages ?? []).find((p) => p.manager === 'pip' && hasOption(p, '--no-cache-dir'));
  if (pip && covers('/root/.cache/pip')) out.push('', '⚠ This RUN passes `--no-cache-dir`, so pip writes nothing to the mounted cache.');
  if (runsAsNonRoot(stage, instruction)) out.push('', '⚠ A `USER` other than root is in effect: the cache is under that user\'s home, and the mount needs `uid=`/`gid=` to be writable.');
  void model;
  return ['**For this RUN:**', '', ...out];
}

function runsAsNonRoot(stage: Stage, before: Instruction): boolean {
  let user = 'root';
  for (const instruction of stage.instructions) {
    if (instruction === before) break;
    if (instruction.keyword === 'USER' && instruction.tokens[0]) user = instruction.tokens[0].value.split(':')[0];
  }
  return user !== 'root' && user !== '0';
}

// Package managers ------------------------------------------------------------

const MANAGER_NAMES = { apt: 'apt-get', apk: 'apk', pip: 'pip', uv: 'uv', poetry: 'poetry' } as const;

function packageManagerHover(invocation: PackageInvocation, offset: number): Section | undefined {
  const subcommand = invocation.command.words[invocation.subcommandIndex];
  if (invocation.subcommand && subcommand && within(offset, subcommand.span)) {
    const doc = subcommandDoc(invocation.manager, invocation.subcommand);
    if (!doc) return undefined;
    return { markdown: `**${invocation.program} ${doc.name}**: ${doc.what}\n\n${doc.why}\n\n[${MANAGER_NAMES[invocation.manager]} documentation](${doc.link})`, span: subcommand.span };
  }
  for (const option of invocation.options) {
    if (!within(offset, option.span) || !option.value.startsWith('-')) continue;
    const doc = optionDoc(invocation.manager, invocation.subcommand, option.value);
    if (!doc) return undefined;
    const name = doc.names.find((n) => option.value === n || option.value.startsWith(`${n}=`)) ?? option.value;
    return { markdown: `**${invocation.program} ${name}**: ${doc.what}\n\n${doc.why}\n\n[${MANAGER_NAMES[invocation.manager]} documentation](${doc.link})`, span: option.span };
  }
  return undefined;
}

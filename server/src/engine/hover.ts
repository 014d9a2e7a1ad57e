// Hovers that teach: what a base image is made of and what that means for
// this file. Returns markdown; the server wraps it in an LSP Hover.

import { RULE_DOCS_BASE } from '../../../shared/ids';
import { describePythonImage, slimTag, VARIANT_FACTS, type PythonImage } from './knowledge/base-images';
import { isBuildOnlyPackage, stripVersion } from './knowledge/packages';
import { isInstall } from './model/packages';
import type { DockerfileModel, Span, Stage } from './model/types';

export interface HoverResult {
  markdown: string;
  span: Span;
}

export function hoverAt(model: DockerfileModel, offset: number): HoverResult | undefined {
  for (const stage of model.stages) {
    const { image } = stage;
    if (offset >= image.span.start && offset <= image.span.end && image.raw) {
      const markdown = baseImageHover(model, stage);
      return markdown ? { markdown, span: image.span } : undefined;
    }
  }
  return undefined;
}

function range(values: [number, number], unit: string): string {
  return `${values[0]}–${values[1]} ${unit}`;
}

function baseImageHover(model: DockerfileModel, stage: Stage): string | undefined {
  const info = describePythonImage(stage.image);
  if (!info) return undefined;
  const facts = VARIANT_FACTS[info.variant];
  const version = info.pythonVersion ? `Python ${info.pythonVersion}` : 'the newest Python';
  const lines = [
    `**${stage.image.resolved}**: ${facts.summary}.`,
    '',
    `${version} · ${info.libc} · ${info.distro} · ≈${range(facts.sizeMb, 'MB')} on disk, ≈${range(facts.compressedMb, 'MB')} to pull`,
  ];
  if (info.variant === 'alpine') lines.push('', ...muslStory(model, stage, info));
  else if (info.variant === 'full') {
    const slim = slimTag(info);
    lines.push(
      '',
      `The full image carries compilers, headers and tools a running service never uses. Build in it if you must, ` +
        `but run on \`python:${slim}\` (≈${range(VARIANT_FACTS.slim.sizeMb, 'MB')}): a multi-stage build copies the virtual environment across.`,
    );
  }
  return lines.join('\n');
}

/** The musl explanation, made concrete with what this stage installs. */
function muslStory(model: DockerfileModel, stage: Stage, info: PythonImage): string[] {
  const pipPackages: string[] = [];
  const requirementFiles: string[] = [];
  const buildTools: string[] = [];
  for (const s of model.stages.filter((candidate) => candidate === stage || rootsIn(model, candidate, stage))) {
    for (const instruction of s.instructions) {
      for (const invocation of instruction.run?.packages ?? []) {
        if (!isInstall(invocation)) continue;
        if (invocation.manager === 'apk') buildTools.push(...invocation.packages.map((p) => stripVersion(p.value)).filter((p) => isBuildOnlyPackage(p, 'musl')));
        if (invocation.manager === 'pip' || invocation.manager === 'uv') {
          pipPackages.push(...invocation.packages.map((p) => p.value).filter((p) => !p.startsWith('.') && !p.includes('/')));
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
  const here: string[] = [];
  if (pipPackages.length) here.push(`installs ${pipPackages.map((p) => `\`${p}\``).join(', ')} with pip: each needs a \`musllinux\` wheel to avoid a source build`);
  if (requirementFiles.length) here.push(`installs from ${requirementFiles.map((r) => `\`${r}\``).join(', ')}: check each package with C code for a \`musllinux\` wheel`);
  if (buildTools.length) here.push(`adds build tools (${buildTools.map((b) => `\`${b}\``).join(', ')}): a sign that packages compile here`);
  if (here.length) story.push(`**In this file** the stage ${here.join('; ')}.`, '');
  else story.push('**In this file** no Python packages are installed in this stage, so musl costs nothing here yet.', '');
  story.push(
    `**glibc alternative:** \`python:${slim}\` (≈${range(VARIANT_FACTS.slim.sizeMb, 'MB')}) installs manylinux wheels as they are, ` +
      'with no compiler in the image. See [alpine-musl](' + `${RULE_DOCS_BASE}alpine-musl.md).`,
  );
  return story;
}

/** True when `candidate` is built FROM `stage` (directly or through other stages). */
function rootsIn(model: DockerfileModel, candidate: Stage, stage: Stage): boolean {
  let current: Stage | undefined = candidate;
  const seen = new Set<number>();
  while (current && current.image.stage !== undefined && !seen.has(current.index)) {
    seen.add(current.index);
    if (current.image.stage === stage.index) return true;
    current = model.stages[current.image.stage];
  }
  return false;
}

// "Explain this Dockerfile": a markdown report of the stage graph, what each
// layer costs and why, and the findings grouped by category with links to the
// rule pages. Pure: the editor opens it in a preview, the CLI prints it.

import { RULE_DOCS_BASE } from '../../../shared/ids';
import type { BuildContext } from './context/types';
import { lintModel } from './lint';
import { stageChain } from './model/stages';
import { positionAt } from './model/text';
import type { DockerfileModel, Instruction, Stage } from './model/types';
import { RULES_BY_ID } from './rules/catalog';
import type { Category, Finding } from './rules/types';
import { estimateImage, estimateTargets, formatMid, formatRange, MAX_TARGETS, targetStages, totalSavings, type ImageEstimate, type LayerCost } from './size';

export interface ExplainOptions {
  /** A name for the heading, e.g. the file's path. */
  title?: string;
  findings?: readonly Finding[];
  buildContext?: BuildContext;
}

interface Edge {
  from: Stage;
  to: Stage;
  label: string;
}

const CATEGORY_TITLES: Record<Category, string> = {
  size: 'Size',
  cache: 'Build cache',
  security: 'Security',
  runtime: 'Runtime',
  correctness: 'Correctness',
};
const CATEGORY_ORDER: Category[] = ['size', 'cache', 'security', 'runtime', 'correctness'];

export function explainDockerfile(model: DockerfileModel, options: ExplainOptions = {}): string {
  const findings = options.findings ?? lintModel(model, { buildContext: options.buildContext });
  const title = options.title ?? 'Dockerfile';
  const out: string[] = [`# Slimfile: ${escapeText(title)}`, ''];
  if (model.stages.length === 0) {
    out.push('This file has no `FROM` instruction, so there is no image to explain.', '');
    out.push(...findingSections(model, findings));
    return out.join('\n');
  }
  const targets = targetStages(model);
  const estimates = estimateTargets(model, { findings, buildContext: options.buildContext });
  const final = estimates.find((e) => e.stage === model.stages[model.stages.length - 1]);
  const stageCount = `${model.stages.length} ${model.stages.length === 1 ? 'stage' : 'stages'}`;
  const size = !final
    ? ''
    : final.base
      ? `; the final image weighs an estimated **≈${formatMid(final.total)}** (${formatRange(final.total)})`
      : `; the final image's base \`${imageName(final.root)}\` is not in Slimfile's tables, so only what its layers add is estimated (≈${formatMid(final.total)})`;
  const counts = findings.length ? `; ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}` : '; no findings';
  out.push(`${stageCount}${size}${counts}.`, '');

  out.push(...stageGraph(model, targets, estimates));
  for (const estimate of estimates) out.push(...imageSection(model, estimate, estimates.length > 1));
  const builders = model.stages.filter((s) => !estimates.some((e) => stageChain(model, e.stage).includes(s)));
  if (builders.length) out.push(...builderSection(model, builders, findings, options.buildContext));
  out.push(...findingSections(model, findings));
  return out.join('\n');
}

// Stage graph -----------------------------------------------------------------

function stageName(stage: Stage): string {
  return stage.name ?? `stage ${stage.index}`;
}

function imageName(stage: Stage): string {
  return stage.image.resolved || stage.image.raw || '(none)';
}

function edges(model: DockerfileModel): Edge[] {
  const found: Edge[] = [];
  const byName = (reference: string) =>
    /^\d+$/.test(reference) ? model.stages[Number(reference)] : model.stages.find((s) => s.name?.toLowerCase() === reference.toLowerCase());
  for (const stage of model.stages) {
    if (stage.image.stage !== undefined) found.push({ from: model.stages[stage.image.stage], to: stage, label: 'FROM' });
    for (const instruction of stage.instructions) {
      const from = instruction.keyword === 'COPY' || instruction.keyword === 'ADD' ? instruction.flags.find((f) => f.name === 'from')?.value : undefined;
      const source = from ? byName(from) : undefined;
      if (source && source !== stage) {
        const paths = instruction.tokens.slice(0, -1).map((t) => t.value).join(' ');
        found.push({ from: source, to: stage, label: `COPY ${paths}`.trim() });
      }
      for (const mount of instruction.run?.mounts ?? []) {
        const mounted = mount.from ? byName(mount.from) : undefined;
        if (mounted && mounted !== stage) found.push({ from: mounted, to: stage, label: `mount ${mount.source ?? ''}`.trim() });
      }
    }
  }
  return found;
}

function mermaidText(text: string): string {
  return text.replace(/"/g, "'").replace(/[<>]/g, '').slice(0, 60);
}

function stageGraph(model: DockerfileModel, targets: Stage[], estimates: ImageEstimate[]): string[] {
  const graph = edges(model);
  const lines = ['## Stages', '', '```mermaid', 'flowchart LR'];
  const images = new Map<string, string>();
  for (const stage of model.stages) {
    const target = targets.includes(stage);
    const estimate = estimates.find((e) => e.stage === stage);
    const label = `${stageName(stage)}${target ? (stage.index === model.stages.length - 1 ? ' (final)' : ' (target)') : ''}${estimate ? ` ≈${formatMid(estimate.total)}` : ''}`;
    lines.push(`  s${stage.index}["${mermaidText(label)}"]`);
    if (stage.image.stage === undefined) {
      const image = imageName(stage);
      if (!images.has(image)) {
        images.set(image, `i${images.size}`);
        lines.push(`  ${images.get(image)}[("${mermaidText(image)}")]`);
      }
      lines.push(`  ${images.get(image)} --> s${stage.index}`);
    }
  }
  for (const edge of graph) lines.push(`  s${edge.from.index} -- "${mermaidText(edge.label)}" --> s${edge.to.index}`);
  lines.push('```', '');

  // The same graph as text: each target and, below it, what it is built from or copies from.
  lines.push('```text');
  const printed = new Set<number>();
  const walk = (stage: Stage, prefix: string, connector: string, via: string) => {
    const base = stage.image.stage === undefined ? ` FROM ${imageName(stage)}` : '';
    lines.push(`${prefix}${connector}${via}${stageName(stage)}${base}`);
    if (printed.has(stage.index)) return;
    printed.add(stage.index);
    const incoming = graph.filter((e) => e.to === stage);
    const childPrefix = prefix + (connector === '└── ' ? '    ' : connector === '├── ' ? '│   ' : '');
    incoming.forEach((edge, i) => walk(edge.from, childPrefix, i === incoming.length - 1 ? '└── ' : '├── ', `${edge.label === 'FROM' ? 'FROM ' : `${edge.label} ← `}`));
  };
  for (const target of [...targets].reverse()) walk(target, '', '', target.index === model.stages.length - 1 ? '[final] ' : '[target] ');
  const unreached = model.stages.filter((s) => !printed.has(s.index));
  for (const stage of unreached) lines.push(`${stageName(stage)} FROM ${imageName(stage)}  (not used by any target)`);
  lines.push('```', '');
  return lines;
}

// Layers ----------------------------------------------------------------------

function lineOf(model: DockerfileModel, instruction: Instruction): number {
  return positionAt(model.lineStarts, instruction.span.start).line + 1;
}

/** The instruction's first line, shortened, safe inside a table cell's code span. */
function instructionText(model: DockerfileModel, instruction: Instruction): string {
  const first = model.text.slice(instruction.span.start, instruction.span.end).split(/\r?\n/)[0].trim();
  const short = first.length > 70 ? `${first.slice(0, 67)}…` : first;
  return `\`${short.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

function escapeText(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function layerRow(model: DockerfileModel, layer: LayerCost): string {
  const why = [...layer.parts.map((p) => (p.mb.high > 0 ? `${escapeText(p.label)} ≈${formatRange(p.mb)}` : escapeText(p.label))), ...layer.unsized.map((u) => `${escapeText(u)}: not sized`)].join('; ');
  const adds = layer.mb.high > 0 ? `≈${formatRange(layer.mb)}` : layer.unsized.length ? '?' : '0';
  return `| ${lineOf(model, layer.instruction)} | ${instructionText(model, layer.instruction)} | ${adds} | ${why || (layer.instruction.keyword === 'RUN' ? 'no package installs' : 'metadata only')} |`;
}

function imageSection(model: DockerfileModel, estimate: ImageEstimate, several: boolean): string[] {
  const stage = estimate.stage;
  const heading = several ? `## Image: ${stageName(stage)}` : '## Image size';
  const total = estimate.base
    ? `Estimated **≈${formatMid(estimate.total)}** (${formatRange(estimate.total)}) on disk.`
    : `The base image is not in Slimfile's tables; the layers below add ≈${formatRange(estimate.total)}.`;
  const lines = [heading, '', total, ''];
  lines.push('| Line | Instruction | Adds | Why |', '| --- | --- | --- | --- |');
  const root = estimate.root;
  lines.push(
    `| ${lineOf(model, root.from)} | ${instructionText(model, root.from)} | ${estimate.base ? `≈${formatRange(estimate.base.mb)}` : '?'} | ${estimate.base ? `base image: ${escapeText(estimate.base.label)}, ≈${formatRange(estimate.base.compressedMb)} to pull` : 'base image not in Slimfile\'s tables'} |`,
  );
  let current: Stage | undefined = root;
  for (const layer of estimate.layers) {
    if (layer.stage !== current) {
      current = layer.stage;
      lines.push(`| ${lineOf(model, current.from)} | ${instructionText(model, current.from)} | 0 | continues stage \`${stageName(current.image.stage !== undefined ? model.stages[current.image.stage] : current)}\` |`);
    }
    lines.push(layerRow(model, layer));
  }
  lines.push('');
  if (estimate.savings.length) {
    const total = totalSavings(estimate.savings);
    lines.push(`**What the suggested fixes would save** (up to ≈${formatRange(total)} together; some overlap):`, '');
    for (const saving of estimate.savings) {
      const rule = saving.ruleId ? ` ([${saving.ruleId}](${RULE_DOCS_BASE}${saving.ruleId}.md))` : '';
      lines.push(`- ${saving.title}: ≈${formatRange(saving.mb)}${rule}. ${saving.detail}`);
    }
    lines.push('');
  }
  lines.push('<details><summary>Assumptions</summary>', '', ...estimate.assumptions.map((a) => `- ${a}`), '', '</details>', '');
  return lines;
}

function builderSection(model: DockerfileModel, stages: Stage[], findings: readonly Finding[], buildContext: BuildContext | undefined): string[] {
  const lines = ['## Build-only stages', '', 'These layers are built but do not ship: only what a target copies out of them does.', ''];
  if (stages.length > MAX_TARGETS) lines.push(`The first ${MAX_TARGETS} of ${stages.length} are shown.`, '');
  for (const stage of stages.slice(0, MAX_TARGETS)) {
    const estimate = estimateImage(model, stage, { findings, buildContext });
    if (!estimate) continue;
    const size = estimate.base ? `≈${formatMid(estimate.total)} while building.` : 'Its base image is not in Slimfile\'s tables: only the layers are estimated.';
    lines.push(`### ${stageName(stage)}`, '', size, '', '| Line | Instruction | Adds | Why |', '| --- | --- | --- | --- |');
    if (stage === estimate.root) {
      lines.push(`| ${lineOf(model, stage.from)} | ${instructionText(model, stage.from)} | ${estimate.base ? `≈${formatRange(estimate.base.mb)}` : '?'} | base image |`);
    }
    for (const layer of estimate.layers.filter((l) => l.stage === stage)) lines.push(layerRow(model, layer));
    lines.push('');
  }
  return lines;
}

// Findings --------------------------------------------------------------------

function findingSections(model: DockerfileModel, findings: readonly Finding[]): string[] {
  const lines = ['## Findings', ''];
  if (findings.length === 0) {
    lines.push('None: Slimfile has nothing to suggest for this file.', '');
    return lines;
  }
  const byCategory = new Map<Category | 'other', Finding[]>();
  for (const finding of findings) {
    const category = RULES_BY_ID.get(finding.ruleId)?.category ?? 'other';
    byCategory.set(category, [...(byCategory.get(category) ?? []), finding]);
  }
  for (const category of [...CATEGORY_ORDER, 'other' as const]) {
    const group = byCategory.get(category);
    if (!group?.length) continue;
    lines.push(`### ${category === 'other' ? 'Other' : CATEGORY_TITLES[category]} (${group.length})`, '');
    for (const finding of group) {
      const line = positionAt(model.lineStarts, finding.span.start).line + 1;
      const rule = RULES_BY_ID.get(finding.ruleId);
      const id = rule ? `[\`${finding.ruleId}\`](${RULE_DOCS_BASE}${finding.ruleId}.md)` : `\`${finding.ruleId}\``;
      const fix = finding.fixes.some((f) => f.safe) ? ' (safe fix)' : finding.fixes.length ? ' (unsafe fix)' : '';
      lines.push(`- Line ${line}, ${finding.severity}, ${id}${fix}: ${finding.message}`);
    }
    lines.push('');
  }
  return lines;
}

// The size estimate as LSP inlay hints and code lenses, and the explain
// report's title. The numbers come from engine/size.ts; this only places them.

import { CodeLensRefreshRequest, InlayHintRefreshRequest, type ClientCapabilities, type CodeLens, type Connection, type InlayHint, type MarkupContent } from 'vscode-languageserver';
import { fileURLToPath } from 'node:url';
import { Commands, RULE_DOCS_BASE } from '../../../shared/ids';
import { rangeOf } from '../engine/model/text';
import type { DockerfileModel } from '../engine/model/types';
import { estimateTargets, formatMid, formatRange, totalSavings, type ImageEstimate } from '../engine/size';
import type { Analysis } from './analysis';

function estimates(analysis: Analysis): ImageEstimate[] {
  if (analysis.model.problems.length > 0) return [];
  // Without a known base there is no honest total to show.
  return estimateTargets(analysis.model, { findings: analysis.findings, buildContext: analysis.buildContext }).filter((e) => e.base !== undefined);
}

/** Markdown for the hint's tooltip: the breakdown, the savings and the assumptions. */
export function estimateTooltip(estimate: ImageEstimate): MarkupContent {
  const lines = [`**Estimated image size ≈${formatMid(estimate.total)}** (${formatRange(estimate.total)} on disk)`, ''];
  if (estimate.base) lines.push(`- base \`${estimate.base.image.resolved}\`: ≈${formatRange(estimate.base.mb)}`);
  const heavy = estimate.layers.filter((l) => l.mb.high >= 1).sort((a, b) => b.mb.high - a.mb.high).slice(0, 5);
  for (const layer of heavy) {
    lines.push(`- ${layer.parts.filter((p) => p.mb.high > 0).map((p) => p.label).join('; ')}: ≈${formatRange(layer.mb)}`);
  }
  if (estimate.savings.length) {
    lines.push('', `**The suggested fixes would save up to ≈${formatRange(totalSavings(estimate.savings))}:**`);
    for (const saving of estimate.savings) {
      const rule = saving.ruleId ? ` ([${saving.ruleId}](${RULE_DOCS_BASE}${saving.ruleId}.md))` : '';
      lines.push(`- ${saving.title}: ≈${formatRange(saving.mb)}${rule}`);
    }
  }
  lines.push('', '**Assumptions:**', ...estimate.assumptions.map((a) => `- ${a}`), '', 'Run **Slimfile: Explain this Dockerfile** for every layer.');
  return { kind: 'markdown', value: lines.join('\n') };
}

function endOfFromLine(model: DockerfileModel, estimate: ImageEstimate): number {
  const from = estimate.stage.from;
  const text = model.text.slice(from.span.start, from.span.end);
  const newline = text.search(/\r?\n/);
  return newline < 0 ? from.span.end : from.span.start + newline;
}

export function sizeInlayHints(analysis: Analysis): InlayHint[] {
  const { model } = analysis;
  return estimates(analysis).map((estimate) => ({
    position: rangeOf(model.lineStarts, { start: endOfFromLine(model, estimate), end: endOfFromLine(model, estimate) }).start,
    label: `≈${formatMid(estimate.total)}`,
    paddingLeft: true,
    tooltip: estimateTooltip(estimate),
  }));
}

export function sizeCodeLenses(analysis: Analysis): CodeLens[] {
  const { model } = analysis;
  return estimates(analysis).map((estimate) => {
    const saving = estimate.savings.length ? ` · fixes could save ≈${formatMid(totalSavings(estimate.savings))}` : '';
    const from = estimate.stage.from;
    return {
      range: rangeOf(model.lineStarts, { start: from.span.start, end: endOfFromLine(model, estimate) }),
      command: { title: `Estimated image size ≈${formatMid(estimate.total)}${saving}`, command: Commands.explainDockerfile, arguments: [analysis.uri] },
    };
  });
}

/** The heading of the explain report: the file's path, or its URI when it is not on disk. */
export function reportTitle(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

/** Asks the client to re-request hints and lenses (after a settings or build-context change), where it supports that. */
export function refreshSizeEstimates(connection: Connection, capabilities: ClientCapabilities | undefined): void {
  if (capabilities?.workspace?.inlayHint?.refreshSupport) void connection.sendRequest(InlayHintRefreshRequest.type).catch(() => undefined);
  if (capabilities?.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
}

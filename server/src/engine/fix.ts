// Applying every applicable fix until the file stops changing, as `slimfile fix`
// and the editor's "Fix all" do. One pass applies non-overlapping fixes; later
// passes pick up fixes that overlapped or that a change made possible.

import { applyEdits, editsConflict } from './edits';
import { lintText, type LintOptions } from './lint';
import type { TextEdit } from './rules/types';

export interface FixOptions extends LintOptions {
  /** Also apply fixes marked unsafe. */
  unsafe?: boolean;
  /** Only these rules' fixes (all when undefined). */
  only?: ReadonlySet<string>;
}

export interface FixResult {
  text: string;
  /** Rule ids whose fixes were applied, once per application. */
  applied: string[];
  /** Passes run; stops at the limit if fixes keep undoing each other. */
  passes: number;
}

const MAX_PASSES = 10;

export function fixText(text: string, options: FixOptions = {}): FixResult {
  const applied: string[] = [];
  let current = text;
  let passes = 0;
  while (passes < MAX_PASSES) {
    passes++;
    const { findings, model } = lintText(current, options);
    if (model.problems.length > 0) break;
    const edits: TextEdit[] = [];
    for (const finding of findings) {
      if (options.only && !options.only.has(finding.ruleId)) continue;
      const fix = finding.fixes.find((f) => f.safe || options.unsafe);
      if (!fix) continue;
      if (fix.edits.some((e) => edits.some((taken) => editsConflict(e, taken)))) continue;
      edits.push(...fix.edits);
      applied.push(finding.ruleId);
    }
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
  }
  return { text: current, applied, passes };
}

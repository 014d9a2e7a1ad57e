// Applying every applicable fix until the file stops changing, as `slimfile fix`
// and the editor's "Fix all" do. One pass applies non-overlapping fixes; later
// passes pick up fixes that overlapped or that a change made possible.

import { cleanPath } from './context/dockerignore';
import { withFileChanges } from './context/view';
import { applyEdits, editsConflict } from './edits';
import { lintText, type LintOptions } from './lint';
import type { FileChange, TextEdit } from './rules/types';

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
  /** Changes to other files of the build context, in the order to apply them (empty without a build context). */
  fileChanges: FileChange[];
}

const MAX_PASSES = 10;

export function fixText(text: string, options: FixOptions = {}): FixResult {
  const applied: string[] = [];
  const fileChanges: FileChange[] = [];
  let current = text;
  let context = options.buildContext;
  let passes = 0;
  while (passes < MAX_PASSES) {
    passes++;
    const { findings, model } = lintText(current, { ...options, buildContext: context });
    if (model.problems.length > 0) break;
    const edits: TextEdit[] = [];
    const changes: FileChange[] = [];
    for (const finding of findings) {
      if (options.only && !options.only.has(finding.ruleId)) continue;
      const fix = finding.fixes.find((f) => f.safe || options.unsafe);
      if (!fix) continue;
      if (fix.edits.some((e) => edits.some((taken) => editsConflict(e, taken)))) continue;
      const own = fix.fileChanges ?? [];
      // File changes need a context to land in; one fix per file and pass, so later fixes see what it wrote.
      if (own.length > 0 && (!context || own.some((c) => changes.some((taken) => cleanPath(taken.path) === cleanPath(c.path))))) continue;
      edits.push(...fix.edits);
      changes.push(...own);
      applied.push(finding.ruleId);
    }
    if (edits.length === 0 && changes.length === 0) break;
    current = applyEdits(current, edits);
    if (context && changes.length > 0) {
      context = withFileChanges(context, changes);
      fileChanges.push(...changes);
    }
  }
  return { text: current, applied, passes, fileChanges };
}

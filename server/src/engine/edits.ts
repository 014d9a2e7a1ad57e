// Applying text edits: the one place that splices document text, used by the
// CLI's `fix`, the tests and the server's fix-all.

import type { TextEdit } from './rules/types';

/** Applies non-overlapping edits; throws if two overlap (a bug in the caller). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`Overlapping edits at offset ${edit.start}`);
    out += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/** True when the two edit lists touch the same text (so they cannot be applied together). */
export function editsOverlap(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.some((x) => b.some((y) => x.start < y.end && y.start < x.end || (x.start === y.start && x.end === x.start && y.end === y.start)));
}

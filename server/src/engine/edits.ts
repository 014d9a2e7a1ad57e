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

/** True when two edits touch the same text, so applying both is ambiguous. */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  const inside = (point: number, edit: TextEdit) => point > edit.start && point < edit.end;
  return (a.start < b.end && b.start < a.end) || (a.start === a.end && inside(a.start, b)) || (b.start === b.end && inside(b.start, a));
}

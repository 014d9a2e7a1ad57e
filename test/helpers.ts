// Test helpers shared by rule tables, refactoring fixtures and protocol tests.

import { applyEdits } from '../server/src/engine/edits';
import { parseDockerfile } from '../server/src/engine/model/parse';
import type { Refactoring } from '../server/src/engine/refactor/types';

/** Removes the `$0` cursor marker (rust-analyzer style) and returns its offset. */
export function withCursor(text: string): { text: string; cursor: number } {
  const cursor = text.indexOf('$0');
  if (cursor < 0) return { text, cursor: 0 };
  return { text: text.slice(0, cursor) + text.slice(cursor + 2), cursor };
}

/** Joins lines with `\n` and adds the final newline, so fixtures read as files. */
export function dockerfile(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** Applies a refactoring and returns the new text, or undefined when it is not offered. */
export function applyRefactoring(refactoring: Refactoring, text: string): string | undefined {
  const result = refactoring.compute(parseDockerfile(text));
  return result ? applyEdits(text, result.edits) : undefined;
}

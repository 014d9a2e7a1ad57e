// Offsets ↔ LSP positions. Positions count UTF-16 code units, like JavaScript
// strings, so a character offset within a line is a plain subtraction.

import type { Span } from './types';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

export function positionAt(lineStarts: number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}

export function offsetAt(lineStarts: number[], text: string, position: Position): number {
  if (position.line < 0) return 0;
  if (position.line >= lineStarts.length) return text.length;
  const start = lineStarts[position.line];
  const next = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : text.length;
  let lineEnd = next;
  if (lineEnd > start && text.charCodeAt(lineEnd - 1) === 10) lineEnd--;
  if (lineEnd > start && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  return Math.min(start + Math.max(0, position.character), lineEnd);
}

export function rangeOf(lineStarts: number[], span: Span): Range {
  return { start: positionAt(lineStarts, span.start), end: positionAt(lineStarts, span.end) };
}

/** The line ending the document mostly uses, so inserted lines match it. */
export function lineEnding(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

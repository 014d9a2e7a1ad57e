// Suppression comments: Slimfile's own and hadolint's, so a file already
// annotated for hadolint needs no second set of comments.
//
//   # slimfile-ignore <id>[,<id>…] [reason]   the next instruction
//   # slimfile-ignore-file <id>[,<id>…]        the whole file
//   # hadolint ignore=DL3008,DL3015            the next instruction (rules with a hadolint twin)
//   # hadolint global ignore=DL3008            the whole file

import type { Comment, DockerfileModel, Instruction, Span } from './model/types';
import type { Rule, TextEdit } from './rules/types';
import { lineEnding } from './model/text';

export interface SuppressionId {
  id: string;
  span: Span;
  /** A hadolint code (DLxxxx / SCxxxx) rather than a Slimfile rule id. */
  hadolint: boolean;
}

export interface Suppression {
  comment: Comment;
  ids: SuppressionId[];
  /** undefined for file-wide suppressions. */
  instruction: Instruction | undefined;
  fileWide: boolean;
}

const SLIMFILE = /^#\s*slimfile-ignore(-file)?\b[ \t]*(.*)$/;
const HADOLINT = /^#\s*hadolint\s+(global\s+)?ignore\s*=\s*(.*)$/;

export function readSuppressions(model: DockerfileModel): Suppression[] {
  const suppressions: Suppression[] = [];
  for (const comment of model.comments) {
    const slim = SLIMFILE.exec(comment.text);
    const hado = slim ? undefined : HADOLINT.exec(comment.text);
    if (!slim && !hado) continue;
    const fileWide = slim ? slim[1] !== undefined : hado![1] !== undefined;
    const list = slim ? slim[2] : hado![2];
    const listStart = comment.span.start + comment.text.length - list.length;
    const ids = parseIdList(list, listStart, !slim);
    suppressions.push({ comment, ids, fileWide, instruction: fileWide ? undefined : nextInstruction(model, comment) });
  }
  return suppressions;
}

/** `a, b reason` → ids a and b; whatever follows the last comma-joined id is a free-text reason. */
function parseIdList(list: string, offset: number, hadolint: boolean): SuppressionId[] {
  const ids: SuppressionId[] = [];
  const idPattern = /[A-Za-z0-9_-]+/y;
  let i = 0;
  for (;;) {
    idPattern.lastIndex = i;
    const match = idPattern.exec(list);
    if (!match) break;
    ids.push({ id: match[0], span: { start: offset + i, end: offset + i + match[0].length }, hadolint });
    i += match[0].length;
    const comma = /^\s*,\s*/.exec(list.slice(i));
    if (!comma) break;
    i += comma[0].length;
  }
  return ids;
}

function nextInstruction(model: DockerfileModel, comment: Comment): Instruction | undefined {
  return model.instructions.find((i) => i.span.start > comment.span.start);
}

export interface SuppressionIndex {
  /** Is a finding of this rule at this offset suppressed? */
  suppresses(rule: Rule, offset: number): boolean;
  /** Ids that name no Slimfile rule (hadolint codes are never reported: hadolint may run too). */
  unknown: { suppression: Suppression; id: SuppressionId }[];
}

export function indexSuppressions(model: DockerfileModel, rules: ReadonlyMap<string, Rule>): SuppressionIndex {
  const suppressions = readSuppressions(model);
  const matches = (rule: Rule, id: SuppressionId) => (id.hadolint ? rule.hadolint?.includes(id.id.toUpperCase()) === true : id.id === rule.id);
  const unknown = suppressions.flatMap((suppression) =>
    suppression.ids.filter((id) => !id.hadolint && !rules.has(id.id)).map((id) => ({ suppression, id })),
  );
  return {
    unknown,
    suppresses(rule, offset) {
      return suppressions.some(
        (s) => s.ids.some((id) => matches(rule, id)) && (s.fileWide || (s.instruction !== undefined && offset >= s.instruction.span.start && offset <= s.instruction.span.end)),
      );
    },
  };
}

/** The edit behind "Suppress <id> for this line": extend an ignore comment right above, or add one. */
export function suppressionEdit(model: DockerfileModel, ruleId: string, offset: number): TextEdit | undefined {
  const instruction = model.instructions.find((i) => offset >= i.span.start && offset <= i.span.end);
  if (!instruction) return undefined;
  const above = model.comments.find((c) => c.line === instruction.line - 1);
  const existing = above && SLIMFILE.exec(above.text);
  if (above && existing && existing[1] === undefined) {
    const list = existing[2];
    const ids = parseIdList(list, above.span.start + above.text.length - list.length, false);
    if (ids.length === 0) return undefined;
    const idsEnd = ids[ids.length - 1].span.end;
    return { start: idsEnd, end: idsEnd, newText: `,${ruleId}` };
  }
  const lineStart = model.lineStarts[instruction.line];
  const indent = model.text.slice(lineStart, instruction.span.start);
  return { start: lineStart, end: lineStart, newText: `${indent}# slimfile-ignore ${ruleId}${lineEnding(model.text)}` };
}

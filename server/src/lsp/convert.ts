// Engine findings and edits ↔ LSP types. The engine counts offsets; LSP counts
// lines and UTF-16 characters.

import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE, RULE_DOCS_BASE } from '../../../shared/ids';
import { rangeOf } from '../engine/model/text';
import type { DockerfileModel } from '../engine/model/types';
import type { Finding, Severity, TextEdit } from '../engine/rules/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${ruleId}.md`;
}

export function toDiagnostic(model: DockerfileModel, finding: Finding, index: number): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(model.lineStarts, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    // Lets a code action request find the finding again without matching text.
    data: { index },
  };
  if (finding.ruleId !== 'internal-error') diagnostic.codeDescription = { href: ruleDocsUrl(finding.ruleId) };
  const tags = finding.tags?.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  if (tags?.length) diagnostic.tags = tags;
  return diagnostic;
}

export function toLspEdits(model: DockerfileModel, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: rangeOf(model.lineStarts, { start: e.start, end: e.end }), newText: e.newText }));
}

export function quickFix(uri: string, model: DockerfileModel, title: string, edits: readonly TextEdit[], diagnostic: Diagnostic | undefined, preferred: boolean): CodeAction {
  const action: CodeAction = {
    title,
    kind: CodeActionKind.QuickFix,
    edit: { changes: { [uri]: toLspEdits(model, edits) } },
  };
  if (diagnostic) action.diagnostics = [diagnostic];
  if (preferred) action.isPreferred = true;
  return action;
}

/** One edit that turns `before` into `after`, trimmed to the changed middle so the editor keeps the cursor. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}

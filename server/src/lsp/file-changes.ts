// Fixes that also change another file of the build context (create or append
// to `.dockerignore`) as LSP workspace edits. Creating a file needs the
// client's `documentChanges` and `create` resource operations; a client
// without them is not offered such a fix.

import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import {
  CodeActionKind,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type TextDocumentEdit,
  type CreateFile,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { applyFileChange } from '../engine/context/view';
import type { BuildContext } from '../engine/context/types';
import type { DockerfileModel } from '../engine/model/types';
import type { FileChange, TextEdit } from '../engine/rules/types';
import { toLspEdits } from './convert';

export interface EditSupport {
  documentChanges: boolean;
  create: boolean;
}

export function editSupport(capabilities: ClientCapabilities): EditSupport {
  const edit = capabilities.workspace?.workspaceEdit;
  return { documentChanges: edit?.documentChanges === true, create: edit?.resourceOperations?.includes('create') === true };
}

/** Where text ends, as an LSP position. */
function endOf(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

export interface ContextEditTarget {
  context: BuildContext;
  rootPath: string;
}

/**
 * The workspace edit for Dockerfile edits plus context file changes, or undefined when the
 * client cannot apply it (or a change no longer applies, e.g. the file to create exists).
 */
export function workspaceEditWith(
  uri: string,
  version: number,
  model: DockerfileModel,
  edits: readonly TextEdit[],
  changes: readonly FileChange[],
  target: ContextEditTarget | undefined,
  support: EditSupport,
): WorkspaceEdit | undefined {
  if (changes.length === 0) return { changes: { [uri]: toLspEdits(model, edits) } };
  if (!target) return undefined;
  const creates = changes.some((c) => c.kind === 'create');
  if (creates && !(support.documentChanges && support.create)) return undefined;
  // Simulate the changes in order, so a create followed by an append lands right.
  const texts = new Map<string, string | undefined>();
  const perFile = new Map<string, { create: boolean; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }>();
  for (const change of changes) {
    const current = texts.has(change.path) ? texts.get(change.path) : target.context.files.get(change.path);
    const next = applyFileChange(current, change);
    if (next === undefined) return undefined;
    const entry = perFile.get(change.path) ?? { create: current === undefined, edits: [] };
    const at = endOf(current ?? '');
    entry.edits.push({ range: { start: at, end: at }, newText: next.slice((current ?? '').length) });
    perFile.set(change.path, entry);
    texts.set(change.path, next);
  }
  const uriOf = (path: string) => pathToFileURL(join(target.rootPath, ...path.split('/'))).toString();
  if (!support.documentChanges) {
    const map: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]> = {};
    if (edits.length > 0) map[uri] = toLspEdits(model, edits);
    for (const [path, entry] of perFile) map[uriOf(path)] = entry.edits;
    return { changes: map };
  }
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  if (edits.length > 0) documentChanges.push({ textDocument: { uri, version }, edits: toLspEdits(model, edits) });
  for (const [path, entry] of perFile) {
    const fileUri = uriOf(path);
    if (entry.create) documentChanges.push({ kind: 'create', uri: fileUri, options: { overwrite: false, ignoreIfExists: true } });
    documentChanges.push({ textDocument: { uri: fileUri, version: null }, edits: entry.edits });
  }
  return { documentChanges };
}

/** A quick fix whose edit may reach other files of the build context. */
export function contextQuickFix(
  uri: string,
  version: number,
  model: DockerfileModel,
  title: string,
  fix: { edits: readonly TextEdit[]; fileChanges?: readonly FileChange[] },
  diagnostic: Diagnostic | undefined,
  preferred: boolean,
  target: ContextEditTarget | undefined,
  support: EditSupport,
): CodeAction | undefined {
  const edit = workspaceEditWith(uri, version, model, fix.edits, fix.fileChanges ?? [], target, support);
  if (!edit) return undefined;
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, edit };
  if (diagnostic) action.diagnostics = [diagnostic];
  if (preferred) action.isPreferred = true;
  return action;
}

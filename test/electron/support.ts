// Helpers for the extension-host suite: opening fixture files, waiting for what
// the user would see (diagnostics, text), applying code actions the way the
// editor does, and putting documents back as they were on disk.
//
// Everything waits on a condition with a bounded timeout; nothing sleeps a fixed time.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const SOURCE = 'slimfile';
/** Long enough for a cold extension host to activate the extension and start the server. */
export const ACTIVATION_TIMEOUT_MS = 30_000;
/** A running server answers a change in milliseconds; this is the upper bound we accept. */
export const UPDATE_TIMEOUT_MS = 10_000;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs the e2e/fixtures workspace folder open');
  return folder.uri;
}

export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** The file as it is on disk, read through the workspace file system (works in code-server too). */
export async function diskText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Polls `probe` until it returns something other than undefined, or fails after `timeoutMs` with `describe(last)`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = UPDATE_TIMEOUT_MS,
  describe: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const detail = describe();
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail ? `\n${detail}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The rule id of a diagnostic: a string, or `{ value, target }` when the server sent a rule page. */
export function ruleId(diagnostic: vscode.Diagnostic): string | undefined {
  const { code } = diagnostic;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function ruleDocs(diagnostic: vscode.Diagnostic): vscode.Uri | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.target : undefined;
}

export function slimfileDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return `no diagnostics for ${uri.path}`;
  return all
    .map((d) => `  ${d.source}/${ruleId(d)} ${vscode.DiagnosticSeverity[d.severity]} line ${d.range.start.line + 1}: ${d.message}`)
    .join('\n');
}

/**
 * Waits until Slimfile's diagnostics for `uri` satisfy `accept` and returns them. Slimfile publishes
 * all of a version's findings at once, so a set that passes a positive check is also the set to
 * check absences against.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = UPDATE_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `${what} in ${uri.path}`,
    () => {
      const found = slimfileDiagnostics(uri);
      return found.length > 0 && accept(found) ? found : undefined;
    },
    timeoutMs,
    () => describeDiagnostics(uri),
  );
}

/**
 * Waits until no Slimfile diagnostic of rule `id` remains for `uri`. Use it after an edit that
 * removes a finding that was there: the list may then be empty, and any list without it is newer.
 */
export function waitForRuleGone(uri: vscode.Uri, id: string, timeoutMs = UPDATE_TIMEOUT_MS): Promise<true> {
  return waitFor(
    `the ${id} finding to go away in ${uri.path}`,
    () => (slimfileDiagnostics(uri).some((d) => ruleId(d) === id) ? undefined : true),
    timeoutMs,
    () => describeDiagnostics(uri),
  );
}

export const hasRule = (id: string) => (diagnostics: vscode.Diagnostic[]) => diagnostics.some((d) => ruleId(d) === id);
export const lacksRule = (id: string) => (diagnostics: vscode.Diagnostic[]) => !diagnostics.some((d) => ruleId(d) === id);
export const all =
  (...checks: ((diagnostics: vscode.Diagnostic[]) => boolean)[]) =>
  (diagnostics: vscode.Diagnostic[]) =>
    checks.every((check) => check(diagnostics));

export function findRule(diagnostics: vscode.Diagnostic[], id: string): vscode.Diagnostic {
  const found = diagnostics.find((d) => ruleId(d) === id);
  assert.ok(found, `no ${id} diagnostic among: ${diagnostics.map(ruleId).join(', ')}`);
  return found;
}

/** Opens a fixture in an editor, as a user clicking it in the Explorer would. */
export async function openFixture(relativePath: string): Promise<{ uri: vscode.Uri; document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const uri = fixtureUri(relativePath);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  assert.equal(document.languageId, 'dockerfile', `${relativePath} should open as a Dockerfile`);
  return { uri, document, editor };
}

/** Waits until the document holds `expected`; on timeout the message shows both texts. */
export async function waitForText(document: vscode.TextDocument, expected: string, what: string): Promise<void> {
  await waitFor(
    what,
    () => (document.getText() === expected ? true : undefined),
    UPDATE_TIMEOUT_MS,
    () => `--- expected\n${expected}--- actual\n${document.getText()}---`,
  );
}

/** Throws away unsaved edits, so the document matches the fixture on disk again. */
export async function revert(document: vscode.TextDocument): Promise<void> {
  if (document.isClosed) return;
  if (document.isDirty) {
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  const onDisk = await diskText(document.uri);
  await waitForText(document, onDisk, `${document.uri.path} to be reverted`);
  assert.equal(document.isDirty, false, `${document.uri.path} is still dirty after revert`);
}

/** Code actions exactly as the lightbulb would list them for `range` (optionally only of `kind`). */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind?.value)) ?? [];
  return actions.filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

export function findAction(actions: vscode.CodeAction[], title: string): vscode.CodeAction {
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no code action "${title}" among: ${actions.map((a) => JSON.stringify(a.title)).join(', ') || 'none'}`);
  return action;
}

/** Applies a code action the way the editor does when the user picks it: its edit, then its command. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit || action.command, `code action "${action.title}" has neither an edit nor a command`);
  if (action.edit) assert.equal(await vscode.workspace.applyEdit(action.edit), true, `workspace.applyEdit refused "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Sets `slimfile.rules` in user settings (never the fixture folder's), or removes it with undefined. */
export async function setRuleSeverities(rules: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('slimfile').update('rules', rules, vscode.ConfigurationTarget.Global);
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

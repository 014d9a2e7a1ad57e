// The extensionTestsPath module: VS Code's extension host calls `run()` once the
// window is up. The same file runs under @vscode/test-electron (VS Code desktop)
// and inside code-server (e2e/run-code-server.mjs loads it through the workbench
// payload), so nothing here may depend on which one it is.
//
// Loads every `*.suite.js` beside it into mocha. When SLIMFILE_SUITE_RESULTS
// names a file, writes a JSON summary there for the runner to report.

import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

/** Fails the run when a test left a fixture changed on disk (tests edit documents but never save them). */
async function snapshotFixtures(): Promise<() => Promise<string[]>> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) return async () => [];
  const files = await vscode.workspace.findFiles('**/*');
  const read = async (uri: vscode.Uri) => Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('base64');
  const before = new Map(await Promise.all(files.map(async (uri) => [uri.toString(), await read(uri)] as const)));
  return async () => {
    const changed: string[] = [];
    for (const [key, content] of before) {
      const now = await read(vscode.Uri.parse(key)).catch(() => '<deleted>');
      if (now !== content) changed.push(vscode.Uri.parse(key).path);
    }
    return changed;
  };
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  const suiteDir = path.join(__dirname, 'suite');
  for (const file of fs.readdirSync(suiteDir).sort()) {
    if (file.endsWith('.suite.js')) mocha.addFile(path.join(suiteDir, file));
  }

  const changedFixtures = await snapshotFixtures();
  const results: TestResult[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((count) => resolve(count));
    runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    runner.on('fail', (test, error: Error) =>
      results.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration, error: error?.stack ?? String(error) }),
    );
    runner.on('pending', (test) => results.push({ title: test.fullTitle(), state: 'pending' }));
  });

  // Closing a dirty editor would open a save prompt and hang the run: every test reverts what it
  // changed, and anything a failed test left dirty is reverted here before the editors close.
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const changed = await changedFixtures();
  if (changed.length) results.push({ title: 'fixtures are unchanged on disk', state: 'failed', error: `changed: ${changed.join(', ')}` });

  const summary = {
    passed: results.filter((r) => r.state === 'passed').length,
    failed: results.filter((r) => r.state === 'failed').length,
    pending: results.filter((r) => r.state === 'pending').length,
    vscode: vscode.version,
    appName: vscode.env.appName,
    tests: results,
  };
  const out = process.env.SLIMFILE_SUITE_RESULTS;
  if (out) fs.writeFileSync(out, JSON.stringify(summary, null, 2));
  console.log(`${vscode.env.appName} ${vscode.version}: ${summary.passed} passed, ${summary.failed} failed, ${summary.pending} skipped`);
  if (failures > 0 || changed.length) {
    throw new Error(`${failures} test(s) failed${changed.length ? `; fixtures changed on disk: ${changed.join(', ')}` : ''}`);
  }
}

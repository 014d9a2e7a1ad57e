// The three headline code actions, applied the ways a user applies them: the
// lightbulb next to a finding (quick fix), the Refactor menu anywhere in the
// file, and the command palette. Each leaves the expected text in the editor.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyEdits } from '../../../server/src/engine/edits';
import { parseDockerfile } from '../../../server/src/engine/model/parse';
import { refactoringById } from '../../../server/src/engine/refactor';
import {
  ACTIVATION_TIMEOUT_MS,
  all,
  applyAction,
  codeActions,
  findAction,
  findRule,
  hasRule,
  lacksRule,
  openFixture,
  revert,
  waitForDiagnostics,
  waitForRuleGone,
  waitForText,
} from '../support';

const MOVE_TITLE = 'Move COPY . . after the dependency install';
const SPLIT_TITLE = 'Split into builder/runtime stages';
const WHOLE_FILE_START = new vscode.Range(0, 0, 0, 0);

describe('code actions', () => {
  let opened: vscode.TextDocument[] = [];
  async function open(path: string) {
    const fixture = await openFixture(path);
    opened.push(fixture.document);
    return fixture;
  }

  afterEach(async () => {
    for (const document of opened) await revert(document);
    opened = [];
  });

  describe('quick fix: Add --no-install-recommends', () => {
    it('is the preferred fix for the apt finding and rewrites only the install', async () => {
      const { uri, document } = await open('Dockerfile');
      const before = document.getText();
      const diagnostics = await waitForDiagnostics(uri, 'the apt finding', all(hasRule('apt-no-install-recommends'), hasRule('copy-before-deps')), ACTIVATION_TIMEOUT_MS);
      const apt = findRule(diagnostics, 'apt-no-install-recommends');

      const fix = findAction(await codeActions(uri, apt.range, vscode.CodeActionKind.QuickFix), 'Add --no-install-recommends');
      assert.equal(fix.isPreferred, true, 'offered as the preferred fix (Ctrl+. then Enter, or auto-fix)');
      assert.equal(fix.kind?.value, 'quickfix');
      await applyAction(fix);

      await waitForText(
        document,
        before.replace('apt-get install -y gcc libpq-dev', 'apt-get install --no-install-recommends -y gcc libpq-dev'),
        'the fixed install line',
      );
      await waitForDiagnostics(uri, 'the apt finding to go away after the fix', all(lacksRule('apt-no-install-recommends'), hasRule('copy-before-deps')));
    });
  });

  describe(`refactoring: ${MOVE_TITLE}`, () => {
    const expected = [
      'FROM python:3.12-slim',
      'WORKDIR /app',
      'COPY requirements.txt ./',
      'RUN pip install --no-cache-dir -r requirements.txt',
      'COPY . .',
      'CMD ["python", "app.py"]',
      '',
    ].join('\n');

    it('applies from the lightbulb on the copy-before-deps finding', async () => {
      const { uri, document } = await open('move/Dockerfile');
      const copy = findRule(await waitForDiagnostics(uri, 'the copy finding', hasRule('copy-before-deps'), ACTIVATION_TIMEOUT_MS), 'copy-before-deps');
      await applyAction(findAction(await codeActions(uri, copy.range, vscode.CodeActionKind.QuickFix), MOVE_TITLE));
      await waitForText(document, expected, 'the manifests copied before the install and COPY . . after it');
      await waitForRuleGone(uri, 'copy-before-deps');
    });

    it('applies from the Refactor menu anywhere in the file', async () => {
      const { uri, document } = await open('move/Dockerfile');
      await waitForDiagnostics(uri, 'the copy finding', hasRule('copy-before-deps'), ACTIVATION_TIMEOUT_MS);
      const action = findAction(await codeActions(uri, WHOLE_FILE_START, vscode.CodeActionKind.Refactor), MOVE_TITLE);
      assert.equal(action.kind?.value, 'refactor.rewrite');
      await applyAction(action);
      await waitForText(document, expected, 'the refactored file');
    });

    it('applies from the command palette (Slimfile: Move COPY . . after the dependency install)', async () => {
      const { uri, document } = await open('move/Dockerfile');
      await waitForDiagnostics(uri, 'the copy finding', hasRule('copy-before-deps'), ACTIVATION_TIMEOUT_MS);
      await vscode.commands.executeCommand('slimfile.moveCopyAfterInstall');
      await waitForText(document, expected, 'the refactored file');
    });
  });

  describe(`refactoring: ${SPLIT_TITLE}`, () => {
    /** The engine's own output for the fixture: the editor must apply exactly that. */
    function engineOutput(text: string): string {
      const refactoring = refactoringById('split-stages');
      assert.ok(refactoring, 'the split-stages refactoring is not registered in server/src/engine/refactor/index.ts');
      const result = refactoring.compute(parseDockerfile(text));
      assert.ok(result, 'split-stages does not apply to split/Dockerfile');
      return applyEdits(text, result.edits);
    }

    /** What the user must find in the rewritten file, whatever its exact wording (../shared/docs/knowledge.md §2). */
    function assertBuilderRuntimeShape(text: string): void {
      const stages = text.split(/^(?=FROM )/m).filter((part) => part.startsWith('FROM '));
      assert.equal(stages.length, 2, `two stages expected:\n${text}`);
      const [builder, runtime] = stages;
      assert.match(builder, /^FROM python:3\.12-slim-bookworm AS builder$/im);
      assert.match(builder, /build-essential/);
      assert.match(builder, /libpq-dev/);
      assert.match(builder, /\/opt\/venv/);
      assert.match(builder, /pip install --no-cache-dir -r requirements\.txt/);

      assert.match(runtime, /^FROM python:3\.12-slim\S*$/m, 'the runtime stage runs on the slim image of the same Python');
      assert.match(runtime, /\blibpq5\b/, 'the runtime installs the runtime library for libpq-dev');
      assert.doesNotMatch(runtime, /build-essential|libpq-dev/, 'no build tools in the runtime stage');
      assert.match(runtime, /^COPY --from=builder (--\S+ )*\/opt\/venv \/opt\/venv$/m);
      assert.match(runtime, /^ENV .*\bPATH="?\/opt\/venv\/bin:\$PATH"?/m, 'the venv is on PATH in the runtime');
      assert.match(runtime, /^WORKDIR \/app$/m);
      assert.match(runtime, /^COPY (--\S+ )*\. \.$/m, 'the application is copied into the runtime');
      assert.match(runtime, /^EXPOSE 8000$/m);
      assert.match(runtime, /^CMD \["gunicorn", "--bind", "0\.0\.0\.0:8000", "app:app"\]$/m);
      const user = /^USER (\S+)$/m.exec(runtime);
      assert.ok(user && !/^(root|0)(:|$)/.test(user[1]), 'the runtime runs as a non-root user');
    }

    async function applyAndCheck(apply: (uri: vscode.Uri) => Promise<void>): Promise<void> {
      const { uri, document } = await open('split/Dockerfile');
      await waitForDiagnostics(uri, 'the build-tools finding', hasRule('single-stage-build-tools'), ACTIVATION_TIMEOUT_MS);
      const expected = engineOutput(document.getText());
      assertBuilderRuntimeShape(expected);
      await apply(uri);
      await waitForText(document, expected, 'the builder/runtime split');
      // Applying it again would change nothing, so it is no longer offered.
      const again = await codeActions(uri, WHOLE_FILE_START, vscode.CodeActionKind.Refactor);
      assert.ok(!again.some((a) => a.title === SPLIT_TITLE), 'the split is not offered on a file that is already split');
    }

    it('applies from the lightbulb on the single-stage-build-tools finding', () =>
      applyAndCheck(async (uri) => {
        const tools = findRule(await waitForDiagnostics(uri, 'the build-tools finding', hasRule('single-stage-build-tools')), 'single-stage-build-tools');
        await applyAction(findAction(await codeActions(uri, tools.range, vscode.CodeActionKind.QuickFix), SPLIT_TITLE));
      }));

    it('applies from the Refactor menu anywhere in the file', () =>
      applyAndCheck(async (uri) => {
        await applyAction(findAction(await codeActions(uri, WHOLE_FILE_START, vscode.CodeActionKind.Refactor), SPLIT_TITLE));
      }));

    it('applies from the command palette (Slimfile: Split into builder/runtime stages)', () =>
      applyAndCheck(async () => {
        await vscode.commands.executeCommand('slimfile.splitStages');
      }));
  });
});

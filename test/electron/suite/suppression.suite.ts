// `# slimfile-ignore <rule-id>` on the line above an instruction hides that
// rule's finding there, and only that one.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ACTIVATION_TIMEOUT_MS, all, findRule, hasRule, lacksRule, openFixture, revert, waitForDiagnostics } from '../support';

describe('suppression comments', () => {
  let document: vscode.TextDocument | undefined;
  afterEach(async () => {
    if (document) await revert(document);
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('# slimfile-ignore apt-no-install-recommends hides that finding on the next instruction only', async () => {
    const fixture = await openFixture('suppress/Dockerfile');
    document = fixture.document;
    const { uri } = fixture;
    const lines = document.getText().split('\n');
    const commentLine = lines.findIndex((line) => line.startsWith('# slimfile-ignore apt-no-install-recommends'));
    assert.equal(lines[commentLine + 1].startsWith('RUN apt-get update'), true, 'the fixture puts the comment right above the RUN');

    // The other findings of the same RUN and of the file are still reported in the same publish.
    const diagnostics = await waitForDiagnostics(
      uri,
      'the findings that are not suppressed',
      all(hasRule('single-stage-build-tools'), hasRule('copy-before-deps')),
      ACTIVATION_TIMEOUT_MS,
    );
    assert.equal(findRule(diagnostics, 'single-stage-build-tools').range.start.line, commentLine + 1);
    assert.ok(lacksRule('apt-no-install-recommends')(diagnostics), 'apt-no-install-recommends is suppressed');

    // Deleting the comment, as a user would, brings the finding back on that line.
    const edit = new vscode.WorkspaceEdit();
    edit.delete(uri, new vscode.Range(commentLine, 0, commentLine + 1, 0));
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const back = await waitForDiagnostics(uri, 'the apt finding once the comment is gone', hasRule('apt-no-install-recommends'));
    assert.equal(findRule(back, 'apt-no-install-recommends').range.start.line, commentLine);
  });
});

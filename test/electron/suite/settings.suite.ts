// Changing `slimfile.rules` in the settings changes what the editor shows,
// without reopening the file or restarting anything.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ACTIVATION_TIMEOUT_MS, all, findRule, hasRule, lacksRule, openFixture, ruleId, setRuleSeverities, waitForDiagnostics } from '../support';

describe('settings: slimfile.rules', () => {
  afterEach(async () => {
    await setRuleSeverities(undefined);
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('raises a rule to error, turns it off, and restores the default', async () => {
    const { uri } = await openFixture('Dockerfile');
    const initial = await waitForDiagnostics(uri, 'the copy finding', all(hasRule('copy-before-deps'), hasRule('single-stage-build-tools')), ACTIVATION_TIMEOUT_MS);
    assert.equal(findRule(initial, 'copy-before-deps').severity, vscode.DiagnosticSeverity.Warning);

    await setRuleSeverities({ 'copy-before-deps': 'error' });
    const raised = await waitForDiagnostics(uri, 'copy-before-deps as an error', (d) =>
      d.some((x) => ruleId(x) === 'copy-before-deps' && x.severity === vscode.DiagnosticSeverity.Error),
    );
    assert.equal(findRule(raised, 'single-stage-build-tools').severity, vscode.DiagnosticSeverity.Warning, 'other rules keep their severity');

    await setRuleSeverities({ 'copy-before-deps': 'off' });
    await waitForDiagnostics(uri, 'copy-before-deps turned off while the others stay', all(lacksRule('copy-before-deps'), hasRule('single-stage-build-tools')));

    await setRuleSeverities(undefined);
    const restored = await waitForDiagnostics(uri, 'copy-before-deps back at its default', hasRule('copy-before-deps'));
    assert.equal(findRule(restored, 'copy-before-deps').severity, vscode.DiagnosticSeverity.Warning);
  });
});

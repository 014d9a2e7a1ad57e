// What a user sees on opening a naive Python Dockerfile: Slimfile's findings as
// diagnostics, each naming its rule and linking to the rule's page.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ACTIVATION_TIMEOUT_MS, all, findRule, hasRule, openFixture, ruleDocs, waitForDiagnostics } from '../support';

const HEADLINE_RULES = ['apt-no-install-recommends', 'single-stage-build-tools', 'copy-before-deps'];

describe('diagnostics', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('reports the headline findings on a naive Dockerfile, where they are', async () => {
    const { uri, document } = await openFixture('Dockerfile');
    const diagnostics = await waitForDiagnostics(uri, 'the three headline findings', all(...HEADLINE_RULES.map(hasRule)), ACTIVATION_TIMEOUT_MS);
    const lineOf = (needle: string) => document.getText().split('\n').findIndex((line) => line.includes(needle));

    const apt = findRule(diagnostics, 'apt-no-install-recommends');
    assert.equal(apt.range.start.line, lineOf('apt-get install'));
    assert.equal(document.getText(apt.range), 'apt-get install', 'the squiggle covers the install command');
    assert.equal(apt.severity, vscode.DiagnosticSeverity.Warning);

    const tools = findRule(diagnostics, 'single-stage-build-tools');
    assert.equal(tools.range.start.line, lineOf('apt-get install'));
    assert.match(tools.message, /`gcc`, `libpq-dev`/);

    const copy = findRule(diagnostics, 'copy-before-deps');
    assert.equal(copy.range.start.line, lineOf('COPY . .'));
    assert.match(copy.message, /pip install/);

    for (const id of HEADLINE_RULES) {
      const diagnostic = findRule(diagnostics, id);
      assert.equal(diagnostic.source, 'slimfile');
      assert.match(ruleDocs(diagnostic)?.toString() ?? '', new RegExp(`docs/rules/${id}\\.md$`), `${id} links to its rule page`);
    }
  });

  it('does not report what a file already does right', async () => {
    const { uri } = await openFixture('split/Dockerfile');
    const diagnostics = await waitForDiagnostics(uri, 'the findings of split/Dockerfile', hasRule('single-stage-build-tools'), ACTIVATION_TIMEOUT_MS);
    const ids = diagnostics.map((d) => (typeof d.code === 'object' ? d.code.value : d.code));
    assert.ok(!ids.includes('apt-no-install-recommends'), `no apt finding expected: ${ids.join(', ')}`);
    assert.ok(!ids.includes('copy-before-deps'), `no copy finding expected: ${ids.join(', ')}`);
  });
});

// Hovering the base image of an Alpine Dockerfile explains what musl means for
// the packages this file installs.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ACTIVATION_TIMEOUT_MS, hasRule, hoverText, openFixture, waitFor, waitForDiagnostics } from '../support';

describe('hover', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('explains musl on FROM python:3.12-alpine, naming what this file installs', async () => {
    const { uri, document } = await openFixture('alpine/Dockerfile');
    await waitForDiagnostics(uri, 'the server to analyse the file', hasRule('single-stage-build-tools'), ACTIVATION_TIMEOUT_MS);
    const image = document.positionAt(document.getText().indexOf('python:3.12-alpine') + 'python:'.length);
    const text = await waitFor(
      'a Slimfile hover on the base image',
      async () => {
        const found = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, image));
        return /musl/.test(found) ? found : undefined;
      },
    );
    assert.match(text, /musl, not glibc/);
    assert.match(text, /manylinux/);
    assert.match(text, /musllinux/);
    assert.match(text, /`requirements\.txt`/, 'names the requirements file this stage installs');
    assert.match(text, /`gcc`/, 'names the build tools this stage adds');
    assert.match(text, /python:3\.12-slim/, 'offers the glibc alternative');
  });
});

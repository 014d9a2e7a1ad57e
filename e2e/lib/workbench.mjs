// What the code-server run does in the browser: load the extension-host test
// suite through the workbench payload, and look at the editor the way a user
// does (squiggle, hover, Problems panel), with screenshots.

import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { withTimeout } from './processes.mjs';

const VIEWPORT = { width: 1400, height: 900 };
/** Extension-host log lines that are expected offline and say nothing about Slimfile. */
const NOISE =
  /open-vsx\.org|ENOTFOUND|getaddrinfo|AgentHost|AccountPolicyGate|authentication provider|copilot|Long running operations|Creating a socket|marketplace|connection token|reconnection-grace-time|Service Worker|builtin extensions cache/i;

/**
 * Opens the workbench with the development extension and the tests module in the URL payload.
 * A built workbench honours the payload only with the smoke-test driver on (code-server is started
 * with `--vscode-option enable-smoke-test-driver`); the extension host then calls the module's
 * `run()` as @vscode/test-electron would, and reports the exit code through `codeAutomationExit`.
 */
export async function runExtensionSuite(browser, { base, folder, extensionPath, testsPath, artifacts, timeoutMs, echo }) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const log = fs.createWriteStream(path.join(artifacts, 'exthost-suite.log'));
  let exited;
  const exit = new Promise((resolve) => (exited = resolve));
  try {
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      log.write(`[${type}] ${text}\n`);
      if (!NOISE.test(text)) echo(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => exited(code));
    const remote = (file) => `vscode-remote://${new URL(base).host}${file}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(extensionPath)],
      ['extensionTestsPath', remote(testsPath)],
    ]);
    await page.goto(`${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
    const code = await withTimeout(exit, timeoutMs, 'the extension-host suite');
    await page.screenshot({ path: path.join(artifacts, 'exthost-suite.png') });
    return code;
  } catch (error) {
    await page.screenshot({ path: path.join(artifacts, 'exthost-suite.png') }).catch(() => {});
    throw error;
  } finally {
    await context.close();
    await new Promise((resolve) => log.end(resolve));
  }
}

/**
 * The extension as installed from the .vsix, used by hand: open the Dockerfile from the Explorer,
 * see the squiggle, hover it, open the Problems panel. Returns one [name, ok, detail] per check.
 */
export async function checkEditorUi(browser, { base, folder, artifacts, timeoutMs, expectProblems }) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const results = [];
  const shot = (name) => page.screenshot({ path: path.join(artifacts, name) }).catch(() => {});
  const check = async (name, screenshot, body) => {
    try {
      const detail = await body();
      results.push([name, true, detail]);
    } catch (error) {
      results.push([name, false, error.message.split('\n')[0]]);
    }
    await shot(screenshot);
    return results.at(-1)[1];
  };

  try {
    await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`);
    const editor = page.locator('.editor-instance .monaco-editor').first();
    const squiggle = editor.locator('.squiggly-warning, .squiggly-error, .squiggly-info').first();

    const opened = await check('the Dockerfile shows a Slimfile squiggle', 'editor-squiggle.png', async () => {
      await page
        .locator('.explorer-folders-view .monaco-list-row', { hasText: /^\s*Dockerfile\s*$/ })
        .first()
        .click({ timeout: timeoutMs });
      await page.locator('.tabs-container .tab.active', { hasText: 'Dockerfile' }).waitFor({ timeout: timeoutMs });
      await squiggle.waitFor({ state: 'visible', timeout: timeoutMs });
      return `${await editor.locator('.squiggly-warning, .squiggly-error, .squiggly-info').count()} squiggle decorations`;
    });
    if (!opened) return results;

    await check('hovering the squiggle shows the finding', 'editor-hover.png', async () => {
      // Decorations sit under the text layer and take no pointer events: move the mouse to where one is drawn.
      const box = await squiggle.boundingBox();
      if (!box) throw new Error('the squiggle has no box on screen');
      await page.mouse.move(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2);
      const hover = page.locator('.monaco-hover', { hasText: 'slimfile' }).first();
      await hover.waitFor({ state: 'visible', timeout: timeoutMs });
      return (await hover.innerText()).split('\n')[0];
    });
    await page.mouse.move(5, VIEWPORT.height / 2);
    await page.keyboard.press('Escape');

    await check('the Problems panel lists the findings with source and position', 'problems-panel.png', async () => {
      await editor.click({ position: { x: 200, y: 10 } });
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.part.panel');
      const rows = panel.locator('.markers-panel .monaco-list-row');
      await rows.first().waitFor({ state: 'visible', timeout: timeoutMs });
      // The list only renders rows that fit: type each rule id into the panel's filter, as a user would.
      const filter = panel.getByPlaceholder(/^Filter/).first();
      const found = [];
      for (const { text, position } of expectProblems) {
        await filter.fill(text);
        const row = rows.filter({ hasText: text }).filter({ hasText: 'slimfile' }).filter({ hasText: position });
        await row.first().waitFor({ state: 'visible', timeout: timeoutMs });
        found.push(`${text} ${position}`);
      }
      await filter.fill('');
      await rows.filter({ hasText: 'slimfile' }).nth(expectProblems.length - 1).waitFor({ state: 'visible', timeout: timeoutMs });
      return found.join('; ');
    });
    return results;
  } finally {
    await context.close();
  }
}

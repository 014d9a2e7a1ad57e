// `npm run test:electron`: the extension-host suite in VS Code desktop, through
// @vscode/test-electron, with e2e/fixtures as the open workspace folder.
//
// - VSCODE_EXECUTABLE=/path/to/code uses that VS Code and never downloads one.
// - Otherwise test-electron downloads VS Code into .vscode-test/ (or reuses one
//   already there). Where it cannot be downloaded and none is cached, this prints
//   SKIP and exits 0 — exit 1 instead when VSCODE_TESTS_REQUIRED=1.
// - Electron needs a display: on a headless Linux machine run it under `xvfb-run -a`.
// The same suite runs offline inside code-server: `npm run test:e2e`.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';

const root = path.resolve(__dirname, '../../..');
const extensionTestsPath = path.join(__dirname, 'index.js');
const workspace = path.join(root, 'e2e', 'fixtures');
const cachePath = path.join(root, '.vscode-test');
const required = process.env.VSCODE_TESTS_REQUIRED === '1';

const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** True when the error means "VS Code could not be fetched", as opposed to a failing test or a broken setup. */
function isDownloadFailure(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const { code, message } = e as { code?: string; message?: string };
    if (code && NETWORK_CODES.has(code)) return true;
    if (/getaddrinfo|fetch failed|Failed to download and unzip VS Code|Error retrieving VS Code versions|socket hang up|timed out/i.test(message ?? '')) return true;
  }
  return false;
}

async function vscodeExecutable(): Promise<string | undefined> {
  const given = process.env.VSCODE_EXECUTABLE;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`VSCODE_EXECUTABLE does not exist: ${given}`);
    return given;
  }
  try {
    return await downloadAndUnzipVSCode({ version: 'stable', cachePath, timeout: 30_000 });
  } catch (error) {
    if (!isDownloadFailure(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    console.log(
      `SKIP test:electron: VS Code could not be downloaded (${reason}) and none is cached in .vscode-test/. ` +
        'Set VSCODE_EXECUTABLE=/path/to/code, or run where VS Code can be downloaded. ' +
        'The same suite runs offline inside code-server: npm run e2e:setup && npm run test:e2e',
    );
    return undefined;
  }
}

async function main(): Promise<number> {
  if (!fs.existsSync(extensionTestsPath)) throw new Error(`${extensionTestsPath} is missing: run npm run build first`);
  const vscodeExecutablePath = await vscodeExecutable();
  if (!vscodeExecutablePath) return required ? 1 : 0;

  // A fresh profile per run, so settings and state from an earlier run cannot leak in.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'slimfile-electron-'));
  const results = path.join(profile, 'results.json');
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath,
      extensionTestsEnv: { SLIMFILE_SUITE_RESULTS: results },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        `--user-data-dir=${path.join(profile, 'user-data')}`,
        `--extensions-dir=${path.join(profile, 'extensions')}`,
      ],
    });
    return 0;
  } catch (error) {
    if (error instanceof TestRunFailedError) return error.code || 1;
    throw error;
  } finally {
    if (fs.existsSync(results)) {
      const summary = JSON.parse(fs.readFileSync(results, 'utf8')) as { passed: number; failed: number; pending: number };
      console.log(`${summary.passed} passed, ${summary.failed} failed, ${summary.pending} skipped`);
    }
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('test:electron failed:', error);
    process.exit(1);
  },
);

// A throwaway home for one run: code-server, chromium and Node all write under
// HOME, the XDG folders and TMPDIR (config files, sockets, caches), so each run
// gets its own and nothing lands in the user's home or the shared /tmp.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Workbench settings for a quiet window: no welcome page, chat, tips, telemetry or update checks. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'workbench.editor.enablePreview': false,
};

export function createSandbox(fixtures) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'slimfile-e2e-'));
  const dir = (...parts) => {
    const full = path.join(root, ...parts);
    fs.mkdirSync(full, { recursive: true });
    return full;
  };
  const home = dir('home');
  const sandbox = {
    root,
    workspace: path.join(root, 'workspace'),
    userData: dir('user-data'),
    extensions: dir('extensions'),
    results: path.join(root, 'suite-results.json'),
    env: {
      HOME: home,
      XDG_CONFIG_HOME: dir('home', '.config'),
      XDG_DATA_HOME: dir('home', '.local', 'share'),
      XDG_CACHE_HOME: dir('home', '.cache'),
      XDG_STATE_HOME: dir('home', '.local', 'state'),
      TMPDIR: dir('tmp'),
      NODE_COMPILE_CACHE: dir('node-compile-cache'),
    },
    remove() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  // The suite opens and edits (never saves) these; a copy keeps the checkout out of reach anyway.
  fs.cpSync(fixtures, sandbox.workspace, { recursive: true });
  fs.mkdirSync(path.join(sandbox.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(sandbox.userData, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  return sandbox;
}

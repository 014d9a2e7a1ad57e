// Runs every bundled node:test file under out/test. The extension-host suite
// (out/test/electron) needs VS Code and runs through `npm run test:electron` instead.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'electron' ? [] : find(path);
    return name.endsWith('.test.js') ? [path] : [];
  });
}

const files = find('out/test').sort();
if (files.length === 0) {
  console.error('No test files under out/test: run `npm run build` first.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...process.argv.slice(2), ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);

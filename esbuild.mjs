// Bundles the extension client, the language server and the CLI into dist/,
// and every test file into out/ so node's test runner can run them as plain JS.
import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
};

function testFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...testFiles(path));
    else if (name.endsWith('.test.ts') || (dir.includes('electron') && name.endsWith('.ts'))) found.push(path);
  }
  return found;
}

await Promise.all([
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
  production
    ? Promise.resolve()
    : build({ ...common, entryPoints: testFiles('test'), outbase: 'test', outdir: 'out/test', external: ['vscode', 'mocha', '@vscode/test-electron'] }),
  production ? Promise.resolve() : build({ ...common, entryPoints: ['scripts/generate.ts'], outdir: 'out/scripts' }),
]);

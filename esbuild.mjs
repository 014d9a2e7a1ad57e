// Bundles the extension client, the language server and the CLI into dist/,
// and every test file into out/ so node's test runner can run them as plain JS.
import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const production = process.argv.includes('--production');

// dockerfile-utils 0.16.3 checks stage names with /^[a-z]([a-z0-9_\-.]*)*$/, whose nested quantifier
// backtracks exponentially on a long name that does not match (a 33-character `AS name:v2` takes 76 s,
// during which the server answers nothing). /^[a-z][a-z0-9_\-.]*$/ accepts exactly the same names in
// linear time, so the bundles carry that instead. The build fails if the library's code moves on.
const STAGE_NAME_BACKTRACKING = 'new RegExp(/^[a-z]([a-z0-9_\\-.]*)*$/)';
const STAGE_NAME_LINEAR = 'new RegExp(/^[a-z][a-z0-9_\\-.]*$/)';
const linearStageNameCheck = {
  name: 'linear-stage-name-check',
  setup(build) {
    build.onLoad({ filter: /dockerfile-utils[\\/]lib[\\/]dockerValidator\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(STAGE_NAME_BACKTRACKING)) throw new Error(`${args.path}: the stage-name check changed; review the linear-stage-name-check patch`);
      return { contents: source.replace(STAGE_NAME_BACKTRACKING, STAGE_NAME_LINEAR), loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  plugins: [linearStageNameCheck],
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
  production ? Promise.resolve() : build({ ...common, entryPoints: ['server/scripts/generate.ts'], outdir: 'out/scripts' }),
]);

// Where the time goes: CPU profiles (node --cpu-prof) of the lint path and of
// the language server under a realistic session, summarised by function and by
// source file. Uses unminified bundles so names and files survive.
//
//   node bench/profile.mjs [engine|server|both] [--size 20000]
//
// engine: lintText on the generated file in a loop, in one process.
// server: the server over stdio; open the file, 20 one-character edits (each
//         waited for), hovers and completions, shutdown. The profile is the
//         server's own process.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { generateDockerfile } from './generate.mjs';
import { TimedServer } from './lsp.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(ROOT, 'bench', '.work', 'profile');
const argv = process.argv.slice(2);
const which = argv.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'both';
const sizeAt = argv.indexOf('--size');
const SIZE = sizeAt >= 0 ? Number(argv[sizeAt + 1]) : 20000;

async function bundles() {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'warning', absWorkingDir: ROOT, minify: false };
  await Promise.all([
    build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: WORK }),
    build({
      ...common,
      stdin: { contents: "export { lintText } from './server/src/engine/lint';", resolveDir: ROOT, loader: 'ts' },
      outfile: join(WORK, 'engine.cjs'),
    }),
  ]);
}

/** Bundle line → the source file esbuild's `// path` markers say it came from. */
function sourceIndex(bundlePath) {
  const lines = readFileSync(bundlePath, 'utf8').split('\n');
  const marks = [];
  lines.forEach((line, i) => {
    const m = /^\/\/ ((?:node_modules|server|shared|client)\/\S+\.(?:ts|js|mjs|cjs))$/.exec(line);
    if (m) marks.push([i, m[1]]);
  });
  return (line) => {
    let lo = 0;
    let hi = marks.length - 1;
    let found = '(bundle runtime)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid][0] <= line) {
        found = marks[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found.replace(/^node_modules\/([^/]+)\/.*$/, 'node_modules/$1');
  };
}

function summarise(dir, bundlePath, title) {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const sourceOf = sourceIndex(bundlePath);
  const bundleUrl = pathToFileURL(bundlePath).href;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => {
    const cf = n.callFrame;
    const name = cf.functionName || '(anonymous)';
    if (cf.url === bundleUrl) return { fn: `${name} (${sourceOf(cf.lineNumber)})`, file: sourceOf(cf.lineNumber) };
    if (!cf.url) return { fn: name, file: name.startsWith('(') ? name : '(native)' };
    return { fn: `${name} (${cf.url.replace(/^.*\/node_modules\//, 'node_modules/').replace(/^node:/, 'node:')}:${cf.lineNumber + 1})`, file: cf.url.startsWith('node:') ? 'node internals' : cf.url };
  };
  const self = new Map();
  const selfFile = new Map();
  const inclusive = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const node = byId.get(profile.samples[i]);
    const { fn, file } = label(node);
    self.set(fn, (self.get(fn) ?? 0) + dt);
    selfFile.set(file, (selfFile.get(file) ?? 0) + dt);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const key = label(byId.get(id)).fn;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  }
  const busy = total - (self.get('(idle)') ?? 0);
  const scaffolding = /^\(idle\)|^\(root\)|node:internal|\[eval\]|^runInContext|^\(anonymous\) \(node:/;
  const top = (map, n) =>
    [...map]
      .filter(([k]) => !scaffolding.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(0).padStart(7)} ms ${((100 * v) / busy).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  console.log(`\n=== ${title}: ${total.toFixed(0)} ms sampled, ${busy.toFixed(0)} ms not idle ===`);
  console.log('\nSelf time by source file:\n' + top(selfFile, 14));
  console.log('\nSelf time by function:\n' + top(self, 25));
  console.log('\nInclusive time by function:\n' + top(inclusive, 30));
}

function profileEngine(text) {
  const dir = join(WORK, 'engine-prof');
  rmSync(dir, { recursive: true, force: true });
  const script = `const { lintText } = require(${JSON.stringify(join(WORK, 'engine.cjs'))});
const text = require('fs').readFileSync(${JSON.stringify(join(WORK, `Dockerfile.${SIZE}`))}, 'utf8');
const t0 = Date.now(); let n = 0;
while (n < 3 || Date.now() - t0 < 4000) { lintText(text); n++; }
console.error('lintText x' + n + ': ' + ((Date.now() - t0) / n).toFixed(1) + ' ms per call');`;
  const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '-e', script], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('engine profile run failed');
  summarise(dir, join(WORK, 'engine.cjs'), `lintText on ${SIZE} lines`);
  void text;
}

async function profileServer(text) {
  const dir = join(WORK, 'server-prof');
  rmSync(dir, { recursive: true, force: true });
  const server = new TimedServer('slimfile', [join(WORK, 'server.js'), '--stdio'], { cwd: ROOT, execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  const root = pathToFileURL(join(WORK, 'ws')).href;
  await server.initialize(root);
  const uri = `${root}/Dockerfile`;
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i >= lines.length >> 1 && l.startsWith('# '));
  const from = lines.findIndex((l, i) => i > lines.length >> 1 && l.startsWith('FROM '));
  const opened = server.nextDiagnostics(uri);
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
  await opened;
  await server.ping();
  // Opens of new documents (each in its own folder, as an editor opening files), then edits.
  const opens = SIZE >= 20000 ? 2 : SIZE >= 2000 ? 20 : 300;
  for (let n = 0; n < opens; n++) {
    const other = `${root}/open-${n}/Dockerfile`;
    const published = server.nextDiagnostics(other);
    server.notify('textDocument/didOpen', { textDocument: { uri: other, languageId: 'dockerfile', version: 1, text } });
    await published;
    await server.ping();
    const cleared = server.nextDiagnostics(other);
    server.notify('textDocument/didClose', { textDocument: { uri: other } });
    await cleared;
  }
  const edits = SIZE >= 20000 ? 6 : SIZE >= 2000 ? 60 : 600;
  for (let v = 2; v < 2 + edits; v++) {
    const insert = v % 2 === 0;
    const start = { line, character: 2 };
    const published = server.nextDiagnostics(uri);
    server.notify('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start, end: insert ? start : { line, character: 3 } }, text: insert ? 'x' : '' }],
    });
    await published;
    await server.ping();
    await server.request('textDocument/hover', { textDocument: { uri }, position: { line: from, character: 8 } });
    await server.request('textDocument/completion', { textDocument: { uri }, position: { line: from + 1, character: 1 } });
  }
  await server.stop();
  summarise(dir, join(WORK, 'server.js'), `server session on ${SIZE} lines (${opens} opens, ${edits} edits, each followed by a hover and a completion)`);
}

mkdirSync(WORK, { recursive: true });
await bundles();
const text = generateDockerfile(SIZE);
(await import('node:fs')).writeFileSync(join(WORK, `Dockerfile.${SIZE}`), text);
if (which === 'engine' || which === 'both') profileEngine(text);
if (which === 'server' || which === 'both') await profileServer(text);

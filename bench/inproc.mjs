// In-process throughput, run by bench.mjs in a child process of its own:
// Slimfile's lintText against a bare dockerfile-ast parse and a read-and-split
// floor, on the same text, tools interleaved and their order rotated each round.
// No forced GC between samples: it slows dockerfile-ast based code 2-3x.
//
//   node bench/inproc.mjs <engine.cjs> <inputs dir> <quick 0|1>   → JSON on stdout

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ratios, rotate, summary, now } from './stats.mjs';
import { SIZES } from './generate.mjs';

const [enginePath, inputsDir, quickFlag] = process.argv.slice(2);
const quick = quickFlag === '1';
const require = createRequire(join(process.cwd(), 'package.json'));
const engine = require(enginePath);
const { DockerfileParser } = require('dockerfile-ast');
const utils = require('dockerfile-utils');

// The checks the server turns off in its dockerfile-utils syntax pass (server.ts SYNTAX_SETTINGS), so this row costs what the server's does.
const IGNORE = utils.ValidationSeverity.IGNORE;
const SYNTAX_SETTINGS = {
  deprecatedMaintainer: IGNORE,
  instructionCasing: IGNORE,
  instructionCmdMultiple: IGNORE,
  instructionEntrypointMultiple: IGNORE,
  instructionHealthcheckMultiple: IGNORE,
  instructionJSONInSingleQuotes: IGNORE,
  instructionWorkdirRelative: IGNORE,
};

let sink = 0;
function tools(path) {
  const text = readFileSync(path, 'utf8');
  return {
    text,
    list: [
      ['floor: read + split lines', () => (sink += readFileSync(path, 'utf8').split('\n').length)],
      ['dockerfile-ast parse (bare)', () => (sink += DockerfileParser.parse(text).getInstructions().length)],
      ['Slimfile parse only', () => (sink += engine.parseDockerfile(text).instructions.length)],
      ['Slimfile lintText (parse + all rules)', () => (sink += engine.lintText(text).findings.length)],
      ['dockerfile-utils validate (server syntax pass)', () => (sink += utils.validate(text, SYNTAX_SETTINGS).length)],
    ],
  };
}

function time(fn, calls) {
  const t0 = now();
  for (let i = 0; i < calls; i++) fn();
  return (now() - t0) / calls;
}

const ROUNDS = quick ? { 20: 7, 200: 7, 2000: 5, 20000: 3 } : { 20: 21, 200: 21, 2000: 15, 20000: 7 };
const out = { node: process.version, sizes: {} };
for (const size of SIZES) {
  const { text, list } = tools(join(inputsDir, `Dockerfile.${size}`));
  const batch = new Map();
  for (const [name, fn] of list) {
    // Warm up, then pick a batch size that takes ~40 ms so timer resolution does not matter.
    const warmCalls = size >= 20000 ? 2 : 5;
    const t0 = now();
    let calls = 0;
    while (calls < warmCalls || (size < 20000 && now() - t0 < 250)) {
      fn();
      calls++;
    }
    const per = time(fn, 1);
    batch.set(name, Math.max(1, Math.round(40 / Math.max(per, 0.001))));
  }
  const samples = new Map(list.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS[size]; round++) {
    for (const [name, fn] of rotate(list, round)) samples.get(name).push(time(fn, batch.get(name)));
  }
  const parse = samples.get('dockerfile-ast parse (bare)');
  const lint = samples.get('Slimfile lintText (parse + all rules)');
  const syntax = samples.get('dockerfile-utils validate (server syntax pass)');
  out.sizes[size] = {
    bytes: Buffer.byteLength(text),
    findings: engine.lintText(text).findings.length,
    tools: Object.fromEntries(
      [...samples].map(([name, s]) => [name, { ...summary(s), linesPerSecond: (size / summary(s).median) * 1000, vsParse: summary(ratios(s, parse)) }]),
    ),
    // What the server computes per document version: its own lint, then the syntax pass.
    serverPerVersionVsParse: summary(lint.map((l, i) => (l + syntax[i]) / parse[i])),
  };
  process.stderr.write(`  in-process ${size} lines done\n`);
}
out.sink = sink;
process.stdout.write(JSON.stringify(out));

// Fuzzing the engine and the CLI: hostile hand-made files, token soup and
// mutated corpus Dockerfiles. No exception may escape (a rule that throws shows
// up as an internal-error finding and counts too), spans and fix edits must lie
// inside the text, and every input must finish within a bound.
//
// Inputs run in a worker thread so that a hang is caught (the worker is
// terminated) instead of freezing the test run.
//
//   npm test                                  fixed seed, bounded count (a few seconds)
//   npm run fuzz                              long mode: SLIMFILE_FUZZ_COUNT (default 5000), random seed
//   SLIMFILE_FUZZ_SEED=123 SLIMFILE_FUZZ_COUNT=20000 npm run fuzz

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { CORPUS_MISSING, readCorpus } from './corpus';
import { exercise, loadCli, type Failure } from './exercise';
import { hostileCases, mutatedCase, random, soupCase, type FuzzCase } from './inputs';

const LONG = process.env.SLIMFILE_FUZZ_LONG === '1';
const SEED = Number(process.env.SLIMFILE_FUZZ_SEED ?? (LONG ? Date.now() % 2 ** 31 : 20261123));
/** Mutated corpus files; token soup adds a fifth of this again. */
const COUNT = Number(process.env.SLIMFILE_FUZZ_COUNT ?? (LONG ? 5000 : 100));
/** A step slower than this (plus 10 s per MB of input) fails the input; generous, as the machine running CI may be loaded. */
const STEP_LIMIT_MS = Number(process.env.SLIMFILE_FUZZ_STEP_MS ?? 5000);
const stepLimit = (text: string) => STEP_LIMIT_MS + (10_000 * text.length) / 2 ** 20;
/** An input that has not finished after this is a hang: the worker is terminated. */
const HANG_MS = Number(process.env.SLIMFILE_FUZZ_HANG_MS ?? 60_000);

interface Job {
  index: number;
  text: string;
  cli: boolean;
}
interface Report {
  index: number;
  failures: Failure[];
  timings: Record<string, number>;
}

if (!isMainThread && workerData?.fuzzWorker) {
  const cli = loadCli();
  const tempDir = (workerData as { tempDir: string }).tempDir;
  parentPort!.on('message', (job: Job) => {
    const outcome = exercise(job.text, job.cli ? { cli, tempDir, seed: job.index } : {});
    parentPort!.postMessage({ index: job.index, ...outcome } satisfies Report);
  });
}

/** Runs cases one at a time in a worker; returns a description of every bad case. */
async function runCases(cases: FuzzCase[], withCli: (index: number) => boolean, hangMs = HANG_MS): Promise<string[]> {
  const tempDir = mkdtempSync(join(tmpdir(), 'slimfile-fuzz-'));
  const problems: string[] = [];
  let worker: Worker | undefined;
  const start = () => new Worker(__filename, { workerData: { fuzzWorker: true, tempDir: join(tempDir, 'cli') } });
  try {
    for (let index = 0; index < cases.length; index++) {
      worker ??= start();
      const current = worker;
      const job: Job = { index, text: cases[index].text, cli: withCli(index) };
      const report = await new Promise<Report | 'hang' | Error>((resolve) => {
        const timer = setTimeout(() => resolve('hang'), hangMs);
        const done = (value: Report | Error) => {
          clearTimeout(timer);
          current.off('message', done);
          current.off('error', done);
          resolve(value);
        };
        current.on('message', done);
        current.on('error', done);
        current.postMessage(job);
      });
      const describeCase = () => {
        const saved = join(tempDir, `case-${index}.txt`);
        writeFileSync(saved, cases[index].text);
        return `${cases[index].name} (seed ${SEED}, input saved to ${saved})`;
      };
      if (report === 'hang' || report instanceof Error) {
        problems.push(`${describeCase()}: ${report === 'hang' ? `no answer after ${hangMs} ms (hang)` : `worker crashed: ${report.stack ?? report.message}`}`);
        await current.terminate();
        worker = undefined;
        continue;
      }
      const limit = stepLimit(cases[index].text);
      const slow = Object.entries(report.timings).filter(([, ms]) => ms > limit);
      if (report.failures.length || slow.length) {
        const lines = [
          ...report.failures.map((f) => `  ${f.step}: ${f.message.split('\n').slice(0, 6).join('\n    ')}`),
          ...slow.map(([step, ms]) => `  ${step}: took ${ms.toFixed(0)} ms (limit ${limit.toFixed(0)} ms)`),
        ];
        problems.push(`${describeCase()}\n${lines.join('\n')}`);
      }
    }
  } finally {
    await worker?.terminate();
    if (problems.length === 0) rmSync(tempDir, { recursive: true, force: true });
  }
  return problems;
}

if (isMainThread) {
  describe(`fuzz (seed ${SEED}, ${COUNT} mutated corpus files${LONG ? ', long mode' : ''})`, () => {
    it('hostile hand-made files: nothing throws, nothing hangs', { timeout: 20 * 60_000 }, async () => {
      const cases = LONG ? hostileCases({ scale: 5 }) : hostileCases({ longLine: 256 << 10 });
      // The CLI adds dockerfile-utils' validation (seconds on a 1 MB line): only on the smaller inputs unless in long mode.
      const problems = await runCases(cases, (i) => LONG || cases[i].text.length <= 16 << 10);
      assert.deepEqual(problems, [], `\n${problems.join('\n\n')}`);
    });

    it('token soup: nothing throws, nothing hangs', { timeout: 60 * 60_000 }, async () => {
      const rnd = random(SEED ^ 0x5eed);
      const cases = Array.from({ length: Math.max(10, Math.round(COUNT / 5)) }, (_, i) => soupCase(rnd, i));
      const problems = await runCases(cases, (i) => i % 4 === 0);
      assert.deepEqual(problems, [], `\n${problems.join('\n\n')}`);
    });

    it(
      'a long stage name with a stray character does not stall the CLI',
      // Found by the long fuzz run: dockerfile-utils 0.16.3 checks stage names with /^[a-z]([a-z0-9_\-.]*)*$/, whose nested
      // quantifier backtracks exponentially (33 characters: 76 s). esbuild.mjs bundles the equivalent linear pattern instead.
      async () => {
        const text = 'FROM python:3.12-slim AS builder-for-the-production-image:v2\nRUN pip install --no-cache-dir flask\n';
        const problems = await runCases([{ name: 'stage name of 34 characters and a colon', text }], () => true, 5000);
        assert.deepEqual(problems, [], `\n${problems.join('\n\n')}`);
      },
    );

    it('every corpus file, as is and mutated: nothing throws, nothing hangs', { timeout: 6 * 60 * 60_000 }, async (t) => {
      const corpus = readCorpus();
      if (corpus.length === 0) {
        t.skip(CORPUS_MISSING);
        return;
      }
      const rnd = random(SEED);
      const donors = corpus.map((f) => f.text);
      const cases: FuzzCase[] = corpus.map((f) => ({ name: `${f.name} (unchanged)`, text: f.text }));
      // Round-robin over the corpus so every file is mutated, then at random.
      for (let i = 0; i < COUNT; i++) cases.push(mutatedCase(rnd, corpus[i % corpus.length], donors, i));
      const problems = await runCases(cases, (i) => LONG || i < corpus.length || i % 4 === 0);
      assert.deepEqual(problems, [], `\n${problems.join('\n\n')}`);
    });
  });
}

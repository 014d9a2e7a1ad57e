// Runs one fuzz input through every entry point that takes a user's file:
// lintText (default rules, every rule on, with a build context), fixText (safe
// and unsafe), hoverAt, the refactorings, the LSP conversions the server does,
// suppression edits and the CLI's check and fix. Collects what went wrong
// instead of throwing, and how long each step took.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createBuildContext } from '../../server/src/engine/context/view';
import { applyEdits } from '../../server/src/engine/edits';
import { fixText } from '../../server/src/engine/fix';
import { hoverAt } from '../../server/src/engine/hover';
import { lintText } from '../../server/src/engine/lint';
import type { DockerfileModel } from '../../server/src/engine/model/types';
import { REFACTORINGS } from '../../server/src/engine/refactor';
import { RULES } from '../../server/src/engine/rules/catalog';
import type { Finding } from '../../server/src/engine/rules/types';
import { suppressionEdit } from '../../server/src/engine/suppressions';
import { toDiagnostic, toLspEdits } from '../../server/src/lsp/convert';
import type { SeverityName } from '../../shared/settings';

export interface Failure {
  step: string;
  message: string;
}

export interface Outcome {
  failures: Failure[];
  /** Milliseconds per step. */
  timings: Record<string, number>;
}

type CliMain = (argv: string[], out?: (s: string) => void, err?: (s: string) => void) => number;

const EVERY_RULE_ON: Record<string, SeverityName> = Object.fromEntries(RULES.map((rule) => [rule.id, 'warning' as SeverityName]));

const CONTEXT = createBuildContext({
  root: '.',
  files: {
    '.dockerignore': '.git\n**/__pycache__\n!keep\n',
    'requirements.txt': 'flask==3.0.3\nnumpy>=1.26\n-r requirements-dev.txt\n--extra-index-url https://x.example/simple\n',
    'requirements-dev.txt': 'pytest\n',
    'pyproject.toml': '[project]\nname = "app"\ndependencies = ["fastapi", "psycopg[binary]"]\n\n[tool.uv]\ndev-dependencies = ["pytest"]\n',
    'uv.lock': 'version = 1\n',
  },
  listed: ['src', 'src/app', 'app.py', 'Dockerfile'],
  dockerfilePath: 'Dockerfile',
});

/**
 * The CLI as shipped (dist/cli.js, which `npm test` builds first). It is loaded
 * rather than imported: bundled into a test, cli.ts's `require.main === module`
 * guard would hold and run the CLI with the test runner's arguments.
 */
export function loadCli(): CliMain {
  const load = createRequire(__filename);
  return (load(join(process.cwd(), 'dist', 'cli.js')) as { main: CliMain }).main;
}

function checkSpans(model: DockerfileModel, findings: Finding[], step: string, failures: Failure[]): void {
  const length = model.text.length;
  for (const finding of findings) {
    if (finding.ruleId === 'internal-error') {
      failures.push({ step, message: finding.message });
      continue;
    }
    const { start, end } = finding.span;
    if (!(start >= 0 && start <= end && end <= length)) failures.push({ step, message: `${finding.ruleId}: span ${start}–${end} outside the text (length ${length})` });
    for (const fix of finding.fixes) {
      for (const edit of fix.edits) {
        if (!(edit.start >= 0 && edit.start <= edit.end && edit.end <= length)) {
          failures.push({ step, message: `${finding.ruleId}: fix "${fix.title}" edits ${edit.start}–${edit.end} outside the text (length ${length})` });
        }
      }
      try {
        applyEdits(model.text, fix.edits);
      } catch (error) {
        failures.push({ step, message: `${finding.ruleId}: fix "${fix.title}" has overlapping edits: ${(error as Error).message}` });
      }
    }
  }
}

export function exercise(text: string, options: { cli?: CliMain; tempDir?: string; seed?: number } = {}): Outcome {
  const failures: Failure[] = [];
  const timings: Record<string, number> = {};
  const step = <T>(name: string, run: () => T): T | undefined => {
    const t0 = performance.now();
    try {
      return run();
    } catch (error) {
      failures.push({ step: name, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      return undefined;
    } finally {
      timings[name] = (timings[name] ?? 0) + performance.now() - t0;
    }
  };

  const linted = step('lintText', () => lintText(text));
  if (linted) checkSpans(linted.model, linted.findings, 'lintText', failures);
  const all = step('lintText (every rule on, build context)', () => lintText(text, { severities: EVERY_RULE_ON, buildContext: CONTEXT }));
  if (all) checkSpans(all.model, all.findings, 'lintText (every rule on, build context)', failures);

  step('fixText', () => fixText(text));
  step('fixText --unsafe (every rule on, build context)', () => fixText(text, { unsafe: true, severities: EVERY_RULE_ON, buildContext: CONTEXT }));

  const model = (all ?? linted)?.model;
  if (model) {
    step('hoverAt', () => {
      const offsets = new Set([0, 1, text.length >> 1, text.length - 1, text.length, text.length + 5, -1]);
      for (const stage of model.stages.slice(0, 50)) offsets.add(stage.image.span.start).add(stage.image.span.end);
      for (const offset of offsets) hoverAt(model, offset);
    });
    for (const refactoring of REFACTORINGS) {
      step(`refactoring ${refactoring.id}`, () => {
        const result = refactoring.compute(model);
        if (!result) return;
        const after = applyEdits(text, result.edits);
        lintText(after);
      });
    }
    const findings = (all ?? linted)?.findings ?? [];
    step('LSP conversions', () => {
      findings.forEach((finding, index) => {
        toDiagnostic(model, finding, index);
        for (const fix of finding.fixes) toLspEdits(model, fix.edits);
      });
    });
    step('suppressionEdit', () => {
      for (const finding of findings.slice(0, 200)) {
        const edit = suppressionEdit(model, finding.ruleId, finding.span.start);
        if (edit) applyEdits(text, [edit]);
      }
    });
  }

  if (options.cli && options.tempDir) {
    const cli = options.cli;
    const dir = options.tempDir;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'Dockerfile');
    let output = '';
    const sink = (s: string) => {
      if (output.length < 5_000_000) output += s;
    };
    const ignore = () => undefined;
    const expectStatus = (name: string, status: number) => {
      if (![0, 1, 2].includes(status)) failures.push({ step: name, message: `exit status ${status}` });
    };
    const formats = ['text', 'json', 'sarif'];
    const format = formats[(options.seed ?? 0) % formats.length];
    step(`cli check --format ${format}`, () => {
      writeFileSync(file, text);
      output = '';
      expectStatus(`cli check --format ${format}`, cli(['check', dir, '--format', format], sink, ignore));
      // Machine-readable output must stay machine-readable whatever the file holds.
      if (format !== 'text' && output.length < 5_000_000) JSON.parse(output);
    });
    step('cli fix', () => {
      writeFileSync(file, text);
      expectStatus('cli fix', cli(['fix', file], ignore, ignore));
    });
    step('cli fix --unsafe', () => {
      writeFileSync(file, text);
      expectStatus('cli fix --unsafe', cli(['fix', '--unsafe', file], ignore, ignore));
    });
  }
  return { failures, timings };
}

// Fix safety on every corpus file: what `slimfile fix` (and the editor's Fix
// all) writes must still parse, must be stable (a second run changes nothing),
// must leave alone every line no applied fix touched, and must not drop an
// instruction, a package or a flag the user wrote unless dropping it is what
// the rule's fix is documented to do.
//
// The fix loop is replayed pass by pass (the same choices fixText makes, and
// the test checks it lands on fixText's exact output), so every removed line
// and every vanished instruction, package or flag is traced to the edits and
// rules of the pass that removed it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, editsConflict } from '../../server/src/engine/edits';
import { fixText, type FixOptions } from '../../server/src/engine/fix';
import { lintText } from '../../server/src/engine/lint';
import { parseDockerfile } from '../../server/src/engine/model/parse';
import { positionAt } from '../../server/src/engine/model/text';
import type { DockerfileModel, Span } from '../../server/src/engine/model/types';
import { RULES } from '../../server/src/engine/rules/catalog';
import type { Rule, TextEdit } from '../../server/src/engine/rules/types';
import { syntaxErrors } from '../../server/src/engine/syntax';
import type { SeverityName } from '../../shared/settings';
import { CORPUS_MISSING, readCorpus, type CorpusFile } from '../fuzz/corpus';

/**
 * Rules whose fix removes things by its documented meaning, and what they may
 * remove: instruction keywords, flags (`KEYWORD --name` for instruction flags,
 * `manager option` for package-manager options) and package names. Every other
 * rule must never remove any of these.
 */
const MAY_REMOVE: Record<string, { instructions?: string[]; flags?: RegExp; packages?: boolean; why: string }> = {
  'multiple-instructions': { instructions: ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'], flags: /^HEALTHCHECK /, why: 'deletes the overridden instruction' },
  'apt-update-alone': { instructions: ['RUN'], why: 'deletes the RUN that only updates, merging the update into the next install' },
  'chown-after-copy': { instructions: ['RUN'], why: 'deletes the RUN chown -R once the copies carry --chown' },
  'unknown-suppression': { why: 'deletes unknown ids from suppression comments (comments only)' },
  'maintainer-deprecated': { instructions: ['MAINTAINER'], why: 'replaces MAINTAINER with a LABEL' },
  'add-instead-of-copy': { instructions: ['ADD'], why: 'switches the keyword ADD to COPY (flags move with it)' },
  'redundant-target-platform': { flags: /^FROM --platform$/, why: 'removes --platform=$TARGETPLATFORM' },
  'sudo-in-run': { why: 'removes the sudo word and its no-op options' },
  'dev-server-in-cmd': { why: 'removes --reload from the command (unsafe)' },
  'pip-install-per-package': { instructions: ['RUN'], why: 'merges adjacent pip install RUNs into one (unsafe)' },
  'remove-in-later-layer': { instructions: ['RUN'], packages: true, flags: /./, why: 'moves a removal into the layer that created the files (unsafe)' },
  'expose-invalid-format': { why: 'keeps only the container port of EXPOSE (unsafe)' },
};

const EVERY_RULE_ON: Record<string, SeverityName> = Object.fromEntries(RULES.map((rule) => [rule.id, 'warning' as SeverityName]));

const CONFIGURATIONS: { name: string; options: FixOptions }[] = [
  { name: 'safe fixes (slimfile fix)', options: {} },
  { name: 'unsafe fixes too (slimfile fix --unsafe)', options: { unsafe: true } },
  { name: 'unsafe fixes with every rule on', options: { unsafe: true, severities: EVERY_RULE_ON } },
];

interface AppliedEdit extends TextEdit {
  ruleId: string;
}

interface Atom {
  kind: 'instruction' | 'flag' | 'package';
  key: string;
  span: Span;
}

/** The instructions, flags and packages a user wrote, keyed so that a fix that rewrites around them still matches. */
function atoms(model: DockerfileModel): Atom[] {
  const out: Atom[] = [];
  for (const instruction of model.instructions) {
    out.push({ kind: 'instruction', key: instruction.keyword, span: instruction.span });
    for (const flag of instruction.flags) out.push({ kind: 'flag', key: `${instruction.keyword} --${flag.name}`, span: flag.span });
    for (const invocation of instruction.run?.packages ?? []) {
      for (const option of invocation.options) out.push({ kind: 'flag', key: `${invocation.manager} ${option.value.split('=')[0]}`, span: option.span });
      for (const name of invocation.packages) out.push({ kind: 'package', key: `${invocation.manager} ${name.value}`, span: name.span });
    }
  }
  return out;
}

function count(list: Atom[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const atom of list) counts.set(`${atom.kind}\u0000${atom.key}`, (counts.get(`${atom.kind}\u0000${atom.key}`) ?? 0) + 1);
  return counts;
}

function allowed(ruleId: string, atom: Atom): boolean {
  const rule = MAY_REMOVE[ruleId];
  if (!rule) return false;
  if (atom.kind === 'instruction') return rule.instructions?.includes(atom.key) ?? false;
  if (atom.kind === 'flag') return rule.flags?.test(atom.key) ?? false;
  return rule.packages ?? false;
}

/**
 * Indexes of `a`'s lines that a line diff to `b` reports as removed. A moved
 * line makes the diff ambiguous ([X, Y] → [Y, X] keeps either X or Y), so the
 * common subsequence is weighted to keep `a`'s untouched lines first: a line a
 * fix moved is the one reported, not the neighbour it moved past.
 */
function removedLines(a: string[], b: string[], touched: (line: number) => boolean): number[] {
  // Trim the common prefix and suffix; the middle is small for fixes.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  const weight = (i: number) => (touched(start + i) ? 1 : n + 1);
  const table = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const skip = Math.max(table[i + 1][j], table[i][j + 1]);
      table[i][j] = a[start + i] === b[start + j] ? Math.max(skip, table[i + 1][j + 1] + weight(i)) : skip;
    }
  }
  const removed: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n) {
    if (j < m && a[start + i] === b[start + j] && table[i][j] === table[i + 1][j + 1] + weight(i)) {
      i++;
      j++;
    } else if (j < m && table[i][j] === table[i][j + 1]) {
      j++;
    } else {
      removed.push(start + i);
      i++;
    }
  }
  return removed;
}

/** Lines an edit changes: from its start line to the line of its last removed character (an insertion changes its own line). */
function touchedLines(model: DockerfileModel, edit: TextEdit): [number, number] {
  const first = positionAt(model.lineStarts, edit.start).line;
  const last = positionAt(model.lineStarts, Math.max(edit.start, edit.end - 1)).line;
  return [first, last];
}

/** One pass of the fix loop, with the same choices fixText makes (no build context, so no file changes). */
function pass(text: string, options: FixOptions): { model: DockerfileModel; edits: AppliedEdit[] } | undefined {
  const { findings, model } = lintText(text, options);
  if (model.problems.length > 0) return undefined;
  const edits: AppliedEdit[] = [];
  for (const finding of findings) {
    if (options.only && !options.only.has(finding.ruleId)) continue;
    const fix = finding.fixes.find((f) => f.safe || options.unsafe);
    if (!fix) continue;
    if (fix.edits.some((e) => edits.some((taken) => editsConflict(e, taken)))) continue;
    if ((fix.fileChanges ?? []).length > 0) continue;
    edits.push(...fix.edits.map((e) => ({ ...e, ruleId: finding.ruleId })));
  }
  return edits.length ? { model, edits } : undefined;
}

/** Every way the fixes for one file break the contract, as readable lines; `removals` counts what allowed rules removed. */
function violations(file: CorpusFile, options: FixOptions, removals = new Map<string, number>()): string[] {
  const problems: string[] = [];
  const original = file.text;
  const parsedBefore = syntaxErrors(parseDockerfile(original)).length === 0;
  let current = original;
  for (let passNumber = 1; passNumber <= 10; passNumber++) {
    const step = pass(current, options);
    if (!step) break;
    const next = applyEdits(current, step.edits);
    const where = `pass ${passNumber}`;

    // Lines no applied fix touched must survive, in order.
    const touched = step.edits.map((e) => touchedLines(step.model, e));
    const isTouched = (line: number) => touched.some(([first, last]) => line >= first && line <= last);
    const before = current.split('\n');
    for (const line of removedLines(before, next.split('\n'), isTouched)) {
      if (isTouched(line)) continue;
      problems.push(`${where}: line ${line + 1} \`${before[line].trim().slice(0, 80)}\` changed, but no applied fix touched it (fixes applied: ${[...new Set(step.edits.map((e) => e.ruleId))].join(', ')})`);
    }

    // Instructions, flags and packages that vanished must have been removed by a rule whose fix means to remove them.
    const beforeAtoms = atoms(step.model);
    const afterCounts = count(atoms(parseDockerfile(next)));
    const beforeCounts = count(beforeAtoms);
    for (const [key, n] of beforeCounts) {
      const lost = n - (afterCounts.get(key) ?? 0);
      if (lost <= 0) continue;
      const candidates = beforeAtoms.filter((a) => `${a.kind}\u0000${a.key}` === key);
      const removers = candidates.flatMap((atom) =>
        step.edits.filter((e) => e.start < atom.span.end && e.end > atom.span.start).map((e) => ({ atom, ruleId: e.ruleId })),
      );
      const [kind, name] = key.split('\u0000');
      if (removers.length === 0) {
        problems.push(`${where}: ${kind} \`${name}\` disappeared (${lost} of ${n}) without an edit over it (fixes applied: ${[...new Set(step.edits.map((e) => e.ruleId))].join(', ')})`);
        continue;
      }
      const culprits = [...new Set(removers.filter((r) => !allowed(r.ruleId, r.atom)).map((r) => r.ruleId))];
      const permitted = removers.find((r) => allowed(r.ruleId, r.atom));
      if (permitted) {
        const label = `${permitted.ruleId} removed ${kind} ${name.split(' ')[0]}`;
        removals.set(label, (removals.get(label) ?? 0) + lost);
        continue;
      }
      problems.push(`${where}: ${kind} \`${name}\` removed by ${culprits.join(', ')}, whose fix is not documented to remove it`);
    }
    current = next;
  }

  const real = fixText(original, options);
  if (real.text !== current) problems.push('the pass-by-pass replay differs from fixText (update the replay in this test if fixText changed how it picks fixes)');
  if (parsedBefore) {
    const errors = syntaxErrors(parseDockerfile(real.text));
    if (errors.length) problems.push(`the fixed file no longer parses: ${errors[0].message} (fixes applied: ${[...new Set(real.applied)].join(', ')})`);
  }
  const again = fixText(real.text, options);
  if (again.text !== real.text) problems.push(`not idempotent: a second run applies ${[...new Set(again.applied)].join(', ')}`);
  return problems;
}

describe('fix safety on the corpus', () => {
  const corpus = readCorpus();
  for (const configuration of CONFIGURATIONS) {
    it(configuration.name, (t) => {
      if (corpus.length === 0) {
        t.skip(CORPUS_MISSING);
        return;
      }
      const report: string[] = [];
      const removals = new Map<string, number>();
      let fixed = 0;
      for (const file of corpus) {
        const found = violations(file, configuration.options, removals);
        if (fixText(file.text, configuration.options).text !== file.text) fixed++;
        if (found.length) report.push(`${file.name}:\n  ${found.join('\n  ')}`);
      }
      t.diagnostic(`${fixed} of ${corpus.length} corpus files changed by the fixes`);
      if (removals.size) t.diagnostic(`removals by allow-listed rules: ${[...removals].map(([what, n]) => `${what} ×${n}`).join('; ')}`);
      assert.deepEqual(report, [], `\n${report.join('\n')}`);
    });
  }

  it('catches a fix that removes a package, a flag or an instruction it has no business removing', () => {
    const sloppy: Rule = {
      id: 'sloppy-test-rule',
      category: 'size',
      defaultSeverity: 'warning',
      fixAvailability: 'always',
      docs: { summary: '', what: '', why: '', example: '', useInstead: '', fixSafety: '', references: [] },
      check({ model, report }) {
        const run = model.instructions.find((i) => i.keyword === 'RUN' && i.run?.packages.length);
        const copy = model.instructions.find((i) => i.keyword === 'COPY');
        if (!run || !copy) return;
        const gcc = run.run!.packages[0].packages.find((p) => p.value === 'gcc')!;
        const flag = copy.flags[0];
        report({
          span: run.span,
          message: 'sloppy',
          fixes: [
            {
              title: 'sloppy fix',
              safe: true,
              edits: [
                { start: gcc.span.start, end: gcc.span.end + 1, newText: '' },
                { start: flag.span.start, end: flag.span.end + 1, newText: '' },
                { start: model.instructions[3].span.start, end: model.instructions[3].span.end + 1, newText: '' },
              ],
            },
          ],
        });
      },
    };
    const text = 'FROM python:3.12\nRUN apt-get install -y gcc curl\nCOPY --chown=app . /app\nUSER app\nCMD ["python"]\n';
    const found = violations({ name: 'sloppy', text }, { rules: [sloppy] }).join('\n');
    assert.match(found, /package `apt gcc` removed by sloppy-test-rule/);
    assert.match(found, /flag `COPY --chown` removed by sloppy-test-rule/);
    assert.match(found, /instruction `USER` removed by sloppy-test-rule/);
  });

  it('the allow-list names only rules that exist', () => {
    const known = new Set(RULES.map((r) => r.id));
    assert.deepEqual(Object.keys(MAY_REMOVE).filter((id) => !known.has(id)), []);
  });
});

// ESLint-style rule tables: `valid` snippets must not fire; each `invalid`
// case lists the lines it fires on and the full text after its fix.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, editsConflict } from '../server/src/engine/edits';
import { lintText } from '../server/src/engine/lint';
import { positionAt } from '../server/src/engine/model/text';
import type { Finding, Rule, TextEdit } from '../server/src/engine/rules/types';

export interface InvalidCase {
  code: string;
  /** 1-based lines of the expected findings, in order. */
  lines: number[];
  /** A substring every message must contain. */
  message?: string;
  /** The text after applying the first fix of every finding; null when no fix is offered. */
  output?: string | null;
  /** Expected safety of the fix (default: the fix is safe). */
  unsafe?: boolean;
}

export interface RuleTable {
  valid: string[];
  invalid: InvalidCase[];
}

function findingsOf(rule: Rule, code: string): Finding[] {
  return lintText(code, { rules: [rule], severities: { [rule.id]: rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity } }).findings;
}

/** Applies the first fix of each finding, skipping fixes that overlap one already taken. */
export function applyFirstFixes(code: string, findings: Finding[]): string {
  const edits: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes[0];
    if (!fix) continue;
    if (fix.edits.some((e) => edits.some((taken) => editsConflict(e, taken)))) continue;
    edits.push(...fix.edits);
  }
  return applyEdits(code, edits);
}

export function ruleTests(rule: Rule, table: RuleTable): void {
  describe(rule.id, () => {
    table.valid.forEach((code, index) => {
      it(`valid #${index + 1}: ${code.split('\n').find((l) => l && !l.startsWith('FROM')) ?? code.split('\n')[0]}`, () => {
        const found = findingsOf(rule, code);
        assert.deepEqual(found.map((f) => `${positionAt(lintText(code).model.lineStarts, f.span.start).line + 1}: ${f.message}`), []);
      });
    });
    table.invalid.forEach((testCase, index) => {
      it(`invalid #${index + 1}: ${testCase.code.split('\n').find((l) => l && !l.startsWith('FROM')) ?? ''}`, () => {
        const { model, findings } = lintText(testCase.code, { rules: [rule], severities: { [rule.id]: 'warning' } });
        assert.deepEqual(findings.map((f) => positionAt(model.lineStarts, f.span.start).line + 1), testCase.lines, 'lines of the findings');
        if (testCase.message) for (const f of findings) assert.ok(f.message.includes(testCase.message), `message "${f.message}" lacks "${testCase.message}"`);
        if (testCase.output === undefined) return;
        if (testCase.output === null) {
          assert.deepEqual(findings.flatMap((f) => f.fixes), [], 'no fix expected');
          return;
        }
        for (const f of findings) if (f.fixes[0]) assert.equal(f.fixes[0].safe, !testCase.unsafe, `fix safety of "${f.fixes[0].title}"`);
        const output = applyFirstFixes(testCase.code, findings);
        assert.equal(output, testCase.output);
        assert.deepEqual(lintText(output).model.problems, [], 'the fixed file parses');
        const again = findingsOf(rule, output);
        assert.equal(applyFirstFixes(output, again), output, 'a second fix changes nothing');
      });
    });
  });
}

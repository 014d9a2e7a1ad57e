// ESLint-style rule tables: `valid` snippets must not fire; each `invalid`
// case lists the lines it fires on and the full text after its fix.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BuildContext } from '../server/src/engine/context/types';
import { createBuildContext, withFileChanges } from '../server/src/engine/context/view';
import { applyEdits, editsConflict } from '../server/src/engine/edits';
import { lintText } from '../server/src/engine/lint';
import { positionAt } from '../server/src/engine/model/text';
import type { FileChange, Finding, Rule, TextEdit } from '../server/src/engine/rules/types';

/** A build context for a case: file texts by path, and paths that exist without being read (top-level names). */
export interface ContextFixture {
  files?: Record<string, string>;
  listed?: string[];
  dockerignorePath?: string;
  root?: string;
}

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
  /** The build context the case is linted with (rules that read one stay quiet without it). */
  context?: ContextFixture;
  /** Context files the first fixes change, with their text afterwards. */
  files?: Record<string, string>;
}

export type ValidCase = string | { code: string; context?: ContextFixture };

export interface RuleTable {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

export function contextOf(fixture: ContextFixture | undefined): BuildContext | undefined {
  if (!fixture) return undefined;
  return createBuildContext({ root: fixture.root ?? '.', files: fixture.files ?? {}, listed: fixture.listed, dockerignorePath: fixture.dockerignorePath });
}

function findingsOf(rule: Rule, code: string, buildContext?: BuildContext): Finding[] {
  return lintText(code, { rules: [rule], severities: { [rule.id]: rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity }, buildContext }).findings;
}

/** Applies the first fix of each finding, skipping fixes that overlap one already taken. */
export function applyFirstFixes(code: string, findings: Finding[]): string {
  return applyFirstFixesWithFiles(code, findings).text;
}

/** The same, also collecting the fixes' changes to other context files (one fix per file). */
export function applyFirstFixesWithFiles(code: string, findings: Finding[]): { text: string; fileChanges: FileChange[] } {
  const edits: TextEdit[] = [];
  const fileChanges: FileChange[] = [];
  for (const finding of findings) {
    const fix = finding.fixes[0];
    if (!fix) continue;
    if (fix.edits.some((e) => edits.some((taken) => editsConflict(e, taken)))) continue;
    if (fix.fileChanges?.some((c) => fileChanges.some((taken) => taken.path === c.path))) continue;
    edits.push(...fix.edits);
    fileChanges.push(...(fix.fileChanges ?? []));
  }
  return { text: applyEdits(code, edits), fileChanges };
}

export function ruleTests(rule: Rule, table: RuleTable): void {
  describe(rule.id, () => {
    table.valid.forEach((entry, index) => {
      const { code, context } = typeof entry === 'string' ? { code: entry, context: undefined } : entry;
      it(`valid #${index + 1}: ${code.split('\n').find((l) => l && !l.startsWith('FROM')) ?? code.split('\n')[0]}`, () => {
        const found = findingsOf(rule, code, contextOf(context));
        assert.deepEqual(found.map((f) => `${positionAt(lintText(code).model.lineStarts, f.span.start).line + 1}: ${f.message}`), []);
      });
    });
    table.invalid.forEach((testCase, index) => {
      it(`invalid #${index + 1}: ${testCase.code.split('\n').find((l) => l && !l.startsWith('FROM')) ?? ''}`, () => {
        const buildContext = contextOf(testCase.context);
        const { model, findings } = lintText(testCase.code, { rules: [rule], severities: { [rule.id]: 'warning' }, buildContext });
        assert.deepEqual(findings.map((f) => positionAt(model.lineStarts, f.span.start).line + 1), testCase.lines, 'lines of the findings');
        if (testCase.message) for (const f of findings) assert.ok(f.message.includes(testCase.message), `message "${f.message}" lacks "${testCase.message}"`);
        if (testCase.output === undefined) return;
        if (testCase.output === null) {
          assert.deepEqual(findings.flatMap((f) => f.fixes), [], 'no fix expected');
          return;
        }
        for (const f of findings) if (f.fixes[0]) assert.equal(f.fixes[0].safe, !testCase.unsafe, `fix safety of "${f.fixes[0].title}"`);
        const { text: output, fileChanges } = applyFirstFixesWithFiles(testCase.code, findings);
        assert.equal(output, testCase.output);
        assert.deepEqual(lintText(output).model.problems, [], 'the fixed file parses');
        const after = buildContext ? withFileChanges(buildContext, fileChanges) : undefined;
        if (testCase.files || fileChanges.length > 0) {
          const changed = Object.fromEntries([...new Set(fileChanges.map((c) => c.path))].map((path) => [path, after?.files.get(path)]));
          assert.deepEqual(changed, testCase.files ?? {}, 'context files after the fix');
        }
        const again = applyFirstFixesWithFiles(output, findingsOf(rule, output, after));
        assert.equal(again.text, output, 'a second fix changes nothing');
        assert.deepEqual(again.fileChanges, [], 'a second fix changes no context file');
      });
    });
  });
}

// CLI output formats: text for people, JSON for scripts, SARIF 2.1.0 for code
// scanning. Pure functions from results to strings.

import { RULE_DOCS_BASE } from '../../../shared/ids';
import { cleanPath } from './context/dockerignore';
import type { BuildContext } from './context/types';
import { positionAt, rangeOf, type Range } from './model/text';
import type { DockerfileModel } from './model/types';
import { RULES } from './rules/catalog';
import type { FileChange, Finding, Severity } from './rules/types';

export interface FileResult {
  /** As given on the command line or found in a directory, with `/` separators. */
  path: string;
  model: DockerfileModel;
  findings: Finding[];
  /** The build context the file was linted with; fixes' file changes are relative to its root. */
  buildContext?: BuildContext;
}

/** A context file's path as the report shows it: under the context root as given (`app/.dockerignore`). */
export function contextFilePath(buildContext: BuildContext | undefined, path: string): string {
  const root = buildContext?.root ?? '.';
  return cleanPath(root === '.' ? path : `${root}/${path}`);
}

function jsonFileChanges(result: FileResult, changes: FileChange[] | undefined) {
  return (changes ?? []).map((c) => ({ file: contextFilePath(result.buildContext, c.path), path: c.path, kind: c.kind, text: c.text }));
}

export const TOOL_VERSION = '0.1.0';

export function isFailure(severity: Severity): boolean {
  return severity === 'error' || severity === 'warning';
}

export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  let total = 0;
  let fixable = 0;
  for (const { path, model, findings } of results) {
    for (const finding of findings) {
      const { line, character } = positionAt(model.lineStarts, finding.span.start);
      const mark = finding.fixes.some((f) => f.safe) ? ' [*]' : '';
      lines.push(`${path}:${line + 1}:${character + 1}: ${finding.severity} ${finding.ruleId}${mark} ${finding.message}`);
      total++;
      if (mark) fixable++;
    }
  }
  if (total === 0) lines.push(`No problems found in ${results.length} ${results.length === 1 ? 'file' : 'files'}.`);
  else {
    lines.push('');
    lines.push(`Found ${total} ${total === 1 ? 'problem' : 'problems'} in ${results.length} ${results.length === 1 ? 'file' : 'files'}.`);
    if (fixable) lines.push(`[*] ${fixable} fixable with \`slimfile fix\`.`);
  }
  return lines.join('\n') + '\n';
}

interface JsonEdit {
  range: Range;
  newText: string;
}

export function formatJson(results: FileResult[]): string {
  const files = results.map((result) => ({
    file: result.path,
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      range: rangeOf(result.model.lineStarts, f.span),
      fixes: f.fixes.map((fix) => ({
        title: fix.title,
        safe: fix.safe,
        edits: fix.edits.map((e): JsonEdit => ({ range: rangeOf(result.model.lineStarts, { start: e.start, end: e.end }), newText: e.newText })),
        ...(fix.fileChanges?.length ? { fileChanges: jsonFileChanges(result, fix.fileChanges) } : {}),
      })),
    })),
  }));
  return JSON.stringify(files, null, 2) + '\n';
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function sarifRegion(model: DockerfileModel, start: number, end: number) {
  const range = rangeOf(model.lineStarts, { start, end });
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** SARIF paths are URIs relative to the working directory: encode each segment. */
function sarifUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** A change to another context file: an insertion at its start (a new file) or at its end (an append). */
function sarifFileChange(buildContext: BuildContext | undefined, change: FileChange) {
  const current = buildContext?.files.get(cleanPath(change.path));
  const offset = change.kind === 'append' && current !== undefined ? current.length : 0;
  const text = change.kind === 'append' && current && !current.endsWith('\n') ? `\n${change.text}` : change.text;
  return {
    artifactLocation: { uri: sarifUri(contextFilePath(buildContext, change.path)) },
    replacements: [{ deletedRegion: { charOffset: offset, charLength: 0 }, insertedContent: { text } }],
  };
}

export function formatSarif(results: FileResult[]): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const rules = RULES.map((rule) => ({
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.docs.summary.replace(/`/g, '') },
    fullDescription: { text: rule.docs.what.replace(/`/g, '') },
    help: { text: rule.docs.why, markdown: `${rule.docs.why}\n\n${rule.docs.fixSafety}` },
    helpUri: `${RULE_DOCS_BASE}${rule.id}.md`,
    defaultConfiguration: { level: rule.defaultSeverity === 'off' ? 'none' : SARIF_LEVEL[rule.defaultSeverity], enabled: rule.defaultSeverity !== 'off' },
    properties: { category: rule.category, tags: [rule.category, ...(rule.hadolint ?? [])] },
  }));
  const sarifResults = results.flatMap(({ path, model, findings, buildContext }) =>
    findings.map((f) => {
      const result: Record<string, unknown> = {
        ruleId: f.ruleId,
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: sarifUri(path) }, region: sarifRegion(model, f.span.start, f.span.end) } }],
      };
      const index = ruleIndex.get(f.ruleId);
      if (index !== undefined) result.ruleIndex = index;
      if (f.fixes.length > 0) {
        result.fixes = f.fixes.map((fix) => ({
          description: { text: `${fix.title}${fix.safe ? '' : ' (unsafe)'}` },
          artifactChanges: [
            ...(fix.edits.length > 0 || !fix.fileChanges?.length
              ? [
                  {
                    artifactLocation: { uri: sarifUri(path) },
                    replacements: fix.edits.map((e) => ({ deletedRegion: sarifRegion(model, e.start, e.end), insertedContent: { text: e.newText } })),
                  },
                ]
              : []),
            ...(fix.fileChanges ?? []).map((change) => sarifFileChange(buildContext, change)),
          ],
        }));
      }
      return result;
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'slimfile', version: TOOL_VERSION, informationUri: 'https://github.com/slimfile/slimfile', rules } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

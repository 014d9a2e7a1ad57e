// What a rule is: its identity, its documentation (the rule page is generated
// from it) and a pure check over the model.

import type { SeverityName } from '../../../../shared/settings';
import type { BuildContext } from '../context/types';
import type { DockerfileModel, Span } from '../model/types';

export type Category = 'size' | 'cache' | 'security' | 'runtime' | 'correctness';
export type Severity = Exclude<SeverityName, 'off'>;

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A change to another file of the build context (`.dockerignore`), which a TextEdit on the Dockerfile cannot express. */
export interface FileChange {
  /** Relative to the build context root, `/`-separated. */
  path: string;
  /** `create`: only when the file is absent. `append`: adds `text` at the end, after a newline if the file lacks a final one. */
  kind: 'create' | 'append';
  text: string;
}

export interface Fix {
  title: string;
  /** Safe: the image behaves the same after the fix. Unsafe fixes are applied only on request. */
  safe: boolean;
  edits: TextEdit[];
  /** Changes to other files of the build context; applied only where the build context is known. */
  fileChanges?: FileChange[];
}

export interface Finding {
  ruleId: string;
  span: Span;
  message: string;
  severity: Severity;
  fixes: Fix[];
  /** Marks faded code (e.g. deprecated forms). */
  tags?: ('unnecessary' | 'deprecated')[];
}

export interface RuleDocs {
  /** One line: what the rule reports. */
  summary: string;
  what: string;
  why: string;
  knownProblems?: string;
  /** A Dockerfile the rule fires on. */
  example: string;
  /** The same Dockerfile, fixed. */
  useInstead: string;
  fixSafety: string;
  references: string[];
}

export interface RuleContext {
  model: DockerfileModel;
  /** Every rule in the catalog, by id (for rules about rules, such as unknown suppression ids). */
  catalog: ReadonlyMap<string, Rule>;
  /** The build context, when known (a file on disk); rules that need it stay quiet without it. */
  buildContext: BuildContext | undefined;
  report(finding: Omit<Finding, 'ruleId' | 'severity' | 'fixes'> & { fixes?: Fix[] }): void;
}

export interface Rule {
  id: string;
  category: Category;
  /** `off` rules run only when configured on. */
  defaultSeverity: SeverityName;
  fixAvailability: 'always' | 'sometimes' | 'none';
  /** hadolint rules that report the same thing; their ignore comments also silence this rule. */
  hadolint?: string[];
  docs: RuleDocs;
  check(context: RuleContext): void;
}

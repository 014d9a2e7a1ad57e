// Identifiers both the VS Code client and the language server use. One place, so they cannot drift.

export const LANGUAGE_ID = 'dockerfile';
export const DIAGNOSTIC_SOURCE = 'slimfile';
export const RULE_DOCS_BASE = 'https://github.com/slimfile/slimfile/blob/main/docs/rules/';

export const Commands = {
  splitStages: 'slimfile.splitStages',
  moveCopyAfterInstall: 'slimfile.moveCopyAfterInstall',
  fixAll: 'slimfile.fixAll',
  showOutput: 'slimfile.showOutput',
  restartServer: 'slimfile.restartServer',
  explainDockerfile: 'slimfile.explainDockerfile',
} as const;

/** Refactoring ids: the `data` of an on-demand code action, and the argument of the commands above. */
export const Refactorings = {
  splitStages: 'split-stages',
  moveCopyAfterInstall: 'move-copy-after-install',
} as const;

export type RefactoringId = (typeof Refactorings)[keyof typeof Refactorings];

/** The server-side command the client's palette entries call. */
export const APPLY_REFACTORING_COMMAND = 'slimfile.applyRefactoring';
export const FIX_ALL_KIND = 'source.fixAll.slimfile';
/** The server-side command that returns the "Explain this Dockerfile" report (markdown) for a document URI. */
export const EXPLAIN_COMMAND = 'slimfile.explain';

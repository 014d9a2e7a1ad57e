// The language server: LSP wiring only. What to say lives in the engine;
// generic Dockerfile features come from dockerfile-language-service.

import './lsp/heap';
import {
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  createConnection,
  Diagnostic,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type InitializeParams,
  type InitializeResult,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { APPLY_REFACTORING_COMMAND, DIAGNOSTIC_SOURCE, EXPLAIN_COMMAND, FIX_ALL_KIND } from '../../shared/ids';
import { explainDockerfile } from './engine/explain';
import { refreshSizeEstimates, reportTitle, sizeCodeLenses, sizeInlayHints } from './lsp/teach';
import { DEFAULT_SETTINGS, normaliseSettings, type SlimfileSettings } from '../../shared/settings';
import { fixText } from './engine/fix';
import { hoverAt } from './engine/hover';
import { offsetAt, rangeOf } from './engine/model/text';
import { REFACTORINGS, refactoringById } from './engine/refactor';
import { AnalysisCache, type Analysis } from './lsp/analysis';
import { ParseCache } from './lsp/ast-cache';
import { StagedSyntaxValidator } from './lsp/syntax-diagnostics';
import { StagedSemanticTokens } from './lsp/semantic-tokens';
import { GenericService, slimfileSyntaxSettings } from './lsp/generic';
import { ProjectConfigs } from './lsp/project-config';
import { suppressionEdit } from './engine/suppressions';
import { minimalEdit, quickFix, toDiagnostic, toLspEdits } from './lsp/convert';
import { BuildContexts } from './lsp/build-contexts';
import { contextQuickFix, editSupport, workspaceEditWith, type EditSupport } from './lsp/file-changes';
import { fileURLToPath } from 'node:url';

const parses = new ParseCache();
const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const analyses = new AnalysisCache();
const configs = new ProjectConfigs((message, isError) => {
  if (isError) void connection.window.showErrorMessage(`Slimfile: ${message}`);
  else connection.console.warn(`slimfile: ${message}`);
});
const generic = new GenericService(() => parses.install());
/** Build contexts of open Dockerfiles: reads cached per file until a watched-file event. */
const contexts = new BuildContexts();
/** What workspace edits the client can apply (creating files needs documentChanges and the create operation). */
let clientEdits: EditSupport = { documentChanges: false, create: false };

// The legend dockerfile-language-service encodes its semantic tokens with (dockerSemanticTokens.js).
const SEMANTIC_TOKEN_TYPES = ['keyword', 'comment', 'parameter', 'property', 'namespace', 'class', 'macro', 'string', 'variable', 'operator', 'modifier'];
const SEMANTIC_TOKEN_MODIFIERS = ['declaration', 'definition', 'deprecated'];

let settings: SlimfileSettings = DEFAULT_SETTINGS;
let settingsGeneration = 0;
let pullConfiguration = false;
/** Syntax diagnostics last computed per document, kept so a quick publish does not drop them. */
const syntaxDiagnostics = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
/** Per document, so an edit re-validates only the stage it touches. */
const syntaxValidators = new Map<string, StagedSyntaxValidator>();
const semanticTokens = new Map<string, StagedSemanticTokens>();
/** What the client said it supports, for refresh requests. */
let clientCapabilities: ClientCapabilities | undefined;
/** Pending validation per document: a newer version replaces the older job before it runs. */
const pending = new Map<string, NodeJS.Immediate>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  pullConfiguration = params.capabilities.workspace?.configuration === true;
  clientEdits = editSupport(params.capabilities);
  clientCapabilities = params.capabilities;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  contexts.folders = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  const options = params.initializationOptions as { settings?: unknown } | undefined;
  if (options?.settings) applySettings(options.settings);
  generic.setCapabilities({
    completion: params.capabilities.textDocument?.completion as never,
    hover: { contentFormat: params.capabilities.textDocument?.hover?.contentFormat },
  });
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND], resolveProvider: false },
      executeCommandProvider: { commands: [APPLY_REFACTORING_COMMAND, EXPLAIN_COMMAND] },
      hoverProvider: true,
      inlayHintProvider: true,
      codeLensProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: ['=', ' ', '$', '-'], resolveProvider: true },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      documentOnTypeFormattingProvider: { firstTriggerCharacter: '\\', moreTriggerCharacter: ['`'] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      renameProvider: { prepareProvider: true },
      definitionProvider: true,
      documentHighlightProvider: true,
      documentLinkProvider: { resolveProvider: true },
      signatureHelpProvider: { triggerCharacters: ['-', '[', ',', ' ', '='] },
      semanticTokensProvider: {
        legend: { tokenTypes: SEMANTIC_TOKEN_TYPES, tokenModifiers: SEMANTIC_TOKEN_MODIFIERS },
        full: true,
      },
    },
    serverInfo: { name: 'slimfile' },
  };
});

connection.onInitialized(() => {
  if (pullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'slimfile' });
    void refreshConfiguration();
  }
});

connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as { slimfile?: unknown } | null)?.slimfile;
  if (pushed !== undefined) {
    applySettings(pushed);
    revalidateAll();
  } else if (pullConfiguration) {
    void refreshConfiguration();
  }
});

async function refreshConfiguration(): Promise<void> {
  try {
    const [section] = await connection.workspace.getConfiguration([{ section: 'slimfile' }]);
    applySettings(section);
  } catch {
    // A client that advertises configuration but fails the request keeps the current settings.
  }
  revalidateAll();
}

function applySettings(raw: unknown): void {
  settings = normaliseSettings(raw);
  settingsGeneration++;
}

/** Project configuration first, then the user's settings on top. */
function analyse(document: TextDocument): Analysis {
  const project = configs.rulesFor(document.uri);
  return analyses.get(document, { ...project.rules, ...settings.rules }, `${configs.key}:${settingsGeneration}:${contexts.key}`, (model) =>
    safely(() => contexts.for(document.uri, model, settings.buildContext)?.context, undefined),
  );
}

connection.onDidChangeWatchedFiles((params) => {
  configs.invalidate();
  contexts.changed(params.changes.map((change) => change.uri));
  revalidateAll();
});

/** Where a fix's context file changes go: the analysed context and its directory on disk. */
function contextTarget(analysis: Analysis) {
  const where = analysis.buildContext ? contexts.locate(analysis.uri, settings.buildContext) : undefined;
  return analysis.buildContext && where ? { context: analysis.buildContext, rootPath: where.rootPath } : undefined;
}

function revalidateAll(): void {
  for (const document of documents.all()) scheduleValidation(document);
  refreshSizeEstimates(connection, clientCapabilities);
}

/** The text each open document had when last seen, to drop its cached parse when it changes. */
const lastText = new Map<string, string>();

documents.onDidOpen((event) => scheduleValidation(event.document));
documents.onDidChangeContent((event) => {
  parses.forget(lastText.get(event.document.uri));
  lastText.set(event.document.uri, event.document.getText());
  scheduleValidation(event.document);
});
documents.onDidClose((event) => {
  const job = pending.get(event.document.uri);
  if (job) clearImmediate(job);
  pending.delete(event.document.uri);
  analyses.delete(event.document.uri);
  syntaxDiagnostics.delete(event.document.uri);
  syntaxValidators.delete(event.document.uri);
  parses.forget(lastText.get(event.document.uri));
  lastText.delete(event.document.uri);
  semanticTokens.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

/**
 * Validates on the next turn of the event loop, so a burst of queued changes is
 * linted once, at its newest version. No fixed delay: small files answer at once.
 */
function scheduleValidation(document: TextDocument): void {
  const previous = pending.get(document.uri);
  if (previous) clearImmediate(previous);
  pending.set(
    document.uri,
    setImmediate(() => {
      pending.delete(document.uri);
      safely(() => validate(document.uri), undefined);
    }),
  );
}

/** Stages a syntax pass may validate in the same turn as the lint; more (a first open) go to a later turn. */
const SYNTAX_STAGES_NOW = 4;

function validate(uri: string): void {
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  const slimfile = settings.enable ? slimfileDiagnostics(document) : [];
  const publish = (syntax: Diagnostic[]) => void connection.sendDiagnostics({ uri, version, diagnostics: [...slimfile, ...syntax] });
  if (!settings.genericFeatures.syntaxDiagnostics) return publish([]);
  const previous = syntaxDiagnostics.get(uri);
  if (previous?.version === version) return publish(previous.diagnostics);
  const validator = syntaxValidator(uri);
  const model = analyse(document).model;
  const plan = validator.plan(model);
  if (plan.uncached <= SYNTAX_STAGES_NOW) return publish(syntaxPass(uri, version, () => validator.run(model, plan)));
  // A first open of a many-stage file: Slimfile's findings go out first, the syntax pass follows unless a newer version arrives.
  publish([]);
  pending.set(
    uri,
    setImmediate(() => {
      pending.delete(uri);
      const current = documents.get(uri);
      if (!current || current.version !== version) return;
      const syntax = syntaxPass(uri, version, () => validator.run(analyse(current).model));
      if (syntax.length > 0) publish(syntax);
    }),
  );
}

function syntaxValidator(uri: string): StagedSyntaxValidator {
  let validator = syntaxValidators.get(uri);
  if (!validator) {
    validator = new StagedSyntaxValidator((text) => parses.without(() => generic.get().validate(text, slimfileSyntaxSettings())));
    syntaxValidators.set(uri, validator);
  }
  return validator;
}

/** Runs dockerfile-utils' checks and remembers the result for this version. */
function syntaxPass(uri: string, version: number, run: () => Diagnostic[]): Diagnostic[] {
  const syntax = safely(run, []).map((d) => ({ ...d, source: 'dockerfile-utils' }));
  syntaxDiagnostics.set(uri, { version, diagnostics: syntax });
  return syntax;
}

function slimfileDiagnostics(document: TextDocument): Diagnostic[] {
  const analysis = analyse(document);
  return analysis.findings.map((finding, index) => toDiagnostic(analysis.model, finding, index));
}

/** Runs a library call that must not take the server down on a strange file. */
function safely<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch (error) {
    connection.console.error(`slimfile: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}

function analysisFor(uri: string): Analysis | undefined {
  const document = documents.get(uri);
  return document ? analyse(document) : undefined;
}

connection.onCodeAction((params: CodeActionParams): CodeAction[] =>
  safely(() => {
    const analysis = analysisFor(params.textDocument.uri);
    if (!analysis || !settings.enable) return [];
    return codeActions(params, analysis);
  }, []),
);

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function codeActions(params: CodeActionParams, analysis: Analysis): CodeAction[] {
  const { uri } = params.textDocument;
  const { model, findings } = analysis;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const offered = new Set<string>();

  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const index = (diagnostic.data as { index?: number } | undefined)?.index;
      const finding = index !== undefined ? findings[index] : undefined;
      if (!finding || finding.ruleId !== diagnostic.code) continue;
      finding.fixes.forEach((fix, i) => {
        const title = fix.safe ? fix.title : `${fix.title} (unsafe)`;
        if (!fix.fileChanges?.length) actions.push(quickFix(uri, model, title, fix.edits, diagnostic, i === 0 && fix.safe));
        else {
          const action = contextQuickFix(uri, analysis.version, model, title, fix, diagnostic, i === 0 && fix.safe, contextTarget(analysis), clientEdits);
          if (action) actions.push(action);
        }
      });
      for (const refactoring of REFACTORINGS) {
        if (!refactoring.resolves.includes(finding.ruleId) || offered.has(refactoring.id)) continue;
        const result = safely(() => refactoring.compute(model), undefined);
        if (!result || finding.fixes.some((f) => f.title === result.title)) continue;
        offered.add(refactoring.id);
        actions.push(quickFix(uri, model, result.title, result.edits, diagnostic, false));
      }
      const suppress = suppressionEdit(model, finding.ruleId, finding.span.start);
      if (suppress && finding.ruleId !== 'unknown-suppression') {
        actions.push(quickFix(uri, model, `Suppress ${finding.ruleId} for this line`, [suppress], diagnostic, false));
      }
    }
  }

  if (wants(only, CodeActionKind.RefactorRewrite)) {
    for (const refactoring of REFACTORINGS) {
      if (offered.has(refactoring.id)) continue;
      const result = safely(() => refactoring.compute(model), undefined);
      if (!result) continue;
      actions.push({ title: result.title, kind: CodeActionKind.RefactorRewrite, edit: { changes: { [uri]: toLspEdits(model, result.edits) } } });
    }
  }

  if (only?.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`)) && model.problems.length === 0) {
    const fixed = fixText(model.text, { severities: analysis.severities, buildContext: analysis.buildContext });
    const edit = minimalEdit(model.text, fixed.text);
    // Context files change too when the client can take it; otherwise only the Dockerfile does.
    const withFiles = fixed.fileChanges.length ? workspaceEditWith(uri, analysis.version, model, edit ? [edit] : [], fixed.fileChanges, contextTarget(analysis), clientEdits) : undefined;
    if (withFiles) actions.push({ title: 'Fix all safe Slimfile problems', kind: FIX_ALL_KIND, edit: withFiles });
    else if (edit) actions.push({ title: 'Fix all safe Slimfile problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: toLspEdits(model, [edit]) } } });
  }
  return actions;
}

connection.onExecuteCommand(async (params) => {
  if (params.command === EXPLAIN_COMMAND) {
    const [uri] = (params.arguments ?? []) as [string];
    const analysis = typeof uri === 'string' ? analysisFor(uri) : undefined;
    if (!analysis) return null;
    return safely(() => explainDockerfile(analysis.model, { title: reportTitle(uri), findings: analysis.findings, buildContext: analysis.buildContext }), null);
  }
  if (params.command !== APPLY_REFACTORING_COMMAND) return null;
  const [uri, id] = (params.arguments ?? []) as [string, string];
  const analysis = typeof uri === 'string' ? analysisFor(uri) : undefined;
  const refactoring = typeof id === 'string' ? refactoringById(id) : undefined;
  if (!analysis || !refactoring) return { applied: false, reason: 'No such document or refactoring' };
  const result = safely(() => refactoring.compute(analysis.model), undefined);
  if (!result) return { applied: false, reason: `${refactoring.title} does not apply to this file` };
  const response = await connection.workspace.applyEdit({
    label: result.title,
    edit: { changes: { [uri]: toLspEdits(analysis.model, result.edits) } },
  });
  return { applied: response.applied, notes: result.notes };
});

connection.onHover((params) =>
  safely(() => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const parts: string[] = [];
    let range;
    if (settings.enable) {
      const analysis = analyse(document);
      const offset = offsetAt(analysis.model.lineStarts, analysis.model.text, params.position);
      const hover = hoverAt(analysis.model, offset, analysis.findings, { buildContext: analysis.buildContext });
      if (hover) {
        parts.push(hover.markdown);
        range = rangeOf(analysis.model.lineStarts, hover.span);
      }
    }
    if (settings.genericFeatures.hover) {
      const keywordHover = generic.get().computeHover(document.getText(), params.position);
      const value = keywordHover && typeof keywordHover.contents === 'object' && 'value' in keywordHover.contents ? keywordHover.contents.value : undefined;
      if (value) parts.push(value);
      range ??= keywordHover?.range;
    }
    return parts.length ? { contents: { kind: 'markdown' as const, value: parts.join('\n\n---\n\n') }, range } : null;
  }, null),
);

connection.languages.inlayHint.on((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !settings.enable || !settings.sizeEstimate) return [];
  return safely(() => sizeInlayHints(analyse(document)), []);
});
connection.onCodeLens((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !settings.enable || !settings.sizeEstimate) return [];
  return safely(() => sizeCodeLenses(analyse(document)), []);
});

// Generic Dockerfile features, each behind its setting so users can run beside Docker's own extension.

connection.onCompletion((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !settings.genericFeatures.completion) return [];
  return safely(() => generic.get().computeCompletionItems(document.getText(), params.position), []);
});
connection.onCompletionResolve((item) => safely(() => generic.get().resolveCompletionItem(item), item));

connection.onDocumentFormatting((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !settings.genericFeatures.formatting) return [];
  return safely(() => generic.get().format(document.getText(), params.options), []);
});
connection.onDocumentRangeFormatting((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !settings.genericFeatures.formatting) return [];
  return safely(() => generic.get().formatRange(document.getText(), params.range, params.options), []);
});
connection.onDocumentOnTypeFormatting((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !settings.genericFeatures.formatting) return [];
  return safely(() => generic.get().formatOnType(document.getText(), params.position, params.ch, params.options), []);
});
connection.onDocumentSymbol((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !settings.genericFeatures.symbols) return [];
  return safely(() => generic.get().computeSymbols(params.textDocument, document.getText()), []);
});
connection.onFoldingRanges((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !settings.genericFeatures.folding) return [];
  return safely(() => generic.get().computeFoldingRanges(document.getText()), []);
});
connection.onPrepareRename((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !settings.genericFeatures.rename) return null;
  return safely(() => generic.get().prepareRename(document.getText(), params.position), null);
});
connection.onRenameRequest((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !settings.genericFeatures.rename) return null;
  const edits = safely(() => generic.get().computeRename(params.textDocument, document.getText(), params.position, params.newName), []);
  return { changes: { [params.textDocument.uri]: edits } };
});
connection.onDefinition((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  return safely(() => generic.get().computeDefinition(params.textDocument, document.getText(), params.position), null);
});
connection.onDocumentHighlight((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  return safely(() => generic.get().computeHighlightRanges(document.getText(), params.position), []);
});
connection.onDocumentLinks((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  return safely(() => generic.get().computeLinks(document.getText()), []);
});
connection.onDocumentLinkResolve((link) => safely(() => generic.get().resolveLink(link), link));
connection.onSignatureHelp((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !settings.genericFeatures.completion) return null;
  return safely(() => generic.get().computeSignatureHelp(document.getText(), params.position), null);
});
connection.languages.semanticTokens.on((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !settings.genericFeatures.semanticTokens) return { data: [] };
  let tokens = semanticTokens.get(document.uri);
  if (!tokens) semanticTokens.set(document.uri, (tokens = new StagedSemanticTokens((text) => parses.without(() => generic.get().computeSemanticTokens(text)))));
  return safely(() => tokens.run(analyse(document).model), { data: [] });
});

documents.listen(connection);
connection.listen();

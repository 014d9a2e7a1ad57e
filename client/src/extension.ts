// The VS Code side: starts the bundled language server and adds the palette
// commands. Everything Slimfile decides happens in the server.

import * as path from 'node:path';
import { commands, ViewColumn, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { APPLY_REFACTORING_COMMAND, Commands, EXPLAIN_COMMAND, FIX_ALL_KIND, LANGUAGE_ID, Refactorings, type RefactoringId } from '../../shared/ids';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
    ],
    synchronize: {
      configurationSection: 'slimfile',
      // Project configuration and the build-context files the server reads from disk, so diagnostics refresh when they change.
      fileEvents: [
        workspace.createFileSystemWatcher('**/{.slimfile.json,pyproject.toml,.dockerignore,*.dockerignore,uv.lock,poetry.lock,Pipfile.lock}'),
        workspace.createFileSystemWatcher('**/requirements*.txt'),
        workspace.createFileSystemWatcher('**/requirements/**'),
      ],
    },
  };
  client = new LanguageClient('slimfile', 'Slimfile', serverOptions, clientOptions);

  const refactor = (id: RefactoringId) => async () => {
    const editor = window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
      void window.showInformationMessage('Slimfile: open a Dockerfile first.');
      return;
    }
    const result = (await client?.sendRequest('workspace/executeCommand', {
      command: APPLY_REFACTORING_COMMAND,
      arguments: [editor.document.uri.toString(), id],
    })) as { applied?: boolean; reason?: string; notes?: string[] } | null;
    if (result && !result.applied && result.reason) void window.showInformationMessage(`Slimfile: ${result.reason}.`);
    else if (result?.notes?.length) void window.showInformationMessage(`Slimfile: ${result.notes.join(' ')}`);
  };

  // The report opens as an untitled markdown document beside the Dockerfile, shown in the built-in preview.
  const explain = async (target?: unknown) => {
    const uri = typeof target === 'string' ? target : window.activeTextEditor?.document.languageId === LANGUAGE_ID ? window.activeTextEditor.document.uri.toString() : undefined;
    if (!uri) {
      void window.showInformationMessage('Slimfile: open a Dockerfile first.');
      return;
    }
    const markdown = (await client?.sendRequest('workspace/executeCommand', { command: EXPLAIN_COMMAND, arguments: [uri] })) as string | null | undefined;
    if (typeof markdown !== 'string') {
      void window.showInformationMessage('Slimfile: this Dockerfile could not be explained.');
      return;
    }
    const report = await workspace.openTextDocument({ language: 'markdown', content: markdown });
    await window.showTextDocument(report, { preview: true, viewColumn: ViewColumn.Beside });
    await commands.executeCommand('markdown.showPreview', report.uri);
  };

  context.subscriptions.push(
    commands.registerCommand(Commands.explainDockerfile, explain),
    commands.registerCommand(Commands.splitStages, refactor(Refactorings.splitStages)),
    commands.registerCommand(Commands.moveCopyAfterInstall, refactor(Refactorings.moveCopyAfterInstall)),
    commands.registerCommand(Commands.fixAll, () => commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND, apply: 'first' })),
    commands.registerCommand(Commands.showOutput, () => client?.outputChannel.show()),
    commands.registerCommand(Commands.restartServer, () => client?.restart()),
  );
  await client.start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}

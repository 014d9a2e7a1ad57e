// One parse and lint per document version and configuration, shared by every
// request that needs it (diagnostics, code actions, hover, fix-all).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SeverityName } from '../../../shared/settings';
import type { BuildContext } from '../engine/context/types';
import { lintModel } from '../engine/lint';
import { parseDockerfile } from '../engine/model/parse';
import type { DockerfileModel } from '../engine/model/types';
import type { Finding } from '../engine/rules/types';

export interface Analysis {
  uri: string;
  version: number;
  model: DockerfileModel;
  findings: Finding[];
  severities: Readonly<Record<string, SeverityName>>;
  /** The build context the findings were computed with (undefined for documents not on disk). */
  buildContext: BuildContext | undefined;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Analysis & { configKey: string }>();

  /**
   * `configKey` identifies the configuration the severities and the build context came from; a new key
   * re-lints without re-parsing. `contextFor` gives the document's build context once it is parsed.
   */
  get(
    document: TextDocument,
    severities: Readonly<Record<string, SeverityName>>,
    configKey: string,
    contextFor?: (model: DockerfileModel) => BuildContext | undefined,
  ): Analysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.configKey === configKey) return cached;
    const model = cached && cached.version === document.version ? cached.model : parseDockerfile(textOf(document));
    const buildContext = contextFor?.(model);
    const findings = lintModel(model, { severities, buildContext });
    const analysis = { uri: document.uri, version: document.version, model, findings, severities, buildContext, configKey };
    this.entries.set(document.uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}

/** A client may send a didOpen whose text is not a string; lint it as an empty file rather than fail. */
function textOf(document: TextDocument): string {
  const text: unknown = document.getText();
  return typeof text === 'string' ? text : '';
}

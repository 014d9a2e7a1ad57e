// One parse and lint per document version and configuration, shared by every
// request that needs it (diagnostics, code actions, hover, fix-all).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SeverityName } from '../../../shared/settings';
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
}

export class AnalysisCache {
  private readonly entries = new Map<string, Analysis & { configKey: string }>();

  /** `configKey` identifies the configuration the severities came from; a new key re-lints without re-parsing. */
  get(document: TextDocument, severities: Readonly<Record<string, SeverityName>>, configKey: string): Analysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.configKey === configKey) return cached;
    const model = cached && cached.version === document.version ? cached.model : parseDockerfile(document.getText());
    const analysis = { uri: document.uri, version: document.version, model, findings: lintModel(model, { severities }), severities, configKey };
    this.entries.set(document.uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}

// One parse and lint per document version, shared by every request that
// needs it (diagnostics, code actions, hover, fix-all).

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
}

export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();
  private severities: Readonly<Record<string, SeverityName>> = {};

  setSeverities(severities: Readonly<Record<string, SeverityName>>): void {
    this.severities = severities;
    this.entries.clear();
  }

  get(document: TextDocument): Analysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const model = parseDockerfile(document.getText());
    const analysis: Analysis = { uri: document.uri, version: document.version, model, findings: lintModel(model, { severities: this.severities }) };
    this.entries.set(document.uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}

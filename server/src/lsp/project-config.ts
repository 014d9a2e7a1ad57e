// Project configuration for open documents, cached per directory and dropped
// when the client reports that a configuration file changed.

import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeverityName } from '../../../shared/settings';
import { RULES_BY_ID } from '../engine/rules/catalog';
import { ConfigError, loadConfig, type ProjectConfig } from '../project/config';

const EMPTY: ProjectConfig = { source: undefined, rules: {}, warnings: [] };

export class ProjectConfigs {
  private readonly byDirectory = new Map<string, ProjectConfig>();
  private generation = 0;

  constructor(private readonly report: (message: string, isError: boolean) => void) {}

  /** A key that changes whenever any configuration may have changed. */
  get key(): number {
    return this.generation;
  }

  invalidate(): void {
    this.byDirectory.clear();
    this.generation++;
  }

  rulesFor(uri: string): { rules: Readonly<Record<string, SeverityName>>; source: string | undefined } {
    if (!uri.startsWith('file:')) return EMPTY;
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return EMPTY;
    }
    const dir = dirname(path);
    let config = this.byDirectory.get(dir);
    if (!config) {
      try {
        config = loadConfig(path, new Set(RULES_BY_ID.keys()));
        for (const warning of config.warnings) this.report(warning, false);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        this.report(`${error.message}. Using the default rule settings until it is fixed.`, true);
        config = EMPTY;
      }
      this.byDirectory.set(dir, config);
    }
    return config;
  }
}

// Project configuration: `.slimfile.json`, or `[tool.slimfile]` in
// `pyproject.toml`, found by walking up from the Dockerfile. The CLI and the
// server both read it; VS Code settings override it per user.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { SeverityName } from '../../../shared/settings';

export interface ProjectConfig {
  /** The file the configuration came from, if any. */
  source: string | undefined;
  rules: Record<string, SeverityName>;
  /** Problems worth showing the user; the configuration still applies where it can. */
  warnings: string[];
}

export class ConfigError extends Error {}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);
export const CONFIG_FILE = '.slimfile.json';

/** Finds and reads the configuration that governs a Dockerfile. Throws ConfigError on unreadable files. */
export function loadConfig(dockerfile: string, knownRules: ReadonlySet<string>): ProjectConfig {
  let dir = dirname(dockerfile);
  for (;;) {
    const json = join(dir, CONFIG_FILE);
    if (existsSync(json)) return readConfig(json, parseJson(json), knownRules);
    const pyproject = join(dir, 'pyproject.toml');
    if (existsSync(pyproject)) {
      const section = toolSection(pyproject);
      if (section !== undefined) return readConfig(`${pyproject} [tool.slimfile]`, section, knownRules);
    }
    const parent = dirname(dir);
    // Stop at the repository root or the file system root.
    if (parent === dir || existsSync(join(dir, '.git'))) return { source: undefined, rules: {}, warnings: [] };
    dir = parent;
  }
}

function parseJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${path}: ${error instanceof SyntaxError ? `not valid JSON (${error.message})` : (error as Error).message}`);
  }
}

function toolSection(path: string): unknown {
  let document: Record<string, unknown>;
  try {
    document = parseToml(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`${path}: not valid TOML (${(error as Error).message.split('\n')[0]})`);
  }
  const tool = document.tool as Record<string, unknown> | undefined;
  return tool && typeof tool === 'object' ? tool.slimfile : undefined;
}

function readConfig(source: string, raw: unknown, knownRules: ReadonlySet<string>): ProjectConfig {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${source}: expected an object with a "rules" table`);
  const warnings: string[] = [];
  const rules: Record<string, SeverityName> = {};
  for (const key of Object.keys(raw)) if (key !== 'rules') warnings.push(`${source}: unknown setting "${key}" (ignored)`);
  const table = (raw as { rules?: unknown }).rules;
  if (table !== undefined) {
    if (!table || typeof table !== 'object' || Array.isArray(table)) throw new ConfigError(`${source}: "rules" must map rule ids to severities`);
    for (const [id, value] of Object.entries(table)) {
      if (!knownRules.has(id)) warnings.push(`${source}: unknown rule id "${id}" (ignored)`);
      else if (typeof value !== 'string' || !SEVERITIES.has(value)) warnings.push(`${source}: "${id}" must be one of error, warning, info, hint, off (got ${JSON.stringify(value)})`);
      else rules[id] = value as SeverityName;
    }
  }
  return { source, rules, warnings };
}

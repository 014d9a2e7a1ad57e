// The engine's entry point: text in, findings out. Editor-agnostic: the
// language server and the CLI both call this.

import type { SeverityName } from '../../../shared/settings';
import { parseDockerfile } from './model/parse';
import type { DockerfileModel } from './model/types';
import { RULES, RULES_BY_ID } from './rules/catalog';
import { indexSuppressions } from './suppressions';
import type { BuildContext } from './context/types';
import type { Finding, Rule, RuleContext } from './rules/types';

export interface LintOptions {
  /** Severity per rule id; `off` disables, and rules that are off by default are enabled by any other value. */
  severities?: Readonly<Record<string, SeverityName>>;
  rules?: readonly Rule[];
  buildContext?: BuildContext;
}

export interface LintResult {
  model: DockerfileModel;
  findings: Finding[];
}

export function lintText(text: string, options: LintOptions = {}): LintResult {
  const model = parseDockerfile(text);
  return { model, findings: lintModel(model, options) };
}

export function lintModel(model: DockerfileModel, options: LintOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const suppressions = model.comments.length > 0 ? indexSuppressions(model, RULES_BY_ID) : undefined;
  for (const rule of options.rules ?? RULES) {
    const severity = options.severities?.[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    const context: RuleContext = {
      model,
      catalog: RULES_BY_ID,
      buildContext: options.buildContext,
      report(partial) {
        if (suppressions?.suppresses(rule, partial.span.start)) return;
        findings.push({ ...partial, ruleId: rule.id, severity, fixes: partial.fixes ?? [] });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      // One broken rule must not take the others (or the server) down with it.
      findings.push({
        ruleId: 'internal-error',
        severity: 'error',
        span: { start: 0, end: 0 },
        message: `Slimfile rule ${rule.id} failed on this file: ${error instanceof Error ? error.message : String(error)}. Please report it.`,
        fixes: [],
      });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return findings;
}

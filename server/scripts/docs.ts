// Renders the generated artefacts: docs/rules/<id>.md (from each rule's docs),
// docs/rules/README.md (the catalog) and package.json's settings schema (from
// shared/settings.ts). `npm run generate` writes them; a test fails when they are stale.

import { SETTING_DESCRIPTIONS } from '../../shared/settings';
import { RULES } from '../src/engine/rules/catalog';
import type { Rule } from '../src/engine/rules/types';

const FIX_WORDS: Record<Rule['fixAvailability'], string> = {
  always: 'Fix is always available.',
  sometimes: 'Fix is sometimes available.',
  none: 'No automatic fix.',
};

export function renderRulePage(rule: Rule): string {
  const { docs } = rule;
  const sections = [
    `# ${rule.id}`,
    '',
    `${docs.summary}.`,
    '',
    `Category: **${rule.category}** · Default severity: **${rule.defaultSeverity}** · ${FIX_WORDS[rule.fixAvailability]}` +
      (rule.hadolint?.length ? ` · hadolint: ${rule.hadolint.join(', ')}` : ''),
    '',
    '## What it does',
    '',
    docs.what,
    '',
    '## Why is this bad?',
    '',
    docs.why,
  ];
  if (docs.knownProblems) sections.push('', '## Known problems', '', docs.knownProblems);
  sections.push(
    '',
    '## Example',
    '',
    '```dockerfile',
    docs.example,
    '```',
    '',
    '## Use instead',
    '',
    '```dockerfile',
    docs.useInstead,
    '```',
    '',
    '## Fix safety',
    '',
    docs.fixSafety,
    '',
    '## Suppressing it',
    '',
    'Put `# slimfile-ignore ' + rule.id + '` on the line above the instruction, or `# slimfile-ignore-file ' + rule.id + '` anywhere in the file, ' +
      'or set `"' + rule.id + '": "off"` under `rules` in `.slimfile.json`.',
  );
  if (docs.references.length) sections.push('', '## References', '', ...docs.references.map((r) => `- <${r}>`));
  return sections.join('\n') + '\n';
}

export function renderRuleIndex(rules: readonly Rule[] = RULES): string {
  const lines = [
    '# Slimfile rules',
    '',
    'Generated from the rule catalog (`npm run generate`). Rule ids are stable: CI configurations and suppressions depend on them.',
    '',
    '| id | category | default | fix | hadolint | summary |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const rule of rules) {
    lines.push(
      `| [${rule.id}](${rule.id}.md) | ${rule.category} | ${rule.defaultSeverity} | ${rule.fixAvailability} | ${rule.hadolint?.join(', ') ?? ''} | ${rule.docs.summary.replace(/\|/g, '\\|')} |`,
    );
  }
  return lines.join('\n') + '\n';
}

export function configurationProperties(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const setting of SETTING_DESCRIPTIONS) {
    const entry: Record<string, unknown> = { type: setting.type, default: setting.default, markdownDescription: setting.description };
    if (setting.key === 'slimfile.rules') {
      entry.additionalProperties = { type: 'string', enum: ['error', 'warning', 'info', 'hint', 'off'] };
      entry.propertyNames = { enum: RULES.map((r) => r.id) };
    }
    entry.scope = 'resource';
    properties[setting.key] = entry;
  }
  return properties;
}

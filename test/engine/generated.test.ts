// Generated artefacts must match the code they come from.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { configurationProperties, renderRuleIndex, renderRulePage } from '../../server/scripts/docs';
import { RULES } from '../../server/src/engine/rules/catalog';
import { DEFAULT_SETTINGS, normaliseSettings } from '../../shared/settings';

const STALE = 'stale: run `npm run generate`';

describe('generated files', () => {
  it('docs/rules/<id>.md matches each rule', () => {
    for (const rule of RULES) assert.equal(readFileSync(`docs/rules/${rule.id}.md`, 'utf8'), renderRulePage(rule), `${rule.id}.md is ${STALE}`);
  });

  it('docs/rules/README.md lists the catalog', () => {
    assert.equal(readFileSync('docs/rules/README.md', 'utf8'), renderRuleIndex(), `docs/rules/README.md is ${STALE}`);
  });

  it("package.json's settings mirror shared/settings.ts", () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.deepEqual(pkg.contributes.configuration.properties, configurationProperties(), `package.json settings are ${STALE}`);
  });

  it('has a command in package.json for every palette refactoring', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const commands = pkg.contributes.commands.map((c: { command: string }) => c.command);
    for (const id of ['slimfile.splitStages', 'slimfile.moveCopyAfterInstall', 'slimfile.fixAll']) assert.ok(commands.includes(id), id);
  });
});

describe('rule catalog', () => {
  it('has unique kebab-case ids with complete docs', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z]+(-[a-z0-9]+)*$/);
      for (const part of ['summary', 'what', 'why', 'example', 'useInstead', 'fixSafety'] as const) assert.ok(rule.docs[part].length > 10, `${rule.id}: docs.${part}`);
    }
  });
});

describe('settings', () => {
  it('fills defaults and drops invalid values', () => {
    assert.deepEqual(normaliseSettings(undefined), DEFAULT_SETTINGS);
    const settings = normaliseSettings({ enable: false, rules: { 'root-user': 'off', bad: 'loud' }, genericFeatures: { hover: false, completion: 'no' } });
    assert.equal(settings.enable, false);
    assert.deepEqual(settings.rules, { 'root-user': 'off' });
    assert.equal(settings.genericFeatures.hover, false);
    assert.equal(settings.genericFeatures.completion, true);
  });
});

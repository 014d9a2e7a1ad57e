// `npm run generate`: writes the rule pages and package.json's settings schema.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../src/engine/rules/catalog';
import { configurationProperties, renderRuleIndex, renderRulePage } from './docs';

const root = process.cwd();
const rulesDir = join(root, 'docs', 'rules');
mkdirSync(rulesDir, { recursive: true });
const wanted = new Set(RULES.map((r) => `${r.id}.md`));
for (const name of readdirSync(rulesDir)) if (name !== 'README.md' && !wanted.has(name)) rmSync(join(rulesDir, name));
for (const rule of RULES) writeFileSync(join(rulesDir, `${rule.id}.md`), renderRulePage(rule));
writeFileSync(join(rulesDir, 'README.md'), renderRuleIndex());

const packagePath = join(root, 'package.json');
const pkg = JSON.parse(readFileSync(packagePath, 'utf8'));
pkg.contributes.configuration.properties = configurationProperties();
writeFileSync(packagePath, JSON.stringify(pkg, null, 2) + '\n');
console.log(`Wrote ${RULES.length} rule pages, docs/rules/README.md and package.json settings.`);

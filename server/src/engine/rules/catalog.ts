// Every rule Slimfile knows, in one list. Rule ids are a stable contract:
// CI, SARIF consumers and users' suppressions depend on them.

import { aptNoInstallRecommends } from './apt-no-install-recommends';
import { CONTEXT_RULES } from './catalog-context';
import { CORRECTNESS_RULES } from './catalog-correctness';
import { SECURITY_RUNTIME_RULES } from './catalog-security-runtime';
import { SIZE_CACHE_RULES } from './catalog-size-cache';
import { copyBeforeDeps } from './copy-before-deps';
import { singleStageBuildTools } from './single-stage-build-tools';
import type { Rule } from './types';
import { unknownSuppression } from './unknown-suppression';

export const RULES: readonly Rule[] = [
  aptNoInstallRecommends,
  singleStageBuildTools,
  copyBeforeDeps,
  ...SIZE_CACHE_RULES,
  ...SECURITY_RUNTIME_RULES,
  ...CORRECTNESS_RULES,
  ...CONTEXT_RULES,
  unknownSuppression,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

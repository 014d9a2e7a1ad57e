// The correctness rules, in catalog order. Add a rule here when you add its file.

import type { Rule } from './types';

export const CORRECTNESS_RULES: readonly Rule[] = [];

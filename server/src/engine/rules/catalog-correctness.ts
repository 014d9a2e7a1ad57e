// The correctness rules, in catalog order. Add a rule here when you add its file.
// Most mirror one of BuildKit's build checks (`docker build --check`), so users get them without Docker.

import { consistentInstructionCasing } from './consistent-instruction-casing';
import { duplicateStageName } from './duplicate-stage-name';
import { exposeInvalidFormat } from './expose-invalid-format';
import { exposeProtoCasing } from './expose-proto-casing';
import { fromAsCasing } from './from-as-casing';
import { fromPlatformFlagConstDisallowed } from './from-platform-flag-const-disallowed';
import { invalidDefaultArgInFrom } from './invalid-default-arg-in-from';
import { legacyKeyValueFormat } from './legacy-key-value-format';
import { maintainerDeprecated } from './maintainer-deprecated';
import { multipleInstructions } from './multiple-instructions';
import { redundantTargetPlatform } from './redundant-target-platform';
import { reservedStageName } from './reserved-stage-name';
import { stageNameCasing } from './stage-name-casing';
import type { Rule } from './types';
import { undefinedArgInFrom } from './undefined-arg-in-from';
import { undefinedStageReference } from './undefined-stage-reference';
import { undefinedVar } from './undefined-var';
import { workdirRelativePath } from './workdir-relative-path';

export const CORRECTNESS_RULES: readonly Rule[] = [
  fromAsCasing,
  stageNameCasing,
  duplicateStageName,
  reservedStageName,
  undefinedStageReference,
  undefinedVar,
  undefinedArgInFrom,
  invalidDefaultArgInFrom,
  multipleInstructions,
  workdirRelativePath,
  legacyKeyValueFormat,
  maintainerDeprecated,
  consistentInstructionCasing,
  exposeProtoCasing,
  exposeInvalidFormat,
  redundantTargetPlatform,
  fromPlatformFlagConstDisallowed,
];

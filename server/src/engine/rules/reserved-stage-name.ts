import { buildCheckUrl } from './correctness-helpers';
import type { Rule } from './types';

const RESERVED: Record<string, string> = {
  scratch: '`FROM scratch` means the empty image',
  context: '`context` is the name BuildKit gives the build context',
};

export const reservedStageName: Rule = {
  id: 'reserved-stage-name',
  category: 'correctness',
  defaultSeverity: 'error',
  fixAvailability: 'none',
  docs: {
    summary: 'A stage is named `scratch` or `context`',
    what: 'Reports `FROM … AS scratch` and `FROM … AS context` (in any case). This is BuildKit\'s `ReservedStageName` build check.',
    why:
      'Both words already mean something to BuildKit: `scratch` is the empty base image and `context` names the build context (for example in ' +
      '`--build-context`). A stage with one of these names cannot be referred to reliably: `FROM scratch` still means the empty image.',
    example: 'FROM python:3.12-slim AS scratch\nRUN pip wheel -w /wheels -r requirements.txt',
    useInstead: 'FROM python:3.12-slim AS wheels\nRUN pip wheel -w /wheels -r requirements.txt',
    fixSafety: 'No automatic fix: pick another name and update the references to the stage.',
    references: [buildCheckUrl('reserved-stage-name')],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (!stage.name || !stage.nameSpan) continue;
      const reason = RESERVED[stage.name.toLowerCase()];
      if (!reason) continue;
      report({
        span: stage.nameSpan,
        message: `'${stage.name}' is reserved and should not be used as a stage name: ${reason}`,
      });
    }
  },
};

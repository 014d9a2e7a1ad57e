import { positionAt } from '../model/text';
import { buildCheckUrl } from './correctness-helpers';
import type { Rule } from './types';

export const duplicateStageName: Rule = {
  id: 'duplicate-stage-name',
  category: 'correctness',
  defaultSeverity: 'error',
  fixAvailability: 'none',
  hadolint: ['DL3024'],
  docs: {
    summary: 'Two stages have the same name',
    what:
      'Reports a `FROM … AS name` whose name (compared case-insensitively, as BuildKit does) was already given to an earlier stage. ' +
      'This is BuildKit\'s `DuplicateStageName` build check.',
    why:
      '`COPY --from=name`, `FROM name` and `--target name` must resolve to exactly one stage. With two stages of the same name the reference ' +
      'silently picks one of them, so a copy can take files from the wrong stage; newer Dockerfile frontends reject the file outright.',
    example: 'FROM python:3.12-slim AS builder\nRUN pip wheel -w /wheels -r requirements.txt\n\nFROM node:22-slim AS builder\nRUN npm ci',
    useInstead: 'FROM python:3.12-slim AS py-builder\nRUN pip wheel -w /wheels -r requirements.txt\n\nFROM node:22-slim AS js-builder\nRUN npm ci',
    fixSafety: 'No automatic fix: only you know which references mean which stage. Rename one stage and update the references to it.',
    references: [buildCheckUrl('duplicate-stage-name'), 'https://github.com/hadolint/hadolint/wiki/DL3024'],
  },
  check({ model, report }) {
    const first = new Map<string, number>();
    for (const stage of model.stages) {
      if (!stage.name || !stage.nameSpan) continue;
      const key = stage.name.toLowerCase();
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, stage.index);
        continue;
      }
      const line = positionAt(model.lineStarts, model.stages[earlier].from.keywordSpan.start).line + 1;
      report({
        span: stage.nameSpan,
        message: `Duplicate stage name '${stage.name}': line ${line} already names a stage '${model.stages[earlier].name}'; stage names should be unique`,
      });
    }
  },
};

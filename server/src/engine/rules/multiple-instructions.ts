import { buildCheckUrl, deleteLines } from './correctness-helpers';
import type { Instruction } from '../model/types';
import type { Rule } from './types';

const SINGLE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'];

export const multipleInstructions: Rule = {
  id: 'multiple-instructions',
  category: 'correctness',
  defaultSeverity: 'warning',
  fixAvailability: 'always',
  hadolint: ['DL4003', 'DL4004', 'DL3012'],
  docs: {
    summary: 'A stage has more than one `CMD`, `ENTRYPOINT` or `HEALTHCHECK`',
    what:
      'Reports every `CMD`, `ENTRYPOINT` and `HEALTHCHECK` in a stage that a later one of the same kind in that stage overrides. ' +
      'This is BuildKit\'s `MultipleInstructionsDisallowed` build check.',
    why:
      'An image has one command, one entrypoint and one health check: only the last instruction of each kind takes effect. The earlier ones are ' +
      'dead code that misleads the reader, typically a leftover `CMD ["flask", "run"]` above the real `CMD ["gunicorn", …]`.',
    knownProblems:
      'The `CMD` inside a `HEALTHCHECK` is part of the health check and does not count. Instructions in different stages do not override each other.',
    example: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["flask", "run"]\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]',
    useInstead: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]',
    fixSafety:
      'Safe: it deletes the overridden instruction (all of its lines, continuation lines included), which never took effect. The image configuration is unchanged.',
    references: [
      buildCheckUrl('multiple-instructions-disallowed'),
      'https://github.com/hadolint/hadolint/wiki/DL4003',
      'https://github.com/hadolint/hadolint/wiki/DL4004',
      'https://github.com/hadolint/hadolint/wiki/DL3012',
    ],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const keyword of SINGLE) {
        const all = stage.instructions.filter((i) => i.keyword === keyword);
        const last: Instruction | undefined = all[all.length - 1];
        for (const instruction of all.slice(0, -1)) {
          const line = instruction.line;
          report({
            span: instruction.span,
            message: `Multiple ${keyword} instructions should not be used in the same stage because only the last one will be used (line ${last.line + 1} overrides this one)`,
            tags: ['unnecessary'],
            fixes: [{ title: `Delete the overridden ${keyword}`, safe: true, edits: [deleteLines(model, line, instruction.endLine)] }],
          });
        }
      }
    }
  },
};

import { buildCheckUrl } from './correctness-helpers';
import type { Rule } from './types';

export const redundantTargetPlatform: Rule = {
  id: 'redundant-target-platform',
  category: 'correctness',
  defaultSeverity: 'warning',
  fixAvailability: 'always',
  docs: {
    summary: '`FROM --platform=$TARGETPLATFORM`, which is the default',
    what: 'Reports `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`). This is BuildKit\'s `RedundantTargetPlatform` build check.',
    why:
      'A stage is built for the target platform unless told otherwise, so the flag changes nothing. It also suggests a cross-compilation setup ' +
      'that is not there: the flag that matters for that is `--platform=$BUILDPLATFORM` on the builder stage.',
    example: 'FROM --platform=$TARGETPLATFORM python:3.12-slim\nRUN pip install --no-cache-dir uv',
    useInstead: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir uv',
    fixSafety: 'Safe: it removes the flag, and the stage is built for the same platform.',
    references: [buildCheckUrl('redundant-target-platform'), 'https://docs.docker.com/build/building/variables/#multi-platform-build-arguments'],
  },
  check({ model, report }) {
    // A global ARG could give TARGETPLATFORM another value.
    if (model.globalArgs.some((i) => i.pairs?.some((p) => p.key === 'TARGETPLATFORM' && p.value))) return;
    for (const stage of model.stages) {
      for (const flag of stage.from.flags) {
        if (flag.name !== 'platform' || !/^\$(?:TARGETPLATFORM|\{TARGETPLATFORM\})$/.test(flag.value ?? '')) continue;
        let end = flag.span.end;
        while (model.text[end] === ' ' || model.text[end] === '\t') end++;
        report({
          span: flag.span,
          message: `Setting platform to predefined ${flag.value} in FROM is redundant as this is the default behavior`,
          tags: ['unnecessary'],
          fixes: [{ title: 'Remove the --platform flag', safe: true, edits: [{ start: flag.span.start, end, newText: '' }] }],
        });
      }
    }
  },
};

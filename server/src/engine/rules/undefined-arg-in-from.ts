import { toSourceSpan } from '../model/parse';
import { PLATFORM_ARGS, buildCheckUrl, findVariables, nearestNames } from './correctness-helpers';
import type { Rule } from './types';

export const undefinedArgInFrom: Rule = {
  id: 'undefined-arg-in-from',
  category: 'correctness',
  defaultSeverity: 'warning',
  fixAvailability: 'none',
  docs: {
    summary: '`FROM` uses a variable that no global `ARG` declares',
    what:
      'Reports `$NAME` in a `FROM` image or `--platform` value when no `ARG NAME` comes before the first `FROM` and `NAME` is not one of the ' +
      'automatic platform ARGs (`TARGETPLATFORM`, `TARGETOS`, `TARGETARCH`, `TARGETVARIANT`, `BUILDPLATFORM`, `BUILDOS`, `BUILDARCH`, `BUILDVARIANT`). ' +
      'This is BuildKit\'s `UndefinedArgInFrom` build check.',
    why:
      'A `FROM` line only sees ARGs declared in the global scope, before the first `FROM`. An `ARG` inside an earlier stage does not count, so ' +
      '`FROM python:${PYTHON_VERSION}-slim` after a stage-local `ARG PYTHON_VERSION=3.12` resolves to `python:-slim` and the build fails, or a ' +
      '`${TAG:-3.12}` default silently wins over `--build-arg`, which is then ignored.',
    example: 'FROM python:${PYTHON_VERSION}-slim\nRUN pip install --no-cache-dir uv',
    useInstead: 'ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim\nRUN pip install --no-cache-dir uv',
    fixSafety: 'No automatic fix: declare the ARG before the first `FROM`, with the default you want.',
    references: [buildCheckUrl('undefined-arg-in-from'), 'https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact'],
  },
  check({ model, report }) {
    const declared = new Set(model.globalArgs.flatMap((i) => (i.pairs ?? []).map((p) => p.key)));
    const known = [...declared, ...PLATFORM_ARGS];
    for (const stage of model.stages) {
      const from = stage.from;
      const uses = findVariables(from.args, 0, from.args.length, model.escape);
      for (const use of uses) {
        if (declared.has(use.name) || PLATFORM_ARGS.has(use.name)) continue;
        const near = nearestNames(use.name, known);
        const hint = near.length > 0 ? ` (did you mean ${near.join(' or ')}?)` : '';
        const effect = use.guarded ? 'its default always applies and `--build-arg` cannot change it' : 'it is always empty here';
        report({
          span: toSourceSpan(from, use.start, use.end),
          message: `FROM argument '${use.name}' is not declared${hint}: without \`ARG ${use.name}\` before the first FROM, ${effect}`,
        });
      }
    }
  },
};

import type { Stage } from '../model/types';
import { buildCheckUrl } from './correctness-helpers';
import type { Fix, Rule } from './types';

/** An absolute path on Linux (`/app`) or Windows (`C:\app`, `c:/app`, `\app`). */
function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);
}

export const workdirRelativePath: Rule = {
  id: 'workdir-relative-path',
  category: 'correctness',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  hadolint: ['DL3000'],
  docs: {
    summary: 'A relative `WORKDIR` before any absolute one in the stage',
    what:
      'Reports the first `WORKDIR` of a stage when its path is relative (`WORKDIR app`) and no absolute `WORKDIR` was set earlier in the stage ' +
      'or in the stages it is built `FROM`. Later relative `WORKDIR`s build on a known directory and are fine. This is BuildKit\'s ' +
      '`WorkdirRelativePath` build check.',
    why:
      'A relative `WORKDIR` is resolved against the working directory of the base image, which this Dockerfile does not control: `WORKDIR app` ' +
      'is `/app` on `python:3.12-slim` but becomes `/usr/src/app/app` or `/home/user/app` on a base that sets its own, and a base image update can ' +
      'move every path below it without warning.',
    knownProblems: 'A path that starts with a variable (`WORKDIR $APP_HOME`) is not judged: it is usually absolute once expanded.',
    example: 'FROM python:3.12-slim\nWORKDIR app\nCOPY . .',
    useInstead: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .',
    fixSafety:
      'Unsafe: the fix makes the path absolute by rooting it at `/`. That is what it meant when the base image\'s working directory is `/` (true for ' +
      'the official python images), but a base with its own WORKDIR put the directory somewhere else: check where later relative paths point.',
    references: [buildCheckUrl('workdir-relative-path'), 'https://docs.docker.com/reference/dockerfile/#workdir', 'https://github.com/hadolint/hadolint/wiki/DL3000'],
  },
  check({ model, report }) {
    const workdirSet: boolean[] = [];
    const setIn = (stage: Stage): boolean => {
      let set = stage.image.stage !== undefined ? workdirSet[stage.image.stage] ?? false : false;
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'WORKDIR') continue;
        const token = instruction.tokens[0];
        if (!token) continue;
        const path = token.value;
        if (!set && !isAbsolute(path) && !isAbsolute(token.raw) && !path.startsWith('$')) {
          const fixes: Fix[] = [];
          if (token.raw === path && path !== '.' && path !== './' && !path.startsWith('~')) {
            const edit = path.startsWith('./')
              ? { start: token.span.start, end: token.span.start + 2, newText: '/' }
              : { start: token.span.start, end: token.span.start, newText: '/' };
            fixes.push({ title: `Use the absolute path '/${path.replace(/^\.\//, '')}'`, safe: false, edits: [edit] });
          }
          report({
            span: token.span,
            message: path.startsWith('~')
              ? `Relative workdir '${path}': WORKDIR does not expand \`~\`, so this is a directory named '~' under the base image's WORKDIR`
              : `Relative workdir '${path}' can have unexpected results if the base image changes: it is resolved against the base image's WORKDIR`,
            fixes,
          });
        }
        // BuildKit checks only the first WORKDIR of a stage: later ones build on it.
        set = true;
      }
      return set;
    };
    for (const stage of model.stages) workdirSet.push(setIn(stage));
  },
};

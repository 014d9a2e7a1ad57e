import { finalChain } from '../model/stages';
import { hasOption } from '../model/packages';
import { insertAfter, subcommandWord } from './helpers';
import { appendToRun, cacheMountCovers, deletesWithin, runsOpaqueCleanup } from './size-cache-helpers';
import type { Rule } from './types';

const APK_CACHE = '/var/cache/apk';

export const apkNoCache: Rule = {
  id: 'apk-no-cache',
  category: 'size',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  hadolint: ['DL3019'],
  docs: {
    summary: '`apk add` without `--no-cache`',
    what:
      'Reports `apk add` without `--no-cache`, and `apk update`, in the stages the final image is built from, unless the same `RUN` deletes ' +
      '`/var/cache/apk/*` afterwards or a `--mount=type=cache` on `/var/cache/apk` (or `/etc/apk/cache`) keeps the index out of the layer.',
    why:
      'Without `--no-cache`, apk downloads the repository indexes (`APKINDEX.*.tar.gz`, a few MB per repository) into `/var/cache/apk` and ' +
      'leaves them in the layer; `apk update` does the same on purpose. On an Alpine image of 50–60 MB that is a noticeable share, and nothing ' +
      'at run time reads it. `apk add --no-cache` fetches a fresh index for the install and keeps none, which also makes a separate ' +
      '`apk update` unnecessary.',
    knownProblems:
      'Only the final image\'s stages are checked: a builder stage\'s index never ships. Cleanup done by a script the rule cannot read is assumed to work.',
    example: 'FROM python:3.12-alpine\nRUN apk update && apk add libpq',
    useInstead: 'FROM python:3.12-alpine\nRUN apk add --no-cache libpq',
    fixSafety:
      'Safe. For `apk add` the fix inserts `--no-cache` after `add`: the same packages are installed from a freshly fetched index. For `apk update` ' +
      'it appends `&& rm -rf /var/cache/apk/*` to the same `RUN`; a later `apk add` fetches the index again by itself. Dropping the `apk update` ' +
      'altogether is the tidier edit once every `apk add` has `--no-cache`.',
    references: [
      'https://github.com/gliderlabs/docker-alpine/blob/master/docs/usage.md#disabling-cache',
      'https://github.com/hadolint/hadolint/wiki/DL3019',
    ],
  },
  check({ model, report }) {
    for (const stage of finalChain(model)) {
      for (const instruction of stage.instructions) {
        const run = instruction.run;
        if (!run) continue;
        if (cacheMountCovers(instruction, APK_CACHE) || cacheMountCovers(instruction, '/etc/apk/cache')) continue;
        for (const invocation of run.packages) {
          if (invocation.manager !== 'apk') continue;
          const index = run.commands.indexOf(invocation.command);
          if (deletesWithin(instruction, APK_CACHE, index) || runsOpaqueCleanup(instruction, index)) continue;
          const sub = subcommandWord(invocation);
          const span = { start: invocation.command.words[0].span.start, end: sub.span.end };
          if (invocation.subcommand === 'add' && !hasOption(invocation, '--no-cache')) {
            report({
              span,
              message: '`apk add` without `--no-cache` leaves the package index in /var/cache/apk in this layer',
              fixes: [{ title: 'Add --no-cache', safe: true, edits: [insertAfter(sub, '--no-cache')] }],
            });
          } else if (invocation.subcommand === 'update') {
            const edit = appendToRun(model, instruction, `rm -rf ${APK_CACHE}/*`, invocation.command);
            report({
              span,
              message: '`apk update` leaves the package index in /var/cache/apk in this layer: use `apk add --no-cache` instead, or delete /var/cache/apk/* in the same RUN',
              fixes: edit ? [{ title: 'Delete /var/cache/apk/* in the same RUN', safe: true, edits: [edit] }] : [],
            });
          }
        }
      }
    }
  },
};

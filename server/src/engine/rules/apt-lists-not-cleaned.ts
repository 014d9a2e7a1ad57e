import { finalChain, stageChain } from '../model/stages';
import type { DockerfileModel, Instruction, PackageInvocation, ShellCommand, Stage } from '../model/types';
import { subcommandWord } from './helpers';
import { appendToRun, cacheMountCovers, chainInstructions, deletesWithin, runsOpaqueCleanup } from './size-cache-helpers';
import type { Fix, Rule } from './types';

const LISTS = '/var/lib/apt/lists';
const CLEANUP = 'rm -rf /var/lib/apt/lists/*';
/** apt subcommands that read the index, so an `update` before them is not alone. */
const INDEX_USERS = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download', 'reinstall']);

export const aptListsNotCleaned: Rule = {
  id: 'apt-lists-not-cleaned',
  category: 'size',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  hadolint: ['DL3009'],
  docs: {
    summary: '`apt-get update` leaves the package lists in the layer',
    what:
      'Reports an `apt-get update` (or `apt update`) followed by an install in the same `RUN` that does not delete `/var/lib/apt/lists/*` ' +
      '(or run `apt-get dist-clean`) before the `RUN` ends, unless a `--mount=type=cache` on `/var/lib/apt/lists` or `/var/lib/apt` keeps the lists ' +
      'out of the layer. Only the stages the final image is built from are checked: a builder stage\'s lists never reach the image.',
    why:
      'The index that `apt-get update` downloads lands in `/var/lib/apt/lists`: tens of MB (about 20 MB for Debian bookworm main alone, more with ' +
      'updates and security) that nothing in a running container uses. Deleting it in a later `RUN` does not help, because the bytes stay in the ' +
      'earlier layer: the cleanup must happen in the same `RUN`.',
    knownProblems:
      'A `RUN` that installs without updating is not reported: it writes no lists (the `RUN` that ran `apt-get update` is the one to fix, and a ' +
      '`RUN` that only updates is `apt-update-alone`). Cleanup done by a script the rule cannot read (`/tmp/clean-layer.sh`) is assumed to work. ' +
      'A container that runs `apt-get install` at start-up needs its own `apt-get update` once the lists are gone.',
    example: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5',
    useInstead: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*',
    fixSafety:
      'Safe: it appends `&& rm -rf /var/lib/apt/lists/*` to the same `RUN` (as a new script line in a heredoc `RUN`, and following the `RUN`\'s ' +
      '`\\` continuation style), which the image does not need at run time. When a later `RUN` in the image installs with apt without its own ' +
      '`apt-get update`, it relied on these lists, so the fix is marked unsafe: add `apt-get update` to that `RUN` too.',
    references: [
      'https://docs.docker.com/build/building/best-practices/#apt-get',
      'https://github.com/hadolint/hadolint/wiki/DL3009',
    ],
  },
  check({ model, report }) {
    const chain = finalChain(model);
    for (const stage of chain) {
      for (const instruction of stage.instructions) {
        const run = instruction.run;
        if (!run) continue;
        const commands = run.commands;
        const update = run.packages.find((p) => isAptUpdate(p) && run.packages.some((q) => q.manager === 'apt' && INDEX_USERS.has(q.subcommand)));
        if (!update) continue;
        if (cacheMountCovers(instruction, LISTS)) continue;
        const lastUpdate = [...run.packages].reverse().find(isAptUpdate)!;
        const index = commands.indexOf(lastUpdate.command);
        if (deletesWithin(instruction, LISTS, index) || distCleans(run.packages, index, commands) || runsOpaqueCleanup(instruction, index)) continue;
        const edit = appendToRun(model, instruction, CLEANUP, lastUpdate.command);
        const fixes: Fix[] = [];
        if (edit) {
          const later = laterInstallWithoutUpdate(model, stage, instruction);
          fixes.push({
            title: later ? `Delete the apt lists in the same RUN (line ${later.line + 1} then needs its own apt-get update)` : 'Delete the apt lists in the same RUN',
            safe: !later,
            edits: [edit],
          });
        }
        const first = update.command.words[0];
        report({
          span: { start: first.span.start, end: subcommandWord(update).span.end },
          message: `\`${update.program} update\` leaves the package lists (/var/lib/apt/lists, tens of MB) in this layer: delete them at the end of the same RUN`,
          fixes,
        });
      }
    }
  },
};

function isAptUpdate(invocation: PackageInvocation): boolean {
  return invocation.manager === 'apt' && invocation.subcommand === 'update';
}

function distCleans(packages: PackageInvocation[], after: number, commands: ShellCommand[]): boolean {
  return packages.some((p) => p.manager === 'apt' && p.subcommand === 'dist-clean' && commands.indexOf(p.command) > after);
}

/** A later RUN, in this stage or one built from it, that installs with apt without updating first. */
function laterInstallWithoutUpdate(model: DockerfileModel, stage: Stage, instruction: Instruction): Instruction | undefined {
  const descendants = model.stages.filter((s) => s.index >= stage.index && stageChain(model, s).includes(stage));
  for (const s of descendants) {
    const chain = stageChain(model, s);
    const instructions = chainInstructions(chain);
    const from = instructions.indexOf(instruction);
    for (const later of instructions.slice(from + 1)) {
      const packages = later.run?.packages ?? [];
      const install = packages.find((p) => p.manager === 'apt' && INDEX_USERS.has(p.subcommand));
      if (!install) continue;
      const updatedFirst = packages.some((p) => isAptUpdate(p) && later.run!.commands.indexOf(p.command) < later.run!.commands.indexOf(install.command));
      if (!updatedFirst) return later;
    }
  }
  return undefined;
}

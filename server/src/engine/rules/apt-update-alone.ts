import type { DockerfileModel, Instruction, PackageInvocation, Stage } from '../model/types';
import { subcommandWord } from './helpers';
import { aloneInRun, commandText, deleteInstruction, deletesWithin, runsOpaqueCleanup } from './size-cache-helpers';
import type { Fix, Rule, TextEdit } from './types';

/** apt subcommands that read the index an `update` fetched. */
const INDEX_USERS = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download', 'reinstall']);

export const aptUpdateAlone: Rule = {
  id: 'apt-update-alone',
  category: 'cache',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  docs: {
    summary: '`apt-get update` in a `RUN` that installs nothing',
    what: 'Reports a `RUN` that runs `apt-get update` (or `apt update`) but no `apt-get install` (nor upgrade, build-dep, …) of its own.',
    why:
      'Docker caches each `RUN` by its text. Once `RUN apt-get update` is cached, it never runs again, so a later `apt-get install` uses the ' +
      'index from the day that layer was built: new packages and security updates are missed, and the build breaks with 404 errors when the ' +
      'mirror drops the old versions the stale index names. The lone update also leaves the lists (tens of MB) in a layer of their own. ' +
      'Updating and installing in one `RUN` ties the index to the install.',
    knownProblems:
      'A `RUN` that updates and then calls a script (`./install.sh`) is not reported: the script may install. A `RUN` that updates and ' +
      'deletes the lists again is harmless and not reported.',
    example: 'FROM python:3.12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*',
    useInstead: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*',
    fixSafety:
      'Offered when the lone update is the whole `RUN` and the next `RUN` of the stage installs with apt: it deletes the update `RUN` and puts ' +
      '`apt-get update && ` in front of that install (or only deletes it when the install already updates first). Safe: the same packages are ' +
      'installed, from a fresh index. Not offered when a `USER` switch sits in between or the install is joined by `||` or a pipe.',
    references: [
      'https://docs.docker.com/build/building/best-practices/#apt-get',
      'https://pythonspeed.com/articles/security-updates-in-docker/',
    ],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        const run = instruction.run;
        if (!run) continue;
        const updates = run.packages.filter((p) => p.manager === 'apt' && p.subcommand === 'update');
        if (updates.length === 0) continue;
        if (run.packages.some((p) => p.manager === 'apt' && INDEX_USERS.has(p.subcommand))) continue;
        const update = updates[0];
        const index = run.commands.indexOf(update.command);
        if (deletesWithin(instruction, '/var/lib/apt/lists', index) || runsOpaqueCleanup(instruction, index)) continue;
        const fix = mergeIntoNextInstall(model, stage, instruction, update);
        report({
          span: { start: update.command.words[0].span.start, end: subcommandWord(update).span.end },
          message:
            `\`${update.program} update\` alone in its RUN: once cached, later installs use a stale package index ` +
            '(missed security updates, 404s when mirrors move on); run it in the same RUN as the install',
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};

function mergeIntoNextInstall(model: DockerfileModel, stage: Stage, instruction: Instruction, update: PackageInvocation): Fix | undefined {
  if (instruction.flags.length > 0 || !aloneInRun(instruction, update.command)) return undefined;
  const after = stage.instructions.slice(stage.instructions.indexOf(instruction) + 1);
  const next = after.find((i) => i.keyword === 'RUN');
  if (!next?.run) return undefined;
  if (after.slice(0, after.indexOf(next)).some((i) => i.keyword === 'USER' || i.keyword === 'SHELL')) return undefined;
  const install = next.run.packages.find((p) => p.manager === 'apt' && INDEX_USERS.has(p.subcommand));
  if (!install) return undefined;
  const commands = next.run.commands;
  const updatedFirst = next.run.packages.some(
    (p) => p.manager === 'apt' && p.subcommand === 'update' && commands.indexOf(p.command) < commands.indexOf(install.command),
  );
  const edits: TextEdit[] = [deleteInstruction(model, instruction)];
  if (!updatedFirst) {
    const before = install.command.before;
    if (before !== undefined && before !== '&&' && before !== ';' && before !== '\n') return undefined;
    const text = commandText(model, update.command) ?? `${update.program} update`;
    const at = install.command.words[0].span.start;
    edits.push({ start: at, end: at, newText: `${text} && ` });
  }
  return {
    title: updatedFirst ? `Remove the redundant apt-get update (line ${next.line + 1} updates itself)` : `Move apt-get update into the install on line ${next.line + 1}`,
    safe: true,
    edits,
  };
}

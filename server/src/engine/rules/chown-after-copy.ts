import { joinPath } from '../model/paths';
import { finalChain, substitute } from '../model/stages';
import type { DockerfileModel, Instruction, ShellCommand, Stage } from '../model/types';
import { aloneInRun, chainInstructions, deleteInstruction, pathWithin, programName, readCopy, variablesBefore, workdirAt } from './size-cache-helpers';
import type { Copied } from './size-cache-helpers';
import type { Fix, Rule, TextEdit } from './types';

/** Directories a Debian or Alpine base image already has: a copy into them does not create them. */
const BASE_DIRECTORIES = new Set(['/', '/opt', '/srv', '/home', '/usr', '/usr/local', '/usr/src', '/usr/share', '/var', '/var/lib', '/var/www', '/tmp', '/etc', '/root', '/mnt', '/run']);

export const chownAfterCopy: Rule = {
  id: 'chown-after-copy',
  category: 'size',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  docs: {
    summary: '`RUN chown -R` of files a `COPY` just added',
    what:
      'In the stages the final image is built from, reports `chown -R owner path` in a `RUN` when `path` (or a directory under it) was ' +
      'created by an earlier `COPY`/`ADD` of the same stage that has no `--chown`.',
    why:
      'Changing a file\'s owner in a later layer copies the whole file into that layer (overlay filesystems copy a file up before changing ' +
      'its metadata), so every copied file is stored twice: a 300 MB application directory becomes 600 MB on disk and on every pull. ' +
      '`COPY --chown=app:app` sets the owner in the layer that writes the files.',
    knownProblems:
      'A `COPY` that already has `--chown` is not reported even when a `chown -R` follows it. Files a `RUN` created between the copy and the ' +
      '`chown` are owned differently after the fix, so no safe fix is offered then.',
    example: 'FROM python:3.12-slim\nRUN useradd --create-home app\nCOPY . /srv/app\nRUN chown -R app:app /srv/app\nUSER app',
    useInstead: 'FROM python:3.12-slim\nRUN useradd --create-home app\nCOPY --chown=app:app . /srv/app\nUSER app',
    fixSafety:
      'Offered when the `RUN` is only that `chown -R` of one path and every `COPY`/`ADD` into the path lacks `--chown`: the fix adds ' +
      '`--chown=owner` to those copies and deletes the `RUN`. Safe when the copies create the directory and no `RUN` runs between them and the ' +
      '`chown`. Unsafe otherwise: a directory that existed before the copy (the `WORKDIR`, say) keeps its old owner, and files a `RUN` made ' +
      'in between keep theirs; check the program does not need to write there.',
    references: [
      'https://docs.docker.com/reference/dockerfile/#copy---chown---chmod',
      'https://docs.docker.com/engine/storage/drivers/overlayfs-driver/#modifying-files-or-directories',
    ],
  },
  check({ model, report }) {
    const chain = finalChain(model);
    for (const stage of chain) {
      const upTo = chain.slice(0, chain.indexOf(stage) + 1);
      const copies: Copied[] = [];
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
          const copied = readCopy(upTo, instruction);
          if (copied) copies.push(copied);
          continue;
        }
        const run = instruction.run;
        if (!run || copies.length === 0) continue;
        const workdir = workdirAt(upTo, instruction);
        if (workdir === undefined) continue;
        const values = variablesBefore(upTo, instruction);
        for (const command of run.commands) {
          const chown = readChown(command);
          if (!chown) continue;
          for (const raw of chown.paths) {
            const path = resolve(raw, workdir, values);
            if (!path) continue;
            const into = copies.filter((c) => landsWithin(c, path));
            if (into.length === 0) continue;
            const bare = into.filter((c) => !c.instruction.flags.some((f) => f.name === 'chown'));
            if (bare.length === 0) continue;
            const lines = bare.map((c) => c.instruction.line + 1);
            const fix = bare.length === into.length && chown.paths.length === 1 ? moveToCopy(model, upTo, stage, instruction, command, chown.owner, bare, path) : undefined;
            report({
              span: command.span,
              message:
                `\`chown -R ${chown.owner} ${raw}\` stores every file the ${bare[0].instruction.keyword} on line ${lines.join(', ')} added a second time in this layer: ` +
                `use \`${bare[0].instruction.keyword} --chown=${chown.owner}\` instead`,
              fixes: fix ? [fix] : [],
            });
            break;
          }
        }
      }
    }
  },
};

function readChown(command: ShellCommand): { owner: string; paths: string[] } | undefined {
  if (programName(command) !== 'chown') return undefined;
  const words = command.words.slice(command.words.findIndex((w) => w.value === 'chown' || w.value.endsWith('/chown')) + 1).map((w) => w.value);
  let recursive = false;
  const operands: string[] = [];
  for (const w of words) {
    if (w === '--recursive' || /^-[a-zA-Z]*R[a-zA-Z]*$/.test(w)) recursive = true;
    else if (w.startsWith('--reference')) return undefined;
    else if (w.startsWith('-')) continue;
    else if (/^[0-9]*[<>]/.test(w)) break;
    else operands.push(w);
  }
  if (!recursive || operands.length < 2) return undefined;
  return { owner: operands[0], paths: operands.slice(1) };
}

function resolve(raw: string, workdir: string, values: Map<string, string | undefined>): string | undefined {
  let path = raw;
  if (path.includes('$')) {
    const { text, unresolved } = substitute(path, values);
    if (unresolved) return undefined;
    path = text;
  }
  if (path === '' || /[*?[~]/.test(path)) return undefined;
  return joinPath(workdir, path);
}

/** The copy put files at or under `path`. */
function landsWithin(copy: Copied, path: string): boolean {
  if (copy.broadDest && pathWithin(copy.broadDest, path)) return true;
  if (copy.broadDest && pathWithin(path, copy.broadDest)) return true;
  return copy.exact.some((p) => pathWithin(p, path));
}

function moveToCopy(
  model: DockerfileModel,
  chain: Stage[],
  stage: Stage,
  instruction: Instruction,
  command: ShellCommand,
  owner: string,
  copies: Copied[],
  path: string,
): Fix | undefined {
  if (!aloneInRun(instruction, command) || instruction.flags.length > 0 || /^[^:]*\.[^:]*$/.test(owner)) return undefined;
  // `--chown` on the copy changes everything it copies: only equivalent when the chown covers all of it.
  if (!copies.every((c) => pathWithin(c.broadDest ?? c.dest, path))) return undefined;
  const first = stage.instructions.indexOf(copies[0].instruction);
  const between = stage.instructions.slice(first, stage.instructions.indexOf(instruction));
  const runsBetween = between.some((i) => i.keyword === 'RUN');
  // The directory pre-existed (and keeps its owner after the fix) when a WORKDIR made it or an earlier instruction names it.
  const workdir = workdirAt(chain, copies[0].instruction);
  const earlier = chainInstructions(chain, copies[0].instruction);
  const preExisting =
    workdir === undefined ||
    BASE_DIRECTORIES.has(path) || pathWithin(workdir, path) || earlier.some((i) => (i.keyword === 'RUN' || i.keyword === 'WORKDIR') && i.args.includes(path));
  const edits: TextEdit[] = copies.map((c) => ({ start: c.instruction.keywordSpan.end, end: c.instruction.keywordSpan.end, newText: ` --chown=${owner}` }));
  edits.push(deleteInstruction(model, instruction));
  return {
    title: `Set the owner with ${copies[0].instruction.keyword} --chown=${owner} and drop the chown`,
    safe: !runsBetween && !preExisting,
    edits,
  };
}

import { joinPath } from '../model/paths';
import { parseRequirement } from '../knowledge/pypi-wheels';
import { stripVersion } from '../knowledge/packages';
import { isInstall, optionValue } from '../model/packages';
import { finalChain, substitute } from '../model/stages';
import type { DockerfileModel, Instruction, PackageInvocation, ShellCommand, Span, Stage } from '../model/types';
import { plural, quoteList } from './helpers';
import { aloneInRun, appendToRun, cacheMountCovers, chainInstructions, commandText, deleteInstruction, deletedPaths, deletesWithin, pathWithin, programName, variablesBefore, readCopy, workdirAt } from './size-cache-helpers';
import type { Copied } from './size-cache-helpers';
import type { Fix, Rule } from './types';

const LISTS = '/var/lib/apt/lists';
/** Small manifests people delete out of tidiness: a whiteout for a few bytes is not worth a warning. */
const MANIFEST = /^(requirements[^/]*\.(txt|in)|constraints[^/]*\.txt|pyproject\.toml|poetry\.lock|uv\.lock|Pipfile(\.lock)?|setup\.(py|cfg))$/;

interface Added {
  instruction: Instruction;
  stage: Stage;
  command: ShellCommand;
}


export const removeInLaterLayer: Rule = {
  id: 'remove-in-later-layer',
  category: 'size',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  docs: {
    summary: 'Deleting in a later layer what an earlier layer added saves nothing',
    what:
      'In the stages the final image is built from, reports a `RUN` that removes what an earlier instruction added: `apt-get purge`/`remove` ' +
      'of packages an earlier `RUN` installed with apt, `apk del` of an earlier `apk add` (or its `--virtual` group), `pip uninstall` of a ' +
      'package an earlier `RUN` installed by name, `rm -rf /var/lib/apt/lists/*` in a `RUN` that runs no apt while an earlier `RUN` updated, ' +
      'and `rm` of a path an earlier `COPY`/`ADD` created.',
    why:
      'Image layers only add. Deleting a file in a later layer writes a whiteout entry that hides it, while the bytes stay in the earlier layer, ' +
      'on disk and on every pull. `RUN apt-get install gcc` followed by `RUN apt-get purge gcc` ships gcc all the same. A file copied in and ' +
      'deleted later is worse when it is a secret: `docker save` or any registry client reads it straight out of the earlier layer.',
    knownProblems:
      'Removing a package the base image ships (for example `pip uninstall setuptools` to quiet a scanner) is not reported: there is no ' +
      'earlier `RUN` to move it to, and scanners do stop seeing it. Packages installed from requirement files are not tracked. Deleting a ' +
      'dependency manifest (`requirements.txt`, a lock file) is not reported: its bytes are negligible. Under a whole-context copy ' +
      '(`COPY . /app`) only `RUN`s that do nothing but delete are reported, since a build step may have created what they delete.',
    example:
      'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\n' +
      'RUN apt-get purge -y gcc\nCOPY secrets.env /tmp/secrets.env\nRUN rm /tmp/secrets.env',
    useInstead:
      'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/* && apt-get purge -y gcc\n' +
      '# pass secrets with RUN --mount=type=secret instead of copying them in',
    fixSafety:
      'Unsafe, and offered only for package removals and apt lists when the removal is alone in its `RUN`, fits on one line, and no other ' +
      '`RUN` in between might still need what it removes: the fix appends `&& <the removal>` to the `RUN` that added it and deletes the later ' +
      '`RUN`. For files a `COPY` created there is no automatic fix: exclude them with `.dockerignore`, copy them into a builder stage, or use ' +
      'a bind or secret mount.',
    references: [
      'https://docs.docker.com/build/building/best-practices/#minimize-the-number-of-layers',
      'https://docs.docker.com/build/building/secrets/',
      'https://github.com/opencontainers/image-spec/blob/main/layer.md#whiteouts',
    ],
  },
  check({ model, report }) {
    const chain = finalChain(model);
    const aptInstalled = new Map<string, Added>();
    const apkAdded = new Map<string, Added>();
    const pipInstalled = new Map<string, Added>();
    const aptUpdates: Added[] = [];
    const copies: Copied[] = [];
    for (const stage of chain) {
      const upTo = chain.slice(0, chain.indexOf(stage) + 1);
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
          const copied = readCopy(upTo, instruction);
          if (copied) copies.push(copied);
          continue;
        }
        const run = instruction.run;
        if (!run) continue;

        for (const invocation of run.packages) {
          const removal = removalKind(invocation);
          if (!removal) continue;
          const table = removal === 'apt' ? aptInstalled : removal === 'apk' ? apkAdded : pipInstalled;
          const hits = invocation.packages
            .map((word) => ({ word, key: keyOf(removal, word.value) }))
            .filter((h): h is { word: typeof h.word; key: string } => h.key !== undefined && table.has(h.key));
          if (hits.length === 0) continue;
          const origins = [...new Set(hits.map((h) => table.get(h.key)!))];
          const names = hits.map((h) => h.word.value);
          const lines = [...new Set(origins.map((o) => o.instruction.line + 1))].sort((a, b) => a - b);
          const fix = origins.length === 1 ? moveRemoval(model, stage, instruction, invocation.command, origins[0]) : undefined;
          report({
            span: commandSpan(invocation.command),
            message:
              `Removing ${quoteList(names)} here saves nothing: ${plural(names.length, 'it was', 'they were')} added on ` +
              `${plural(lines.length, 'line')} ${lines.join(', ')} and the bytes stay in that layer; remove ${plural(names.length, 'it', 'them')} in the same RUN that added ${plural(names.length, 'it', 'them')}`,
            fixes: fix ? [fix] : [],
          });
          for (const h of hits) table.delete(h.key);
        }

        const values = variablesBefore(upTo, instruction);
        const workdir = workdirAt(upTo, instruction);
        const usesApt = run.packages.some((p) => p.manager === 'apt');
        const onlyDeletes = run.commands.every((c) => deletedPaths(c).length > 0 || c.words[0]?.value === 'set');
        for (const command of run.commands) {
          const paths = deletedPaths(command);
          if (paths.length === 0) continue;
          if (!usesApt && aptUpdates.length > 0 && paths.some((p) => pathWithin(p.replace(/\/\*$/, ''), LISTS) || pathWithin(LISTS, p))) {
            const origin = aptUpdates[aptUpdates.length - 1];
            const fix = aptUpdates.length === 1 ? moveRemoval(model, stage, instruction, command, origin, true) : undefined;
            report({
              span: commandSpan(command),
              message:
                `Deleting the apt lists here saves nothing: \`apt-get update\` wrote them on line ${origin.instruction.line + 1} and the bytes stay in that layer; ` +
                'delete them at the end of that RUN',
              fixes: fix ? [fix] : [],
            });
            aptUpdates.length = 0;
            continue;
          }
          if (workdir === undefined) continue;
          for (const raw of paths) {
            const resolved = resolvePath(raw, workdir, values);
            if (!resolved) continue;
            const base = resolved.slice(resolved.lastIndexOf('/') + 1);
            if (MANIFEST.test(base)) continue;
            const target = resolved.replace(/\/\*$/, '');
            const exact = !/[*?[]/.test(target) ? copies.find((c) => c.exact.includes(target)) : undefined;
            const broad = exact ?? (onlyDeletes ? copies.find((c) => c.broadDest && pathWithin(target, c.broadDest) && target !== c.broadDest) : undefined);
            const origin = exact ?? broad;
            if (!origin) continue;
            report({
              span: commandSpan(command),
              message:
                `Deleting \`${raw}\` here saves nothing: the ${origin.instruction.keyword} on line ${origin.instruction.line + 1} put it in an earlier layer, where the bytes stay ` +
                '(and a secret stays readable); keep it out with .dockerignore, a builder stage or a bind/secret mount',
            });
            break;
          }
        }

        // Record what this RUN adds, minus what it removes again itself.
        for (const invocation of run.packages) {
          const command = invocation.command;
          const added = { instruction, stage, command };
          if (invocation.manager === 'apt' && invocation.subcommand === 'install') {
            for (const p of invocation.packages) aptInstalled.set(stripVersion(p.value), added);
          } else if (invocation.manager === 'apk' && invocation.subcommand === 'add') {
            const group = optionValue(invocation, '--virtual', '-t');
            if (group) apkAdded.set(group, added);
            else for (const p of invocation.packages) apkAdded.set(apkName(p.value), added);
          } else if ((invocation.manager === 'pip' || invocation.program === 'uv pip') && isInstall(invocation)) {
            for (const p of invocation.packages) {
              const requirement = parseRequirement(p.value);
              if (requirement) pipInstalled.set(requirement.name, added);
            }
          } else if (invocation.manager === 'apt' && invocation.subcommand === 'update') {
            const index = run.commands.indexOf(command);
            if (!cacheMountCovers(instruction, LISTS) && !deletesWithin(instruction, LISTS, index)) aptUpdates.push(added);
          } else if (removalKind(invocation)) {
            const kind = removalKind(invocation)!;
            const table = kind === 'apt' ? aptInstalled : kind === 'apk' ? apkAdded : pipInstalled;
            for (const p of invocation.packages) {
              const key = keyOf(kind, p.value);
              if (key && table.get(key)?.instruction === instruction) table.delete(key);
            }
          }
        }
        if (aptUpdates.length > 0 && deletesWithin(instruction, LISTS) && usesApt) {
          // This RUN cleans the lists it (or an earlier RUN) wrote: whatever is left was reported or is this RUN's own.
          if (aptUpdates[aptUpdates.length - 1].instruction === instruction) aptUpdates.pop();
        }
      }
    }
  },
};

function removalKind(invocation: PackageInvocation): 'apt' | 'apk' | 'pip' | undefined {
  if (invocation.manager === 'apt' && (invocation.subcommand === 'purge' || invocation.subcommand === 'remove')) return 'apt';
  if (invocation.manager === 'apk' && invocation.subcommand === 'del') return 'apk';
  if ((invocation.manager === 'pip' || invocation.program === 'uv pip') && invocation.subcommand === 'uninstall') return 'pip';
  return undefined;
}

function keyOf(kind: 'apt' | 'apk' | 'pip', value: string): string | undefined {
  if (kind === 'apt') return stripVersion(value);
  if (kind === 'apk') return apkName(value);
  return parseRequirement(value)?.name;
}

/** `py3-pip=23.1-r0` / `gcc>12` → the package name. */
function apkName(value: string): string {
  return value.split(/[<>=~]/)[0];
}

function commandSpan(command: ShellCommand): Span {
  return { start: command.span.start, end: command.span.end };
}

function resolvePath(raw: string, workdir: string, values: Map<string, string | undefined>): string | undefined {
  let path = raw;
  if (path.includes('$')) {
    const { text, unresolved } = substitute(path, values);
    if (unresolved) return undefined;
    path = text;
  }
  if (path === '' || path.startsWith('~')) return undefined;
  return joinPath(workdir, path) + (path.endsWith('/*') ? '/*' : '');
}

/** Unsafe fix: append the removal to the RUN that added the thing, and drop the later RUN. */
function moveRemoval(model: DockerfileModel, stage: Stage, instruction: Instruction, command: ShellCommand, origin: Added, lists = false): Fix | undefined {
  if (origin.stage !== stage || !aloneInRun(instruction, command) || instruction.flags.length > 0) return undefined;
  const text = commandText(model, command);
  if (!text) return undefined;
  const between = chainInstructions([stage]).slice(stage.instructions.indexOf(origin.instruction) + 1, stage.instructions.indexOf(instruction));
  const runsBetween = between.filter((i) => i.run);
  if (lists ? runsBetween.some((i) => i.run!.packages.some((p) => p.manager === 'apt')) : runsBetween.length > 0) return undefined;
  if (between.some((i) => i.keyword === 'USER')) return undefined;
  const append = appendToRun(model, origin.instruction, text, origin.command);
  if (!append) return undefined;
  return {
    title: `Move \`${programName(command)} …\` into the RUN on line ${origin.instruction.line + 1}`,
    safe: false,
    edits: [append, deleteInstruction(model, instruction)],
  };
}

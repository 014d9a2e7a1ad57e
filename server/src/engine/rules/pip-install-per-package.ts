import { isInstall } from '../model/packages';
import type { DockerfileModel, Instruction, PackageInvocation } from '../model/types';
import { subcommandWord } from './helpers';
import { deleteInstruction } from './size-cache-helpers';
import type { Fix, Rule, TextEdit } from './types';

const MIN_RUNS = 3;

interface PipRun {
  instruction: Instruction;
  invocation: PackageInvocation;
}

export const pipInstallPerPackage: Rule = {
  id: 'pip-install-per-package',
  category: 'cache',
  defaultSeverity: 'info',
  fixAvailability: 'sometimes',
  hadolint: ['DL3059'],
  docs: {
    summary: 'Packages installed one `RUN` at a time',
    what:
      `Reports a stage with ${MIN_RUNS} or more \`RUN\`s in a row (other instructions may sit between them, other \`RUN\`s may not) that each ` +
      'consist of a single `pip install` (or `uv pip install`) of packages named on the command line, with the same options and `RUN` flags.',
    why:
      'Each `RUN` is a layer and a separate resolver run: pip starts, reads the index and checks the environment every time, and a package ' +
      'shared by two installs may be upgraded or downgraded by the later one. One install of all packages resolves them together, builds ' +
      'faster and leaves one layer. Better still, list them in a pinned requirements file and copy it before the install so the layer stays ' +
      'cached until the list changes.',
    knownProblems:
      'Sometimes the split is deliberate: a package whose build imports another (an old `setup.py` that needs numpy) must come after it. ' +
      'Installs with different options (another index, `--no-deps`, `--force-reinstall`) are not grouped, since those usually are deliberate.',
    example: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\nRUN pip install --no-cache-dir gunicorn\nRUN pip install --no-cache-dir redis',
    useInstead: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask gunicorn redis',
    fixSafety:
      'Unsafe: the merged install resolves all packages together, which can pick different versions, and breaks installs that rely on an ' +
      'earlier one having finished. Offered only when the `RUN`s are adjacent instructions: the packages move into the first `RUN` and the ' +
      'others are deleted.',
    references: [
      'https://docs.docker.com/build/building/best-practices/#minimize-the-number-of-layers',
      'https://pip.pypa.io/en/stable/topics/dependency-resolution/',
    ],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      let group: PipRun[] = [];
      const close = () => {
        if (group.length >= MIN_RUNS) reportGroup(model, group, report);
        group = [];
      };
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'RUN') continue;
        const single = singlePipInstall(instruction);
        // Different options (another index, --no-deps, --force-reinstall) usually mean the split is deliberate.
        if (single && group.length > 0 && signature(single) !== signature(group[0])) close();
        if (single) group.push(single);
        else close();
      }
      close();
    }
  },
};

/** A RUN that is one `pip install <names…>` and nothing else. */
function singlePipInstall(instruction: Instruction): PipRun | undefined {
  const run = instruction.run;
  if (!run || run.execForm || instruction.heredocs.length > 0) return undefined;
  const commands = run.commands;
  if (commands.length !== 1 || run.packages.length !== 1) return undefined;
  const invocation = run.packages[0];
  const pip = invocation.manager === 'pip' || invocation.program === 'uv pip';
  if (!pip || !isInstall(invocation) || invocation.subcommand !== 'install') return undefined;
  if (invocation.packages.length === 0 || invocation.requirementFiles.length > 0) return undefined;
  return { instruction, invocation };
}

function reportGroup(model: DockerfileModel, group: PipRun[], report: Parameters<Rule['check']>[0]['report']): void {
  const first = group[0];
  const lines = group.map((g) => g.instruction.line + 1);
  const fix = mergeFix(model, group);
  report({
    span: { start: first.invocation.command.words[0].span.start, end: subcommandWord(first.invocation).span.end },
    message:
      `${group.length} RUNs in a row install packages one at a time (lines ${lines.join(', ')}): one install resolves them together, ` +
      'builds faster and makes one layer',
    fixes: fix ? [fix] : [],
  });
}

function signature(run: PipRun): string {
  const flags = run.instruction.flags.map((f) => `${f.name}=${f.value ?? ''}`).join(' ');
  return `${flags}|${run.invocation.program}|${run.invocation.options.map((o) => o.value).join(' ')}`;
}

function mergeFix(model: DockerfileModel, group: PipRun[]): Fix | undefined {
  const stage = model.stages.find((s) => s.instructions.includes(group[0].instruction));
  if (!stage) return undefined;
  const start = stage.instructions.indexOf(group[0].instruction);
  const adjacent = group.every((g, i) => stage.instructions[start + i] === g.instruction);
  if (!adjacent) return undefined;
  const anchor = group[0].invocation.packages[group[0].invocation.packages.length - 1];
  const added = group.slice(1).flatMap((g) => g.invocation.packages.map((p) => p.raw));
  const edits: TextEdit[] = [{ start: anchor.span.end, end: anchor.span.end, newText: ` ${added.join(' ')}` }];
  for (const g of group.slice(1)) edits.push(deleteInstruction(model, g.instruction));
  return { title: `Install all ${group.length} RUNs' packages in one RUN`, safe: false, edits };
}

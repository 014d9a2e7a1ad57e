import { finalChain } from '../model/stages';
import { hasOption, optionValue } from '../model/packages';
import type { Instruction, PackageInvocation, ShellCommand, ShellWord, Stage } from '../model/types';
import { insertAfter, subcommandWord } from './helpers';
import { declaredBefore, programName, setInRun } from './size-cache-helpers';
import type { Fix, Rule, RuleContext } from './types';

/** A requirements file for development or tests: `requirements-dev.txt`, `requirements/test.txt`, `dev-requirements.txt`. */
const DEV_FILE = /(^|[/_.-])(dev|devel|develop|development|test|tests|testing)([/_.-]|$)/i;
const DEV_EXTRA = /^(dev|devel|develop|development|test|tests|testing)$/i;
/** A final stage named like this is meant for development: dev dependencies are its point. */
const DEV_STAGE = /(^|[-_])(dev|devel|develop|development|test|tests|testing|ci|debug|dev-envs?)([-_]|$)/i;
const TRUTHY = /^(1|true|yes|on|t|y)$/i;

export const devDepsInRuntime: Rule = {
  id: 'dev-deps-in-runtime',
  category: 'size',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  docs: {
    summary: 'Development or test dependencies installed in the final image',
    what:
      'In the stages the final image is built from, reports `pip install -r` of a development or test requirements file ' +
      '(`requirements-dev.txt`, `requirements/test.txt`, …) or of a `[dev]`/`[test]` extra, `poetry install` / `poetry sync` without ' +
      '`--only main` (or `--without …`, the old `--no-dev`), `uv sync` without `--no-dev` (or `--no-default-groups`, `--only-group`, ' +
      '`--no-group`, or `UV_NO_DEV` set), and `pipenv install --dev`.',
    why:
      'Test runners, linters, type checkers and their dependencies are not needed to run the service. In the runtime image they add tens ' +
      'to hundreds of MB, slow every pull, and add packages for scanners to report and for an attacker to use. Install them in a separate ' +
      'test stage (`docker build --target test`) instead.',
    knownProblems:
      'The project files are not read, so the rule cannot tell whether a Poetry or uv project defines a dev group at all; suppress it for ' +
      'projects that have none. A final stage whose name says it is for development (`dev`, `test`, `ci`, `debug`, …) is not checked, and ' +
      'neither is a command whose arguments are computed (`$(…)`, `$VAR`). Dev dependencies installed in a builder whose virtual ' +
      'environment is copied into the final image are not detected yet.',
    example: 'FROM python:3.12-slim\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root',
    useInstead: 'FROM python:3.12-slim\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root --only main',
    fixSafety:
      'Unsafe, since it changes what is installed: a package the service imports may have been declared only as a dev dependency. ' +
      'The fix inserts `--only main` after `poetry install`/`poetry sync` (Poetry 1.2 or later), `--no-dev` after `uv sync`, or removes ' +
      '`--dev` from `pipenv install`. For pip there is no automatic fix: install the runtime requirements file instead.',
    references: [
      'https://python-poetry.org/docs/managing-dependencies/#installing-group-dependencies',
      'https://docs.astral.sh/uv/concepts/projects/dependencies/#development-dependencies',
      'https://docs.astral.sh/uv/guides/integration/docker/#intermediate-layers',
      'https://pipenv.pypa.io/en/latest/cli.html#install',
    ],
  },
  check({ model, report }) {
    const chain = finalChain(model);
    const last = chain[chain.length - 1];
    if (!last || (last.name && DEV_STAGE.test(last.name))) return;
    for (const stage of chain) {
      for (const instruction of stage.instructions) {
        const run = instruction.run;
        if (!run) continue;
        for (const invocation of run.packages) {
          if (invocation.command.words.some(computed)) continue;
          const finding = checkInvocation(chain, stage, instruction, invocation);
          if (finding) report(finding);
        }
        for (const command of run.commands) {
          const finding = checkPipenv(command);
          if (finding) report(finding);
        }
      }
    }
  },
};

type Report = Parameters<RuleContext['report']>[0];

function checkInvocation(chain: Stage[], stage: Stage, instruction: Instruction, invocation: PackageInvocation): Report | undefined {
  const sub = subcommandWord(invocation);
  const span = { start: invocation.command.words[0].span.start, end: sub.span.end };
  if ((invocation.manager === 'pip' || invocation.program === 'uv pip') && invocation.subcommand === 'install') {
    const file = invocation.requirementFiles.find((f) => DEV_FILE.test(baseOf(f.value)) || /(^|\/)(dev|test|tests)\//i.test(f.value));
    if (file) {
      return {
        span: { start: span.start, end: file.span.end },
        message: `\`${invocation.program} install -r ${file.value}\` puts development or test dependencies in the final image: install them in a separate test stage`,
      };
    }
    const extra = invocation.command.words.slice(invocation.subcommandIndex + 1).find((w) => !w.value.startsWith('-') && devExtras(w).length > 0);
    if (extra) {
      return {
        span: extra.span,
        message: `\`${extra.value}\` installs the ${devExtras(extra).map((e) => `\`${e}\``).join(', ')} extra in the final image: install it in a separate test stage`,
      };
    }
    return undefined;
  }
  if (invocation.manager === 'poetry' && (invocation.subcommand === 'install' || invocation.subcommand === 'sync')) {
    if (hasOption(invocation, '--only', '--without', '--no-dev', '--only-root')) return undefined;
    const fixes: Fix[] = hasOption(invocation, '--with') ? [] : [{ title: 'Install only the main group (--only main)', safe: false, edits: [insertAfter(sub, '--only main')] }];
    return {
      span,
      message: `\`poetry ${invocation.subcommand}\` without \`--only main\` also installs the dev group (test and lint tools) in the final image`,
      fixes,
    };
  }
  if (invocation.manager === 'uv' && invocation.program === 'uv' && invocation.subcommand === 'sync') {
    if (hasOption(invocation, '--no-dev', '--no-default-groups', '--only-group', '--no-group')) return undefined;
    if (setInRun(instruction, invocation.command, 'UV_NO_DEV') || setInRun(instruction, invocation.command, 'UV_NO_DEFAULT_GROUPS')) return undefined;
    const chainTo = chain.slice(0, chain.indexOf(stage) + 1);
    for (const name of ['UV_NO_DEV', 'UV_NO_DEFAULT_GROUPS']) {
      const declared = declaredBefore(chainTo, instruction, name);
      if (declared && (declared.value === undefined || declared.value.includes('$') || TRUTHY.test(declared.value))) return undefined;
    }
    const onlyDev = hasOption(invocation, '--only-dev') || /\bdev\b/.test(optionValue(invocation, '--group') ?? '');
    return {
      span,
      message: onlyDev
        ? '`uv sync` with the dev group installs development dependencies in the final image'
        : '`uv sync` without `--no-dev` also installs the dev dependency group (test and lint tools) in the final image',
      fixes: onlyDev ? [] : [{ title: 'Skip the dev group (--no-dev)', safe: false, edits: [insertAfter(sub, '--no-dev')] }],
    };
  }
  return undefined;
}

function checkPipenv(command: ShellCommand): Report | undefined {
  if (programName(command) !== 'pipenv') return undefined;
  const words = command.words;
  const sub = words.find((w) => w.value === 'install' || w.value === 'sync');
  const dev = words.find((w) => w.value === '--dev' || w.value === '-d');
  if (!sub || !dev || words.some(computed)) return undefined;
  return {
    span: { start: words[0].span.start, end: dev.span.end },
    message: `\`pipenv ${sub.value} ${dev.value}\` installs the [dev-packages] in the final image`,
    fixes: [{ title: `Remove ${dev.value}`, safe: false, edits: [removeWord(command, dev)] }],
  };
}

function removeWord(command: ShellCommand, word: ShellWord): { start: number; end: number; newText: string } {
  const index = command.words.indexOf(word);
  const previous = command.words[index - 1];
  return { start: previous ? previous.span.end : word.span.start, end: word.span.end, newText: '' };
}

/** A word that may expand to options: `$(…)`, backticks, or a bare `$VAR`. */
function computed(word: ShellWord): boolean {
  return word.raw.startsWith('$') || word.raw.includes('$(') || word.raw.includes('`');
}

function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Dev or test extras in `.[dev,test]`, `pkg[test]`. */
function devExtras(word: ShellWord): string[] {
  const m = /\[([^\]]+)\]/.exec(word.value);
  return m ? m[1].split(',').map((e) => e.trim()).filter((e) => DEV_EXTRA.test(e)) : [];
}

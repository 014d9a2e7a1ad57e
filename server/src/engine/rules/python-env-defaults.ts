import { finalChain } from '../model/stages';
import { describePythonImage } from '../knowledge/base-images';
import { lineEnding } from '../model/text';
import type { Stage } from '../model/types';
import { chainInstructions, commandsOf, lastOf, programAt } from './security-runtime-helpers';
import type { Rule } from './types';

export const pythonEnvDefaults: Rule = {
  id: 'python-env-defaults',
  category: 'runtime',
  defaultSeverity: 'info',
  fixAvailability: 'always',
  docs: {
    summary: 'A Python image without `PYTHONUNBUFFERED` / `PYTHONDONTWRITEBYTECODE`',
    what:
      'Reports, once on the final `FROM`, a final image that runs Python (a `python` base image, or a stage that installs Python or ' +
      'runs pip, uv or Poetry) when no `ENV` in it or in the stages it is built from sets `PYTHONUNBUFFERED` and/or ' +
      '`PYTHONDONTWRITEBYTECODE`. `python -u` in the command counts as unbuffered; with `UV_COMPILE_BYTECODE` set, bytecode is wanted and ' +
      'only `PYTHONUNBUFFERED` is asked for.',
    why:
      'Without a terminal, Python block-buffers standard output: `print()` and logging to stdout reach `docker logs` in blocks of several KB, ' +
      'late, and whatever is still buffered is lost when the container is killed (an OOM kill or a crash is exactly when you need the last ' +
      'lines). `PYTHONUNBUFFERED=1` writes them through at once. `PYTHONDONTWRITEBYTECODE=1` stops the interpreter writing `__pycache__` ' +
      'files next to sources: scripts run during the build no longer leave `.pyc` files in image layers, and at run time nothing is written ' +
      'into the container\'s writable layer (or attempted on a read-only root file system).',
    knownProblems:
      'Images whose command is a bare interpreter or shell (`CMD ["python3"]`, as in the official python image) are base or toolbox images ' +
      'run with a terminal and are not reported. A base image may already set these variables; the rule cannot see that, so add them anyway or suppress the rule. ' +
      '`PYTHONDONTWRITEBYTECODE` costs a little start-up time for code that was not compiled at install time.',
    example: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]',
    useInstead: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1\nCOPY . /app\nCMD ["python", "/app/main.py"]',
    fixSafety:
      'Safe: it inserts `ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1` (only the missing ones) after the final `FROM`. ' +
      'Output appears sooner and no bytecode is written; the program behaves the same.',
    references: [
      'https://docs.python.org/3/using/cmdline.html#envvar-PYTHONUNBUFFERED',
      'https://docs.python.org/3/using/cmdline.html#envvar-PYTHONDONTWRITEBYTECODE',
      'https://docs.python.org/3/library/sys.html#sys.stdout',
    ],
  },
  check({ model, report }) {
    const chain = finalChain(model);
    const final = chain[chain.length - 1];
    if (!final || !runsPython(chain) || interactive(chain)) return;
    const set = new Set(
      chainInstructions(chain)
        .filter((i) => i.keyword === 'ENV')
        .flatMap((i) => i.pairs ?? [])
        .filter((p) => p.value !== undefined && p.value !== '')
        .map((p) => p.key),
    );
    const missing: string[] = [];
    if (!set.has('PYTHONUNBUFFERED') && !unbufferedFlag(chain)) missing.push('PYTHONUNBUFFERED');
    if (!set.has('PYTHONDONTWRITEBYTECODE') && !set.has('UV_COMPILE_BYTECODE')) missing.push('PYTHONDONTWRITEBYTECODE');
    if (missing.length === 0) return;
    const effects = missing.map((m) =>
      m === 'PYTHONUNBUFFERED' ? '`PYTHONUNBUFFERED=1` (stdout is block-buffered, so logs arrive late or are lost on a kill)' : '`PYTHONDONTWRITEBYTECODE=1` (stray `.pyc` files)',
    );
    report({
      span: final.image.span,
      message: `The final Python image does not set ${effects.join(' or ')}`,
      fixes: [
        {
          title: `Set ${missing.join(' and ')}`,
          safe: true,
          edits: [{ start: final.from.span.end, end: final.from.span.end, newText: `${lineEnding(model.text)}ENV ${missing.map((m) => `${m}=1`).join(' ')}` }],
        },
      ],
    });
  },
};

const PYTHON_PACKAGE = /^python3?(\.\d+)?(-pip|-venv|-dev)?([=<>].*)?$|^py3-pip$/;

/** The final chain runs Python: a Python base image, a Python install, a pip/uv/Poetry call or a python command. */
function runsPython(chain: Stage[]): boolean {
  const base = chain[0].image;
  if (base.scratch) return false;
  const last = base.repository.slice(base.repository.lastIndexOf('/') + 1);
  if (describePythonImage(base) || last.includes('python') || /(^|-)python\d/.test(base.tag ?? '')) return true;
  for (const instruction of chainInstructions(chain)) {
    for (const invocation of instruction.run?.packages ?? []) {
      if (invocation.manager === 'pip' || invocation.manager === 'uv' || invocation.manager === 'poetry') return true;
      if ((invocation.manager === 'apt' || invocation.manager === 'apk') && invocation.packages.some((p) => PYTHON_PACKAGE.test(p.value))) return true;
    }
  }
  for (const instruction of [lastOf(chain, 'ENTRYPOINT'), lastOf(chain, 'CMD')]) {
    if (!instruction) continue;
    for (const words of commandsOf(instruction)) {
      const program = words[programAt(words)]?.value ?? '';
      if (/(^|\/)python(\d(\.\d+)?)?$/.test(program)) return true;
    }
  }
  return false;
}

/** A bare interpreter or shell as the command (`CMD ["python3"]`): a base or toolbox image used with a terminal, not a service. */
function interactive(chain: Stage[]): boolean {
  if (lastOf(chain, 'ENTRYPOINT')) return false;
  const cmd = lastOf(chain, 'CMD');
  if (!cmd) return false;
  const commands = commandsOf(cmd);
  return commands.length === 1 && commands[0].length === 1 && /(^|\/)(python(\d(\.\d+)?)?|ipython|bash|sh)$/.test(commands[0][0].value);
}

/** `python -u …` as the container's command. */
function unbufferedFlag(chain: Stage[]): boolean {
  for (const instruction of [lastOf(chain, 'ENTRYPOINT'), lastOf(chain, 'CMD')]) {
    if (!instruction) continue;
    for (const words of commandsOf(instruction)) {
      const p = programAt(words);
      if (!/(^|\/)python(\d(\.\d+)?)?$/.test(words[p]?.value ?? '')) continue;
      for (const word of words.slice(p + 1)) {
        if (!word.value.startsWith('-')) break;
        if (/^-[a-zA-Z]*u/.test(word.value)) return true;
      }
    }
  }
  return false;
}

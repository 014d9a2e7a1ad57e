import { stageChain } from '../model/stages';
import type { DockerfileModel, Instruction, ShellWord, Stage } from '../model/types';
import { defaultsToNonRoot, isRootUser, lastUser } from './security-runtime-helpers';
import type { Fix, Rule, TextEdit } from './types';

export const sudoInRun: Rule = {
  id: 'sudo-in-run',
  category: 'security',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  hadolint: ['DL3004'],
  docs: {
    summary: '`sudo` in `RUN`',
    what: 'Reports `sudo` used as a command prefix in `RUN` (including heredoc scripts).',
    why:
      '`RUN` already runs as the current `USER`, which is root unless the file switched away. Under root `sudo` does nothing but needs the ' +
      '`sudo` package in the image: a setuid-root binary and a sudoers policy that an attacker who gets a shell in the container can try to ' +
      'abuse. Under a non-root user it hides that a step needs root and often hangs or fails for lack of a password. Switch users explicitly: ' +
      '`USER root` for the step, then back to the app user.',
    example: 'FROM python:3.12-slim\nRUN sudo apt-get update && sudo apt-get install -y --no-install-recommends libpq5',
    useInstead: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5',
    fixSafety:
      'Safe when the step already runs as root (no `USER`, or `USER root`, on an image that starts as root): the fix removes the `sudo` word ' +
      'and options such as `-E` that change nothing for root. Unsafe when the base image is not known to start as root. No fix under a ' +
      'non-root user (add `USER root` before the step and switch back after it) or for `sudo -u <user>`, which runs as someone else.',
    references: ['https://docs.docker.com/build/building/best-practices/#user', 'https://github.com/hadolint/hadolint/wiki/DL3004'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const chain = stageChain(model, stage);
      for (const instruction of stage.instructions) {
        for (const command of instruction.run?.commands ?? []) {
          const at = sudoIndex(command.words);
          if (at < 0) continue;
          const user = runsAs(model, chain, instruction);
          const sudo = command.words[at];
          const fix = user === 'non-root' ? undefined : removeSudo(model, command.words, at, user === 'root');
          report({
            span: sudo.span,
            message:
              user === 'non-root'
                ? '`sudo` in `RUN` hides that this step needs root: use `USER root` before it and switch back to the app user after it'
                : '`sudo` in `RUN` is redundant (the build runs as root here) and leaves a setuid-root binary in the image: drop it',
            fixes: fix ? [fix] : [],
          });
        }
      }
    }
  },
};

const LEADING = new Set(['then', 'else', 'do', 'if', 'elif', 'while', 'until', '!', 'time', 'nohup', 'command', 'exec', 'env', 'xargs']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Index of a `sudo` in command position (after assignments and keywords such as `then`), or -1. */
function sudoIndex(words: ShellWord[]): number {
  for (let i = 0; i < words.length; i++) {
    const value = words[i].value;
    if (value === 'sudo' || value.endsWith('/sudo')) return i;
    if (!LEADING.has(value) && !ASSIGNMENT.test(words[i].raw)) return -1;
  }
  return -1;
}

type RunsAs = 'root' | 'probably-root' | 'non-root';

function runsAs(model: DockerfileModel, chain: Stage[], instruction: Instruction): RunsAs {
  const user = lastUser(model, chain, instruction);
  if (user) return user.resolved !== undefined && isRootUser(user.resolved) ? 'root' : 'non-root';
  const base = chain[0].image;
  if (defaultsToNonRoot(base)) return 'non-root';
  // Docker Hub's official images (`python`, `debian`, `ubuntu`, …) start as root; other bases may set a USER we cannot see.
  return !base.unresolved && base.registry === undefined && !base.repository.includes('/') ? 'root' : 'probably-root';
}

/** sudo options that change nothing when the caller is already root. */
const HARMLESS = /^(-[EHnSkK]+|--preserve-env(=.*)?|--non-interactive|--set-home|--stdin)$/;

function removeSudo(model: DockerfileModel, words: ShellWord[], at: number, safe: boolean): Fix | undefined {
  let k = at + 1;
  while (k < words.length && words[k].value.startsWith('-')) {
    if (!HARMLESS.test(words[k].value)) return undefined;
    k++;
  }
  if (k >= words.length) return undefined;
  const last = words[k - 1];
  const next = words[k];
  const gap = model.text.slice(last.span.end, next.span.start);
  let edit: TextEdit;
  if (!gap.includes('\n')) {
    edit = { start: words[at].span.start, end: next.span.start, newText: '' };
  } else {
    // The command continues on the next line: keep the continuation, drop the words and the blanks after them.
    const blanks = /^[ \t]*/.exec(gap)?.[0].length ?? 0;
    edit = { start: words[at].span.start, end: last.span.end + blanks, newText: '' };
  }
  return { title: 'Remove sudo', safe, edits: [edit] };
}

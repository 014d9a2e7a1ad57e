// Small pieces several rules share: finding install calls, inserting words.

import type { DockerfileModel, Instruction, PackageInvocation, ShellWord, Stage } from '../model/types';
import type { TextEdit } from './types';

export interface LocatedInvocation {
  stage: Stage;
  instruction: Instruction;
  invocation: PackageInvocation;
}

/** Every package-manager call in the file, with its stage and RUN. */
export function* invocations(model: DockerfileModel, stages: Stage[] = model.stages): Generator<LocatedInvocation> {
  for (const stage of stages) {
    for (const instruction of stage.instructions) {
      if (!instruction.run) continue;
      for (const invocation of instruction.run.packages) yield { stage, instruction, invocation };
    }
  }
}

/** Inserts ` text` right after a word, e.g. a flag after `install`. */
export function insertAfter(word: ShellWord, text: string): TextEdit {
  return { start: word.span.end, end: word.span.end, newText: ` ${text}` };
}

export function subcommandWord(invocation: PackageInvocation): ShellWord {
  return invocation.command.words[invocation.subcommandIndex];
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}

export function quoteList(names: string[]): string {
  return names.map((n) => `\`${n}\``).join(', ');
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The candidate closest to `name` within `maxDistance` edits, if exactly one is closest. */
export function closest(name: string, candidates: Iterable<string>, maxDistance = 2): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  let tie = false;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) tie = true;
  }
  return tie ? undefined : best;
}

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

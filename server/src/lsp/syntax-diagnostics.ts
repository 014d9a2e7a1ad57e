// dockerfile-utils' syntax diagnostics, computed one build stage at a time.
//
// Its validator re-reads the whole file and resolves every variable against
// every stage, so a 2,000-line file costs ~40 ms per keystroke. Its checks
// are local to an instruction or a stage (the one that is not,
// duplicate stage names, is Slimfile's own `duplicate-stage-name` rule), so
// each stage is validated with the text before the first FROM (directives,
// global ARGs) and the result is kept, keyed by that text. An edit re-validates
// only the stage it touches.

import type { Diagnostic } from 'vscode-languageserver';
import type { DockerfileModel } from '../engine/model/types';

type Validate = (text: string) => Diagnostic[];

/**
 * dockerfile-utils' code for a stage name used twice (ValidationCode.DUPLICATE_BUILD_STAGE_NAME): the engine's
 * duplicate-stage-name rule reports it with more context. Written out so that this module does not load the library.
 */
const DUPLICATE_BUILD_STAGE_NAME = 10;

export interface Chunk {
  text: string;
  /** Line in the document where the chunk's own text starts. */
  firstLine: number;
  /** Whether diagnostics in the shared preamble are taken from this chunk. */
  ownsPreamble: boolean;
}

/** The document cut at each FROM, every piece prefixed with the text before the first FROM (directives, global ARGs). */
export function chunksOf(model: DockerfileModel): { chunks: Chunk[]; preambleLines: number } {
  const { text, lineStarts, stages } = model;
  if (stages.length === 0) return { chunks: [{ text, firstLine: 0, ownsPreamble: true }], preambleLines: 0 };
  const preambleLines = stages[0].from.line;
  const preamble = text.slice(0, lineStarts[preambleLines]);
  const chunks = stages.map((stage, index) => {
    const next = stages[index + 1];
    const start = lineStarts[stage.from.line];
    const end = next ? lineStarts[next.from.line] : text.length;
    return { text: preamble + text.slice(start, end), firstLine: stage.from.line, ownsPreamble: index === 0 };
  });
  return { chunks, preambleLines };
}

function shift(diagnostic: Diagnostic, lines: number): Diagnostic {
  if (lines === 0) return diagnostic;
  const { start, end } = diagnostic.range;
  return { ...diagnostic, range: { start: { line: start.line + lines, character: start.character }, end: { line: end.line + lines, character: end.character } } };
}

export interface SyntaxPlan {
  chunks: Chunk[];
  preambleLines: number;
  /** How many stages must be validated afresh (the rest come from the last run). */
  uncached: number;
}

/** Validates stage by stage, reusing the results of stages whose text did not change since the last call. */
export class StagedSyntaxValidator {
  private previous = new Map<string, Diagnostic[]>();

  constructor(private readonly validate: Validate) {}

  /** What a run would cost: lets the caller decide whether to answer now or in a later turn. */
  plan(model: DockerfileModel): SyntaxPlan {
    const { chunks, preambleLines } = chunksOf(model);
    return { chunks, preambleLines, uncached: chunks.filter((c) => !this.previous.has(c.text)).length };
  }

  run(model: DockerfileModel, plan: SyntaxPlan = this.plan(model)): Diagnostic[] {
    const { chunks, preambleLines } = plan;
    const current = new Map<string, Diagnostic[]>();
    const diagnostics: Diagnostic[] = [];
    for (const chunk of chunks) {
      let found = current.get(chunk.text) ?? this.previous.get(chunk.text);
      if (!found) found = this.validate(chunk.text).filter((d) => d.code !== DUPLICATE_BUILD_STAGE_NAME);
      current.set(chunk.text, found);
      for (const diagnostic of found) {
        const inPreamble = diagnostic.range.start.line < preambleLines;
        if (inPreamble && !chunk.ownsPreamble) continue;
        diagnostics.push(inPreamble ? diagnostic : shift(diagnostic, chunk.firstLine - preambleLines));
      }
    }
    this.previous = current;
    return diagnostics;
  }
}

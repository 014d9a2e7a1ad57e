// dockerfile-language-service's semantic tokens, computed one build stage at a
// time. Its token builder grows an array by concatenation per token, which is
// quadratic: 1.2 s for a 2,000-line file, minutes at 20,000, with the server
// answering nothing meanwhile. Stages are short, so per stage it stays fast;
// the pieces are stitched back into one delta-encoded list, and stages whose
// text did not change since the last request are not computed again.

import type { SemanticTokens } from 'vscode-languageserver';
import type { DockerfileModel } from '../engine/model/types';
import { chunksOf } from './syntax-diagnostics';

type Compute = (text: string) => SemanticTokens;

export class StagedSemanticTokens {
  private previous = new Map<string, number[]>();

  constructor(private readonly compute: Compute) {}

  run(model: DockerfileModel): SemanticTokens {
    const { chunks, preambleLines } = chunksOf(model);
    const current = new Map<string, number[]>();
    const data: number[] = [];
    let lastLine = 0;
    let lastChar = 0;
    for (const chunk of chunks) {
      const encoded = current.get(chunk.text) ?? this.previous.get(chunk.text) ?? this.compute(chunk.text).data;
      current.set(chunk.text, encoded);
      // Decode the chunk's relative positions, keep the chunk's own lines, re-encode against the previous kept token.
      let line = 0;
      let char = 0;
      for (let i = 0; i + 4 < encoded.length; i += 5) {
        line += encoded[i];
        char = encoded[i] === 0 ? char + encoded[i + 1] : encoded[i + 1];
        const inPreamble = line < preambleLines;
        if (inPreamble && !chunk.ownsPreamble) continue;
        const absolute = inPreamble ? line : line + chunk.firstLine - preambleLines;
        data.push(absolute - lastLine, absolute === lastLine ? char - lastChar : char, encoded[i + 2], encoded[i + 3], encoded[i + 4]);
        lastLine = absolute;
        lastChar = char;
      }
    }
    this.previous = current;
    return { data };
  }
}

// dockerfile-language-service and dockerfile-utils take the document text and
// parse it again on every request (hover, completion, symbols, validation…):
// ~15 ms per call on a 2,000-line file. Remembering the last few parses, keyed
// by the exact text, makes every request after the first reuse one parse per
// document version. The AST is only read by those libraries.

import type { Dockerfile } from 'dockerfile-ast';

const SIZE = 8;

export class ParseCache {
  private recent: { content: string; dockerfile: Dockerfile }[] = [];
  private bypass = false;

  /** Routes every DockerfileParser.parse in the process through this cache; call it before the libraries first parse. */
  install(): void {
    const { DockerfileParser } = require('dockerfile-ast') as typeof import('dockerfile-ast');
    const parse = DockerfileParser.parse.bind(DockerfileParser);
    DockerfileParser.parse = (content: string): Dockerfile => {
      const index = this.recent.findIndex((entry) => entry.content === content);
      if (index >= 0) {
        const [entry] = this.recent.splice(index, 1);
        this.recent.unshift(entry);
        return entry.dockerfile;
      }
      const dockerfile = parse(content);
      if (this.bypass) return dockerfile;
      this.recent.unshift({ content, dockerfile });
      if (this.recent.length > SIZE) this.recent.pop();
      return dockerfile;
    };
  }

  /** Runs `work` without filling the cache: for parses of text no other request will ask for (per-stage validation). */
  without<T>(work: () => T): T {
    this.bypass = true;
    try {
      return work();
    } finally {
      this.bypass = false;
    }
  }

  /** Drops the parse of a text no document has any more (an old version, a closed file), so old trees are not kept. */
  forget(content: string | undefined): void {
    if (content !== undefined) this.recent = this.recent.filter((entry) => entry.content !== content);
  }
}

// dockerfile-language-service and dockerfile-utils take the document text and
// parse it again on every request (hover, completion, symbols, validation…):
// ~15 ms per call on a 2,000-line file. Remembering the last few parses, keyed
// by the exact text, makes every request after the first reuse one parse per
// document version. The AST is only read by those libraries.

import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';

const SIZE = 8;
let bypass = false;

/** Runs `work` without filling the cache: for parses of text no other request will ask for (per-stage validation). */
export function withoutParseCache<T>(work: () => T): T {
  bypass = true;
  try {
    return work();
  } finally {
    bypass = false;
  }
}

export function cacheDockerfileParses(): void {
  const parse = DockerfileParser.parse.bind(DockerfileParser);
  const recent: { content: string; dockerfile: Dockerfile }[] = [];
  DockerfileParser.parse = (content: string): Dockerfile => {
    const index = recent.findIndex((entry) => entry.content === content);
    if (index >= 0) {
      const [entry] = recent.splice(index, 1);
      recent.unshift(entry);
      return entry.dockerfile;
    }
    const dockerfile = parse(content);
    if (bypass) return dockerfile;
    recent.unshift({ content, dockerfile });
    if (recent.length > SIZE) recent.pop();
    return dockerfile;
  };
}

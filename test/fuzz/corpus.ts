// The development corpus of real Dockerfiles (../shared/corpus beside the
// clone, as CI lays it out). Tests that use it skip with a message when it is
// not there.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_DIR = join(process.cwd(), '..', 'shared', 'corpus');
/** Files in the corpus folder that describe it rather than being Dockerfiles. */
const METADATA = new Set(['README.md', 'INDEX.tsv']);

export interface CorpusFile {
  name: string;
  text: string;
}

export function corpusAvailable(): boolean {
  return existsSync(CORPUS_DIR) && statSync(CORPUS_DIR).isDirectory();
}

export const CORPUS_MISSING = `skipped: no corpus at ${CORPUS_DIR} (CI checks out ../shared beside the clone)`;

/** Every Dockerfile in the corpus, byte-exact (CRLF and missing final newlines kept), sorted by name. */
export function readCorpus(): CorpusFile[] {
  if (!corpusAvailable()) return [];
  return readdirSync(CORPUS_DIR)
    .filter((name) => !METADATA.has(name) && statSync(join(CORPUS_DIR, name)).isFile())
    .sort()
    .map((name) => ({ name, text: readFileSync(join(CORPUS_DIR, name), 'utf8') }));
}

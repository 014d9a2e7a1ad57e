import type { Instruction } from '../model/types';
import { execFormElements } from './security-runtime-helpers';
import type { Rule } from './types';

export const addInsteadOfCopy: Rule = {
  id: 'add-instead-of-copy',
  category: 'security',
  defaultSeverity: 'warning',
  fixAvailability: 'always',
  hadolint: ['DL3020'],
  docs: {
    summary: '`ADD` of local files where `COPY` would do',
    what:
      'Reports `ADD` instructions whose sources are all local files or directories. `ADD` of a URL, a Git repository, or a local tar ' +
      'archive it should unpack (`.tar`, `.tar.gz`, `.tgz`, `.tar.xz`, `.tar.bz2`, `.tar.zst`, …) is left alone.',
    why:
      '`ADD` does more than copy: it fetches URLs and unpacks local archives. For a plain file that extra behaviour is a trap: a source that ' +
      'happens to be a tar archive is silently extracted instead of copied, and a later edit that turns the source into a URL downloads ' +
      'unverified content into the image. `COPY` does only what it says, so readers and reviewers know what lands in the image.',
    knownProblems:
      '`ADD` recognises archives by their content, not their name: a local tar archive without a tar extension that the build relies on ' +
      'being unpacked would be copied as a file after the fix. Rename it with its real extension (the rule then stays quiet) or unpack it in a `RUN`.',
    example: 'FROM python:3.12-slim\nWORKDIR /app\nADD requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nADD . .',
    useInstead: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .',
    fixSafety:
      'Safe: `COPY` and `ADD` copy local files and directories the same way and accept the same `--chown`, `--chmod`, `--link` and ' +
      '`--exclude` flags. The fix replaces the keyword only, keeping its case.',
    references: [
      'https://docs.docker.com/build/building/best-practices/#add-or-copy',
      'https://docs.docker.com/reference/dockerfile/#add',
      'https://github.com/hadolint/hadolint/wiki/DL3020',
    ],
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ADD') continue;
      // Flags only ADD understands mean remote sources.
      if (instruction.flags.some((f) => ['checksum', 'keep-git-dir', 'unpack'].includes(f.name))) continue;
      const sources = sourcesOf(instruction);
      if (sources.length === 0 || !sources.every(isPlainLocal)) continue;
      const keyword = instruction.rawKeyword;
      const copy = keyword === keyword.toLowerCase() ? 'copy' : keyword === 'ADD' ? 'COPY' : 'Copy';
      report({
        span: instruction.keywordSpan,
        message: `\`ADD ${sources[0]}${sources.length > 1 ? ' …' : ''}\` copies local files: use \`COPY\`, which does not unpack archives or fetch URLs behind your back`,
        fixes: [{ title: `Replace ADD with ${copy}`, safe: true, edits: [{ start: instruction.keywordSpan.start, end: instruction.keywordSpan.end, newText: copy }] }],
      });
    }
  },
};

/** The source operands (everything but the destination); heredoc sources are inline files. */
function sourcesOf(instruction: Instruction): string[] {
  const elements = execFormElements(instruction);
  const operands = elements ? elements.map((e) => e.value) : instruction.tokens.map((t) => t.value);
  return operands.slice(0, -1);
}

const ARCHIVE = /\.(tar|tgz|taz|tbz2?|tb2|txz|tlz|tzst|tar\.(gz|bz2|xz|zst|lz|lzma|lz4|z|Z))$/i;

function isPlainLocal(source: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || /^git@/.test(source) || /\.git(#.*)?$/.test(source) || source.includes('.git#')) return false;
  // A source from a variable may be a URL.
  if (source.includes('$')) return false;
  return !ARCHIVE.test(source);
}

import { programIndex } from '../model/packages';
import type { ShellCommand, ShellWord } from '../model/types';
import type { Rule } from './types';

export const curlPipeShell: Rule = {
  id: 'curl-pipe-shell',
  category: 'security',
  defaultSeverity: 'warning',
  fixAvailability: 'none',
  docs: {
    summary: '`curl … | sh`: a downloaded script runs unverified at build time',
    what:
      'Reports `RUN` commands that pipe `curl` or `wget -O-` output straight into a shell or interpreter that reads its program from ' +
      'standard input (`sh`, `bash`, `python -`, `perl`, …), and `sh -c "$(curl …)"`. A pipe into `tar`, `gpg`, `jq` or `python -c …` ' +
      '(which reads data, not code) is not reported.',
    why:
      'Whatever the server returns at build time runs as root inside the build, with no checksum and no record of what ran: a ' +
      'compromised or hijacked download site, a CDN mistake or a truncated transfer (a half-downloaded `rm -rf /tmp/x` can become ' +
      '`rm -rf /`) ends up baked into the image. The same script can also change between two builds of the same Dockerfile, so ' +
      'builds stop being reproducible.',
    knownProblems:
      'An installer fetched from a URL pinned to a version is still unverified; the rule does not judge how trustworthy the host is.',
    example: 'FROM python:3.12-slim\nRUN curl -sSL https://install.python-poetry.org | python3 -',
    useInstead:
      'FROM python:3.12-slim\n# a pinned version from PyPI, checked against its hashes by pip\nRUN pip install --no-cache-dir "poetry==2.1.3"\n\n' +
      '# or copy a tool from its official image:\n# COPY --from=ghcr.io/astral-sh/uv:0.8.0 /uv /uvx /bin/\n\n' +
      '# or download, verify, then run:\n# RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\\n' +
      '#  && echo "<sha256>  /tmp/install.sh" | sha256sum -c - \\\n#  && sh /tmp/install.sh && rm /tmp/install.sh',
    fixSafety:
      'No automatic fix. Install the tool from a package index with a pinned version (`pip install poetry==…`), copy it from its ' +
      'official image (`COPY --from=ghcr.io/astral-sh/uv:<version> /uv /uvx /bin/`), or download the script to a file, check its ' +
      'SHA-256 with `sha256sum -c`, and only then run it.',
    references: [
      'https://docs.astral.sh/uv/guides/integration/docker/#installing-uv',
      'https://python-poetry.org/docs/#installing-with-pipx',
      'https://docs.docker.com/reference/dockerfile/#add---checksum',
    ],
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      const commands = instruction.run?.commands ?? [];
      for (let i = 0; i < commands.length; i++) {
        const found = pipedIntoInterpreter(commands, i) ?? substitutedIntoShell(commands[i]);
        if (!found) continue;
        report({
          span: found.span,
          message:
            `\`${found.fetcher} … | ${found.interpreter}\` runs a script downloaded ${found.url ? `from ${found.url} ` : ''}at build time without ` +
            'verifying it: download it to a file and check its checksum, or install the tool from a package index or its official image',
        });
      }
    }
  },
};

interface Found {
  span: { start: number; end: number };
  fetcher: string;
  interpreter: string;
  url: string | undefined;
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);
const INTERPRETERS = /^(python(?:\d(?:\.\d+)?)?|perl|ruby|node|php)$/;

function baseName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** `curl URL` writing to standard output, or `wget -O- URL`. */
function downloadsToStdout(command: ShellCommand): { fetcher: string; url: string | undefined } | undefined {
  const words = command.words;
  const p = programIndex(words);
  const program = words[p] ? baseName(words[p].value) : '';
  const args = words.slice(p + 1).map((w) => w.value);
  const url = args.find((a) => /^(https?|ftp):\/\//.test(a));
  if (program === 'curl') {
    const toFile = args.some((a) => /^-[a-zA-Z]*[oO]/.test(a) && !a.startsWith('--') || a === '--output' || a.startsWith('--output=') || a === '--remote-name');
    return toFile ? undefined : { fetcher: 'curl', url };
  }
  if (program === 'wget') {
    const stdout = args.some(
      (a, k) => /^-[a-zA-Z]*O-$/.test(a) || a === '--output-document=-' || a === '-O/dev/stdout' || ((a === '-O' || /^-[a-zA-Z]*O$/.test(a) || a === '--output-document') && (args[k + 1] === '-' || args[k + 1] === '/dev/stdout')),
    );
    return stdout ? { fetcher: 'wget', url } : undefined;
  }
  return undefined;
}

/** Option letters that pass the program inline (`sh -c`, `python -c`/`-m`, `perl -e`, `node -e`, `php -r`). */
const INLINE: Record<string, string> = { shell: 'c', python: 'cm', perl: 'eE', ruby: 'e', node: 'ep', php: 'r' };
/** Options whose value is the next word. */
const VALUE_OPTIONS = new Set(['-o', '+o', '-O', '+O', '-W', '-X', '--rcfile', '--init-file']);

/** An interpreter that reads its program from standard input: `sh`, `sh -s -- args`, `python3 -`, `bash` (not `sh -c …`, `python x.py`). */
function readsProgramFromStdin(words: ShellWord[]): string | undefined {
  const p = programIndex(words);
  if (p >= words.length) return undefined;
  const name = baseName(words[p].value);
  const family = SHELLS.has(name) ? 'shell' : INTERPRETERS.exec(name)?.[1]?.replace(/\d.*$/, '');
  if (!family) return undefined;
  const inline = INLINE[family] ?? '';
  const args = words.slice(p + 1).map((w) => w.value);
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === '-') return name;
    if (arg === '--') return k + 1 < args.length && args[k + 1] !== '-' ? undefined : name;
    if (/^[-+][a-zA-Z]+$/.test(arg)) {
      if ([...arg.slice(1)].some((c) => inline.includes(c))) return undefined;
      if (family === 'shell' && arg.startsWith('-') && arg.includes('s')) return name;
      if (VALUE_OPTIONS.has(arg)) k++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    // A script file: standard input is data for it.
    return undefined;
  }
  return name;
}

function pipedIntoInterpreter(commands: ShellCommand[], i: number): Found | undefined {
  const download = downloadsToStdout(commands[i]);
  if (!download) return undefined;
  // Follow the pipeline: `curl … | sh`, also through filters such as `curl … | tr -d '\r' | bash`.
  let j = i;
  while (commands[j].after === '|' && j + 1 < commands.length) {
    j++;
    const interpreter = readsProgramFromStdin(commands[j].words);
    if (interpreter) {
      const end = commands[j].words[programIndex(commands[j].words)].span.end;
      return { span: { start: commands[i].span.start, end }, fetcher: download.fetcher, interpreter, url: download.url };
    }
  }
  return undefined;
}

/** `sh -c "$(curl -fsSL URL)"` and `bash -c "$(wget -qO- URL)"`. */
function substitutedIntoShell(command: ShellCommand): Found | undefined {
  const words = command.words;
  const p = programIndex(words);
  if (p >= words.length || !SHELLS.has(baseName(words[p].value))) return undefined;
  for (const word of words.slice(p + 1)) {
    const m = /\$\(\s*(curl|wget)\b([^)]*)\)/.exec(word.raw);
    if (!m) continue;
    if (m[1] === 'wget' && !/-[a-zA-Z]*O\s*-|--output-document=-/.test(m[2])) continue;
    const url = /(https?|ftp):\/\/[^\s"')]+/.exec(m[2])?.[0];
    return { span: { start: words[p].span.start, end: word.span.end }, fetcher: m[1], interpreter: baseName(words[p].value), url };
  }
  return undefined;
}

// Fuzz inputs: hand-made hostile files (the shapes that break readers of
// Dockerfiles and shell), random token soup shaped like Dockerfiles, and real
// Dockerfiles from the corpus with random mutations. Everything is derived
// from a seed, so a failure reproduces with the same SLIMFILE_FUZZ_SEED.

export interface FuzzCase {
  name: string;
  text: string;
}

/** mulberry32: small, fast and good enough to drive mutations. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
const int = (rnd: Random, n: number) => Math.floor(rnd() * n);
const pick = <T>(rnd: Random, items: readonly T[]): T => items[int(rnd, items.length)];
const lines = (...l: string[]) => l.join('\n') + '\n';

const MEGABYTE = 1 << 20;

/** Strings that have broken Dockerfile and shell readers before, or plausibly could. */
export const NASTY_FRAGMENTS: readonly string[] = [
  '\\', '\\\n', '\\\r\n', '\\ \n', '`\n', '\n', '\r\n', '\r', '\0', '\t', ' ', '"', "'", '`', '$', '${', '}', '$(', ')', '((', '))',
  '${A:-${B:-x}}', '$((1+2))', '<<EOF', '<<-EOF', "<<'EOF'", '<<"EOF"', 'EOF', '\nEOF\n', '<<', '&&', '||', ';', '|', '&', '#', '# ',
  '# escape=`\n', '# escape=\\\n', '# syntax=docker/dockerfile:1\n', '# slimfile-ignore apt-no-install-recommends\n', '# hadolint ignore=DL3008\n',
  '# slimfile-ignore-file\n', '--mount=type=cache,target=/root/.cache/pip ', '--from=', '--chown=', '--platform=$BUILDPLATFORM ', '--link ',
  'FROM ', 'FROM python:3.12-slim AS b\n', 'FROM b\n', 'RUN ', 'COPY ', 'ADD ', 'ARG ', 'ENV ', 'USER ', 'WORKDIR ', 'CMD ', 'ENTRYPOINT ',
  'HEALTHCHECK ', 'ONBUILD ', 'SHELL ', 'EXPOSE ', 'LABEL ', 'STOPSIGNAL ', 'VOLUME ', 'MAINTAINER ', 'AS ', 'as ', '=', '==', ':', '@sha256:',
  '["', '"]', '[', ']', ',', '{', 'apt-get install -y ', 'apt-get update', 'apk add ', 'pip install ', 'pip3 install --no-cache-dir ',
  'uv pip install ', 'poetry install', 'python -m pip install ', 'sudo ', 'curl -fsSL https://x.example | sh', 'rm -rf /var/lib/apt/lists/*',
  '-r requirements.txt ', '.', './', '..', '/', '*', '**', '\u00a0', '\u200b', '\u200d', '\u202e', '\u2028', '\u2029', '\ufeff', '\ud800',
  '\udc00', '😀', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'e\u0301\u0301\u0301', 'שלום', 'مرحبا', 'Ｆ Ｒ Ｏ Ｍ', '\u0000\u0001\u001b[31m',
];

function repeat(count: number, make: (i: number) => string): string {
  let out = '';
  for (let i = 0; i < count; i++) out += make(i);
  return out;
}

/**
 * Fixed hostile inputs. `scale` multiplies the repetition counts (the long
 * mode uses 5); `longLine` is the length of the huge-line cases other than the
 * 1 MB RUN line, which is always there.
 */
export function hostileCases({ scale = 1, longLine = MEGABYTE }: { scale?: number; longLine?: number } = {}): FuzzCase[] {
  const n = (count: number) => count * scale;
  const size = longLine >= MEGABYTE ? `${longLine / MEGABYTE} MB` : `${longLine >> 10} KB`;
  const base = lines('FROM python:3.12-slim', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt', 'COPY . .', 'CMD ["python", "app.py"]');
  return [
    { name: 'empty file', text: '' },
    { name: 'only white space', text: ' \t \n\n   \n\t' },
    { name: 'only newlines (100k)', text: '\n'.repeat(100_000) },
    { name: 'only comments', text: repeat(2000, (i) => `# comment ${i}\n`) },
    { name: 'byte order mark', text: '\ufeff' + base },
    { name: 'unterminated heredoc', text: lines('FROM python:3.12', 'RUN <<EOF', 'apt-get update', 'apt-get install -y gcc') },
    { name: 'unterminated heredoc, tab-stripping and quoted', text: lines('FROM python:3.12', "RUN <<-'EOF' bash", '\techo hi', 'COPY <<"END" /x') },
    { name: 'two heredocs, one terminated', text: lines('FROM python:3.12', 'RUN <<A <<B', 'echo a', 'A', 'echo b') },
    { name: 'heredoc at end of file without newline', text: 'FROM python:3.12\nRUN <<EOF' },
    { name: 'heredoc delimiter oddities', text: lines('FROM python:3.12', 'RUN <<""', '', 'RUN <<\'E O F\'', 'x', 'E O F', 'RUN ["<<EOF"]', 'EOF', 'COPY <<EOF', 'EOF') },
    { name: 'stray backslashes', text: lines('\\', 'FROM python:3.12 \\', '\\', '\\\\\\', 'RUN echo \\', '   \\', '# \\', 'RUN \\  ', 'RUN a \\') + '\\' },
    { name: 'continuation to end of file', text: 'FROM python:3.12\nRUN apt-get update && \\\n    apt-get install -y \\\n' },
    { name: 'continuation into comments and blank lines', text: lines('FROM python:3.12', 'RUN apt-get install -y \\', '# gcc \\', '', '   # more', '    libpq-dev', 'USER app') },
    { name: 'NUL bytes', text: base.replace(/ /g, '\0 ') + '\0\0\0' },
    { name: 'only NUL bytes', text: '\0'.repeat(4096) },
    { name: 'control characters', text: base + repeat(32, (i) => `RUN echo ${String.fromCharCode(i)}x${String.fromCharCode(i)}\n`) },
    { name: '1 MB RUN line', text: 'FROM python:3.12\nRUN ' + 'a'.repeat(MEGABYTE) + '\n' },
    { name: `${size} of words in one RUN`, text: 'FROM python:3.12\nRUN apt-get install -y ' + repeat(longLine / 8, (i) => `p${i % 9999} `) + '\n' },
    { name: `${size} comment line`, text: '# ' + 'x'.repeat(longLine) + '\n' + base },
    { name: `${size} ENV value`, text: 'FROM python:3.12\nENV A=' + 'v'.repeat(longLine) + '\n' },
    { name: `${size} quoted string, unterminated`, text: 'FROM python:3.12\nRUN echo "' + 'q '.repeat(longLine / 2) + '\n' },
    { name: `${size} image name`, text: 'FROM ' + 'p'.repeat(longLine) + ':3.12\n' },
    { name: 'astral plane characters', text: base.replace(/app/g, '𝔞𝔭𝔭😀') + 'RUN echo 🐍🐳 𓀀 \ud83d\ude00\n' },
    { name: 'lone surrogates', text: base.replace('app.py', 'a\ud800pp.py') + 'RUN echo \udc00\ud800\n' },
    { name: 'right-to-left text and overrides', text: base + 'LABEL name="שלום \u202eolleh\u202c" \\\n      ar="مرحبا"\nRUN echo \u202e && rm -rf /\n' },
    { name: 'combining marks', text: base + 'RUN echo ' + 'Z' + '\u0336\u0322\u031b'.repeat(2000) + '\nUSER a\u0301pp\n' },
    { name: 'unicode line and paragraph separators', text: 'FROM python:3.12\u2028RUN echo hi\u2029\nRUN echo \u2028 && apt-get install -y gcc\n' },
    { name: 'non-breaking and zero-width spaces', text: 'FROM\u00a0python:3.12\nRUN\u200bapt-get install -y\u00a0gcc\nUSER\u3000app\n' },
    { name: 'CRLF everywhere', text: base.replace(/\n/g, '\r\n') + 'RUN apt-get update && \\\r\n    apt-get install -y gcc\r\n' },
    { name: 'CR only', text: base.replace(/\n/g, '\r') + 'RUN apt-get update && \\\r    apt-get install -y gcc\r' },
    { name: 'mixed line endings', text: 'FROM python:3.12\r\nRUN a \\\rb \\\n c \\\r\n d\n\rUSER x\r' },
    { name: 'escape directive: backtick', text: lines('# escape=`', 'FROM mcr.microsoft.com/windows/servercore', 'RUN powershell -Command `', '    $ErrorActionPreference = "Stop"; `', '    Write-Host \\hi\\', 'COPY . C:\\app\\') },
    { name: 'escape directive: backtick with CRLF', text: '# escape=`\r\nFROM python:3.12\r\nRUN apt-get update `\r\n && apt-get install -y gcc\r\n' },
    { name: 'escape directive: invalid and duplicated', text: lines('# escape=x', '# escape=`', '# escape=\\', '# syntax=docker/dockerfile:1', 'FROM python:3.12', 'RUN a x', '  b') },
    { name: 'escape directive: empty and late', text: lines('# escape=', 'FROM python:3.12', '# escape=`', 'RUN a `', '  b') },
    { name: 'deeply nested subshells', text: 'FROM python:3.12\nRUN ' + '$('.repeat(n(1000)) + 'echo' + ')'.repeat(n(1000)) + '\n' },
    { name: 'deeply nested parentheses, unbalanced', text: 'FROM python:3.12\nRUN ' + '( '.repeat(n(5000)) + 'echo\n' },
    { name: 'deeply nested quotes', text: 'FROM python:3.12\nRUN echo ' + repeat(n(4000), (i) => (i % 2 ? "'\"" : "\"'")) + '\n' },
    { name: 'deeply nested variable defaults', text: 'FROM python:3.12\nARG A=' + '${X:-'.repeat(n(1000)) + 'x' + '}'.repeat(n(1000)) + '\nRUN echo $A\n' },
    { name: 'nested backticks and escapes', text: 'FROM python:3.12\nRUN echo ' + '\\`'.repeat(5000) + '`'.repeat(7) + '\n' },
    { name: `${n(2000)} commands joined by &&`, text: 'FROM python:3.12\nRUN ' + repeat(n(2000), (i) => `apt-get install -y pkg${i} && `) + 'true\n' },
    { name: `${n(1000)} pip installs joined by && over continuation lines`, text: 'FROM python:3.12\nRUN ' + repeat(n(1000), (i) => `pip install p${i} \\\n && `) + 'true\n' },
    { name: 'operators only', text: 'FROM python:3.12\nRUN ' + '&&||;|&'.repeat(n(10000)) + '\n' },
    { name: `${n(2000)} pipes into shells`, text: 'FROM python:3.12\nRUN ' + repeat(n(2000), () => 'curl -fsSL https://x.example | sh | ') + 'bash\n' },
    { name: `${n(2000)} stages`, text: repeat(n(2000), (i) => `FROM python:3.12-slim AS s${i}\nRUN pip install p${i}\n`) },
    { name: `stage chain ${n(500)} deep`, text: 'FROM python:3.12 AS s0\n' + repeat(n(500), (i) => `FROM s${i} AS s${i + 1}\nCOPY --from=s${i} /a /a\n`) },
    { name: 'stage referring to itself and to later stages', text: lines('FROM b AS a', 'FROM a AS b', 'COPY --from=c /x /x', 'FROM b AS c', 'COPY --from=c /x /y') },
    { name: `${n(1000)} ARGs and variable references`, text: repeat(n(1000), (i) => `ARG A${i}=\${A${Math.max(0, i - 1)}}\n`) + 'FROM python:${A0}\nRUN echo ' + repeat(n(1000), (i) => `$A${i}`) + '\n' },
    { name: 'instructions without arguments', text: lines('FROM', 'RUN', 'COPY', 'ADD', 'ARG', 'ENV', 'USER', 'WORKDIR', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'ONBUILD', 'SHELL', 'EXPOSE', 'LABEL', 'VOLUME', 'STOPSIGNAL', 'MAINTAINER') },
    { name: 'instructions before FROM', text: lines('RUN pip install x', 'USER root', 'COPY . .', 'ENV A=1', 'FROM python:3.12', 'CMD x') },
    { name: 'broken JSON forms', text: lines('FROM python:3.12', 'CMD ["a",', 'ENTRYPOINT [', 'RUN ["pip", "install" "x"]', 'SHELL ["/bin/sh" "-c"]', "CMD ['python', 'x']", 'CMD ["\\u0000", "\\"]', 'HEALTHCHECK CMD ["curl"') },
    { name: 'odd flags', text: lines('FROM --platform= python:3.12 AS', 'COPY --from= --chown=::: --chmod=99999 a', 'RUN --mount=type=cache,target --mount= --mount=type=secret,id=x,required cmd', 'RUN ' + '--mount=type=cache,target=/c '.repeat(500) + 'pip install x', 'ADD --checksum=sha256: --keep-git-dir https://x.example/y.git /y', 'COPY --link --parents --exclude=* . .') },
    { name: 'odd ENV, ARG and LABEL pairs', text: lines('ARG', 'ARG =x', 'ARG ${X}=1', 'FROM python:3.12', 'ENV =', 'ENV a=b=c', 'ENV "a b"=c', 'ENV a', 'ENV a "b" c', 'ENV a=\'unterminated', 'LABEL =', 'LABEL "=""=', 'ARG A B C=', 'ENV $A=${B}') },
    { name: 'odd FROM lines', text: lines('FROM a AS b AS c', 'FROM scratch AS', 'FROM :', 'FROM @sha256:', 'FROM python:3.12@', 'FROM ${UNDEFINED}', 'FROM $A:$B@$C AS $D', 'FROM python:3.12 as BUILDER', 'FROM docker.io/library/python:3.12-alpine3.20@sha256:' + 'a'.repeat(64)) },
    { name: 'ONBUILD nesting', text: lines('FROM python:3.12', 'ONBUILD ONBUILD RUN apt-get install -y gcc', 'ONBUILD FROM x', 'ONBUILD MAINTAINER x', 'ONBUILD RUN <<EOF', 'echo', 'EOF') },
    { name: 'suppression comments everywhere', text: repeat(n(500), (i) => `# slimfile-ignore ${i % 2 ? 'nope' : 'apt-no-install-recommends,,,'}\n# hadolint ignore=DL${i}\n`) + base + '# slimfile-ignore-file all\n' },
    { name: 'keywords in odd case and spacing', text: lines('from python:3.12', 'rUn   apt-get  install\t-y\tgcc', '  \t Copy . .', 'uSeR root', 'cmd python') },
    { name: 'ten thousand words in one instruction', text: 'FROM python:3.12\nEXPOSE ' + repeat(n(10000), (i) => `${i}/tcp `) + '\n' },
    { name: `one RUN continued over ${n(5000)} lines`, text: 'FROM python:3.12\nRUN apt-get install -y \\\n' + repeat(n(5000), (i) => `  pkg${i} \\\n`) + '  last\n' },
  ];
}

/** Random token soup: lines that look enough like Dockerfile instructions to reach deep code. */
export function soupCase(rnd: Random, index: number): FuzzCase {
  const count = 1 + int(rnd, 60);
  let text = '';
  for (let i = 0; i < count; i++) {
    const parts = 1 + int(rnd, 12);
    for (let j = 0; j < parts; j++) text += pick(rnd, NASTY_FRAGMENTS);
    text += pick(rnd, ['\n', '\n', '\n', '\r\n', ' \\\n', '']);
  }
  return { name: `token soup #${index}`, text };
}

function mutateOnce(rnd: Random, text: string, donors: readonly string[]): string {
  const at = () => int(rnd, text.length + 1);
  const lineList = () => text.split('\n');
  switch (int(rnd, 12)) {
    case 0: {
      // Delete a range.
      const a = at();
      return text.slice(0, a) + text.slice(Math.min(text.length, a + 1 + int(rnd, 200)));
    }
    case 1: {
      // Duplicate a range in place.
      const a = at();
      const b = Math.min(text.length, a + int(rnd, 400));
      return text.slice(0, b) + text.slice(a, b) + text.slice(b);
    }
    case 2:
    case 3: {
      // Insert a nasty fragment.
      const a = at();
      return text.slice(0, a) + pick(rnd, NASTY_FRAGMENTS) + text.slice(a);
    }
    case 4: {
      // Replace one character with a random code unit (any of the 65,536).
      const a = int(rnd, Math.max(1, text.length));
      return text.slice(0, a) + String.fromCharCode(int(rnd, 0x10000)) + text.slice(a + 1);
    }
    case 5: {
      // Truncate.
      return text.slice(0, at());
    }
    case 6: {
      // Swap two lines.
      const l = lineList();
      const i = int(rnd, l.length);
      const j = int(rnd, l.length);
      [l[i], l[j]] = [l[j], l[i]];
      return l.join('\n');
    }
    case 7: {
      // Splice in lines from another corpus file.
      const donor = pick(rnd, donors).split('\n');
      const start = int(rnd, donor.length);
      const l = lineList();
      l.splice(int(rnd, l.length + 1), 0, ...donor.slice(start, start + 1 + int(rnd, 30)));
      return l.join('\n');
    }
    case 8: {
      // Change line endings of the whole file.
      return pick(rnd, [() => text.replace(/\r?\n/g, '\r\n'), () => text.replace(/\r?\n/g, '\r'), () => text.replace(/\r\n/g, '\n')])();
    }
    case 9: {
      // Flip the case of a stretch.
      const a = at();
      const b = Math.min(text.length, a + int(rnd, 80));
      const s = text.slice(a, b);
      return text.slice(0, a) + (rnd() < 0.5 ? s.toUpperCase() : s.toLowerCase()) + text.slice(b);
    }
    case 10: {
      // Remove or add a continuation backslash at a line end.
      const l = lineList();
      const i = int(rnd, l.length);
      l[i] = l[i].endsWith('\\') ? l[i].slice(0, -1) : `${l[i]} \\`;
      return l.join('\n');
    }
    default: {
      // Put the escape directive on top.
      return pick(rnd, ['# escape=`\n', '# escape=\\\n', '# escape=`\r\n']) + text;
    }
  }
}

/** A corpus file with 1–4 random mutations. */
export function mutatedCase(rnd: Random, file: { name: string; text: string }, donors: readonly string[], index: number): FuzzCase {
  let text = file.text;
  const rounds = 1 + int(rnd, 4);
  for (let i = 0; i < rounds; i++) text = mutateOnce(rnd, text, donors);
  return { name: `${file.name} mutated #${index}`, text };
}

// `.dockerignore` with Docker's semantics, as BuildKit and the classic builder
// read it (moby/patternmatcher and its ignorefile reader):
//
// - A line whose first character is `#` is a comment; `  # x` (indented) is a pattern.
// - Each line is trimmed; `!` starts an exception, and the rest is trimmed again.
// - Patterns are cleaned like Go's filepath.Clean (`./a/` → `a`, `a/../b` → `b`)
//   and a leading `/` is dropped: every pattern is relative to the context root.
// - Go filepath.Match syntax (`*` and `?` never cross `/`, `[a-z]`, `[^a]`, `\`
//   escapes) plus `**`, which matches any number of directories (also none).
// - A pattern matches a path or any of its parent directories, so `build`
//   excludes `build/x/y`. Patterns are not anchored anywhere but the root:
//   `*.pyc` excludes `a.pyc` but not `pkg/a.pyc` (that takes `**/*.pyc`).
// - The last pattern that matches decides; an exception (`!keep`) re-includes.
//
// The Dockerfile and the ignore file are sent to the builder even when
// excluded, but COPY and ADD do not see them; this module answers for COPY.

export interface IgnorePattern {
  /** The cleaned pattern, without `!`. */
  pattern: string;
  /** `!pattern`: re-includes what earlier patterns excluded. */
  exception: boolean;
  /** 0-based line in the file. */
  line: number;
  /** The line as written. */
  raw: string;
}

export interface IgnoreProblem {
  line: number;
  message: string;
}

export interface IgnoreMatch {
  excluded: boolean;
  /** The last pattern that matched the path or one of its parents (the one that decided). */
  decidedBy: IgnorePattern | undefined;
}

export interface DockerIgnore {
  patterns: readonly IgnorePattern[];
  /** Lines Docker rejects (the build fails with a pattern syntax error). */
  problems: readonly IgnoreProblem[];
  /** Whether COPY/ADD see this path (relative to the context root, `/`-separated). */
  excludes(path: string): boolean;
  match(path: string): IgnoreMatch;
  /** True when an exception could re-include something below `dir`, so an excluded directory may still be partly sent. */
  mayReincludeUnder(dir: string): boolean;
}

/** Go's path.Clean for `/`-separated paths. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined || '.';
}

/** Reads the file as `ReadAll` does: the cleaned patterns, `!` kept as a prefix. */
export function readIgnoreLines(text: string): { pattern: string; line: number; raw: string }[] {
  const lines = text.split('\n');
  const out: { pattern: string; line: number; raw: string }[] = [];
  lines.forEach((raw, index) => {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (index === 0 && line.startsWith('\uFEFF')) line = line.slice(1);
    if (line.startsWith('#')) return;
    let pattern = line.trim();
    if (pattern === '') return;
    const exception = pattern.startsWith('!');
    if (exception) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    out.push({ pattern: exception ? `!${pattern}` : pattern, line: index, raw: line });
  });
  return out;
}

/** Go filepath.Match's syntax check: the message for a malformed pattern, undefined when it is fine. */
export function patternSyntaxError(pattern: string): string | undefined {
  const chars = [...pattern];
  let i = 0;
  const bad = 'syntax error in pattern';
  while (i < chars.length) {
    const c = chars[i];
    if (c === '\\') {
      if (i + 1 >= chars.length) return `${bad}: trailing backslash`;
      i += 2;
    } else if (c === '[') {
      i++;
      if (chars[i] === '^') i++;
      let ranges = 0;
      for (;;) {
        if (i >= chars.length) return `${bad}: unclosed [`;
        if (chars[i] === ']' && ranges > 0) {
          i++;
          break;
        }
        const lo = classChar();
        if (lo === undefined) return `${bad}: bad character class`;
        if (chars[i] === '-') {
          i++;
          const hi = classChar();
          if (hi === undefined) return `${bad}: bad character range`;
          if (hi < lo) return `${bad}: range ${String.fromCodePoint(lo)}-${String.fromCodePoint(hi)} is reversed`;
        }
        ranges++;
      }
    } else i++;
  }
  return undefined;

  function classChar(): number | undefined {
    const c = chars[i];
    if (c === undefined || c === '-' || c === ']') return undefined;
    if (c === '\\') {
      i++;
      if (i >= chars.length) return undefined;
    }
    return chars[i++].codePointAt(0);
  }
}

type Matcher = (path: string) => boolean;

const REGEX_SPECIAL = /[.+()|{}$]/;

/** moby/patternmatcher's compile: an exact, prefix (`a/**`) or suffix (`**` then a name) match, or a regular expression. */
export function compilePattern(pattern: string): Matcher {
  const chars = [...pattern];
  let regex = '^';
  let type: 'exact' | 'prefix' | 'suffix' | 'regexp' = 'exact';
  let pos = 0;
  for (let iteration = 0; pos < chars.length; iteration++) {
    const c = chars[pos++];
    if (c === '*') {
      if (chars[pos] === '*') {
        pos++;
        if (chars[pos] === '/') pos++;
        if (pos >= chars.length) {
          if (type === 'exact') type = 'prefix';
          else {
            regex += '.*';
            type = 'regexp';
          }
        } else {
          regex += '(.*/)?';
          type = 'regexp';
        }
        if (iteration === 0) type = 'suffix';
      } else {
        regex += '[^/]*';
        type = 'regexp';
      }
    } else if (c === '?') {
      regex += '[^/]';
      type = 'regexp';
    } else if (REGEX_SPECIAL.test(c)) {
      regex += `\\${c}`;
    } else if (c === '\\') {
      if (pos < chars.length) {
        const next = chars[pos++];
        // filepath.Match reads `\c` as a literal c.
        regex += /[A-Za-z0-9]/.test(next) ? next : `\\${next}`;
        type = 'regexp';
      } else regex += '\\\\';
    } else if (c === '[' || c === ']') {
      regex += c;
      type = 'regexp';
    } else {
      regex += c;
    }
  }
  switch (type) {
    case 'exact':
      return (path) => path === pattern;
    case 'prefix': {
      const prefix = pattern.slice(0, -2);
      return (path) => path.startsWith(prefix);
    }
    case 'suffix': {
      const suffix = pattern.slice(2);
      return (path) => path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
    }
    case 'regexp': {
      let compiled: RegExp;
      try {
        compiled = new RegExp(`${regex}$`);
      } catch {
        return () => false;
      }
      return (path) => compiled.test(path);
    }
  }
}

interface Compiled extends IgnorePattern {
  test: Matcher;
}

export function parseDockerignore(text: string): DockerIgnore {
  const problems: IgnoreProblem[] = [];
  const compiled: Compiled[] = [];
  for (const { pattern: written, line, raw } of readIgnoreLines(text)) {
    let pattern = written;
    const exception = pattern.startsWith('!');
    if (exception) {
      if (pattern.length === 1) {
        problems.push({ line, message: 'illegal exclusion pattern: "!"' });
        continue;
      }
      pattern = pattern.slice(1);
    }
    const error = patternSyntaxError(pattern);
    if (error) {
      problems.push({ line, message: error });
      continue;
    }
    compiled.push({ pattern, exception, line, raw, test: compilePattern(pattern) });
  }

  const match = (path: string): IgnoreMatch => {
    const file = cleanPath(path.replace(/^\/+/, ''));
    if (file === '.' || file === '') return { excluded: false, decidedBy: undefined };
    const parts = file.split('/');
    const parents = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
    let excluded = false;
    let decidedBy: IgnorePattern | undefined;
    for (const pattern of compiled) {
      // An exclusion cannot change an excluded path, nor an exception an included one.
      if (pattern.exception !== excluded) continue;
      if (pattern.test(file) || parents.some((parent) => pattern.test(parent))) {
        excluded = !pattern.exception;
        decidedBy = strip(pattern);
      }
    }
    return { excluded, decidedBy };
  };

  return {
    patterns: compiled.map(strip),
    problems,
    match,
    excludes: (path) => match(path).excluded,
    mayReincludeUnder(dir: string) {
      const base = cleanPath(dir.replace(/^\/+/, ''));
      return compiled.some((p) => {
        if (!p.exception) return false;
        if (p.pattern.startsWith(`${base}/`)) return true;
        // A wildcard pattern whose literal start is above the folder may reach into it.
        const literal = p.pattern.split(/[*?[\\]/)[0];
        return literal !== p.pattern && `${base}/`.startsWith(literal);
      });
    },
  };
}

function strip({ pattern, exception, line, raw }: Compiled): IgnorePattern {
  return { pattern, exception, line, raw };
}

/** Whether a path written in a COPY source contains wildcards (Go filepath.Match syntax). */
export function hasWildcard(path: string): boolean {
  return /[*?[]/.test(path);
}

/** Matches a COPY source glob against a path, both relative to the context root. */
export function globMatches(glob: string, path: string): boolean {
  return compilePattern(cleanPath(glob))(cleanPath(path));
}

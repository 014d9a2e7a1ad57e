// PEP 508 dependency specifiers (`name[extra] >=1.2 ; python_version < "3.13"`,
// `name @ https://…`) and environment markers, as requirement files,
// pyproject.toml and lock files write them. Names come out PEP 503 normalised.

import { normaliseName } from '../knowledge/pypi-wheels';

export { normaliseName };

export interface Dependency {
  /** PEP 503 normalised. */
  name: string;
  extras: string[];
  /** Version specifiers as written, white space removed (`>=1.2,<2`); empty when none. */
  specifier: string;
  /** The text after `;`, trimmed; undefined when absent. */
  marker: string | undefined;
  /** `name @ url`: the URL. */
  url: string | undefined;
}

const NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*/;

/** Reads one PEP 508 specifier; undefined when it does not start with a project name. */
export function parseDependency(text: string): Dependency | undefined {
  const name = NAME.exec(text);
  if (!name) return undefined;
  let rest = text.slice(name[0].length);
  let extras: string[] = [];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return undefined;
    extras = rest
      .slice(1, close)
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean)
      .map(normaliseName);
    rest = rest.slice(close + 1).trimStart();
  }
  let url: string | undefined;
  let marker: string | undefined;
  if (rest.startsWith('@')) {
    // A URL runs to white space; a marker after it must be separated by white space before `;`.
    const m = /^@\s*(\S+)\s*(?:;(.*))?$/s.exec(rest);
    if (!m) return undefined;
    url = m[1];
    marker = m[2]?.trim() || undefined;
    return { name: normaliseName(name[1]), extras, specifier: '', marker, url };
  }
  const semicolon = rest.indexOf(';');
  const versionPart = semicolon < 0 ? rest : rest.slice(0, semicolon);
  if (semicolon >= 0) marker = rest.slice(semicolon + 1).trim() || undefined;
  let specifier = versionPart.trim();
  if (specifier.startsWith('(') && specifier.endsWith(')')) specifier = specifier.slice(1, -1);
  specifier = specifier.replace(/\s+/g, '');
  if (specifier && !/^(?:(?:===|==|!=|~=|<=|>=|<|>)[A-Za-z0-9.*+!_-]+,?)+$/.test(specifier)) return undefined;
  return { name: normaliseName(name[1]), extras, specifier: specifier.replace(/,$/, ''), marker, url };
}

// Environment markers.

/** Marker variables with known values; anything absent is unknown. */
export type MarkerEnvironment = Readonly<Partial<Record<string, string>>>;

/** What every Linux container image has, whatever its distribution. */
export const LINUX_ENVIRONMENT: MarkerEnvironment = {
  os_name: 'posix',
  sys_platform: 'linux',
  platform_system: 'Linux',
  implementation_name: 'cpython',
  platform_python_implementation: 'CPython',
};

type Tri = boolean | undefined;

type MarkerToken = { kind: 'string' | 'word' | 'op' | '(' | ')'; value: string };

function tokenizeMarker(text: string): MarkerToken[] | undefined {
  const tokens: MarkerToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c, value: c });
      i++;
    } else if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return undefined;
      tokens.push({ kind: 'string', value: text.slice(i + 1, end) });
      i = end + 1;
    } else {
      const op = /^(===|==|!=|~=|<=|>=|<|>)/.exec(text.slice(i));
      if (op) {
        tokens.push({ kind: 'op', value: op[1] });
        i += op[1].length;
        continue;
      }
      const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i));
      if (!word) return undefined;
      tokens.push({ kind: 'word', value: word[0] });
      i += word[0].length;
    }
  }
  return tokens;
}

function compareVersions(a: string, b: string): number | undefined {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  if (pa.some(Number.isNaN) || pb.some(Number.isNaN)) return undefined;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

const VERSION_VARIABLES = new Set(['python_version', 'python_full_version', 'implementation_version', 'platform_release']);

function compare(left: string, op: string, right: string, versions: boolean): Tri {
  switch (op) {
    case 'in':
      return right.includes(left);
    case 'not in':
      return !right.includes(left);
    case '===':
      return left === right;
  }
  if (versions) {
    const c = compareVersions(left, right);
    if (c !== undefined) {
      if (op === '==') return c === 0;
      if (op === '!=') return c !== 0;
      if (op === '<') return c < 0;
      if (op === '<=') return c <= 0;
      if (op === '>') return c > 0;
      if (op === '>=') return c >= 0;
      if (op === '~=') {
        const prefix = right.split('.').slice(0, -1).join('.');
        return c >= 0 && (left === prefix || left.startsWith(`${prefix}.`));
      }
    }
  }
  if (op === '==') return left === right;
  if (op === '!=') return left !== right;
  return undefined;
}

/**
 * Evaluates a marker against what is known about the environment: true or false when
 * the known variables decide it, undefined when it depends on something unknown.
 */
export function evaluateMarker(marker: string, environment: MarkerEnvironment = LINUX_ENVIRONMENT): Tri {
  const tokens = tokenizeMarker(marker);
  if (!tokens) return undefined;
  let pos = 0;
  const peek = () => tokens[pos];
  const value = (): { text: string | undefined; variable: string | undefined } | undefined => {
    const token = tokens[pos++];
    if (!token) return undefined;
    if (token.kind === 'string') return { text: token.value, variable: undefined };
    if (token.kind === 'word') return { text: environment[token.value], variable: token.value };
    return undefined;
  };
  const comparison = (): Tri | null => {
    const left = value();
    const op = peek();
    if (!left || !op) return null;
    let opText: string;
    if (op.kind === 'op') opText = op.value;
    else if (op.kind === 'word' && op.value === 'in') opText = 'in';
    else if (op.kind === 'word' && op.value === 'not' && tokens[pos + 1]?.value === 'in') {
      opText = 'not in';
      pos++;
    } else return null;
    pos++;
    const right = value();
    if (!right) return null;
    if (left.text === undefined || right.text === undefined) return undefined;
    const versions = VERSION_VARIABLES.has(left.variable ?? '') || VERSION_VARIABLES.has(right.variable ?? '');
    return compare(left.text, opText, right.text, versions);
  };
  const primary = (): Tri | null => {
    if (peek()?.kind === '(') {
      pos++;
      const inner = or();
      if (inner === null || peek()?.kind !== ')') return null;
      pos++;
      return inner;
    }
    return comparison();
  };
  const and = (): Tri | null => {
    let result = primary();
    while (result !== null && peek()?.kind === 'word' && peek().value === 'and') {
      pos++;
      const next = primary();
      if (next === null) return null;
      result = result === false || next === false ? false : result === true && next === true ? true : undefined;
    }
    return result;
  };
  const or = (): Tri | null => {
    let result = and();
    while (result !== null && peek()?.kind === 'word' && peek().value === 'or') {
      pos++;
      const next = and();
      if (next === null) return null;
      result = result === true || next === true ? true : result === false && next === false ? false : undefined;
    }
    return result;
  };
  const result = or();
  if (result === null || pos !== tokens.length) return undefined;
  return result;
}

/** False only when the marker rules the dependency out on Linux; unknown markers count as applying. */
export function appliesOnLinux(marker: string | undefined, environment: MarkerEnvironment = LINUX_ENVIRONMENT): boolean {
  return marker === undefined || evaluateMarker(marker, environment) !== false;
}

// Wheel file names: {distribution}-{version}(-{build})?-{python}-{abi}-{platform}.whl

export interface WheelName {
  name: string;
  version: string;
  pythonTags: string[];
  abiTags: string[];
  platformTags: string[];
}

export function parseWheelName(fileName: string): WheelName | undefined {
  // Lock files give bare names; URLs may carry a query or a `#sha256=` fragment after the name.
  let base = fileName;
  const cut = base.search(/[?#]/);
  if (cut >= 0) base = base.slice(0, cut);
  base = base.slice(base.lastIndexOf('/') + 1);
  if (!base.endsWith('.whl')) return undefined;
  if (base.includes('%')) {
    try {
      base = decodeURIComponent(base);
    } catch {
      return undefined;
    }
  }
  const parts = base.slice(0, -4).split('-');
  if (parts.length !== 5 && parts.length !== 6) return undefined;
  const [name, version] = parts;
  const [python, abi, platform] = parts.slice(-3);
  return { name: normaliseName(name), version, pythonTags: python.split('.'), abiTags: abi.split('.'), platformTags: platform.split('.') };
}

/** Name of a source distribution file (`pkg-1.0.tar.gz`, `pkg_name-2.1.zip`), best effort. */
export function sdistName(fileName: string): string | undefined {
  const base = fileName.split(/[/?#]/).filter(Boolean).pop() ?? '';
  const m = /^(.+?)-v?\d[^-]*\.(?:tar\.gz|tar\.bz2|tar\.xz|tgz|zip)$/i.exec(base);
  return m ? normaliseName(m[1]) : undefined;
}

export interface WheelTarget {
  libc: 'glibc' | 'musl';
  /** `x86_64` or `aarch64`. */
  arch: string;
  /** `3.12`; undefined when unknown (any CPython 3 tag then counts). */
  pythonVersion: string | undefined;
}

/** Whether pip would install this wheel on the target instead of building from source. */
export function wheelFits(wheel: WheelName, target: WheelTarget): boolean {
  const platformOk = wheel.platformTags.some((tag) => {
    if (tag === 'any') return true;
    const m = /^(manylinux|musllinux)_\d+_\d+_(.+)$|^(manylinux1|manylinux2010|manylinux2014)_(.+)$/.exec(tag);
    if (!m) return false;
    const family = m[1] ?? 'manylinux';
    const arch = m[2] ?? m[4];
    return arch === target.arch && (family === 'musllinux') === (target.libc === 'musl');
  });
  if (!platformOk) return false;
  const minor = target.pythonVersion ? Number(target.pythonVersion.split('.')[1]) : undefined;
  return wheel.pythonTags.some((tag) => {
    if (tag === 'py3' || tag === 'py2.py3' || /^py3\d*$/.test(tag)) return true;
    const cp = /^cp3(\d+)$/.exec(tag);
    if (!cp) return false;
    if (minor === undefined) return true;
    const built = Number(cp[1]);
    // abi3 wheels load on every later CPython; others only on the version they were built for.
    return wheel.abiTags.includes('abi3') ? built <= minor : built === minor;
  });
}

export function isPureWheel(wheel: WheelName): boolean {
  return wheel.platformTags.includes('any') && wheel.abiTags.includes('none');
}

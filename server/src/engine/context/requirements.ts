// pip requirement files, read the way pip reads them: `\` continuation lines,
// `#` comments (at the start of a line or after white space), option lines
// (`-r`, `-c`, `-e`, `-i`, …), per-requirement options (`--hash`), PEP 508
// specifiers, URLs and local paths. Includes (`-r`, `-c`) are resolved
// relative to the file that names them, each file read at most once.

import { normaliseName, parseDependency, sdistName, parseWheelName } from './pep508';
import { cleanPath } from './dockerignore';

export interface RequirementEntry {
  /** PEP 503 normalised; undefined for a local path or URL whose project name cannot be told. */
  name: string | undefined;
  extras: string[];
  /** Version specifiers (`==1.2`, `>=1,<2`); empty when none. */
  specifier: string;
  marker: string | undefined;
  /** `-e` / `--editable`. */
  editable: boolean;
  /** A URL or local path the requirement installs from, instead of an index. */
  location: string | undefined;
  hashes: string[];
  /** From a constraints file (`-c`): limits versions, installs nothing by itself. */
  constraint: boolean;
  /** The file it came from (a key of the lookup) and its 1-based line. */
  file: string;
  line: number;
}

export interface RequirementInclude {
  kind: 'requirement' | 'constraint';
  /** As written. */
  written: string;
  /** Resolved against the including file; undefined for URLs and absolute paths. */
  path: string | undefined;
  from: string;
  line: number;
  found: boolean;
}

export interface RequirementProblem {
  file: string;
  line: number;
  message: string;
}

export interface RequirementsResult {
  requirements: RequirementEntry[];
  includes: RequirementInclude[];
  /** Every file read, the entry first. */
  files: string[];
  problems: RequirementProblem[];
  /** Index options seen (`--index-url`, `--extra-index-url`, `--find-links`, `--no-index`, `--only-binary`, `--no-binary`). */
  options: { name: string; value: string | undefined }[];
}

/** Text of a file by path (relative to the context root), undefined when it was not read or does not exist. */
export type FileLookup = (path: string) => string | undefined;

const MAX_FILES = 64;

/** Logical lines: continuation lines joined, comments removed, with the line each starts on. */
export function logicalLines(text: string): { text: string; line: number }[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const out: { text: string; line: number }[] = [];
  let pending: string[] = [];
  let start = 0;
  physical.forEach((line, index) => {
    const comment = /^\s*#/.test(line);
    if (!line.endsWith('\\') || comment) {
      if (pending.length > 0) {
        // A comment line ends a continuation; pip joins it (as a comment) and drops it.
        out.push({ text: pending.join('') + (comment ? '' : line), line: start });
        pending = [];
      } else out.push({ text: line, line: index });
    } else {
      if (pending.length === 0) start = index;
      pending.push(line.slice(0, -1));
    }
  });
  if (pending.length > 0) out.push({ text: pending.join(''), line: start });
  return out
    .map(({ text: t, line }) => ({ text: t.replace(/(^|\s+)#.*$/, '').trim(), line: line + 1 }))
    .filter((l) => l.text !== '');
}

/** Options that take a value, by every spelling pip accepts. */
const VALUE_OPTIONS: Record<string, string> = {
  '-r': 'requirement',
  '--requirement': 'requirement',
  '-c': 'constraint',
  '--constraint': 'constraint',
  '-e': 'editable',
  '--editable': 'editable',
  '-i': 'index-url',
  '--index-url': 'index-url',
  '--extra-index-url': 'extra-index-url',
  '-f': 'find-links',
  '--find-links': 'find-links',
  '--no-binary': 'no-binary',
  '--only-binary': 'only-binary',
  '--trusted-host': 'trusted-host',
  '--use-feature': 'use-feature',
  '--hash': 'hash',
  '--config-settings': 'config-settings',
  '--global-option': 'global-option',
  '--install-option': 'install-option',
};
const FLAG_OPTIONS = new Set(['--no-index', '--pre', '--prefer-binary', '--require-hashes']);

interface Option {
  name: string;
  value: string | undefined;
}

/** Splits `-rfile`, `--requirement=file`, `--requirement file` into options; returns undefined on an unknown option. */
function readOptions(words: string[]): { options: Option[]; unknown: string | undefined } {
  const options: Option[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const eq = word.indexOf('=');
    const head = word.startsWith('--') && eq > 0 ? word.slice(0, eq) : word;
    if (VALUE_OPTIONS[head]) {
      const value = head !== word ? word.slice(eq + 1) : words[++i];
      options.push({ name: VALUE_OPTIONS[head], value });
    } else if (/^-[rcefi]./.test(word)) {
      options.push({ name: VALUE_OPTIONS[word.slice(0, 2)], value: word.slice(2) });
    } else if (FLAG_OPTIONS.has(word)) {
      options.push({ name: word.slice(2), value: undefined });
    } else {
      return { options, unknown: word };
    }
  }
  return { options, unknown: undefined };
}

function dirnameOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function isUrl(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text);
}

/** An include's path relative to the context root, or undefined when it leaves the context or is a URL. */
function resolveInclude(from: string, written: string): string | undefined {
  if (isUrl(written) || written.startsWith('/') || written.includes('$')) return undefined;
  const dir = dirnameOf(from);
  const joined = cleanPath(dir ? `${dir}/${written}` : written);
  return joined.startsWith('..') ? undefined : joined;
}

/** A requirement written as a URL or path: its project name from `#egg=`, a wheel or sdist file name. */
function locationRequirement(location: string): { name: string | undefined; extras: string[] } {
  const egg = /[#&]egg=([A-Za-z0-9._-]+)(?:\[([^\]]*)\])?/.exec(location);
  if (egg) return { name: normaliseName(egg[1]), extras: egg[2] ? egg[2].split(',').map((e) => normaliseName(e.trim())) : [] };
  const withoutExtras = location.replace(/\[[^\]]*\]$/, '');
  const wheel = parseWheelName(withoutExtras);
  if (wheel) return { name: wheel.name, extras: [] };
  return { name: sdistName(withoutExtras.split('#')[0]), extras: [] };
}

function looksLikeLocation(text: string): boolean {
  return isUrl(text) || /^(\.|\/|~)/.test(text) || /\.(whl|tar\.gz|tar\.bz2|tgz|zip)(\[.*\])?$/i.test(text) || /^[a-z]+\+[a-z]+:/.test(text);
}

/** Reads a requirement file and everything it includes. */
export function readRequirements(entry: string, lookup: FileLookup): RequirementsResult {
  const result: RequirementsResult = { requirements: [], includes: [], files: [], problems: [], options: [] };
  const seen = new Set<string>();

  const readFile = (path: string, constraint: boolean): void => {
    if (seen.has(path)) return;
    seen.add(path);
    const text = lookup(path);
    if (text === undefined) return;
    result.files.push(path);
    for (const { text: line, line: number } of logicalLines(text)) {
      if (line.startsWith('-')) {
        const { options, unknown } = readOptions(line.split(/\s+/));
        if (unknown) result.problems.push({ file: path, line: number, message: `unknown option ${unknown}` });
        for (const option of options) {
          if (option.value === undefined && !FLAG_OPTIONS.has(`--${option.name}`)) {
            result.problems.push({ file: path, line: number, message: `-${option.name.length > 1 ? '-' : ''}${option.name} needs a value` });
          } else if (option.name === 'requirement' || option.name === 'constraint') {
            include(path, number, option.name, option.value as string, constraint || option.name === 'constraint');
          } else if (option.name === 'editable') {
            const location = option.value as string;
            const named = locationRequirement(location);
            result.requirements.push({ ...named, specifier: '', marker: undefined, editable: true, location, hashes: [], constraint, file: path, line: number });
          } else {
            result.options.push(option);
          }
        }
        continue;
      }
      // pip splits a requirement from its options at the first word that starts with `-`.
      const words = line.split(/\s+/);
      const firstOption = words.findIndex((w, i) => i > 0 && w.startsWith('-'));
      const requirementText = (firstOption < 0 ? words : words.slice(0, firstOption)).join(' ');
      const { options } = readOptions(firstOption < 0 ? [] : words.slice(firstOption));
      const hashes = options.filter((o) => o.name === 'hash' && o.value).map((o) => o.value as string);
      const base = { editable: false, hashes, constraint, file: path, line: number };
      // A URL keeps `;` inside it, so its marker must follow white space (`url ; marker`).
      const urlMarker = /\s+;\s*/.exec(requirementText);
      const locationText = urlMarker ? requirementText.slice(0, urlMarker.index) : requirementText;
      if (looksLikeLocation(locationText)) {
        const named = locationRequirement(locationText);
        const marker = urlMarker ? requirementText.slice(urlMarker.index + urlMarker[0].length).trim() || undefined : undefined;
        result.requirements.push({ ...named, specifier: '', marker, location: locationText, ...base });
        continue;
      }
      const dependency = parseDependency(requirementText);
      if (!dependency) {
        result.problems.push({ file: path, line: number, message: `cannot read requirement "${requirementText}"` });
        continue;
      }
      result.requirements.push({
        name: dependency.name,
        extras: dependency.extras,
        specifier: dependency.specifier,
        marker: dependency.marker,
        location: dependency.url,
        ...base,
      });
    }
  };

  const include = (from: string, line: number, kind: 'requirement' | 'constraint', written: string, constraint: boolean): void => {
    const path = resolveInclude(from, written);
    const found = path !== undefined && (seen.has(path) || lookup(path) !== undefined);
    result.includes.push({ kind, written, path, from, line, found });
    if (path === undefined || seen.size >= MAX_FILES) return;
    readFile(path, constraint);
  };

  readFile(cleanPath(entry), false);
  return result;
}

/** The requirement and constraint files a requirement file names, resolved against it (for loaders that read includes on demand). */
export function includedFiles(path: string, text: string): string[] {
  const found: string[] = [];
  for (const { text: line } of logicalLines(text)) {
    if (!line.startsWith('-')) continue;
    for (const option of readOptions(line.split(/\s+/)).options) {
      if ((option.name === 'requirement' || option.name === 'constraint') && option.value) {
        const resolved = resolveInclude(path, option.value);
        if (resolved) found.push(resolved);
      }
    }
  }
  return found;
}

/** Names of the packages the file installs (constraints left out, markers that rule Linux out dropped by the caller). */
export function installedNames(result: RequirementsResult): string[] {
  return [...new Set(result.requirements.filter((r) => !r.constraint && r.name).map((r) => r.name as string))];
}

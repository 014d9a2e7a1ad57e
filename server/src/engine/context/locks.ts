// Lock files: the exact packages an install resolves to. uv.lock and
// poetry.lock are TOML and also list each release's files, so they tell which
// wheels exist (manylinux, musllinux, pure Python) for the locked version;
// Pipfile.lock is JSON with names and versions only.

import { parse as parseToml } from 'smol-toml';
import { appliesOnLinux, isPureWheel, normaliseName, parseWheelName, type MarkerEnvironment, LINUX_ENVIRONMENT, type WheelName } from './pep508';

export interface LockedDependency {
  name: string;
  extras: string[];
  marker: string | undefined;
}

export interface LockedPackage {
  name: string;
  version: string | undefined;
  /** File names of the release's wheels; undefined when the lock does not list files. */
  wheels: string[] | undefined;
  /** The same, read (names that are not wheel names left out); parsed once when the lock is read. */
  wheelTags: WheelName[] | undefined;
  /** Whether a source distribution is listed (undefined when the lock does not list files). */
  sdist: boolean | undefined;
  /** `registry`, `editable`, `virtual`, `directory`, `path`, `git`, `url`. */
  sourceKind: string;
  dependencies: LockedDependency[];
  /** Dependencies by extra (uv `optional-dependencies`, Poetry `extras`). */
  optional: Record<string, LockedDependency[]>;
  /** Dependency groups of a project package (uv `dev-dependencies`). */
  groups: Record<string, LockedDependency[]>;
  /** Poetry's `groups` / `category`, Pipfile.lock's section: which groups need it; undefined when the lock does not say. */
  inGroups: string[] | undefined;
  marker: string | undefined;
}

export interface LockFile {
  kind: 'uv' | 'poetry' | 'pipfile';
  packages: LockedPackage[];
  /** Packages that are the project itself (uv: editable or virtual sources). */
  projects: string[];
  problems: string[];
}

type Table = Record<string, unknown>;

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tomlOrProblem(text: string, kind: LockFile['kind']): { document: Table | undefined; lock: LockFile } {
  const lock: LockFile = { kind, packages: [], projects: [], problems: [] };
  try {
    return { document: parseToml(text) as Table, lock };
  } catch (error) {
    lock.problems.push(`not valid TOML: ${(error as Error).message.split('\n')[0]}`);
    return { document: undefined, lock };
  }
}

function parsedWheels(files: string[]): WheelName[] {
  return files.map(parseWheelName).filter((w): w is WheelName => w !== undefined);
}

function fileName(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  return decodeURIComponent(url.split(/[?#]/)[0].split('/').pop() ?? '') || undefined;
}

function uvDependencies(list: unknown): LockedDependency[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isTable).flatMap((d) =>
    typeof d.name === 'string'
      ? [{ name: normaliseName(d.name), extras: Array.isArray(d.extra) ? d.extra.filter((e): e is string => typeof e === 'string').map(normaliseName) : [], marker: typeof d.marker === 'string' ? d.marker : undefined }]
      : [],
  );
}

function byKey(table: unknown, read: (value: unknown) => LockedDependency[]): Record<string, LockedDependency[]> {
  const out: Record<string, LockedDependency[]> = {};
  if (isTable(table)) for (const [key, value] of Object.entries(table)) out[normaliseName(key)] = read(value);
  return out;
}

export function readUvLock(text: string): LockFile {
  const { document, lock } = tomlOrProblem(text, 'uv');
  if (!document) return lock;
  const packages = Array.isArray(document.package) ? document.package.filter(isTable) : [];
  for (const p of packages) {
    if (typeof p.name !== 'string') continue;
    const source = isTable(p.source) ? p.source : {};
    const sourceKind = Object.keys(source)[0] ?? 'registry';
    const wheels = Array.isArray(p.wheels) ? p.wheels.filter(isTable).map((w) => fileName(w.url) ?? fileName(w.filename) ?? fileName(w.path)).filter((n): n is string => !!n) : [];
    const name = normaliseName(p.name);
    lock.packages.push({
      name,
      version: typeof p.version === 'string' ? p.version : undefined,
      wheels,
      wheelTags: parsedWheels(wheels),
      sdist: isTable(p.sdist),
      sourceKind,
      dependencies: uvDependencies(p.dependencies),
      optional: byKey(p['optional-dependencies'], uvDependencies),
      groups: byKey(p['dev-dependencies'], uvDependencies),
      inGroups: undefined,
      marker: undefined,
    });
    if ((sourceKind === 'editable' || sourceKind === 'virtual') && source[sourceKind] === '.') lock.projects.push(name);
  }
  return lock;
}

function poetryDependencies(table: unknown): LockedDependency[] {
  if (!isTable(table)) return [];
  return Object.entries(table).map(([name, value]) => {
    const first = Array.isArray(value) ? value[0] : value;
    const spec = isTable(first) ? first : {};
    return {
      name: normaliseName(name),
      extras: Array.isArray(spec.extras) ? spec.extras.filter((e): e is string => typeof e === 'string').map(normaliseName) : [],
      marker: typeof spec.markers === 'string' ? spec.markers : undefined,
    };
  });
}

export function readPoetryLock(text: string): LockFile {
  const { document, lock } = tomlOrProblem(text, 'poetry');
  if (!document) return lock;
  const packages = Array.isArray(document.package) ? document.package.filter(isTable) : [];
  // Lock format 1.x kept file lists in [metadata.files].
  const metadata = isTable(document.metadata) ? document.metadata : {};
  const legacyFiles = isTable(metadata.files) ? metadata.files : {};
  for (const p of packages) {
    if (typeof p.name !== 'string') continue;
    const name = normaliseName(p.name);
    const listed = Array.isArray(p.files) ? p.files : Object.entries(legacyFiles).find(([key]) => normaliseName(key) === name)?.[1];
    const files = Array.isArray(listed) ? listed.filter(isTable).map((f) => (typeof f.file === 'string' ? f.file : undefined)).filter((f): f is string => !!f) : undefined;
    const groups = Array.isArray(p.groups) ? p.groups.filter((g): g is string => typeof g === 'string') : typeof p.category === 'string' ? [p.category] : undefined;
    const source = isTable(p.source) ? p.source : undefined;
    const extras: Record<string, LockedDependency[]> = {};
    if (isTable(p.extras)) {
      for (const [extra, list] of Object.entries(p.extras)) {
        // Entries read like `"pysocks (>=1.5.6,!=1.5.7)"`: the name is the first word.
        extras[normaliseName(extra)] = (Array.isArray(list) ? list : [])
          .filter((d): d is string => typeof d === 'string')
          .map((d) => ({ name: normaliseName(d.split(/[\s([;<>=!~]/)[0]), extras: [], marker: undefined }));
      }
    }
    lock.packages.push({
      name,
      version: typeof p.version === 'string' ? p.version : undefined,
      wheels: files?.filter((f) => f.endsWith('.whl')),
      wheelTags: files ? parsedWheels(files.filter((f) => f.endsWith('.whl'))) : undefined,
      sdist: files ? files.some((f) => !f.endsWith('.whl')) : undefined,
      sourceKind: source && typeof source.type === 'string' ? source.type : 'registry',
      dependencies: poetryDependencies(p.dependencies),
      optional: extras,
      groups: {},
      inGroups: groups,
      marker: typeof p.markers === 'string' ? p.markers : undefined,
    });
  }
  return lock;
}

export function readPipfileLock(text: string): LockFile {
  const lock: LockFile = { kind: 'pipfile', packages: [], projects: [], problems: [] };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    lock.problems.push(`not valid JSON: ${(error as Error).message}`);
    return lock;
  }
  if (!isTable(document)) {
    lock.problems.push('expected a JSON object');
    return lock;
  }
  for (const [section, group] of [['default', 'main'], ['develop', 'dev']] as const) {
    const table = document[section];
    if (!isTable(table)) continue;
    for (const [name, spec] of Object.entries(table)) {
      const entry = isTable(spec) ? spec : {};
      const normalised = normaliseName(name);
      const existing = lock.packages.find((p) => p.name === normalised);
      if (existing) {
        existing.inGroups?.push(group);
        continue;
      }
      const sourceKind = ['editable', 'git', 'path', 'file'].find((k) => k in entry) ?? 'registry';
      lock.packages.push({
        name: normalised,
        version: typeof entry.version === 'string' ? entry.version.replace(/^==/, '') : undefined,
        wheels: undefined,
        wheelTags: undefined,
        sdist: undefined,
        sourceKind,
        dependencies: [],
        optional: {},
        groups: {},
        inGroups: [group],
        marker: typeof entry.markers === 'string' ? entry.markers : undefined,
      });
    }
  }
  return lock;
}

export interface LockSelection {
  /** Dependency groups to include besides the main dependencies (uv `--group`, Poetry `--with`); default none. */
  groups?: readonly string[];
  /** Extras of the project to include. */
  extras?: readonly string[];
  environment?: MarkerEnvironment;
}

/**
 * The packages an install of the locked project brings in: the project's main
 * dependencies and their dependencies (with the extras asked for), minus those
 * whose markers rule Linux out. Falls back to the lock's own grouping (Poetry,
 * Pipfile) when it has no dependency graph to walk from a project.
 */
export function lockedInstall(lock: LockFile, selection: LockSelection = {}, rootNames: readonly string[] = []): LockedPackage[] {
  const environment = selection.environment ?? LINUX_ENVIRONMENT;
  const byName = new Map(lock.packages.map((p) => [p.name, p]));
  const wantedGroups = new Set(['main', ...(selection.groups ?? []).map(normaliseName)]);
  const starts: LockedDependency[] = [];
  for (const project of lock.projects) {
    const p = byName.get(project);
    if (!p) continue;
    starts.push(...p.dependencies);
    for (const extra of selection.extras ?? []) starts.push(...(p.optional[normaliseName(extra)] ?? []));
    for (const group of selection.groups ?? []) starts.push(...(p.groups[normaliseName(group)] ?? []));
  }
  for (const name of rootNames) starts.push({ name: normaliseName(name), extras: [], marker: undefined });
  if (starts.length === 0) {
    // No graph root: take the lock's grouping, or everything when it has none.
    return lock.packages.filter(
      (p) => !lock.projects.includes(p.name) && (p.inGroups === undefined || p.inGroups.some((g) => wantedGroups.has(g))) && appliesOnLinux(p.marker, environment),
    );
  }
  const seen = new Set<string>();
  const out: LockedPackage[] = [];
  const queue = [...starts];
  for (let next = 0; next < queue.length; next++) {
    const dependency = queue[next];
    if (!appliesOnLinux(dependency.marker, environment)) continue;
    const p = byName.get(dependency.name);
    const key = `${dependency.name}[${dependency.extras.join(',')}]`;
    if (!p || seen.has(key)) continue;
    seen.add(key);
    if (!seen.has(p.name)) {
      seen.add(p.name);
      if (!lock.projects.includes(p.name)) out.push(p);
      queue.push(...p.dependencies);
    }
    for (const extra of dependency.extras) queue.push(...(p.optional[extra] ?? []));
  }
  return out;
}

/** What the lock says about a package's wheels for the target, undefined when it lists no files. */
export function lockedWheelSupport(p: LockedPackage, fits: (wheel: WheelName) => boolean): { fits: boolean; pure: boolean } | undefined {
  if (!p.wheelTags || (p.wheelTags.length === 0 && p.sdist === undefined)) return undefined;
  const pure = p.wheelTags.some(isPureWheel);
  return { fits: pure || p.wheelTags.some(fits), pure };
}

// pyproject.toml: the dependencies a project declares, in the three places
// tools keep them: PEP 621 `[project]` (dependencies and optional
// dependencies), PEP 735 `[dependency-groups]` (plus uv's older
// `[tool.uv] dev-dependencies`), and Poetry's `[tool.poetry.dependencies]`
// with its groups. Names come out PEP 503 normalised.

import { parse as parseToml } from 'smol-toml';
import { normaliseName, parseDependency } from './pep508';

export interface DeclaredDependency {
  name: string;
  extras: string[];
  /** As written: a PEP 440 specifier, or Poetry's constraint (`^1.2`); empty when none. */
  specifier: string;
  marker: string | undefined;
  /** `main`, `extra:<name>` (optional dependencies), or `group:<name>` (dependency groups, Poetry groups, dev dependencies). */
  group: string;
  /** A URL, Git repository or local path instead of an index release. */
  location: string | undefined;
}

export interface Pyproject {
  /** `[project].name` or `[tool.poetry].name`, normalised. */
  name: string | undefined;
  dependencies: DeclaredDependency[];
  /** `[build-system].requires`, normalised names. */
  buildRequires: string[];
  buildBackend: string | undefined;
  /** Which tool's tables declared the dependencies. */
  tools: ('pep621' | 'poetry' | 'dependency-groups' | 'uv')[];
  /** Parse errors and tables of the wrong shape; what could be read is still returned. */
  problems: string[];
}

type Table = Record<string, unknown>;

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function pep508(text: string, group: string, problems: string[]): DeclaredDependency | undefined {
  const dependency = parseDependency(text);
  if (!dependency) {
    problems.push(`cannot read dependency "${text}"`);
    return undefined;
  }
  return { name: dependency.name, extras: dependency.extras, specifier: dependency.specifier, marker: dependency.marker, group, location: dependency.url };
}

/** Poetry's dependency value: `"^1.2"`, `{ version, extras, markers, git | path | url }` or a list of those. */
function poetryDependency(name: string, value: unknown, group: string): DeclaredDependency | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const base = { name: normaliseName(name), extras: [] as string[], specifier: '', marker: undefined as string | undefined, group, location: undefined as string | undefined };
  if (typeof first === 'string') return { ...base, specifier: first === '*' ? '' : first };
  if (!isTable(first)) return base;
  const location = ['git', 'path', 'url'].map((k) => first[k]).find((v): v is string => typeof v === 'string');
  return {
    ...base,
    extras: strings(first.extras).map(normaliseName),
    specifier: typeof first.version === 'string' && first.version !== '*' ? first.version : '',
    marker: typeof first.markers === 'string' ? first.markers : undefined,
    location,
  };
}

export function readPyproject(text: string): Pyproject {
  const result: Pyproject = { name: undefined, dependencies: [], buildRequires: [], buildBackend: undefined, tools: [], problems: [] };
  let document: Table;
  try {
    document = parseToml(text) as Table;
  } catch (error) {
    result.problems.push(`not valid TOML: ${(error as Error).message.split('\n')[0]}`);
    return result;
  }
  const { problems } = result;
  const add = (dependency: DeclaredDependency | undefined) => {
    if (dependency) result.dependencies.push(dependency);
  };

  const build = document['build-system'];
  if (isTable(build)) {
    result.buildRequires = strings(build.requires)
      .map((r) => parseDependency(r)?.name)
      .filter((n): n is string => n !== undefined);
    if (typeof build['build-backend'] === 'string') result.buildBackend = build['build-backend'];
  }

  const project = document.project;
  if (isTable(project)) {
    if (typeof project.name === 'string') result.name = normaliseName(project.name);
    if (project.dependencies !== undefined || project['optional-dependencies'] !== undefined) result.tools.push('pep621');
    for (const text of strings(project.dependencies)) add(pep508(text, 'main', problems));
    const optional = project['optional-dependencies'];
    if (isTable(optional)) {
      for (const [extra, list] of Object.entries(optional)) for (const text of strings(list)) add(pep508(text, `extra:${normaliseName(extra)}`, problems));
    }
  }

  const groups = document['dependency-groups'];
  if (isTable(groups)) {
    result.tools.push('dependency-groups');
    for (const group of Object.keys(groups)) {
      for (const text of groupRequirements(groups, group, new Set(), problems)) add(pep508(text, `group:${normaliseName(group)}`, problems));
    }
  }

  const tool = isTable(document.tool) ? document.tool : undefined;
  const uv = tool && isTable(tool.uv) ? tool.uv : undefined;
  if (uv && Array.isArray(uv['dev-dependencies'])) {
    result.tools.push('uv');
    for (const text of strings(uv['dev-dependencies'])) add(pep508(text, 'group:dev', problems));
  }

  const poetry = tool && isTable(tool.poetry) ? tool.poetry : undefined;
  if (poetry) {
    if (!result.name && typeof poetry.name === 'string') result.name = normaliseName(poetry.name);
    const tables: [string, unknown][] = [['main', poetry.dependencies], ['group:dev', poetry['dev-dependencies']]];
    if (isTable(poetry.group)) {
      for (const [group, table] of Object.entries(poetry.group)) if (isTable(table)) tables.push([`group:${normaliseName(group)}`, table.dependencies]);
    }
    const extras = isTable(poetry.extras) ? poetry.extras : {};
    const extraOf = new Map<string, string>();
    for (const [extra, names] of Object.entries(extras)) for (const n of strings(names)) extraOf.set(normaliseName(n), `extra:${normaliseName(extra)}`);
    let declared = false;
    for (const [group, table] of tables) {
      if (!isTable(table)) continue;
      declared = true;
      for (const [name, value] of Object.entries(table)) {
        if (name.toLowerCase() === 'python') continue;
        const optional = (isTable(value) && value.optional === true) || (Array.isArray(value) && isTable(value[0]) && value[0].optional === true);
        const effective = group === 'main' && optional ? (extraOf.get(normaliseName(name)) ?? 'extra:') : group;
        add(poetryDependency(name, value, effective));
      }
    }
    if (declared) result.tools.push('poetry');
  }
  return result;
}

/** PEP 735: a group's requirement strings, following `{ include-group = "…" }` once each. */
function groupRequirements(groups: Table, name: string, visiting: Set<string>, problems: string[]): string[] {
  if (visiting.has(name)) {
    problems.push(`dependency group "${name}" includes itself`);
    return [];
  }
  const list = groups[name];
  if (!Array.isArray(list)) return [];
  visiting.add(name);
  const out: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') out.push(item);
    else if (isTable(item) && typeof item['include-group'] === 'string') out.push(...groupRequirements(groups, item['include-group'], visiting, problems));
  }
  visiting.delete(name);
  return out;
}

/** Build back ends and plugins that read the version from Git, so building the project needs `.git`. */
export const VCS_VERSIONING = new Set(['setuptools-scm', 'hatch-vcs', 'versioningit', 'dunamai', 'poetry-dynamic-versioning', 'pdm-backend-scm', 'uv-dynamic-versioning', 'setuptools-git-versioning', 'versioneer']);

/** Whether building the project reads its version from Git (so a build in the image needs `.git`). */
export function versionFromVcs(pyproject: Pyproject, text: string): boolean {
  if (pyproject.buildRequires.some((name) => VCS_VERSIONING.has(name))) return true;
  // PDM and Hatch can also do it through their own settings.
  return /\[tool\.(?:setuptools_scm|setuptools-scm|hatch\.version)\]|source\s*=\s*["']scm["']|source\s*=\s*["']vcs["']/.test(text);
}

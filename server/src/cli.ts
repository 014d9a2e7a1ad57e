// `slimfile check|fix`: the engine for CI. Exit 0 clean, 1 findings at
// warning or above (or files left unfixed), 2 usage or I/O error.

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { explainDockerfile } from './engine/explain';
import { fixText } from './engine/fix';
import { lintModel } from './engine/lint';
import { parseDockerfile } from './engine/model/parse';
import { formatJson, formatSarif, formatText, isFailure, TOOL_VERSION, type FileResult } from './engine/report';
import type { Finding } from './engine/rules/types';
import { syntaxErrors } from './engine/syntax';
import { RULES_BY_ID } from './engine/rules/catalog';
import { ConfigError, loadConfig } from './project/config';
import { ContextFiles, loadBuildContext, resolveContextDir } from './project/context';
import { applyFileChange } from './engine/context/view';
import { contextFilePath } from './engine/report';
import type { BuildContext } from './engine/context/types';
import type { DockerfileModel } from './engine/model/types';
import type { FileChange } from './engine/rules/types';
import type { SeverityName } from '../../shared/settings';

const USAGE = `Usage:
  slimfile check [paths...] [--format text|json|sarif] [--context <dir>]
  slimfile fix [paths...] [--unsafe] [--context <dir>]
  slimfile explain [paths...] [--context <dir>]

Paths may be files or directories (searched for Dockerfile, *.Dockerfile,
Dockerfile.*, Containerfile); the default is the current directory. explain
prints a markdown report per file: the stage graph, what each layer costs,
and the findings by category.

Options:
  --format <f>   check output: text (default), json or sarif (SARIF 2.1.0)
  --unsafe       fix: also apply fixes marked unsafe
  --context <d>  the build context directory, as in docker build <d> (default: each
                 Dockerfile's folder); .dockerignore and requirement files are read there
  -h, --help     show this help
  --version      print the version

Exit status: 0 no problems, 1 problems at warning or above, 2 usage or I/O error.
`;

class UsageError extends Error {}

interface Options {
  command: 'check' | 'fix' | 'explain';
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  unsafe: boolean;
  context: string | undefined;
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  if (argv.includes('-h') || argv.includes('--help')) return 'help';
  if (argv.includes('--version')) return 'version';
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'fix' && command !== 'explain') throw new UsageError(command ? `Unknown command '${command}'` : 'Missing command');
  const options: Options = { command, paths: [], format: 'text', unsafe: false, context: undefined };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (command === 'explain') throw new UsageError('--format goes with check');
      if (value !== 'text' && value !== 'json' && value !== 'sarif') throw new UsageError(`--format must be text, json or sarif (got '${value ?? ''}')`);
      options.format = value;
    } else if (arg === '--context' || arg.startsWith('--context=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (!value) throw new UsageError('--context needs a directory');
      options.context = value;
    } else if (arg === '--unsafe') {
      if (command !== 'fix') throw new UsageError('--unsafe goes with fix');
      options.unsafe = true;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`Unknown option '${arg}'`);
    } else {
      options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.venv', 'venv', '__pycache__', '.tox', 'dist', 'build']);

export function isDockerfileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'dockerfile' || lower === 'containerfile' || lower.endsWith('.dockerfile') || lower.startsWith('dockerfile.') || lower.startsWith('containerfile.');
}

function collect(path: string, found: string[]): void {
  const stat = statSync(path);
  if (stat.isFile()) {
    found.push(path);
    return;
  }
  if (!stat.isDirectory()) return;
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) collect(child, found);
    } else if (entry.isFile() && isDockerfileName(entry.name)) {
      found.push(child);
    }
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path) || path;
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}

function syntaxFindings(model: DockerfileModel): { findings: Finding[]; blocked: boolean } {
  const errors = syntaxErrors(model);
  return {
    findings: errors.map((p) => ({ ruleId: 'syntax-error', severity: 'error', span: p.span, message: p.message, fixes: [] })),
    blocked: errors.length > 0,
  };
}

/** Severities from the project configuration that governs `file`; warnings go to stderr once per source. */
function severitiesFor(file: string, err: (s: string) => void, warned: Set<string>): Record<string, SeverityName> {
  const config = loadConfig(file, new Set(RULES_BY_ID.keys()));
  if (config.source && !warned.has(config.source)) {
    warned.add(config.source);
    for (const warning of config.warnings) err(`slimfile: ${warning}\n`);
  }
  return config.rules;
}

/** The build context of one Dockerfile; reads are shared by every file of the run. */
function contextFor(file: string, model: DockerfileModel, contextDir: string | undefined, files: ContextFiles): BuildContext {
  const root = relative(process.cwd(), resolveContextDir(file, contextDir)).split(sep).join('/');
  return loadBuildContext(file, model, { contextDir, files, displayRoot: root || '.' });
}

function check(files: string[], contextDir: string | undefined, err: (s: string) => void): FileResult[] {
  const warned = new Set<string>();
  const contextFiles = new ContextFiles();
  return files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const model = parseDockerfile(text);
    const syntax = syntaxFindings(model).findings;
    const buildContext = contextFor(file, model, contextDir, contextFiles);
    const findings = [...syntax, ...lintModel(model, { severities: severitiesFor(file, err, warned), buildContext })].sort((a, b) => a.span.start - b.span.start);
    return { path: displayPath(file), model, findings, buildContext };
  });
}

/** Writes a fix's change to a context file: creates only absent files, appends after a final newline. */
function applyOnDisk(root: string, change: FileChange): 'created' | 'appended' | undefined {
  const path = join(root, ...change.path.split('/'));
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const next = applyFileChange(current, change);
  if (next === undefined) return undefined;
  writeFileSync(path, next, current === undefined ? { flag: 'wx' } : {});
  return current === undefined ? 'created' : 'appended';
}

function fix(files: string[], unsafe: boolean, contextDir: string | undefined, out: (s: string) => void, err: (s: string) => void): number {
  let status = 0;
  const warned = new Set<string>();
  const contextFiles = new ContextFiles();
  for (const file of files) {
    const severities = severitiesFor(file, err, warned);
    const text = readFileSync(file, 'utf8');
    const model = parseDockerfile(text);
    const { findings: syntax, blocked } = syntaxFindings(model);
    if (blocked) {
      err(`${displayPath(file)}: not fixed, the file does not parse: ${syntax[0].message}\n`);
      status = 1;
      continue;
    }
    const buildContext = contextFor(file, model, contextDir, contextFiles);
    const result = fixText(text, { unsafe, severities, buildContext });
    if (result.text !== text) {
      writeFileSync(file, result.text);
      out(`${displayPath(file)}: applied ${result.applied.length} ${result.applied.length === 1 ? 'fix' : 'fixes'} (${[...new Set(result.applied)].join(', ')})\n`);
    }
    const root = resolveContextDir(file, contextDir);
    for (const change of result.fileChanges) {
      const done = applyOnDisk(root, change);
      contextFiles.invalidate(resolve(root, ...change.path.split('/')));
      const shown = contextFilePath(buildContext, change.path);
      if (done) out(`${shown}: ${done} (${change.text.split('\n').filter((l) => l && !l.startsWith('#')).length} patterns)\n`);
      else err(`${shown}: not created, it exists already\n`);
    }
    const fixed = parseDockerfile(result.text);
    const remaining = lintModel(fixed, { severities, buildContext: contextFor(file, fixed, contextDir, contextFiles) });
    if (remaining.some((f) => isFailure(f.severity))) status = 1;
    const left = remaining.filter((f) => isFailure(f.severity)).length;
    if (left) out(`${displayPath(file)}: ${left} ${left === 1 ? 'problem' : 'problems'} left (run \`slimfile check\` to see them)\n`);
  }
  return status;
}

export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): number {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`slimfile: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    out(USAGE);
    return 0;
  }
  if (options === 'version') {
    out(`${TOOL_VERSION}\n`);
    return 0;
  }
  if (options.context !== undefined && !isDirectory(options.context)) {
    err(`slimfile: --context: no such directory: ${options.context}\n`);
    return 2;
  }
  const files: string[] = [];
  try {
    for (const path of options.paths) collect(path, files);
  } catch (error) {
    err(`slimfile: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? `no such file or directory: ${(error as NodeJS.ErrnoException).path}` : (error as Error).message}\n`);
    return 2;
  }
  try {
    if (options.command === 'fix') return fix(files, options.unsafe, options.context, out, err);
    const results = check(files, options.context, err);
    if (options.command === 'explain') {
      out(results.map((r) => explainDockerfile(r.model, { title: r.path, findings: r.findings, buildContext: r.buildContext })).join('\n'));
      return 0;
    }
    out(options.format === 'json' ? formatJson(results) : options.format === 'sarif' ? formatSarif(results) : formatText(results));
    return results.some((r) => r.findings.some((f) => isFailure(f.severity))) ? 1 : 0;
  } catch (error) {
    if (error instanceof ConfigError) err(`slimfile: invalid configuration: ${error.message}\n`);
    else err(`slimfile: ${(error as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

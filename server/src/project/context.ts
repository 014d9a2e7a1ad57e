// Reading a Dockerfile's build context from disk: the context directory (the
// Dockerfile's folder unless told otherwise), the ignore file BuildKit would
// use, the top-level listing, and only the manifests rules need. Reads are
// bounded and cached; unreadable, huge or binary files are skipped, never fatal.

import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { cleanPath } from '../engine/context/dockerignore';
import { PROJECT_MANIFESTS, mentionedManifests } from '../engine/context/installs';
import { includedFiles } from '../engine/context/requirements';
import type { BuildContext } from '../engine/context/types';
import { createBuildContext, DOCKERIGNORE } from '../engine/context/view';
import type { DockerfileModel } from '../engine/model/types';

/** Lock files of large projects run to a few MB; anything bigger is not a manifest worth parsing while typing. */
const MAX_LOCK_BYTES = 4 * 1024 * 1024;
const MAX_FILE_BYTES = 512 * 1024;
const MAX_FILES = 64;
const MAX_LISTED = 2000;

/** Files and listings read from disk, by absolute path, until invalidated. Shared by every Dockerfile of a session. */
export class ContextFiles {
  private readonly texts = new Map<string, string | undefined>();
  private readonly listings = new Map<string, Dirent[] | undefined>();

  /** The file's text, or undefined when it is missing, unreadable, too large or binary. */
  read(path: string): string | undefined {
    if (this.texts.has(path)) return this.texts.get(path);
    const text = readBounded(path);
    this.texts.set(path, text);
    return text;
  }

  list(dir: string): Dirent[] | undefined {
    if (this.listings.has(dir)) return this.listings.get(dir);
    let entries: Dirent[] | undefined;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).slice(0, MAX_LISTED);
    } catch {
      entries = undefined;
    }
    this.listings.set(dir, entries);
    return entries;
  }

  /** Forgets `path` and everything cached below it (and the listing of its folder); everything when no path is given. */
  invalidate(path?: string): void {
    if (path === undefined) {
      this.texts.clear();
      this.listings.clear();
      return;
    }
    const prefix = path.endsWith(sep) ? path : `${path}${sep}`;
    for (const map of [this.texts, this.listings] as Map<string, unknown>[]) {
      for (const key of [...map.keys()]) if (key === path || key.startsWith(prefix)) map.delete(key);
    }
    this.listings.delete(dirname(path));
  }
}

function readBounded(path: string): string | undefined {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return undefined;
    const limit = /\.lock$/.test(path) ? MAX_LOCK_BYTES : MAX_FILE_BYTES;
    if (stat.size > limit) return undefined;
    const bytes = readFileSync(path);
    // A NUL byte means a binary file, not a manifest.
    if (bytes.subarray(0, 8192).includes(0)) return undefined;
    return bytes.toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * The context directory for a Dockerfile: `explicit` when given (absolute, or relative to `base`,
 * the working directory or workspace folder), else the Dockerfile's folder.
 */
export function resolveContextDir(dockerfile: string, explicit?: string, base: string = process.cwd()): string {
  if (explicit && explicit.trim()) return resolve(isAbsolute(explicit) ? explicit : join(base, explicit));
  return dirname(resolve(dockerfile));
}

function toContextPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/') || '.';
}

const REQUIREMENT_NAME = /^(requirements|constraints).*\.(txt|in)$/i;

export interface LoadOptions {
  /** Explicit context directory (CLI `--context`, setting `slimfile.buildContext`). */
  contextDir?: string;
  /** What a relative contextDir is relative to (default: the working directory). */
  base?: string;
  /** How `root` reads in messages (default: the path relative to the working directory). */
  displayRoot?: string;
  files?: ContextFiles;
}

/** Reads the build context a Dockerfile (parsed as `model`) would be built with. */
export function loadBuildContext(dockerfile: string, model: DockerfileModel, options: LoadOptions = {}): BuildContext {
  const files = options.files ?? new ContextFiles();
  const root = resolveContextDir(dockerfile, options.contextDir, options.base);
  const texts = new Map<string, string>();
  const read = (relativePath: string): string | undefined => {
    const clean = cleanPath(relativePath);
    if (texts.has(clean)) return texts.get(clean);
    if (texts.size >= MAX_FILES || clean.startsWith('..') || isAbsolute(clean)) return undefined;
    const text = files.read(join(root, ...clean.split('/')));
    if (text !== undefined) texts.set(clean, text);
    return text;
  };

  // BuildKit prefers `<Dockerfile name>.dockerignore` beside the Dockerfile over the context's `.dockerignore`.
  const dockerfilePath = resolve(dockerfile);
  const specific = `${dockerfilePath}.dockerignore`;
  let dockerignorePath: string | undefined;
  const specificText = files.read(specific);
  if (specificText !== undefined) {
    dockerignorePath = toContextPath(root, specific);
    texts.set(dockerignorePath, specificText);
  } else if (read(DOCKERIGNORE) !== undefined) {
    dockerignorePath = DOCKERIGNORE;
  }

  const listed: string[] = [];
  const top = files.list(root) ?? [];
  for (const entry of top) {
    listed.push(entry.name);
    if (entry.isDirectory()) {
      // A virtual environment announces itself with pyvenv.cfg.
      if (files.read(join(root, entry.name, 'pyvenv.cfg')) !== undefined) listed.push(`${entry.name}/pyvenv.cfg`);
      if (/^requirements?$/i.test(entry.name)) {
        for (const inner of files.list(join(root, entry.name)) ?? []) {
          listed.push(`${entry.name}/${inner.name}`);
          if (inner.isFile() && /\.(txt|in)$/i.test(inner.name)) read(`${entry.name}/${inner.name}`);
        }
      }
    } else if (REQUIREMENT_NAME.test(entry.name) || (PROJECT_MANIFESTS as readonly string[]).includes(entry.name)) {
      read(entry.name);
    }
  }
  for (const path of mentionedManifests(model)) read(path);

  // Follow `-r` / `-c` includes of every requirement file read so far (and of those they include).
  const queue = [...texts.keys()].filter((p) => /\.(txt|in)$/i.test(p));
  const followed = new Set<string>();
  while (queue.length > 0 && texts.size < MAX_FILES) {
    const path = queue.shift() as string;
    if (followed.has(path)) continue;
    followed.add(path);
    const text = texts.get(path);
    if (text === undefined) continue;
    for (const include of includedFiles(path, text)) if (read(include) !== undefined) queue.push(include);
  }

  return createBuildContext({
    root: options.displayRoot ?? (toContextPath(process.cwd(), root).startsWith('..') ? root : toContextPath(process.cwd(), root)),
    files: texts,
    listed,
    dockerignorePath,
    dockerfilePath: toContextPath(root, dockerfilePath),
  });
}

/** Whether a changed file can change a build context (for watchers). */
export function isContextFile(path: string): boolean {
  const name = basename(path);
  return (
    name === DOCKERIGNORE ||
    name.endsWith('.dockerignore') ||
    REQUIREMENT_NAME.test(name) ||
    /\.(txt|in)$/i.test(name) ||
    (PROJECT_MANIFESTS as readonly string[]).includes(name) ||
    name === 'pyvenv.cfg'
  );
}

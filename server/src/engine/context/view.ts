// Building a BuildContext from what a loader read (or what a test writes out),
// and applying a fix's file changes to one, in memory, the same way the CLI
// applies them on disk.

import type { FileChange } from '../rules/types';
import { cleanPath } from './dockerignore';
import type { BuildContext } from './types';

export interface BuildContextParts {
  root: string;
  /** File texts by path relative to the root. `.dockerignore` (or the path given as dockerignorePath) is the ignore file. */
  files: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Paths that were listed (files and directories) besides the files read. */
  listed?: readonly string[];
  dockerignorePath?: string;
  dockerfilePath?: string;
}

export const DOCKERIGNORE = '.dockerignore';

export function createBuildContext(parts: BuildContextParts): BuildContext {
  const files = parts.files instanceof Map ? new Map(parts.files) : new Map(Object.entries(parts.files));
  const ignorePath = parts.dockerignorePath ?? (files.has(DOCKERIGNORE) ? DOCKERIGNORE : undefined);
  const listed = [...new Set([...(parts.listed ?? []), ...files.keys()].map(cleanPath))].filter((p) => !p.startsWith('..')).sort();
  const present = new Set<string>();
  for (const path of listed) {
    // Every parent of a listed path exists too.
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) present.add(parts.slice(0, i).join('/'));
  }
  return {
    root: parts.root,
    dockerignore: ignorePath !== undefined ? files.get(ignorePath) : undefined,
    files,
    exists: (relativePath) => present.has(cleanPath(relativePath.replace(/^\/+/, ''))),
    dockerignorePath: ignorePath,
    dockerfilePath: parts.dockerfilePath,
    listed,
  };
}

/** The file's text after the change, or undefined when the change does not apply (creating a file that exists). */
export function applyFileChange(current: string | undefined, change: FileChange): string | undefined {
  if (change.kind === 'create') return current === undefined ? change.text : undefined;
  if (current === undefined || current === '') return change.text;
  return (current.endsWith('\n') ? current : `${current}\n`) + change.text;
}

/** The context as it will be after the changes, so a fix loop sees what it wrote. */
export function withFileChanges(context: BuildContext, changes: readonly FileChange[]): BuildContext {
  if (changes.length === 0) return context;
  const files = new Map(context.files);
  let ignorePath = context.dockerignorePath;
  for (const change of changes) {
    const path = cleanPath(change.path);
    const next = applyFileChange(files.get(path), change);
    if (next === undefined) continue;
    files.set(path, next);
    if (path === DOCKERIGNORE && ignorePath === undefined) ignorePath = path;
  }
  return createBuildContext({ root: context.root, files, listed: context.listed, dockerignorePath: ignorePath, dockerfilePath: context.dockerfilePath });
}

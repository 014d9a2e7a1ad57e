// Build contexts for open Dockerfiles. Reads go through one ContextFiles cache
// (per absolute path), so typing costs map lookups, not disk reads; a watched
// file event drops what changed and bumps the key analyses are cached under.

import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildContext } from '../engine/context/types';
import type { DockerfileModel } from '../engine/model/types';
import { mentionedManifests } from '../engine/context/installs';
import { ContextFiles, loadBuildContext, resolveContextDir } from '../project/context';

const MAX_RECENT = 64;

export interface DocumentContext {
  context: BuildContext;
  /** Absolute path of the context directory, for turning fixes' file changes into URIs. */
  rootPath: string;
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class BuildContexts {
  private readonly files = new ContextFiles();
  private generation = 0;
  /** The last context per document, handed out again while nothing it depends on changed (so parsed lock files stay cached). */
  private readonly recent = new Map<string, { key: string; value: DocumentContext }>();
  /** Workspace folders (absolute paths), which a relative `slimfile.buildContext` is resolved against. */
  folders: string[] = [];

  /** Changes whenever a context file may have changed. */
  get key(): number {
    return this.generation;
  }

  /** The context directory of a Dockerfile on disk and what a relative setting is read against; undefined for unsaved documents. */
  locate(uri: string, setting: string): { path: string; rootPath: string; base: string | undefined; folder: string | undefined } | undefined {
    const path = pathOf(uri);
    if (!path) return undefined;
    const folder = this.folders.filter((f) => path === f || path.startsWith(f.endsWith(sep) ? f : `${f}${sep}`)).sort((a, b) => b.length - a.length)[0];
    // A relative setting needs a workspace folder; without one it reads relative to the Dockerfile.
    const base = folder ?? (setting && !isAbsolute(setting) ? resolveContextDir(path) : undefined);
    return { path, rootPath: resolveContextDir(path, setting || undefined, base), base, folder };
  }

  /** The context of a Dockerfile on disk; undefined for unsaved (`untitled:`) documents. */
  for(uri: string, model: DockerfileModel, setting: string): DocumentContext | undefined {
    const where = this.locate(uri, setting);
    if (!where) return undefined;
    const key = [this.generation, setting, ...mentionedManifests(model)].join('\u0000');
    const cached = this.recent.get(uri);
    if (cached?.key === key) return cached.value;
    const shown = where.folder ? relative(where.folder, where.rootPath).split(sep).join('/') || '.' : where.rootPath;
    const context = loadBuildContext(where.path, model, { contextDir: setting || undefined, base: where.base, files: this.files, displayRoot: shown });
    const value = { context, rootPath: where.rootPath };
    this.recent.delete(uri);
    this.recent.set(uri, { key, value });
    // Documents come and go; keep the most recently used ones.
    if (this.recent.size > MAX_RECENT) this.recent.delete(this.recent.keys().next().value as string);
    return value;
  }

  /** Forgets the files behind these URIs (everything when one is not a file URI). */
  changed(uris: readonly string[]): void {
    this.generation++;
    for (const uri of uris) {
      const path = pathOf(uri);
      if (!path) {
        this.files.invalidate();
        return;
      }
      this.files.invalidate(path);
    }
  }
}

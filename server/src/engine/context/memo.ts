// Parsed forms of context files, kept for as long as the BuildContext object
// lives. The language server hands rules the same BuildContext until a context
// file changes, so a multi-megabyte lock file is parsed once, not per keystroke.
// Keyed weakly on the context: nothing outlives it, and results depend only on its texts.

import type { BuildContext } from './types';

const parsed = new WeakMap<BuildContext, Map<string, unknown>>();

/** `read(text)` of a context file, computed once per context, file and reader; undefined when the file was not read. */
export function parsedFile<T>(context: BuildContext, path: string, reader: string, read: (text: string) => T): T | undefined {
  const text = context.files.get(path);
  if (text === undefined) return undefined;
  let cache = parsed.get(context);
  if (!cache) {
    cache = new Map();
    parsed.set(context, cache);
  }
  const key = `${reader}\u0000${path}`;
  if (!cache.has(key)) cache.set(key, read(text));
  return cache.get(key) as T;
}

const derived = new WeakMap<BuildContext, Map<string, unknown>>();

/** A value computed from the context (and whatever `key` stands for), once per context object. */
export function memoOnContext<T>(context: BuildContext, key: string, compute: () => T): T {
  let cache = derived.get(context);
  if (!cache) {
    cache = new Map();
    derived.set(context, cache);
  }
  if (!cache.has(key)) cache.set(key, compute());
  return cache.get(key) as T;
}

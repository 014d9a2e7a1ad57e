// A read-only view of the build context: what the Dockerfile cannot say on its
// own (`.dockerignore`, requirement and lock files). The CLI and the server
// read it from disk; rules only read this view, never the file system.

export interface BuildContext {
  /** The context directory, for messages (as the user would write it). */
  root: string;
  /** Text of `.dockerignore` (or `<Dockerfile>.dockerignore`), undefined when there is none. */
  dockerignore: string | undefined;
  /** Text of files in the context, by path relative to the root with `/` separators; only the files the engine asked for. */
  files: ReadonlyMap<string, string>;
  /** Paths relative to the root that exist (files and directories), as far as they were listed. */
  exists(relativePath: string): boolean;
  /** Where the ignore file in effect lives, relative to the root (`.dockerignore`, or `../Dockerfile.dockerignore` beside a Dockerfile outside it). */
  dockerignorePath?: string;
  /** The Dockerfile, relative to the root (may start with `..` when it lives outside the context). */
  dockerfilePath?: string;
  /** Every path that was listed (the top levels of the context), sorted; what `exists` answers from besides `files`. */
  listed?: readonly string[];
}

import { globMatches, hasWildcard, parseDockerignore, type IgnorePattern } from '../context/dockerignore';
import { DOCKERIGNORE } from '../context/view';
import { namedContextPaths } from './context-helpers';
import type { Fix, Rule } from './types';

export const copyIgnoredFile: Rule = {
  id: 'copy-ignored-file',
  category: 'correctness',
  defaultSeverity: 'error',
  fixAvailability: 'sometimes',
  docs: {
    summary: '`COPY` of a path the `.dockerignore` excludes',
    what:
      'Reports `COPY`/`ADD` sources and `RUN --mount=type=bind` sources from the build context that the ignore file in effect ' +
      '(`.dockerignore`, or `<Dockerfile>.dockerignore`) excludes, matched the way Docker matches them: a pattern excludes a path ' +
      'when it matches the path or any folder above it, and the last matching line wins. A wildcard source is reported when every ' +
      'file it matches at the top of the context is excluded.',
    why:
      'The builder never receives an excluded file, so the instruction fails with `failed to compute cache key: ... not found` ' +
      '(or a wildcard copies nothing and fails the same way). Because the ignore file is separate from the Dockerfile, the ' +
      'error shows up only at build time, often in CI, after someone tidied the ignore file. The Dockerfile and the ignore file ' +
      'themselves are sent to the builder even when excluded, but `COPY` does not see them either.',
    knownProblems:
      'A folder that is excluded but partly re-included by a later `!` line is not reported (the copy then brings only the ' +
      're-included files). Wildcard sources are checked against the top-level listing only.',
    example: '# .dockerignore:\n#   config\nFROM python:3.12-slim\nWORKDIR /app\nCOPY config/settings.toml ./config/\nCOPY app/ ./app/',
    useInstead: '# .dockerignore:\n#   config\n#   !config/settings.toml\nFROM python:3.12-slim\nWORKDIR /app\nCOPY config/settings.toml ./config/\nCOPY app/ ./app/',
    fixSafety:
      'Unsafe: the fix appends a `!path` exception to the ignore file, which sends that path to the builder again. The path may ' +
      'have been excluded on purpose (a secret, a large data set); if so, drop the `COPY` instead.',
    references: ['https://docs.docker.com/build/concepts/context/#dockerignore-files', 'https://docs.docker.com/reference/dockerfile/#copy'],
  },
  check({ model, buildContext: context, report }) {
    if (!context || context.dockerignore === undefined) return;
    const ignore = parseDockerignore(context.dockerignore);
    if (ignore.patterns.length === 0) return;
    const ignorePath = context.dockerignorePath ?? DOCKERIGNORE;
    const reported = new Set<string>();
    for (const named of namedContextPaths(model)) {
      const key = `${named.instruction.line}:${named.path}`;
      if (reported.has(key)) continue;
      let decider: IgnorePattern | undefined;
      if (hasWildcard(named.path)) {
        const matches = (context.listed ?? []).filter((p) => globMatches(named.path, p));
        if (matches.length === 0 || !matches.every((p) => ignore.excludes(p))) continue;
        decider = ignore.match(matches[0]).decidedBy;
      } else {
        const match = ignore.match(named.path);
        if (!match.excluded || ignore.mayReincludeUnder(named.path)) continue;
        decider = match.decidedBy;
      }
      reported.add(key);
      const fixes: Fix[] = [];
      if (!hasWildcard(named.path)) {
        const text = `!${named.path}\n`;
        const after = `${context.dockerignore}${context.dockerignore.endsWith('\n') || context.dockerignore === '' ? '' : '\n'}${text}`;
        if (!parseDockerignore(after).excludes(named.path)) {
          fixes.push({ title: `Re-include ${named.path} in ${ignorePath}`, safe: false, edits: [], fileChanges: [{ path: ignorePath, kind: 'append', text }] });
        }
      }
      const what = named.via === 'mount' ? 'this bind mount fails' : `this ${named.instruction.keyword} fails`;
      report({
        span: named.span,
        message:
          `${ignorePath} excludes \`${named.written}\`` +
          (decider ? ` (\`${decider.raw.trim()}\` on line ${decider.line + 1})` : '') +
          `, so ${what} with "not found": the builder never receives it`,
        fixes,
      });
    }
  },
};

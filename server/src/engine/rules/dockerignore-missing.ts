import { parseDockerignore } from '../context/dockerignore';
import { DOCKERIGNORE } from '../context/view';
import { copySpan, DEFAULT_LINES, EXAMPLE_ENV, labelOf, listWords, planIgnoreLines, renderIgnoreFile, wholeContextCopy, type IgnoreLine } from './context-helpers';
import type { Fix, Rule } from './types';

const HEADER = '# What `docker build` leaves out of the build context (and so out of COPY . .).\n# Patterns are relative to the context root; `**/` matches at any depth.';

/** Each default line's matcher, read once: the lines are constant. */
const DEFAULT_MATCHERS = new Map(DEFAULT_LINES.map((line) => [line, parseDockerignore(line.pattern)]));

export const dockerignoreMissing: Rule = {
  id: 'dockerignore-missing',
  category: 'size',
  defaultSeverity: 'warning',
  fixAvailability: 'always',
  docs: {
    summary: '`COPY . .` with no `.dockerignore`',
    what:
      'Reports a `COPY` or `ADD` of the whole build context (`COPY . .`, `ADD . /app`) when the context has no `.dockerignore` ' +
      '(nor a `<Dockerfile>.dockerignore` beside the Dockerfile, which BuildKit reads first). Needs the build context: ' +
      'the CLI and the editor read it from the Dockerfile\'s folder, or from `--context` / `slimfile.buildContext`.',
    why:
      'Without an ignore file everything in the folder goes to the builder and, through `COPY . .`, into the image: the `.git` history ' +
      '(often the largest directory of a project), a local virtual environment built for another platform, `__pycache__`, test and ' +
      'coverage output, and any `.env` file with credentials, which then ships in a layer anyone who pulls the image can read. ' +
      'Every one of those files is also part of the COPY layer\'s cache key, so touching any of them (a `git fetch`, running the tests) ' +
      'rebuilds every later layer.',
    knownProblems:
      'The suggested file leaves out `dist/` and `build/`, because some images install a wheel built on the host, and leaves the ' +
      'Dockerfile itself in (excluding it only helps the cache). Files the Dockerfile copies or mounts by name are never excluded. ' +
      'Only the top level of the context is listed, so a secret file deeper down is not mentioned by name.',
    example: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]',
    useInstead:
      '# .dockerignore, at the root of the build context:\n#   .git\n#   .venv\n#   **/__pycache__\n#   **/*.py[cod]\n#   .env\n#   .env.*\n' +
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]',
    fixSafety:
      'The fix creates `.dockerignore` at the context root with a Python default list: version control, virtual environments, ' +
      'Python caches and tool output, editor files, secrets (`.env`, `.env.*`, `*.env`, keeping `.env.example`) and `node_modules`. ' +
      'It is safe when none of those lines removes something the image uses: lines that would exclude a file the Dockerfile copies ' +
      'or mounts by name are left out, and the safe fix also leaves out `.env`-style files that exist in the context (an app may read ' +
      'them at run time; pass them with `--env-file` or a secret instead), a `node_modules` that exists, and `.git` when ' +
      '`pyproject.toml` takes the version from Git (setuptools-scm, hatch-vcs, …: building the project in the image needs `.git`, ' +
      'or `SETUPTOOLS_SCM_PRETEND_VERSION`). A second, unsafe fix writes those lines too.',
    references: [
      'https://docs.docker.com/build/concepts/context/#dockerignore-files',
      'https://docs.docker.com/build/building/best-practices/#exclude-with-dockerignore',
      'https://setuptools-scm.readthedocs.io/en/latest/overrides/',
    ],
  },
  check({ model, buildContext: context, report }) {
    if (!context || context.dockerignore !== undefined) return;
    const copy = wholeContextCopy(model);
    if (!copy) return;
    const plan = planIgnoreLines(model, context, DEFAULT_LINES);
    const fixes: Fix[] = [
      { title: 'Create .dockerignore', safe: true, edits: [], fileChanges: [{ path: DOCKERIGNORE, kind: 'create', text: renderIgnoreFile(plan.safe, HEADER) }] },
    ];
    if (plan.risky.length > 0) {
      const all = plan.all;
      fixes.push({
        title: `Create .dockerignore, also excluding ${listWords(plan.risky.filter((r) => !r.line.pattern.startsWith('!')).map((r) => labelOf(r.line)))}`,
        safe: false,
        edits: [],
        fileChanges: [{ path: DOCKERIGNORE, kind: 'create', text: renderIgnoreFile(all, HEADER) }],
      });
    }
    // Name what is actually there, from the top-level listing: each path under the first line that excludes it.
    const planned = new Set([...plan.safe, ...plan.risky.map((r) => r.line)]);
    const matchers = DEFAULT_LINES.filter((l) => planned.has(l) && !l.pattern.startsWith('!')).map((line) => ({ line, ignore: DEFAULT_MATCHERS.get(line)! }));
    const present: IgnoreLine[] = [];
    for (const path of context.listed ?? []) {
      if (path.includes('/') || EXAMPLE_ENV.test(path)) continue;
      const line = matchers.find((m) => m.ignore.excludes(path))?.line;
      if (line && !present.includes(line)) present.push(line);
    }
    const what = present.length > 0 ? `${listWords(present.map(labelOf))} in ${context.root === '.' ? 'the context' : `\`${context.root}\``} go` : '`.git`, virtual environments, caches and `.env` files go';
    const written = model.text.slice(copy.span.start, copy.span.end).split(/\r?\n/)[0].replace(/\s+/g, ' ');
    report({
      span: copySpan(copy),
      message: `\`${written.length > 40 ? `${written.slice(0, 39)}…` : written}\` sends the whole build context and there is no .dockerignore: ${what} to the builder and into the image`,
      fixes,
    });
  },
};

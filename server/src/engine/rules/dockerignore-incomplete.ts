import { parseDockerignore, type DockerIgnore } from '../context/dockerignore';
import type { BuildContext } from '../context/types';
import { DOCKERIGNORE } from '../context/view';
import { copySpan, DEFAULT_LINES, EXAMPLE_ENV, labelOf, listWords, planIgnoreLines, renderAppend, SECRET_NAME, wholeContextCopy, type IgnoreLine } from './context-helpers';
import type { Fix, Rule } from './types';

interface Gap {
  line: IgnoreLine;
  /** The context has what the line would exclude. */
  present: boolean;
  /** A note for the message, e.g. why the existing pattern misses. */
  note?: string;
}

const defaultLine = (pattern: string): IgnoreLine => DEFAULT_LINES.find((l) => l.pattern === pattern) as IgnoreLine;

/** Directories an exception re-includes (`!src` → `src`): bytecode below them would be sent again. */
function reincludedDirs(ignore: DockerIgnore): string[] {
  return ignore.patterns
    .filter((p) => p.exception)
    .map((p) => p.pattern.split(/[*?[\\]/)[0].replace(/\/+$/, ''))
    // `!requirements.txt` or `!.env.example` names a file, not a folder that could hold bytecode.
    .filter((d) => d && d !== '.' && !/^.+\.[A-Za-z0-9]+$/.test(d.split('/').pop() ?? ''));
}

/** What the ignore file lets through that a Python image should not get. */
export function ignoreGaps(ignore: DockerIgnore, context: BuildContext): Gap[] {
  const listed = context.listed ?? [];
  const exists = (path: string) => context.exists(path);
  const gaps: Gap[] = [];
  if (!ignore.excludes('.git/objects/pack/pack.pack')) gaps.push({ line: defaultLine('.git'), present: exists('.git') });
  if (!ignore.excludes('.venv/pyvenv.cfg')) gaps.push({ line: defaultLine('.venv'), present: exists('.venv') });
  for (const path of listed) {
    const m = /^([^/]+)\/pyvenv\.cfg$/.exec(path);
    if (m && m[1] !== '.venv' && !ignore.excludes(path)) gaps.push({ line: { pattern: m[1], kind: 'venv' }, present: true });
  }
  // Python 3 writes bytecode into __pycache__, so that directory is the one that matters; check it at any depth.
  const dirs = ['pkg', ...reincludedDirs(ignore)];
  if (dirs.some((d) => !ignore.excludes(`${d}/__pycache__/module.cpython-312.pyc`))) {
    const rootOnly = ignore.excludes('__pycache__/module.cpython-312.pyc');
    gaps.push({
      line: defaultLine('**/__pycache__'),
      present: exists('__pycache__'),
      note: rootOnly ? 'a pattern without `**/` only matches at the context root' : undefined,
    });
    if (dirs.some((d) => !ignore.excludes(`${d}/module.pyc`))) gaps.push({ line: defaultLine('**/*.py[cod]'), present: false });
  }
  if (!ignore.excludes('.env')) gaps.push({ line: defaultLine('.env'), present: exists('.env') });
  let envVariant = false;
  for (const name of listed) {
    if (name.includes('/') || name === '.env' || EXAMPLE_ENV.test(name) || !SECRET_NAME.test(name) || ignore.excludes(name)) continue;
    if (/^\.env\./.test(name)) {
      if (!envVariant) gaps.push({ line: defaultLine('.env.*'), present: true });
      envVariant = true;
    } else gaps.push({ line: { pattern: name, kind: 'secret' }, present: true });
  }
  if (envVariant && listed.some((n) => EXAMPLE_ENV.test(n) && !ignore.excludes(n))) {
    const example = listed.find((n) => EXAMPLE_ENV.test(n)) as string;
    gaps.push({ line: { pattern: `!${example}`, kind: 'secret' }, present: true });
  }
  return gaps;
}

export const dockerignoreIncomplete: Rule = {
  id: 'dockerignore-incomplete',
  category: 'size',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  docs: {
    summary: '`.dockerignore` lets `.git`, virtual environments, bytecode or secrets into `COPY . .`',
    what:
      'When the Dockerfile copies the whole build context (`COPY . .`), reports an ignore file (`.dockerignore`, or the ' +
      '`<Dockerfile>.dockerignore` BuildKit prefers) that does not exclude `.git`, `.venv` (and any other virtual environment ' +
      'folder with a `pyvenv.cfg` in the context), `__pycache__` at every depth, `.env`, or secret-looking files at the top of the ' +
      'context (`.env.production`, `.pypirc`, `.netrc`, `id_rsa`, `*.pem`, `*.key`, …). Patterns are checked with Docker\'s own ' +
      'matching, so a `__pycache__` or `*.pyc` line that only covers the context root is caught: `.dockerignore` patterns are ' +
      'anchored at the root, unlike `.gitignore` ones.',
    why:
      'Whatever the ignore file lets through, `COPY . .` puts in the image: the Git history (often the largest part of a project), ' +
      'a host virtual environment whose interpreter paths do not exist in the image (and which `uv sync` or `pip` may then try to ' +
      'reuse), stale bytecode, and credentials that anyone who pulls the image can read from the layer. They also make the copy ' +
      'layer\'s cache key change whenever the tests run or Git fetches.',
    knownProblems:
      'Only the top level of the context is listed, so a secret deeper down is not named. An allow-list file (`*` then `!src`) is ' +
      'understood: bytecode under a re-included folder is still reported.',
    example: '# .dockerignore:\n#   .git\n#   __pycache__\n#   *.pyc\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt',
    useInstead:
      '# .dockerignore:\n#   .git\n#   __pycache__\n#   *.pyc\n#   # Added by Slimfile\n#   .venv\n#   **/__pycache__\n#   **/*.py[cod]\n#   .env\n' +
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt',
    fixSafety:
      'The fix appends the missing lines to the ignore file in effect. It is safe for lines that exclude nothing the image uses: ' +
      'lines that would exclude a file the Dockerfile copies or mounts by name are never added, and a secret file that exists in ' +
      'the context (the app may read it at run time), or `.git` when `pyproject.toml` takes the version from Git, is only added by ' +
      'a second, unsafe fix. When every missing line is of that kind, only the unsafe fix is offered.',
    references: ['https://docs.docker.com/build/concepts/context/#dockerignore-files', 'https://docs.docker.com/build/building/best-practices/#exclude-with-dockerignore'],
  },
  check({ model, buildContext: context, report }) {
    if (!context || context.dockerignore === undefined) return;
    const copy = wholeContextCopy(model);
    if (!copy) return;
    const existing = context.dockerignore;
    const gaps = ignoreGaps(parseDockerignore(existing), context);
    if (gaps.length === 0) return;
    const path = context.dockerignorePath ?? DOCKERIGNORE;
    const plan = planIgnoreLines(model, context, gaps.map((g) => g.line), existing);
    const fixes: Fix[] = [];
    if (plan.safe.length > 0) fixes.push({ title: `Add ${listWords(plan.safe.filter((l) => !l.pattern.startsWith('!')).map(labelOf))} to ${path}`, safe: true, edits: [], fileChanges: [{ path, kind: 'append', text: renderAppend(plan.safe) }] });
    if (plan.risky.length > 0) {
      const all = plan.all;
      fixes.push({
        title: `Add ${listWords(all.filter((l) => !l.pattern.startsWith('!')).map(labelOf))} to ${path}`,
        safe: false,
        edits: [],
        fileChanges: [{ path, kind: 'append', text: renderAppend(all) }],
      });
    }
    const shown = gaps.filter((g) => !g.line.pattern.startsWith('!'));
    const present = shown.filter((g) => g.present).map((g) => labelOf(g.line));
    const notes = gaps.flatMap((g) => (g.note ? [g.note] : []));
    const written = model.text.slice(copy.span.start, copy.span.end).split(/\r?\n/)[0].replace(/\s+/g, ' ');
    report({
      span: copySpan(copy),
      message:
        `${path} does not exclude ${listWords(shown.map((g) => labelOf(g.line)))}, so \`${written.length > 40 ? `${written.slice(0, 39)}…` : written}\` copies them into the image` +
        (present.length > 0 ? ` (${listWords(present)} ${present.length === 1 ? 'is' : 'are'} in the context)` : '') +
        (notes.length > 0 ? `; ${notes.join('; ')}` : ''),
      fixes,
    });
  },
};

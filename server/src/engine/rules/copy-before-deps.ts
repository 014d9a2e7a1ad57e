import { computeMoveCopy, findCopyBeforeInstall } from '../refactor/move-copy';
import type { Rule } from './types';

export const copyBeforeDeps: Rule = {
  id: 'copy-before-deps',
  category: 'cache',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  docs: {
    summary: '`COPY . .` before the dependency install',
    what:
      'Reports a `COPY`/`ADD` of the whole build context (`.`, `./`, `*`) that comes before a `pip install`, `uv sync`, `uv pip install` or ' +
      '`poetry install` in the same stage.',
    why:
      'A `COPY` layer is cached on the content of what it copies, and once one instruction misses the cache every later one rebuilds. ' +
      'With the whole source copied first, every code edit reinstalls every dependency: seconds for a small app, many minutes for an ML stack. ' +
      'Copying only `requirements*.txt` (or `pyproject.toml` and the lock file) first keeps the install cached until the dependencies change.',
    knownProblems:
      'The fix copies the requirement files the install names; a file that pulls in another with `-r` needs that one copied too. ' +
      '`pip install .` needs the package source to build, so no fix is offered for it: install the dependencies from a requirements or lock file first.',
    example: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]',
    useInstead:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]',
    fixSafety:
      'Safe when nothing between the copy and the install reads the sources: the same files end up in the image, in a better order. ' +
      'For `uv sync` and `poetry install` the first install skips the project (`--no-install-project` / `--no-root`) and a second one installs it after the copy. ' +
      'Unsafe when a `RUN` in between may use the copied files.',
    references: [
      'https://docs.docker.com/build/cache/optimize/#order-your-layers',
      'https://docs.astral.sh/uv/guides/integration/docker/#intermediate-layers',
    ],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const found = findCopyBeforeInstall(stage);
      if (!found) continue;
      const fix = computeMoveCopy(model, found);
      report({
        span: found.copy.span.end - found.copy.span.start > 200 ? found.copy.keywordSpan : found.copy.span,
        message:
          `Copying the whole context before \`${found.invocation.program} ${found.invocation.subcommand}\` (line ${found.install.line + 1}) ` +
          'reinstalls every dependency on each code change: copy the dependency manifests first',
        fixes: fix ? [{ title: fix.title, safe: fix.safe, edits: fix.edits }] : [],
      });
    }
  },
};

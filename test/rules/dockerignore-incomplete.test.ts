import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerignore } from '../../server/src/engine/context/dockerignore';
import { lintText } from '../../server/src/engine/lint';
import { ignoreGaps, dockerignoreIncomplete } from '../../server/src/engine/rules/dockerignore-incomplete';
import { dockerfile } from '../helpers';
import { contextOf, ruleTests } from '../rule-tester';

const APP = dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY . .');
const COMPLETE = '.git\n.venv\n**/__pycache__\n**/*.py[cod]\n.env\n';
const ADDED = '# Added by Slimfile: keep these out of the build context and the image';

// ../shared/corpus/docker__awesome-compose__nginx-flask-mysql_backend_Dockerfile (first stage)
const FLASK = dockerfile(
  'FROM --platform=$BUILDPLATFORM python:3.10-alpine AS builder',
  'WORKDIR /code',
  'COPY requirements.txt /code',
  'RUN --mount=type=cache,target=/root/.cache/pip \\',
  '    pip3 install -r requirements.txt',
  'COPY . .',
);

ruleTests(dockerignoreIncomplete, {
  valid: [
    APP,
    { code: APP, context: { files: { '.dockerignore': COMPLETE } } },
    { code: FLASK, context: { files: { '.dockerignore': `# comment\n${COMPLETE}.env.*\n!.env.example\n` }, listed: ['.env.local', '.env.example'] } },
    // An allow-list that re-includes only the sources and the requirements, with bytecode kept out below them.
    { code: APP, context: { files: { '.dockerignore': '*\n!src\n!requirements.txt\n**/__pycache__\n**/*.pyc\n' } } },
    // No .dockerignore at all is dockerignore-missing's business.
    { code: APP, context: { listed: ['.git'] } },
    // Nothing copies the whole context.
    { code: dockerfile('FROM python:3.12-slim', 'COPY src/ /app/src/'), context: { files: { '.dockerignore': '' } } },
  ],
  invalid: [
    {
      // The .gitignore habit: these patterns only match at the context root.
      code: APP,
      context: { files: { '.dockerignore': '.git\n__pycache__\n*.pyc\n' }, listed: ['.git', '.venv', 'src'] },
      lines: [5],
      message: 'does not exclude `.venv`, `__pycache__`, `*.pyc` and `.env`, so `COPY . .` copies them into the image (`.venv` is in the context); a pattern without `**/` only matches at the context root',
      output: APP,
      files: { '.dockerignore': `.git\n__pycache__\n*.pyc\n${ADDED}\n.venv\n**/__pycache__\n**/*.py[cod]\n.env\n` },
    },
    {
      // A file without a final newline gets one before the appended lines; other virtual environments are found by pyvenv.cfg.
      code: FLASK,
      context: { files: { '.dockerignore': '.venv\n**/__pycache__\n.env' }, listed: ['.git', 'env/pyvenv.cfg', 'hello.py'] },
      lines: [6],
      message: 'does not exclude `.git` and `env`, so `COPY . .` copies them into the image (`.git` and `env` are in the context)',
      output: FLASK,
      files: { '.dockerignore': `.venv\n**/__pycache__\n.env\n${ADDED}\n.git\nenv\n` },
    },
    {
      // Bytecode under a folder an allow-list re-includes.
      code: APP,
      context: { files: { '.dockerignore': '*\n!src\n!requirements.txt\n' } },
      lines: [5],
      message: 'does not exclude `__pycache__` and `*.pyc`',
      output: APP,
      files: { '.dockerignore': `*\n!src\n!requirements.txt\n${ADDED}\n**/__pycache__\n**/*.py[cod]\n` },
    },
    {
      // Only secrets that exist are missing: the only fix is unsafe.
      code: APP,
      context: { files: { '.dockerignore': COMPLETE }, listed: ['.env.production', '.env.example', '.pypirc'] },
      lines: [5],
      message: 'does not exclude `.env.*` and `.pypirc`',
      unsafe: true,
      output: APP,
      files: { '.dockerignore': `${COMPLETE}${ADDED}\n.env.*\n.pypirc\n!.env.example\n` },
    },
    {
      // The Dockerfile-specific ignore file is the one to complete.
      code: APP,
      context: { files: { 'Dockerfile.dockerignore': '.venv\n**/__pycache__\n**/*.pyc\n.env\n' }, dockerignorePath: 'Dockerfile.dockerignore' },
      lines: [5],
      message: 'Dockerfile.dockerignore does not exclude `.git`',
      output: APP,
      files: { 'Dockerfile.dockerignore': `.venv\n**/__pycache__\n**/*.pyc\n.env\n${ADDED}\n.git\n` },
    },
  ],
});

describe('dockerignore-incomplete gaps', () => {
  it('keeps .git when the project takes its version from Git, except in the unsafe fix', () => {
    const context = contextOf({ files: { '.dockerignore': '.venv\n**/__pycache__\n**/*.pyc\n.env\n', 'pyproject.toml': '[build-system]\nrequires = ["hatchling", "hatch-vcs"]\n' }, listed: ['.git'] });
    const [finding] = lintText(APP, { rules: [dockerignoreIncomplete], buildContext: context }).findings;
    assert.match(finding.message, /does not exclude `\.git`/);
    assert.deepEqual(finding.fixes.map((f) => f.safe), [false]);
    assert.match(finding.fixes[0].fileChanges?.[0].text ?? '', /^\.git$/m);
  });

  it('treats .git as excluded when only its HEAD is re-included', () => {
    const gaps = ignoreGaps(parseDockerignore('.git\n!.git/HEAD\n.venv\n**/__pycache__\n**/*.pyc\n.env\n'), contextOf({})!);
    assert.deepEqual(gaps, []);
  });
});

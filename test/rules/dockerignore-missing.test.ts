import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintText } from '../../server/src/engine/lint';
import { dockerignoreMissing } from '../../server/src/engine/rules/dockerignore-missing';
import { dockerfile } from '../helpers';
import { contextOf, ruleTests } from '../rule-tester';

const HEADER = ['# What `docker build` leaves out of the build context (and so out of COPY . .).', '# Patterns are relative to the context root; `**/` matches at any depth.'];

/** The file the fix creates, from its sections; `drop` leaves lines out. */
function ignoreFile(drop: string[] = []): string {
  const sections: [string, string[]][] = [
    ['Version control', ['.git']],
    ['Virtual environments: the image builds its own', ['.venv', 'venv']],
    [
      'Python caches and tool output',
      ['**/__pycache__', '**/*.py[cod]', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox', '.nox', '.coverage', '.coverage.*', 'htmlcov', '**/*.egg-info'],
    ],
    ['Editors and operating systems', ['.idea', '.vscode', '**/.DS_Store']],
    ['Secrets: pass them at run time (--env-file) or as build secrets (RUN --mount=type=secret)', ['.env', '.env.*', '*.env', '!.env.example']],
    ['Dependencies installed on the host', ['node_modules']],
  ];
  const out = [...HEADER];
  for (const [comment, lines] of sections) {
    const kept = lines.filter((l) => !drop.includes(l));
    if (kept.length) out.push('', `# ${comment}`, ...kept);
  }
  return out.join('\n') + '\n';
}

const APP = dockerfile('FROM python:3.12-slim', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY . .', 'CMD ["python", "app.py"]');
const PROJECT = { files: { 'requirements.txt': 'flask\n' }, listed: ['.git', '.venv', 'app.py', 'requirements.txt'] };

// ../shared/corpus/CTFd__CTFd__Dockerfile (first stage)
const CTFD = dockerfile(
  'FROM python:3.11-slim-bookworm AS build',
  'WORKDIR /opt/CTFd',
  'ENV PATH="/opt/venv/bin:$PATH"',
  'COPY . /opt/CTFd',
  'RUN pip install --no-cache-dir -r requirements.txt',
);

ruleTests(dockerignoreMissing, {
  valid: [
    // Without a build context the rule cannot know, and stays quiet.
    APP,
    CTFD,
    { code: CTFD, context: { files: { '.dockerignore': '.git\n', 'requirements.txt': 'flask\n' } } },
    // BuildKit's Dockerfile-specific ignore file counts.
    { code: APP, context: { files: { 'Dockerfile.dockerignore': '.git\n' }, dockerignorePath: 'Dockerfile.dockerignore' } },
    // Nothing copies the whole context.
    { code: dockerfile('FROM python:3.12-slim', 'COPY requirements.txt .', 'COPY app/ ./app/'), context: PROJECT },
    { code: dockerfile('FROM python:3.12-slim AS runtime', 'COPY --from=builder . .'), context: PROJECT },
  ],
  invalid: [
    {
      code: APP,
      context: PROJECT,
      lines: [5],
      message: '`COPY . .` sends the whole build context and there is no .dockerignore: `.git` and `.venv` in the context go to the builder',
      output: APP,
      files: { '.dockerignore': ignoreFile() },
    },
    {
      // An existing .env stays out of the safe fix: an app may read it at run time.
      code: APP,
      context: { files: { 'requirements.txt': 'flask\n' }, listed: ['.env', '.env.example', 'app.py'] },
      lines: [5],
      message: '`.env` in the context',
      output: APP,
      files: { '.dockerignore': ignoreFile(['.env', '*.env']) },
    },
    {
      // Building the project reads its version from Git: .git stays.
      code: CTFD,
      context: { files: { 'pyproject.toml': '[build-system]\nrequires = ["setuptools>=64", "setuptools-scm>=8"]\n' }, listed: ['.git', 'CTFd'] },
      lines: [4],
      message: '`COPY . /opt/CTFd` sends the whole build context',
      output: CTFD,
      files: { '.dockerignore': ignoreFile(['.git']) },
    },
    {
      // A path copied by name is never excluded.
      code: dockerfile('FROM nginx:1.27-alpine', 'COPY htmlcov/ /usr/share/nginx/html/', 'ADD . /src'),
      context: { listed: ['htmlcov', 'src'] },
      lines: [3],
      output: dockerfile('FROM nginx:1.27-alpine', 'COPY htmlcov/ /usr/share/nginx/html/', 'ADD . /src'),
      files: { '.dockerignore': ignoreFile(['htmlcov']) },
    },
  ],
});

describe('dockerignore-missing fixes', () => {
  it('offers an unsafe second fix that also excludes what the safe one leaves out', () => {
    const context = contextOf({ listed: ['.env', 'node_modules', 'app.py'] });
    const [finding] = lintText(APP, { rules: [dockerignoreMissing], buildContext: context }).findings;
    assert.deepEqual(
      finding.fixes.map((f) => [f.title, f.safe]),
      [
        ['Create .dockerignore', true],
        ['Create .dockerignore, also excluding `.env`, `*.env` and `node_modules`', false],
      ],
    );
    assert.equal(finding.fixes[1].fileChanges?.[0].text, ignoreFile());
    assert.equal(finding.fixes[0].fileChanges?.[0].text, ignoreFile(['.env', '*.env', 'node_modules']));
  });
});

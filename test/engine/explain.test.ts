// The "Explain this Dockerfile" report: stage graph (mermaid and text), what
// each layer costs, savings, and the findings by category.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBuildContext } from '../../server/src/engine/context/view';
import { explainDockerfile } from '../../server/src/engine/explain';
import { parseDockerfile } from '../../server/src/engine/model/parse';
import { dockerfile } from '../helpers';

const MULTI = dockerfile(
  'FROM python:3.12-slim AS builder',
  'RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*',
  'RUN python -m venv /opt/venv',
  'COPY requirements.txt .',
  'RUN /opt/venv/bin/pip install --no-cache-dir -r requirements.txt',
  '',
  'FROM python:3.12-slim AS runtime',
  'RUN apt-get update && apt-get install -y libpq5',
  'COPY --from=builder /opt/venv /opt/venv',
  'COPY . /app',
  'CMD ["/opt/venv/bin/python", "-m", "app"]',
);

function section(report: string, heading: string): string {
  const start = report.indexOf(`${heading}\n`);
  assert.ok(start >= 0, `no section ${heading}`);
  const next = report.indexOf('\n## ', start + heading.length);
  return report.slice(start, next < 0 ? undefined : next + 1);
}

describe('explainDockerfile', () => {
  const context = createBuildContext({ root: '.', files: { 'requirements.txt': 'psycopg2==2.9.10\npandas\n' } });
  const report = explainDockerfile(parseDockerfile(MULTI), { title: 'services/api/Dockerfile', buildContext: context });

  it('opens with the file, the stage count, the estimate and the number of findings', () => {
    assert.equal(report.split('\n').slice(0, 3).join('\n'), '# Slimfile: services/api/Dockerfile\n\n2 stages; the final image weighs an estimated **≈300 MB** (240–350 MB); 5 findings.');
  });

  it('draws the stage graph in mermaid and as a text tree', () => {
    assert.equal(
      section(report, '## Stages'),
      [
        '## Stages',
        '',
        '```mermaid',
        'flowchart LR',
        '  s0["builder"]',
        '  i0[("python:3.12-slim")]',
        '  i0 --> s0',
        '  s1["runtime (final) ≈300 MB"]',
        '  i0 --> s1',
        '  s0 -- "COPY /opt/venv" --> s1',
        '```',
        '',
        '```text',
        '[final] runtime FROM python:3.12-slim',
        '└── COPY /opt/venv ← builder FROM python:3.12-slim',
        '```',
        '',
        '',
      ].join('\n'),
    );
  });

  it('prices each layer of the final image and says why', () => {
    const table = section(report, '## Image size').split('\n').filter((l) => l.startsWith('| '));
    assert.deepEqual(table, [
      '| Line | Instruction | Adds | Why |',
      '| --- | --- | --- | --- |',
      '| 7 | `FROM python:3.12-slim AS runtime` | ≈120–180 MB | base image: python slim, ≈45–50 MB to pull |',
      '| 8 | `RUN apt-get update && apt-get install -y libpq5` | ≈20–25 MB | apt lists ≈20 MB; apt: libpq5 (with Recommends) ≈2 MB |',
      '| 9 | `COPY --from=builder /opt/venv /opt/venv` | ≈100–160 MB | Python packages from `builder`: pandas, numpy and 4 more ≈100–160 MB |',
      '| 10 | `COPY . /app` | ? | files from the build context: not sized |',
      '| 11 | `CMD ["/opt/venv/bin/python", "-m", "app"]` | 0 | metadata only |',
    ]);
    assert.match(report, /- Delete the apt lists in the same RUN: ≈20 MB \(\[apt-lists-not-cleaned\]\(https:\/\/github\.com\/slimfile\/slimfile\/blob\/main\/docs\/rules\/apt-lists-not-cleaned\.md\)\)/);
    assert.match(report, /<details><summary>Assumptions<\/summary>/);
  });

  it('lists the builder layers separately, as build-only', () => {
    const builder = section(report, '## Build-only stages');
    assert.match(builder, /### builder\n\n≈\d+ MB while building\./);
    assert.match(builder, /\| 2 \| `RUN apt-get update && apt-get install -y --no-install-recommends gc…` \| ≈180–230 MB \| apt: gcc, libpq-dev ≈180–230 MB \|/);
    assert.match(builder, /\| 5 \| `RUN \/opt\/venv\/bin\/pip install --no-cache-dir -r requirements.txt` \| ≈100–160 MB \| pip: pandas, numpy and 4 more ≈100–160 MB \|/);
  });

  it('groups findings by category with links to the rule pages', () => {
    const findings = section(report, '## Findings');
    assert.deepEqual(
      findings.split('\n').filter((l) => l.startsWith('### ')),
      ['### Size (3)', '### Security (1)', '### Runtime (1)'],
    );
    // With a build context and no .dockerignore, the context rules speak too.
    assert.match(findings, /dockerignore-missing/);
    assert.match(findings, /- Line 8, warning, \[`apt-no-install-recommends`\]\(https:\/\/github\.com\/slimfile\/slimfile\/blob\/main\/docs\/rules\/apt-no-install-recommends\.md\) \(safe fix\): /);
  });

  it('explains several targets, and files without stages or findings', () => {
    const targets = explainDockerfile(parseDockerfile(dockerfile('FROM python:3.12-slim AS base', 'FROM base AS test', 'USER 1000', 'FROM base AS prod', 'USER 1000')));
    assert.match(targets, /## Image: test\n/);
    assert.match(targets, /## Image: prod\n/);
    assert.match(targets, /\[final\] prod\n└── FROM base FROM python:3\.12-slim\n\[target\] test\n└── FROM base FROM python:3\.12-slim/);
    const empty = explainDockerfile(parseDockerfile('# nothing here\n'));
    assert.match(empty, /no `FROM` instruction/);
    const clean = explainDockerfile(parseDockerfile(dockerfile('FROM scratch', 'COPY app /app', 'USER 65534')), { findings: [] });
    assert.match(clean, /## Findings\n\nNone: Slimfile has nothing to suggest for this file\./);
  });
});

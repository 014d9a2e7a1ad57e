// The size estimate: base image + what each layer adds, and what the fixes
// would save. Expectations are worked out by hand from the knowledge tables
// (apt sizes scale by 0.9–1.15 around dpkg's figure; pip packages the table
// does not know count 0.5–5 MB each).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBuildContext } from '../../server/src/engine/context/view';
import { aptSetSize, apkSetSize } from '../../server/src/engine/knowledge/apt-sizes';
import { parseDockerfile } from '../../server/src/engine/model/parse';
import { estimateImage, estimateTargets, formatMb, formatRange, targetStages, type ImageEstimate } from '../../server/src/engine/size';
import { dockerfile } from '../helpers';

function estimate(text: string, files?: Record<string, string>): ImageEstimate {
  const buildContext = files ? createBuildContext({ root: '.', files }) : undefined;
  return estimateImage(parseDockerfile(text), undefined, { buildContext })!;
}

/** Layer parts as `label: low–high`, for exact comparison. */
function parts(e: ImageEstimate): string[] {
  return e.layers.flatMap((l) => l.parts.map((p) => `${p.label}: ${p.mb.low}–${p.mb.high}`));
}

function savings(e: ImageEstimate): string[] {
  return e.savings.map((s) => `${s.ruleId ?? '-'}: ${s.mb.low}–${s.mb.high}`);
}

describe('apt and apk set sizes', () => {
  it('counts the compilers shared by several packages once', () => {
    // bookworm: gcc 172 alone, 0 after build-essential; libpq-dev 14 either way → 172 + 14 = 186.
    assert.deepEqual(aptSetSize(['gcc', 'libpq-dev'], 'bookworm', { recommends: false, onFull: false }).mb, [167, 214]);
    // g++ (247) already holds gcc: the set is g++'s size, not the sum.
    assert.deepEqual(aptSetSize(['gcc', 'g++'], 'bookworm', { recommends: false, onFull: false }).mb, [222, 284]);
    // Recommends: gcc 247 with them.
    assert.deepEqual(aptSetSize(['gcc'], 'bookworm', { recommends: true, onFull: false }).mb, [222, 284]);
  });

  it('knows what the full image already has, and sizes unknown packages as a range', () => {
    assert.deepEqual(aptSetSize(['build-essential', 'libpq-dev', 'git'], 'trixie', { recommends: false, onFull: true }).mb, [0, 0]);
    const unknown = aptSetSize(['libfoo-dev'], 'trixie', { recommends: false, onFull: false });
    assert.deepEqual(unknown, { mb: [1, 10], known: [], unknown: ['libfoo-dev'] });
  });

  it('does not count apk packages that build-base contains', () => {
    assert.deepEqual(apkSetSize(['build-base', 'gcc', 'musl-dev']).mb, [150, 250]);
  });
});

describe('estimateImage', () => {
  it('adds measured apt sizes to the base, without lists when they are cleaned', () => {
    const e = estimate(
      dockerfile(
        'FROM python:3.12-slim-bookworm',
        'RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*',
        'USER 1000',
      ),
    );
    assert.deepEqual(parts(e), ['apt: gcc, libpq-dev: 167–214']);
    assert.deepEqual(e.base?.mb, { low: 120, high: 175 });
    assert.deepEqual(e.total, { low: 287, high: 389 });
    assert.deepEqual(savings(e), ['single-stage-build-tools: 167–214']);
  });

  it('counts the apt lists, the Recommends and the pip cache where the rules report them', () => {
    const e = estimate(dockerfile('FROM python:3.12-slim-bookworm', 'RUN apt-get update && apt-get install -y curl', 'RUN pip install pandas', 'USER 1000'));
    assert.deepEqual(parts(e), [
      'apt lists: 19–21',
      'apt: curl (with Recommends): 4–5',
      // pandas 60–75, numpy 40–60, and python-dateutil, pytz, tzdata at 0.5–5 each.
      'pip: pandas, numpy and 3 more: 101.5–150',
      // Wheels: pandas 11–13, numpy 14–18, three unknown at 0.25–2.5.
      'pip/uv download cache: 25.75–38.5',
    ]);
    assert.deepEqual(savings(e), ['apt-no-install-recommends: 0–0', 'apt-lists-not-cleaned: 19–21', 'pip-cache: 25.75–38.5'].filter((s) => !s.endsWith(' 0–0')));
  });

  it('counts a virtual environment copied from a builder, and not the builder itself', () => {
    const e = estimate(
      dockerfile(
        'FROM python:3.12-slim AS builder',
        'RUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*',
        'RUN python -m venv /opt/venv',
        'RUN /opt/venv/bin/pip install --no-cache-dir scipy',
        'FROM python:3.12-slim',
        'COPY --from=builder /opt/venv /opt/venv',
        'USER 1000',
      ),
    );
    assert.equal(e.stage.index, 1);
    assert.deepEqual(parts(e), ['Python packages from `builder`: scipy, numpy: 130–180']);
    assert.deepEqual(e.total, { low: 250, high: 355 });
    assert.deepEqual(e.savings, []);
  });

  it('finds the environment inside a copied project directory or parent directory', () => {
    const uv = estimate(
      dockerfile(
        'FROM python:3.12-slim AS builder',
        'WORKDIR /app',
        'COPY pyproject.toml ./',
        'RUN uv sync --no-dev --no-install-project',
        'FROM python:3.12-slim',
        'COPY --from=builder /app /app',
        'USER 1000',
      ),
      { 'pyproject.toml': '[project]\nname = "svc"\nversion = "1"\ndependencies = ["numpy>=2"]\n' },
    );
    assert.deepEqual(parts(uv), ['Python packages from `builder`: numpy: 40–60']);
    const parent = estimate(
      dockerfile('FROM python:3.12-slim AS builder', 'RUN /opt/venv/bin/pip install --no-cache-dir numpy', 'FROM python:3.12-slim', 'COPY --from=builder /opt /opt', 'USER 1000'),
    );
    assert.deepEqual(parts(parent), ['Python packages from `builder`: numpy: 40–60']);
    const other = estimate(dockerfile('FROM python:3.12-slim AS builder', 'RUN pip install --no-cache-dir numpy', 'FROM python:3.12-slim', 'COPY --from=builder /etc/passwd /etc/passwd', 'USER 1000'));
    assert.deepEqual(parts(other), []);
    assert.deepEqual(other.layers[0].unsized, ['files from stage `builder`']);
  });

  it('prices the switch from the full image, where compilers cost nothing extra', () => {
    const e = estimate(dockerfile('FROM python:3.12', 'RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*', 'USER 1000'));
    assert.deepEqual(parts(e), ['apt: gcc, libpq-dev (already in the full image): 0–0']);
    assert.deepEqual(savings(e), ['full-base-image: 725–880']);
  });

  it('reads requirement files from the build context', () => {
    const e = estimate(dockerfile('FROM python:3.12-slim', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt', 'USER 1000'), {
      'requirements.txt': 'numpy==2.3.2\nflask\n',
    });
    assert.deepEqual(parts(e), ['pip: numpy and 1 more: 40.5–65']);
    assert.deepEqual(e.layers[1].unsized, []);
    const unknown = estimate(dockerfile('FROM python:3.12-slim', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt', 'USER 1000'));
    assert.deepEqual(unknown.layers[1].unsized, ['`requirements.txt`: contents unknown without the build context']);
    assert.deepEqual(unknown.layers[0].unsized, ['files from the build context']);
  });

  it('sizes CUDA and CPU PyTorch differently and suggests the CPU build', () => {
    const cuda = estimate(dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir torch', 'USER 1000'));
    assert.deepEqual(parts(cuda), ['pip: torch, sympy, networkx: 5033–7047']);
    assert.deepEqual(savings(cuda), ['-: 4100–6500']);
    const cpu = estimate(dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir torch --index-url https://download.pytorch.org/whl/cpu', 'USER 1000'));
    assert.deepEqual(parts(cpu), ['pip: torch, sympy, networkx: 533–947']);
    assert.deepEqual(cpu.savings, []);
  });

  it('leaves out apk packages deleted in the same RUN, and counts the index without --no-cache', () => {
    const e = estimate(
      dockerfile(
        'FROM python:3.12-alpine',
        'RUN apk add --virtual .build-deps gcc musl-dev && pip install --no-cache-dir msgpack && apk del .build-deps',
        'RUN apk add curl',
        'USER 1000',
      ),
    );
    // The index is downloaded once; the second apk call reuses it.
    assert.deepEqual(parts(e), ['pip: msgpack: 0.5–5', 'apk index: 2–3', 'apk: curl: 1–4']);
    assert.deepEqual(e.base?.mb, { low: 50, high: 60 });
  });

  it('reads the Debian release of a plain Debian base from its tag', () => {
    const e = estimate(dockerfile('FROM debian:bookworm-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends python3-dev && rm -rf /var/lib/apt/lists/*', 'USER 1000'));
    // bookworm: python3-dev adds 79 MB (Debian's own Python 3.11 with it).
    assert.deepEqual(parts(e), ['apt: python3-dev: 71–91']);
    assert.deepEqual(e.base?.mb, { low: 70, high: 80 });
    assert.match(e.assumptions[1], /measured for Debian bookworm/);
    assert.doesNotMatch(e.assumptions[1], /trixie is assumed/);
  });

  it('says when the base image is unknown', () => {
    const e = estimate(dockerfile('FROM registry.example.com/base:1', 'RUN pip install --no-cache-dir numpy', 'USER 1000'));
    assert.equal(e.base, undefined);
    assert.match(e.assumptions[0], /not in Slimfile's tables, so not counted/);
    assert.deepEqual(e.total, { low: 40, high: 60 });
  });
});

describe('targets', () => {
  it('estimates the last stage and every named stage nothing builds on', () => {
    const model = parseDockerfile(
      dockerfile(
        'FROM python:3.12-slim AS base',
        'FROM base AS builder',
        'RUN pip install --no-cache-dir numpy',
        'FROM base AS test',
        'COPY --from=builder /usr/local /usr/local',
        'FROM base AS prod',
        'COPY --from=builder /usr/local /usr/local',
        'USER 1000',
      ),
    );
    assert.deepEqual(targetStages(model).map((s) => s.name), ['test', 'prod']);
    const estimates = estimateTargets(model);
    assert.deepEqual(estimates.map((e) => [e.stage.name, e.root.name, e.total.low, e.total.high]), [
      ['test', 'base', 160, 235],
      ['prod', 'base', 160, 235],
    ]);
  });
});

describe('formatting', () => {
  it('rounds to what an estimate can claim', () => {
    assert.deepEqual([0, 0.4, 7.4, 23, 347, 996, 1234, 12345].map(formatMb), ['0 MB', '<1 MB', '7 MB', '25 MB', '350 MB', '1.0 GB', '1.2 GB', '12 GB']);
    assert.equal(formatRange({ low: 120, high: 175 }), '120–180 MB');
    assert.equal(formatRange({ low: 900, high: 1000 }), '900 MB–1.0 GB');
    assert.equal(formatRange({ low: 19, high: 21 }), '20 MB');
    assert.equal(formatRange({ low: 0.25, high: 2.5 }), '1–3 MB');
    assert.equal(formatRange({ low: 0.1, high: 0.4 }), '<1 MB');
  });
});

// Hovers that teach: base images, package-manager flags and subcommands,
// COPY/RUN flags, and the rule documentation on a finding. `$0` marks where
// the mouse is.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBuildContext } from '../../server/src/engine/context/view';
import { hoverAt } from '../../server/src/engine/hover';
import { lintModel } from '../../server/src/engine/lint';
import { parseDockerfile } from '../../server/src/engine/model/parse';
import { dockerfile, withCursor } from '../helpers';

/** Hover markdown and the hovered text at `$0`, with the file's findings. */
function hover(source: string, context?: Record<string, string>) {
  const { text, cursor } = withCursor(source);
  const model = parseDockerfile(text);
  const buildContext = context ? createBuildContext({ root: '.', files: context }) : undefined;
  const result = hoverAt(model, cursor, lintModel(model, { buildContext }), { buildContext });
  return result ? { markdown: result.markdown, hovered: text.slice(result.span.start, result.span.end) } : undefined;
}

describe('hover on a base image', () => {
  it('gives the variant, Python version, Debian release, libc and size of a slim tag', () => {
    const h = hover(dockerfile('FROM python:3.12-sli$0m-bookworm', 'USER 1000'))!;
    assert.equal(h.hovered, 'python:3.12-slim-bookworm');
    assert.match(h.markdown, /\*\*python:3\.12-slim-bookworm\*\*: trimmed Debian, glibc/);
    assert.match(h.markdown, /\| Python \| 3\.12 \|/);
    assert.match(h.markdown, /\| OS \| Debian 12 \(bookworm\) \|/);
    assert.match(h.markdown, /\| libc \| glibc \|/);
    assert.match(h.markdown, /\| Size \| ≈120–175 MB on disk, ≈45–50 MB to pull \|/);
  });

  it('says which release an unsuffixed tag follows, and what a bare `python` means', () => {
    const h = hover(dockerfile('FROM py$0thon'))!;
    assert.match(h.markdown, /\| Python \| 3\.15 \(the newest release/);
    assert.match(h.markdown, /\| OS \| Debian 13 \(trixie\), the default since August 2025 \|/);
    assert.match(h.markdown, /No tag: this is `latest`/);
    assert.match(h.markdown, /run on `python:slim`/);
  });

  it('explains musl on Alpine with the wheel facts of the packages this file installs', () => {
    const h = hover(
      dockerfile('FROM python:3.12-alpi$0ne', 'RUN apk add --no-cache gcc musl-dev', 'RUN pip install --no-cache-dir numpy pyarrow psycopg2 flask-extra-thing'),
    )!;
    assert.match(h.markdown, /\| OS \| Alpine 3\.24 \(`-alpine` follows the newest Alpine\) \|/);
    assert.match(h.markdown, /\*\*musl, not glibc\.\*\*/);
    assert.match(h.markdown, /No `musllinux` wheel, will compile here \(or fail\):\*\* `pyarrow`/);
    assert.match(h.markdown, /Source only on every Linux \(compiles on any base\):\*\* `psycopg2`/);
    assert.match(h.markdown, /Have `musllinux` wheels, install as wheels:\*\* `numpy`/);
    assert.match(h.markdown, /Not in Slimfile's wheel table \([0-9-]+\):\*\* `flask-extra-thing`/);
    assert.match(h.markdown, /Adds build tools \(`gcc`, `musl-dev`\)/);
    assert.match(h.markdown, /\*\*glibc alternative:\*\* `python:3\.12-slim`/);
  });

  it('reads requirement files from the build context for the musl story, naming the file', () => {
    const h = hover(dockerfile('FROM python:3.12-alpine$0', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt'), {
      'requirements.txt': 'pandas==2.3.2\nopencv-python-headless\n',
    })!;
    assert.match(h.markdown, /Read from `requirements\.txt` in the build context/);
    assert.match(h.markdown, /will compile here \(or fail\):\*\* `opencv-python-headless`/);
    assert.match(h.markdown, /install as wheels:\*\* `pandas`/);
  });

  it('asks for the requirement file when there is no build context', () => {
    const h = hover(dockerfile('FROM python:3.12-alpine$0', 'RUN pip install -r requirements.txt'))!;
    assert.match(h.markdown, /Installs from `requirements\.txt`: open the file in a folder/);
  });

  it('describes distroless: Python version, no shell, and a builder on another Python', () => {
    const h = hover(
      dockerfile(
        'FROM python:3.12-slim AS build',
        'RUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir flask',
        'FROM gcr.io/distroless/pyt$0hon3-debian12:nonroot',
        'COPY --from=build /opt/venv /opt/venv',
        'CMD ["/opt/venv/bin/python", "-m", "app"]',
      ),
    )!;
    assert.equal(h.hovered, 'gcr.io/distroless/python3-debian12:nonroot');
    assert.match(h.markdown, /\| Python \| 3\.11 \|/);
    assert.match(h.markdown, /\| Shell \/ pip \| no \/ no \|/);
    assert.match(h.markdown, /⚠ Stage `build` builds with Python 3\.12, this image runs 3\.11/);
  });

  it('marks Chainguard sizes as estimates', () => {
    const h = hover(dockerfile('FROM cgr.dev/chainguard/python:lat$0est'))!;
    assert.match(h.markdown, /Wolfi, glibc/);
    assert.match(h.markdown, /to pull \(estimate\) \|/);
  });

  it('says nothing for images it does not know, or away from anything', () => {
    assert.equal(hover(dockerfile('FROM my.registry/app/ba$0se:1', 'USER app')), undefined);
    assert.equal(hover(dockerfile('FROM python:3.12-slim', 'WORK$0DIR /app', 'USER app')), undefined);
  });
});

describe('hover on package-manager flags and subcommands', () => {
  const cases: [string, string, RegExp][] = [
    ['RUN apt-get install -y --no-install-rec$0ommends curl', '--no-install-recommends', /\*\*apt-get --no-install-recommends\*\*: Installs only the packages listed/],
    ['RUN apt-get install -$0y curl', '-y', /A build has no terminal/],
    ['RUN apt-get install -q$0qy curl', '-qqy', /Quieter output/],
    ['RUN apt-get up$0date && apt-get install -y curl', 'update', /\*\*apt-get update\*\*: Downloads the package index/],
    ['RUN apt-get dist-cl$0ean', 'dist-clean', /trixie, not bookworm/],
    ['RUN pip install --no-cache$0-dir flask', '--no-cache-dir', /\*\*pip --no-cache-dir\*\*: Turns off pip's download and wheel cache/],
    ['RUN pip install --us$0er flask', '--user', /copies `\/root\/\.local`/],
    ['RUN pip install --break-system-pa$0ckages flask', '--break-system-packages', /PEP 668/],
    ['RUN python -m pip install --only-binary=:a$0ll: numpy', '--only-binary=:all:', /fail fast/],
    ['RUN apk add --virt$0ual .build-deps gcc', '--virtual', /apk del .build-deps/],
    ['RUN apk add --no-ca$0che curl', '--no-cache', /no index is left in the layer/],
    ['RUN uv sync --fro$0zen --no-dev', '--frozen', /\*\*uv --frozen\*\*: Installs exactly what `uv\.lock` says/],
    ['RUN uv sync --frozen --no-d$0ev', '--no-dev', /Test runners, linters/],
    ['RUN uv pip install --sys$0tem flask', '--system', /system interpreter/],
    ['RUN poetry install --on$0ly main --no-root', '--only', /\*\*poetry --only\*\*/],
    ['RUN poetry install --no-d$0ev', '--no-dev', /removed in Poetry 2\.0/],
  ];
  for (const [line, hovered, expected] of cases) {
    it(`explains ${hovered}`, () => {
      const h = hover(dockerfile('FROM python:3.12-slim', line, 'USER app'))!;
      assert.ok(h, 'a hover');
      assert.equal(h.hovered, hovered);
      assert.match(h.markdown, expected);
      assert.match(h.markdown, /\[(apt-get|pip|apk|uv|poetry) documentation\]\(https:\/\//);
    });
  }

  it('does not explain option values or packages', () => {
    assert.equal(hover(dockerfile('FROM python:3.12-slim', 'RUN apk add --virtual .build$0-deps gcc', 'USER app')), undefined);
    assert.equal(hover(dockerfile('FROM python:3.12-slim', 'RUN pip install --no-cache-dir fla$0sk', 'USER app')), undefined);
  });
});

describe('hover on COPY and RUN flags', () => {
  it('names the stage a COPY --from copies out of', () => {
    const h = hover(dockerfile('FROM python:3.12-slim AS builder', 'RUN true', 'FROM python:3.12-slim', 'COPY --fr$0om=builder /opt/venv /opt/venv', 'USER app'))!;
    assert.equal(h.hovered, '--from=builder');
    assert.match(h.markdown, /\*\*COPY --from\*\*: Copies from an earlier build stage/);
    assert.match(h.markdown, /Here: from stage `builder` \(built on `python:3\.12-slim`\)/);
  });

  it('treats a COPY --from that is no stage as an image to pin', () => {
    const h = hover(dockerfile('FROM python:3.12-slim', 'COPY --from=ghcr.io/astral-sh/uv:0.9$0 /uv /bin/uv', 'USER app'))!;
    assert.match(h.markdown, /from the image `ghcr\.io\/astral-sh\/uv:0\.9`/);
  });

  it('explains --chown and --link', () => {
    assert.match(hover(dockerfile('FROM python:3.12-slim', 'COPY --cho$0wn=app:app . /app', 'USER app'))!.markdown, /later `RUN chown -R` rewrites every file/);
    assert.match(hover(dockerfile('FROM python:3.12-slim', 'COPY --li$0nk . /app', 'USER app'))!.markdown, /does not depend on the layers below/);
  });

  it('checks a cache mount against the package managers of its RUN', () => {
    const good = hover(dockerfile('FROM python:3.12-slim', 'RUN --mount=type=cache,target=/root/.cache/pip$0 pip install flask', 'USER app'))!;
    assert.equal(good.hovered, '--mount=type=cache,target=/root/.cache/pip');
    assert.match(good.markdown, /\*\*pip\*\* caches in `\/root\/\.cache\/pip` ✓/);
    const wrong = hover(dockerfile('FROM python:3.12-slim', 'RUN --mount=type=cache,target=/tmp/cache$0 uv sync --frozen', 'USER app'))!;
    assert.match(wrong.markdown, /\*\*uv\*\* caches in `\/root\/\.cache\/uv`: this mount \(`\/tmp\/cache`\) does not cover it\. Set `UV_LINK_MODE=copy`/);
    const pointless = hover(dockerfile('FROM python:3.12-slim', 'RUN --mount=type=cache,target=/root/.cache/pip$0 pip install --no-cache-dir flask', 'USER app'))!;
    assert.match(pointless.markdown, /passes `--no-cache-dir`, so pip writes nothing/);
    const apt = hover(dockerfile('FROM python:3.12-slim', 'RUN --mount=type=cache,target=/var/cache/apt$0 apt-get update && apt-get install -y curl', 'USER app'))!;
    assert.match(apt.markdown, /docker-clean/);
  });

  it('says where a secret mount appears and how to pass it', () => {
    const h = hover(dockerfile('FROM python:3.12-slim', 'RUN --mount=type=secret,id=pypi$0 pip install --no-cache-dir private-lib', 'USER app'))!;
    assert.match(h.markdown, /Here: `\/run\/secrets\/pypi`, from `docker build --secret id=pypi,src=<file>`/);
  });

  it('explains bind and ssh mounts', () => {
    const bind = hover(dockerfile('FROM python:3.12-slim', 'RUN --mount=type=bind,source=uv.lock,target=uv.lock$0 uv sync --frozen', 'USER app'))!;
    assert.match(bind.markdown, /without a COPY layer/);
    assert.match(bind.markdown, /Here: `uv\.lock` from the build context at `uv\.lock`/);
    assert.match(hover(dockerfile('FROM python:3.12-slim', 'RUN --mount=type=ssh$0 pip install git+ssh://git@example.com/x.git', 'USER app'))!.markdown, /docker build --ssh default/);
  });
});

describe('hover on a finding', () => {
  it('shows the rule documentation with its page, and the narrowest range', () => {
    const h = hover(dockerfile('FROM python:3.12-slim', 'RUN apt-get update && apt-get ins$0tall -y curl && rm -rf /var/lib/apt/lists/*', 'USER app'))!;
    assert.match(h.markdown, /^\*\*\[apt-no-install-recommends\]\(https:\/\/github\.com\/slimfile\/slimfile\/blob\/main\/docs\/rules\/apt-no-install-recommends\.md\)\*\* · size · warning · safe fix available/);
    assert.match(h.markdown, /\*\*Why:\*\*/);
    assert.match(h.markdown, /\*\*Fix safety:\*\*/);
    assert.match(h.markdown, /\[Rule page\]\(https:\/\/github\.com\/slimfile\/slimfile\/blob\/main\/docs\/rules\/apt-no-install-recommends\.md\)/);
    // The subcommand's own doc follows the rule's, and the range is the word hovered.
    assert.match(h.markdown, /\*\*apt-get install\*\*: Installs packages/);
    assert.equal(h.hovered, 'install');
  });

  it('passes findings given by the caller through, once per rule', () => {
    const text = dockerfile('FROM python:3.12-slim', 'USER app');
    const model = parseDockerfile(text);
    const finding = { ruleId: 'root-user', span: { start: 0, end: 4 }, message: 'x', severity: 'warning' as const, fixes: [] };
    const result = hoverAt(model, 2, [finding, finding])!;
    assert.equal(result.markdown.match(/\[root-user\]/g)?.length, 1);
    assert.match(result.markdown, /no automatic fix|fix sometimes available|fix available/);
    assert.equal(hoverAt(model, 2, [{ ...finding, ruleId: 'no-such-rule' }]), undefined);
  });
});

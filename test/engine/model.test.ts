// The model every rule reads: instructions, continuations, heredocs, shell
// commands and package-manager calls.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/engine/model/parse';
import { isPythonDependencyInstall } from '../../server/src/engine/model/packages';
import type { DockerfileModel } from '../../server/src/engine/model/types';
import { describePythonTag, slimTag } from '../../server/src/engine/knowledge/base-images';
import { runtimeLibraryFor } from '../../server/src/engine/knowledge/packages';
import { dockerfile } from '../helpers';

const slice = (model: DockerfileModel, span: { start: number; end: number }) => model.text.slice(span.start, span.end);

describe('parseDockerfile', () => {
  it('reads directives only at the top', () => {
    const model = parseDockerfile(dockerfile('# syntax=docker/dockerfile:1', '# escape=`', '', '# check=skip=all', 'FROM x'));
    assert.deepEqual(model.directives.map((d) => [d.name, d.value]), [['syntax', 'docker/dockerfile:1'], ['escape', '`']]);
    assert.equal(model.escape, '`');
  });

  it('joins continuation lines, drops comment lines inside them and maps words back to the source', () => {
    const text = dockerfile('FROM debian', 'RUN apt-get update \\', '    # a comment', '', '    && apt-get install -y \\', '       curl');
    const model = parseDockerfile(text);
    const run = model.instructions[1];
    assert.equal(run.args, 'apt-get update     && apt-get install -y        curl');
    assert.equal(run.line, 1);
    assert.equal(run.endLine, 5);
    const install = run.run!.packages[1];
    assert.equal(install.subcommand, 'install');
    assert.equal(slice(model, install.packages[0].span), 'curl');
    assert.equal(model.comments.map((c) => c.text).join(), '# a comment');
  });

  it('honours the backtick escape directive', () => {
    const model = parseDockerfile(dockerfile('# escape=`', 'FROM mcr.microsoft.com/windows', 'COPY C:\\app\\req.txt .', 'RUN echo a `', '  b'));
    assert.equal(model.instructions[1].tokens[0].value, 'C:\\app\\req.txt');
    assert.equal(model.instructions[2].args, 'echo a   b');
  });

  it('reads heredocs and the shell script inside them', () => {
    const text = dockerfile('FROM debian', 'RUN <<EOF', 'apt-get update', 'apt-get install -y curl', 'EOF', 'CMD ["x"]');
    const model = parseDockerfile(text);
    const run = model.instructions[1];
    assert.equal(run.heredocs[0].body, 'apt-get update\napt-get install -y curl\n');
    assert.deepEqual(run.run!.packages.map((p) => p.subcommand), ['update', 'install']);
    assert.equal(slice(model, run.run!.packages[1].packages[0].span), 'curl');
    assert.equal(model.instructions[2].keyword, 'CMD');
    assert.deepEqual(model.problems, []);
  });

  it('does not read a heredoc fed to python as shell', () => {
    const model = parseDockerfile(dockerfile('FROM python', 'RUN python3 <<EOF', 'import os', 'EOF'));
    assert.deepEqual(model.instructions[1].run!.packages, []);
  });

  it('reports an unterminated heredoc and a continuation at the end of the file', () => {
    assert.match(parseDockerfile(dockerfile('FROM x', 'RUN <<EOF', 'echo')).problems[0].message, /heredoc 'EOF' is never closed/);
    assert.match(parseDockerfile('FROM x\nRUN echo \\').problems[0].message, /ends inside a line continuation/);
  });

  it('reads flags, mounts and exec form', () => {
    const model = parseDockerfile(dockerfile('FROM x', 'RUN --mount=type=cache,target=/root/.cache/pip --network=none pip install -r r.txt', 'RUN ["pip", "install", "x"]'));
    const [, shell, exec] = model.instructions;
    assert.deepEqual(shell.flags.map((f) => f.name), ['mount', 'network']);
    assert.deepEqual(shell.run!.mounts.map((m) => [m.type, m.target]), [['cache', '/root/.cache/pip']]);
    assert.equal(exec.run!.execForm, true);
  });

  it('reads ENV and ARG pairs, quoted and legacy', () => {
    const model = parseDockerfile(dockerfile('FROM x', 'ENV A=1 B="two words" C=\'3\'', 'ENV LEGACY some value', 'ARG NAME', 'ARG WITH=default'));
    assert.deepEqual(model.instructions[1].pairs!.map((p) => [p.key, p.value, p.legacy]), [['A', '1', false], ['B', 'two words', false], ['C', '3', false]]);
    assert.deepEqual(model.instructions[2].pairs!.map((p) => [p.key, p.value, p.legacy]), [['LEGACY', 'some value', true]]);
    assert.deepEqual(model.instructions[3].pairs!.map((p) => [p.key, p.value]), [['NAME', undefined]]);
    assert.deepEqual(model.instructions[4].pairs!.map((p) => [p.key, p.value]), [['WITH', 'default']]);
  });

  it('keeps CRLF out of words and spans', () => {
    const model = parseDockerfile('FROM python:3.12\r\nRUN pip install \\\r\n  flask\r\n');
    const pip = model.instructions[1].run!.packages[0];
    assert.equal(pip.packages[0].value, 'flask');
    assert.equal(slice(model, model.instructions[1].span), 'RUN pip install \\\r\n  flask');
  });

  it('survives NUL bytes, lone escapes and an empty file', () => {
    assert.equal(parseDockerfile('').instructions.length, 0);
    assert.equal(parseDockerfile('\\').instructions.length, 1);
    assert.equal(parseDockerfile('FROM x\0\nRUN \0').instructions.length, 2);
  });
});

describe('stages and images', () => {
  it('resolves ARG defaults in FROM and follows stage references', () => {
    const model = parseDockerfile(dockerfile('ARG PY=3.12', 'ARG VARIANT=slim', 'FROM python:${PY}-${VARIANT} AS base', 'FROM base AS app', 'FROM ghcr.io/astral-sh/uv:0.5@sha256:abc'));
    const [base, app, uv] = model.stages;
    assert.equal(base.image.resolved, 'python:3.12-slim');
    assert.equal(base.image.tag, '3.12-slim');
    assert.equal(base.name, 'base');
    assert.equal(app.image.stage, 0);
    assert.deepEqual([uv.image.registry, uv.image.repository, uv.image.tag, uv.image.digest], ['ghcr.io', 'astral-sh/uv', '0.5', 'sha256:abc']);
    assert.equal(model.globalArgs.length, 2);
  });

  it('marks images whose ARG has no default as unresolved', () => {
    const model = parseDockerfile(dockerfile('ARG TAG', 'FROM python:${TAG}'));
    assert.equal(model.stages[0].image.unresolved, true);
  });

  it('normalises docker.io and library/ prefixes', () => {
    const model = parseDockerfile(dockerfile('FROM docker.io/library/python:3.12-alpine'));
    assert.deepEqual([model.stages[0].image.registry, model.stages[0].image.repository], [undefined, 'python']);
  });
});

describe('shell commands and package managers', () => {
  const packagesOf = (body: string) => parseDockerfile(`FROM x\nRUN ${body}\n`).instructions[1].run!.packages;

  it('splits on &&, ||, ;, | and subshells, keeping quotes inside words', () => {
    const model = parseDockerfile('FROM x\nRUN a "b && c" && (d; e) || f | g\n');
    assert.deepEqual(model.instructions[1].run!.commands.map((c) => c.words.map((w) => w.value).join(' ')), ['a b && c', 'd', 'e', 'f', 'g']);
  });

  it('recognises the ways pip is called', () => {
    for (const call of ['pip install x', 'pip3 install x', 'pip3.12 install x', 'python -m pip install x', 'python3 -m pip install x', '/opt/venv/bin/pip install x', 'sudo -H pip install x', 'PIP_NO_CACHE_DIR=1 pip install x']) {
      const [pip] = packagesOf(call);
      assert.equal(pip?.manager, 'pip', call);
      assert.deepEqual(pip.packages.map((p) => p.value), ['x'], call);
    }
  });

  it('separates options, option values, operands and requirement files', () => {
    const [pip] = packagesOf('pip install --no-cache-dir -r requirements.txt --index-url https://x -c c.txt flask==3.0 "uvicorn[standard]"');
    assert.deepEqual(pip.requirementFiles.map((r) => r.value), ['requirements.txt']);
    assert.deepEqual(pip.packages.map((p) => p.value), ['flask==3.0', 'uvicorn[standard]']);
    const [apk] = packagesOf('apk add --no-cache --virtual .build-deps gcc musl-dev');
    assert.deepEqual([apk.manager, apk.subcommand], ['apk', 'add']);
    assert.deepEqual(apk.packages.map((p) => p.value), ['gcc', 'musl-dev']);
  });

  it('recognises uv and poetry', () => {
    const [sync] = packagesOf('uv sync --frozen --no-dev');
    assert.deepEqual([sync.manager, sync.program, sync.subcommand], ['uv', 'uv', 'sync']);
    const [uvPip] = packagesOf('uv pip install --system -r requirements.txt');
    assert.deepEqual([uvPip.program, uvPip.subcommand, uvPip.requirementFiles[0].value], ['uv pip', 'install', 'requirements.txt']);
    const [poetry] = packagesOf('poetry install --only main --no-root');
    assert.deepEqual([poetry.manager, poetry.subcommand], ['poetry', 'install']);
  });

  it('tells dependency installs from tool installs', () => {
    assert.equal(isPythonDependencyInstall(packagesOf('pip install --upgrade pip setuptools wheel')[0]), false);
    assert.equal(isPythonDependencyInstall(packagesOf('pip install poetry==1.8.3')[0]), false);
    assert.equal(isPythonDependencyInstall(packagesOf('pip install -r requirements.txt')[0]), true);
    assert.equal(isPythonDependencyInstall(packagesOf('pip install flask')[0]), true);
    assert.equal(isPythonDependencyInstall(packagesOf('uv sync --frozen')[0]), true);
  });
});

describe('knowledge tables', () => {
  it('reads python image tags', () => {
    assert.deepEqual(describePythonTag('3.12-slim-bookworm'), { pythonVersion: '3.12', variant: 'slim', distro: 'bookworm', libc: 'glibc', distroSuffix: 'bookworm' });
    assert.equal(describePythonTag('3.12-alpine3.20')!.libc, 'musl');
    assert.equal(describePythonTag('3.13')!.variant, 'full');
    assert.equal(describePythonTag('latest')!.variant, 'full');
    assert.equal(describePythonTag('3.14-windowsservercore-ltsc2022')!.libc, 'windows');
    assert.equal(describePythonTag(''), undefined);
    assert.equal(slimTag(describePythonTag('3.11-bookworm')!), '3.11-slim-bookworm');
  });

  it('maps header packages to runtime libraries by Debian release', () => {
    assert.equal(runtimeLibraryFor('libpq-dev', 'glibc', 'bookworm'), 'libpq5');
    assert.equal(runtimeLibraryFor('libssl-dev', 'glibc', 'bookworm'), 'libssl3');
    assert.equal(runtimeLibraryFor('libssl-dev', 'glibc', 'trixie'), 'libssl3t64');
    assert.equal(runtimeLibraryFor('libssl-dev', 'glibc', 'bullseye'), undefined);
    assert.equal(runtimeLibraryFor('postgresql-dev', 'musl', 'alpine3.20'), 'libpq');
    assert.equal(runtimeLibraryFor('python3-dev', 'glibc', 'bookworm'), undefined);
  });
});

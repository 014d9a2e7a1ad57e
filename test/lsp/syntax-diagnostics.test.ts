// Stage-by-stage syntax validation must find exactly what validating the
// whole file finds, and re-validate only the stages an edit touches.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { validate, ValidationCode, ValidationSeverity } from 'dockerfile-utils';
import type { Diagnostic } from 'vscode-languageserver';
import { parseDockerfile } from '../../server/src/engine/model/parse';
import { StagedSyntaxValidator } from '../../server/src/lsp/syntax-diagnostics';
import { dockerfile } from '../helpers';

const CORPUS = join(process.cwd(), '..', 'shared', 'corpus');
const SETTINGS = { instructionCasing: ValidationSeverity.IGNORE };
const check = (text: string) => validate(text, SETTINGS) as Diagnostic[];

function key(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`;
}

function whole(text: string): string[] {
  return check(text).filter((d) => d.code !== ValidationCode.DUPLICATE_BUILD_STAGE_NAME).map(key).sort();
}

function staged(text: string, validator = new StagedSyntaxValidator(check)): string[] {
  return validator.run(parseDockerfile(text)).map(key).sort();
}

const MULTI = dockerfile(
  '# escape=\\',
  'ARG PY=3.12',
  'FROM python:${PY}-slim AS base',
  'RUN echo one',
  'EXPOSE 80/tcpx',
  '',
  'FROM base AS app',
  'COPY --from=base --bogus=1 /a /b',
  'HEALTHCHECK --interval=5 CMD true',
  'FROM app',
  'WORKDIR',
  'CMD ["x"]',
);

describe('stage-by-stage syntax diagnostics', () => {
  it('match whole-file validation on a multi-stage file with errors in every stage', () => {
    const expected = whole(MULTI);
    assert.ok(expected.length >= 4, expected.join('\n'));
    assert.deepEqual(staged(MULTI), expected);
  });

  it('match whole-file validation on files without stages, with a preamble error, and empty', () => {
    for (const text of ['', 'RUN echo no from\n', '# escape=x\nFROM alpine\n', 'ARG\nFROM alpine\nRUN\n', 'FROM alpine AS a\nFROM alpine AS a\n']) {
      assert.deepEqual(staged(text), whole(text), JSON.stringify(text));
    }
  });

  it('match whole-file validation on every corpus file', { skip: !existsSync(CORPUS) && 'no ../shared/corpus beside the project' }, () => {
    for (const name of readdirSync(CORPUS)) {
      if (name === 'INDEX.tsv' || name === 'README.md' || name.startsWith('.')) continue;
      const text = readFileSync(join(CORPUS, name), 'utf8');
      assert.deepEqual(staged(text), whole(text), name);
    }
  });

  it('re-validates only the stage an edit touches, and shifts later stages', () => {
    let calls = 0;
    const validator = new StagedSyntaxValidator((text) => {
      calls++;
      return check(text);
    });
    staged(MULTI, validator);
    assert.equal(calls, 3);
    calls = 0;
    const edited = MULTI.replace('RUN echo one', 'RUN echo one\nRUN echo two');
    assert.deepEqual(staged(edited, validator), whole(edited));
    assert.equal(calls, 1, 'only the first stage changed');
  });
});

describe('the bundled stage-name check', () => {
  it('answers at once on a long stage name that does not match, with the same verdict', () => {
    const started = Date.now();
    const found = check('FROM python:3.12-slim AS builder-for-the-production-image-of-the-app:v2\n');
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    assert.ok(found.some((d) => d.code === ValidationCode.INVALID_BUILD_STAGE_NAME), found.map(key).join('\n'));
    assert.deepEqual(check('FROM python:3.12-slim AS builder-1.x_y\n').filter((d) => d.code === ValidationCode.INVALID_BUILD_STAGE_NAME), []);
  });
});

describe('the duplicate-stage-name code the staged validator drops', () => {
  it('is dockerfile-utils’ DUPLICATE_BUILD_STAGE_NAME', () => {
    assert.equal(ValidationCode.DUPLICATE_BUILD_STAGE_NAME, 10);
    assert.ok(check('FROM alpine AS a\nFROM alpine AS a\n').some((d) => d.code === 10));
    assert.ok(!new StagedSyntaxValidator(check).run(parseDockerfile('FROM alpine AS a\nFROM alpine AS a\n')).some((d) => d.code === 10));
  });
});

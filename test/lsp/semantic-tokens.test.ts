// Stage-by-stage semantic tokens must equal dockerfile-language-service's
// whole-file tokens, and reuse unchanged stages.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { parseDockerfile } from '../../server/src/engine/model/parse';
import { StagedSemanticTokens } from '../../server/src/lsp/semantic-tokens';
import { dockerfile } from '../helpers';

const CORPUS = join(process.cwd(), '..', 'shared', 'corpus');
const service = DockerfileLanguageServiceFactory.createLanguageService();
const whole = (text: string) => service.computeSemanticTokens(text).data;

const MULTI = dockerfile(
  '# escape=\\',
  'ARG PY=3.12',
  'FROM python:${PY}-slim AS base',
  '# a comment',
  'RUN --mount=type=cache,target=/root/.cache/pip pip install x \\',
  '    && echo "$HOME"',
  'FROM base AS app',
  'ENV A=1 B="two"',
  'COPY --from=base /a /b',
  'FROM app',
  'CMD ["python", "-m", "app"]',
);

describe('stage-by-stage semantic tokens', () => {
  it('equal whole-file tokens on a multi-stage file', () => {
    assert.deepEqual(new StagedSemanticTokens((t) => service.computeSemanticTokens(t)).run(parseDockerfile(MULTI)).data, whole(MULTI));
  });

  it('equal whole-file tokens on every corpus file', { skip: !existsSync(CORPUS) && 'no ../shared/corpus beside the project' }, () => {
    for (const name of readdirSync(CORPUS)) {
      if (name === 'INDEX.tsv' || name === 'README.md' || name.startsWith('.')) continue;
      const text = readFileSync(join(CORPUS, name), 'utf8');
      const staged = new StagedSemanticTokens((t) => service.computeSemanticTokens(t)).run(parseDockerfile(text)).data;
      assert.deepEqual(staged, whole(text), name);
    }
  });

  it('computes only the stages an edit changed', () => {
    let calls = 0;
    const tokens = new StagedSemanticTokens((t) => {
      calls++;
      return service.computeSemanticTokens(t);
    });
    tokens.run(parseDockerfile(MULTI));
    assert.equal(calls, 3);
    calls = 0;
    const edited = MULTI.replace('ENV A=1', 'ENV A=2');
    assert.deepEqual(tokens.run(parseDockerfile(edited)).data, whole(edited));
    assert.equal(calls, 1);
  });
});

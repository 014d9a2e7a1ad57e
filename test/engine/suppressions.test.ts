import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine/edits';
import { lintText } from '../../server/src/engine/lint';
import { parseDockerfile } from '../../server/src/engine/model/parse';
import { positionAt } from '../../server/src/engine/model/text';
import { suppressionEdit } from '../../server/src/engine/suppressions';
import { dockerfile } from '../helpers';

const ids = (text: string) => lintText(text).findings.map((f) => f.ruleId);
const APT = 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*';

describe('suppression comments', () => {
  it('# slimfile-ignore silences the next instruction only', () => {
    const text = dockerfile('FROM debian:bookworm', '# slimfile-ignore apt-no-install-recommends', APT, APT);
    const found = lintText(text).findings.filter((f) => f.ruleId === 'apt-no-install-recommends');
    assert.equal(found.length, 1);
    assert.equal(positionAt(parseDockerfile(text).lineStarts, found[0].span.start).line, 3);
  });

  it('# slimfile-ignore takes several ids and a reason', () => {
    const text = dockerfile('FROM debian:bookworm', '# slimfile-ignore copy-before-deps, apt-no-install-recommends -- vendor image needs recommends', APT);
    assert.ok(!ids(text).includes('apt-no-install-recommends'));
    assert.ok(!ids(text).includes('unknown-suppression'));
  });

  it('# slimfile-ignore-file silences the rule everywhere', () => {
    assert.ok(!ids(dockerfile('FROM debian:bookworm', APT, APT, '# slimfile-ignore-file apt-no-install-recommends')).includes('apt-no-install-recommends'));
  });

  it("hadolint's ignore comments silence the rules that have a hadolint twin", () => {
    assert.ok(!ids(dockerfile('FROM debian:bookworm', '# hadolint ignore=DL3008,DL3015', APT)).includes('apt-no-install-recommends'));
    assert.ok(!ids(dockerfile('# hadolint global ignore=DL3015', 'FROM debian:bookworm', APT)).includes('apt-no-install-recommends'));
    assert.ok(ids(dockerfile('FROM debian:bookworm', '# hadolint ignore=DL3008', APT)).includes('apt-no-install-recommends'));
  });

  it('"Suppress for this line" adds a comment above, with the indentation, or extends one', () => {
    const text = dockerfile('FROM debian:bookworm', '  ' + APT);
    const model = parseDockerfile(text);
    const offset = text.indexOf('apt-get install');
    const added = applyEdits(text, [suppressionEdit(model, 'apt-no-install-recommends', offset)!]);
    assert.equal(added, dockerfile('FROM debian:bookworm', '  # slimfile-ignore apt-no-install-recommends', '  ' + APT));
    assert.ok(!ids(added).includes('apt-no-install-recommends'));
    const again = applyEdits(added, [suppressionEdit(parseDockerfile(added), 'copy-before-deps', added.indexOf('apt-get install'))!]);
    assert.equal(again, dockerfile('FROM debian:bookworm', '  # slimfile-ignore apt-no-install-recommends,copy-before-deps', '  ' + APT));
  });

  it('keeps CRLF line endings when adding a comment', () => {
    const text = 'FROM debian\r\nRUN apt-get install -y curl\r\n';
    const out = applyEdits(text, [suppressionEdit(parseDockerfile(text), 'apt-no-install-recommends', text.indexOf('apt-get'))!]);
    assert.equal(out, 'FROM debian\r\n# slimfile-ignore apt-no-install-recommends\r\nRUN apt-get install -y curl\r\n');
  });
});

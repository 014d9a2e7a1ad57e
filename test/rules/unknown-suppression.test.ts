import { unknownSuppression } from '../../server/src/engine/rules/unknown-suppression';
import { dockerfile } from '../helpers';
import { ruleTests } from '../rule-tester';

ruleTests(unknownSuppression, {
  valid: [
    dockerfile('FROM debian', '# slimfile-ignore apt-no-install-recommends', 'RUN apt-get install -y curl'),
    dockerfile('FROM debian', '# slimfile-ignore-file copy-before-deps, apt-no-install-recommends'),
    // hadolint codes are hadolint's business.
    dockerfile('FROM debian', '# hadolint ignore=DL3008,DL9999', 'RUN apt-get install -y curl'),
    dockerfile('FROM debian', '# a comment that mentions slimfile-ignore-me is not a suppression'),
  ],
  invalid: [
    {
      code: dockerfile('FROM debian', '# slimfile-ignore apt-no-install-recommend', 'RUN apt-get install -y curl'),
      lines: [2],
      message: 'did you mean `apt-no-install-recommends`?',
      output: dockerfile('FROM debian', 'RUN apt-get install -y curl'),
    },
    {
      code: dockerfile('FROM debian', '# slimfile-ignore copy-before-deps, nope, apt-no-install-recommends -- reason', 'RUN apt-get install -y curl'),
      lines: [2],
      output: dockerfile('FROM debian', '# slimfile-ignore copy-before-deps, apt-no-install-recommends -- reason', 'RUN apt-get install -y curl'),
    },
    {
      code: dockerfile('FROM debian', '# slimfile-ignore-file nope,copy-before-deps'),
      lines: [2],
      output: dockerfile('FROM debian', '# slimfile-ignore-file copy-before-deps'),
    },
  ],
});

import { buildCheckUrl, caseLike } from './correctness-helpers';
import type { Rule } from './types';

export const maintainerDeprecated: Rule = {
  id: 'maintainer-deprecated',
  category: 'correctness',
  defaultSeverity: 'warning',
  fixAvailability: 'always',
  hadolint: ['DL4000'],
  docs: {
    summary: 'The deprecated `MAINTAINER` instruction',
    what: 'Reports `MAINTAINER` instructions. This is BuildKit\'s `MaintainerDeprecated` build check.',
    why:
      '`MAINTAINER` has been deprecated since Docker 1.13: it fills the legacy `Author` field of the image config, which registries and scanners ' +
      'ignore. The OCI label `org.opencontainers.image.authors` is the standard place for it and is what tools read.',
    example: 'FROM python:3.12-slim\nMAINTAINER Jane Doe <jane@example.com>',
    useInstead: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
    fixSafety:
      'Safe: the container runs the same. The fix replaces the instruction with `LABEL org.opencontainers.image.authors="…"` holding the same text ' +
      '(quotes, `$` and escapes are escaped so the label is literal). The image\'s legacy `Author` field is then empty.',
    references: [
      buildCheckUrl('maintainer-deprecated'),
      'https://github.com/opencontainers/image-spec/blob/main/annotations.md#pre-defined-annotation-keys',
      'https://github.com/hadolint/hadolint/wiki/DL4000',
    ],
  },
  check({ model, report }) {
    const escape = model.escape;
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'MAINTAINER') continue;
      const author = instruction.args.trim();
      const quoted = author.replace(new RegExp(`[${escape === '\\' ? '\\\\' : escape}"$]`, 'g'), (c) => escape + c);
      const label = `${caseLike(instruction.rawKeyword, 'LABEL')} org.opencontainers.image.authors="${quoted}"`;
      report({
        span: instruction.keywordSpan,
        message: 'Maintainer instruction is deprecated in favor of using label' + (author ? `: write \`LABEL org.opencontainers.image.authors="${author}"\`` : ''),
        tags: ['deprecated'],
        fixes: author ? [{ title: 'Replace with the org.opencontainers.image.authors label', safe: true, edits: [{ start: instruction.span.start, end: instruction.span.end, newText: label }] }] : [],
      });
    }
  },
};

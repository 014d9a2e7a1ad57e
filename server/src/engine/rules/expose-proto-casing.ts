import { buildCheckUrl } from './correctness-helpers';
import type { Rule } from './types';

export const exposeProtoCasing: Rule = {
  id: 'expose-proto-casing',
  category: 'correctness',
  defaultSeverity: 'warning',
  fixAvailability: 'always',
  docs: {
    summary: 'The protocol in `EXPOSE port/proto` is not lower case',
    what: 'Reports `EXPOSE` ports whose protocol is written with upper-case letters (`80/TCP`). This is BuildKit\'s `ExposeProtoCasing` build check.',
    why:
      'The protocol is recorded in the image as written and compared as text elsewhere: `8000/TCP` and `8000/tcp` can end up as two different ' +
      'exposed ports, and `docker build` warns about it.',
    example: 'FROM python:3.12-slim\nEXPOSE 8000/TCP',
    useInstead: 'FROM python:3.12-slim\nEXPOSE 8000/tcp',
    fixSafety: 'Safe: it lower-cases the protocol, the spelling Docker uses everywhere else.',
    references: [buildCheckUrl('expose-proto-casing'), 'https://docs.docker.com/reference/dockerfile/#expose'],
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      for (const token of instruction.tokens) {
        if (token.raw !== token.value || token.value.includes('$')) continue;
        const slash = token.value.lastIndexOf('/');
        if (slash < 0) continue;
        const proto = token.value.slice(slash + 1);
        if (proto === proto.toLowerCase()) continue;
        const span = { start: token.span.start + slash + 1, end: token.span.end };
        report({
          span,
          message: `Defined protocol '${token.value}' in EXPOSE instruction should be lowercase: write '${proto.toLowerCase()}'`,
          fixes: [{ title: `Write '${proto.toLowerCase()}'`, safe: true, edits: [{ start: span.start, end: span.end, newText: proto.toLowerCase() }] }],
        });
      }
    }
  },
};

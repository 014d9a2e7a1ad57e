import { buildCheckUrl } from './correctness-helpers';
import type { Rule } from './types';

export const fromAsCasing: Rule = {
  id: 'from-as-casing',
  category: 'correctness',
  defaultSeverity: 'warning',
  fixAvailability: 'always',
  docs: {
    summary: 'The `AS` of a `FROM … AS name` is cased differently from `FROM`',
    what:
      'Reports `FROM image AS name` lines where `FROM` is all upper case and `AS` is not (or `from` is all lower case and `as` is not). ' +
      'This is BuildKit\'s `FromAsCasing` build check, which `docker build` and `docker build --check` print as a warning.',
    why:
      'Keywords are case-insensitive, so the build works, but `FROM python:3.12-slim as builder` reads as two styles in one line and ' +
      '`docker build` warns about it on every build, burying the warnings that matter.',
    knownProblems: 'A `FROM` keyword that is itself mixed case (`From`) is left to `consistent-instruction-casing`, as BuildKit does.',
    example: 'FROM python:3.12-slim as builder\nRUN python -m venv /opt/venv',
    useInstead: 'FROM python:3.12-slim AS builder\nRUN python -m venv /opt/venv',
    fixSafety: 'Safe: it only changes the case of the `AS` keyword.',
    references: [buildCheckUrl('from-as-casing')],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const { from } = stage;
      const as = from.tokens[1];
      if (from.tokens.length < 3 || as.value.toLowerCase() !== 'as' || as.raw !== as.value) continue;
      const keyword = from.rawKeyword;
      const lower = keyword === keyword.toLowerCase();
      const upper = keyword === keyword.toUpperCase();
      if (lower === upper) continue;
      const wanted = lower ? 'as' : 'AS';
      if (as.raw === wanted) continue;
      report({
        span: as.span,
        message: `'${as.raw}' and '${keyword}' keywords' casing do not match: write \`${wanted}\` to match \`${keyword}\``,
        fixes: [{ title: `Write '${wanted}'`, safe: true, edits: [{ start: as.span.start, end: as.span.end, newText: wanted }] }],
      });
    }
  },
};

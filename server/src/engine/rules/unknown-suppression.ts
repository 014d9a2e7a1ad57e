import { indexSuppressions } from '../suppressions';
import { closest } from './helpers';
import type { Rule } from './types';

export const unknownSuppression: Rule = {
  id: 'unknown-suppression',
  category: 'correctness',
  defaultSeverity: 'warning',
  fixAvailability: 'always',
  docs: {
    summary: 'A `# slimfile-ignore` comment names a rule that does not exist',
    what: 'Reports ids in `# slimfile-ignore` and `# slimfile-ignore-file` comments that are not Slimfile rule ids. hadolint codes in `# hadolint ignore=` comments are never reported: hadolint may run on the same file.',
    why: 'A misspelt id suppresses nothing, so the finding it was meant to silence keeps showing, or worse, the comment looks like it documents a deliberate exception that is not in effect.',
    example: 'FROM python:3.12-slim\n# slimfile-ignore root-users\nCMD ["python", "app.py"]',
    useInstead: 'FROM python:3.12-slim\n# slimfile-ignore root-user\nCMD ["python", "app.py"]',
    fixSafety: 'Safe: removes the unknown id from the comment (or the whole comment when it names nothing else). Nothing that was suppressed before becomes unsuppressed.',
    references: ['https://github.com/slimfile/slimfile/blob/main/docs/rules/README.md'],
  },
  check({ model, catalog, report }) {
    for (const { suppression, id } of indexSuppressions(model, catalog).unknown) {
      const only = suppression.ids.length === 1;
      const index = suppression.ids.indexOf(id);
      let edit;
      if (only) {
        // Remove the comment line, its line break included.
        const start = model.lineStarts[suppression.comment.line];
        const next = model.lineStarts[suppression.comment.line + 1] ?? model.text.length;
        edit = { start, end: next, newText: '' };
      } else if (index > 0) {
        edit = { start: suppression.ids[index - 1].span.end, end: id.span.end, newText: '' };
      } else {
        edit = { start: id.span.start, end: suppression.ids[1].span.start, newText: '' };
      }
      const suggestion = closest(id.id, catalog.keys(), 3);
      report({
        span: id.span,
        message: `\`${id.id}\` is not a Slimfile rule id, so this comment suppresses nothing${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`,
        fixes: [{ title: `Remove unknown rule id ${id.id}`, safe: true, edits: [edit] }],
      });
    }
  },
};

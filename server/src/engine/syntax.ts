// Parse problems that make a file unsafe to rewrite: Slimfile's own reader's
// problems plus the errors dockerfile-utils finds (unknown instructions,
// missing arguments, bad flags).

import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { validate } from 'dockerfile-utils';
import { offsetAt } from './model/text';
import type { DockerfileModel, ParseProblem } from './model/types';

export function syntaxErrors(model: DockerfileModel): ParseProblem[] {
  const problems = [...model.problems];
  let diagnostics;
  try {
    diagnostics = validate(model.text);
  } catch (error) {
    problems.push({ message: `dockerfile-utils could not read the file: ${error instanceof Error ? error.message : String(error)}`, span: { start: 0, end: 0 } });
    return problems;
  }
  for (const d of diagnostics) {
    if (d.severity !== DiagnosticSeverity.Error) continue;
    problems.push({
      message: typeof d.message === 'string' ? d.message : d.message.value,
      span: { start: offsetAt(model.lineStarts, model.text, d.range.start), end: offsetAt(model.lineStarts, model.text, d.range.end) },
    });
  }
  return problems.sort((a, b) => a.span.start - b.span.start);
}

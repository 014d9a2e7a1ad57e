import { buildCheckUrl, stageReferences } from './correctness-helpers';
import type { Rule, TextEdit } from './types';

export const stageNameCasing: Rule = {
  id: 'stage-name-casing',
  category: 'correctness',
  defaultSeverity: 'warning',
  fixAvailability: 'always',
  docs: {
    summary: 'A stage name has upper-case letters',
    what:
      'Reports `FROM … AS Name` when the stage name is not all lower case. This is BuildKit\'s `StageNameCasing` build check.',
    why:
      'BuildKit lower-cases stage names before using them, so `AS Builder`, `--from=builder` and `--target BUILDER` all mean the same stage. ' +
      'Writing them in mixed case suggests a distinction that does not exist, makes the name hard to tell from an instruction keyword, and ' +
      '`docker build` warns about it on every build.',
    example: 'FROM python:3.12-slim AS Builder\nRUN python -m venv /opt/venv\n\nFROM python:3.12-slim\nCOPY --from=Builder /opt/venv /opt/venv',
    useInstead: 'FROM python:3.12-slim AS builder\nRUN python -m venv /opt/venv\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv',
    fixSafety:
      'Safe: it lower-cases the name and, in the same fix, every `FROM <name>`, `COPY --from=<name>` and `RUN --mount=…,from=<name>` that refers to it. ' +
      'BuildKit matches stage names case-insensitively, so the build is unchanged; scripts that pass `--target` keep working for the same reason.',
    references: [buildCheckUrl('stage-name-casing')],
  },
  check({ model, report }) {
    const refs = stageReferences(model);
    for (const stage of model.stages) {
      const name = stage.name;
      if (!name || !stage.nameSpan || name === name.toLowerCase()) continue;
      const lower = name.toLowerCase();
      const edits: TextEdit[] = [];
      const written = model.text.slice(stage.nameSpan.start, stage.nameSpan.end);
      if (written === name) edits.push({ start: stage.nameSpan.start, end: stage.nameSpan.end, newText: lower });
      for (const ref of refs) {
        if (!ref.span || ref.name.toLowerCase() !== lower) continue;
        // A FROM names the stage only after it is defined; before that it names an image.
        if (ref.kind === 'from' && ref.stage.image.stage !== stage.index) continue;
        if (ref.name !== lower) edits.push({ start: ref.span.start, end: ref.span.end, newText: lower });
      }
      report({
        span: stage.nameSpan,
        message: `Stage name '${name}' should be lowercase: BuildKit treats it as '${lower}' anyway`,
        fixes: written === name ? [{ title: `Rename the stage to '${lower}'`, safe: true, edits }] : [],
      });
    }
  },
};

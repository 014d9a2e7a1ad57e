import { INSTRUCTIONS, buildCheckUrl } from './correctness-helpers';
import type { Rule } from './types';

export const consistentInstructionCasing: Rule = {
  id: 'consistent-instruction-casing',
  category: 'correctness',
  defaultSeverity: 'warning',
  fixAvailability: 'always',
  docs: {
    summary: 'Instruction keywords mix upper and lower case',
    what:
      'Counts the instruction keywords written all upper case and all lower case, and reports every keyword that does not follow the majority ' +
      '(upper case on a tie). Mixed-case keywords such as `Run` or `EntryPoint` are always reported. This is BuildKit\'s ' +
      '`ConsistentInstructionCasing` build check.',
    why:
      'Keywords are case-insensitive, but a file that mixes `RUN` and `run` is harder to scan, and `docker build` warns about each odd one on every build.',
    example: 'FROM python:3.12-slim\nrun pip install --no-cache-dir uvicorn\nCopy . /app',
    useInstead: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir uvicorn\nCOPY . /app',
    fixSafety: 'Safe: it only rewrites the keyword in the majority\'s case.',
    references: [buildCheckUrl('consistent-instruction-casing')],
  },
  check({ model, report }) {
    const keywords = model.instructions.filter((i) => INSTRUCTIONS.has(i.keyword));
    let lower = 0;
    let upper = 0;
    for (const { rawKeyword } of keywords) {
      if (rawKeyword === rawKeyword.toLowerCase()) lower++;
      else if (rawKeyword === rawKeyword.toUpperCase()) upper++;
    }
    const majorityLower = lower > upper;
    for (const instruction of keywords) {
      const written = instruction.rawKeyword;
      const wanted = majorityLower ? written.toLowerCase() : written.toUpperCase();
      if (written === wanted) continue;
      report({
        span: instruction.keywordSpan,
        message: `Command '${written}' should match the case of the command majority (${majorityLower ? 'lowercase' : 'uppercase'}): write '${wanted}'`,
        fixes: [{ title: `Write '${wanted}'`, safe: true, edits: [{ start: instruction.keywordSpan.start, end: instruction.keywordSpan.end, newText: wanted }] }],
      });
    }
  },
};

import { buildCheckUrl } from './correctness-helpers';
import type { Rule } from './types';

export const exposeInvalidFormat: Rule = {
  id: 'expose-invalid-format',
  category: 'correctness',
  defaultSeverity: 'warning',
  fixAvailability: 'always',
  docs: {
    summary: '`EXPOSE` with an IP address or a host-port mapping',
    what:
      'Reports `EXPOSE` ports written with an IP address or a host port (`EXPOSE 127.0.0.1:8000:8000`, `EXPOSE 8000:8000`). This is BuildKit\'s ' +
      '`ExposeInvalidFormat` build check; Docker plans to make it an error.',
    why:
      '`EXPOSE` only documents which container ports the service listens on. Which host address and port they are published on is decided at ' +
      '`docker run -p` / Compose time, so the extra parts are ignored and mislead the reader into thinking the image publishes the port.',
    example: 'FROM python:3.12-slim\nEXPOSE 8000:8000',
    useInstead: 'FROM python:3.12-slim\nEXPOSE 8000',
    fixSafety:
      'Unsafe: the fix keeps only the container port (and protocol). The image metadata is the same, but anything that read the host part from the ' +
      'Dockerfile (a script, a reader) must now get it from `docker run -p` or Compose.',
    references: [buildCheckUrl('expose-invalid-format'), 'https://docs.docker.com/reference/dockerfile/#expose'],
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      for (const token of instruction.tokens) {
        if (token.value.includes('$')) continue;
        const colon = token.value.lastIndexOf(':');
        if (colon < 0) continue;
        const container = token.value.slice(colon + 1);
        const fixes = token.raw === token.value && container
          ? [{ title: `Keep only the container port '${container}'`, safe: false, edits: [{ start: token.span.start, end: token.span.end, newText: container }] }]
          : [];
        report({
          span: token.span,
          message: `EXPOSE instruction should not define an IP address or host-port mapping, found '${token.value}': expose '${container}' and publish it with \`docker run -p\``,
          fixes,
        });
      }
    }
  },
};

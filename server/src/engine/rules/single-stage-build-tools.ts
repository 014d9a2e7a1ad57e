import { describePythonImage } from '../knowledge/base-images';
import { isBuildOnlyPackage, stripVersion } from '../knowledge/packages';
import { optionValue, packagesRemovedInRun } from '../model/packages';
import { finalChain } from '../model/stages';
import { invocations, plural, quoteList } from './helpers';
import type { Rule } from './types';

export const singleStageBuildTools: Rule = {
  id: 'single-stage-build-tools',
  category: 'size',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  docs: {
    summary: 'The final image installs compilers or `-dev` headers',
    what:
      'Reports `apt-get install` / `apk add` calls in the stages the final image is built from that install compilers, `build-essential`, ' +
      '`build-base` or `-dev` header packages, unless the same `RUN` removes them again.',
    why:
      'Compilers and headers are needed to build wheels, not to run them. Left in the final image they add 150–250 MB (`build-essential` alone ' +
      'is ~200 MB installed), lengthen every pull and hand an attacker a toolchain after a break-in. A builder stage compiles; the runtime stage ' +
      'copies the virtual environment and installs only the shared libraries the wheels load (`libpq5`, not `libpq-dev`). A naive FastAPI + ' +
      'pandas image shrinks from ~1.2 GB to ~340 MB this way.',
    knownProblems:
      'Removing the tools in a later `RUN` does not help (the bytes stay in the earlier layer), so the rule still fires then. ' +
      'A file whose final stage really must compile at run time (rare) can suppress it.',
    example:
      'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\n' +
      'COPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["gunicorn", "app:app"]',
    useInstead:
      'FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\n' +
      'RUN python -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n\n' +
      'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\n' +
      'COPY --from=builder /opt/venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCOPY . .\nCMD ["gunicorn", "app:app"]',
    fixSafety:
      'No automatic fix. The "Split into builder/runtime stages" refactoring, offered next to the diagnostic for single-stage files, rewrites the file ' +
      'into the pattern above; review it, since it also adds a non-root user and maps header packages to runtime libraries.',
    references: [
      'https://docs.docker.com/build/building/multi-stage/',
      'https://pythonspeed.com/articles/multi-stage-docker-python/',
    ],
  },
  check({ model, report }) {
    const chain = finalChain(model);
    for (const { stage, instruction, invocation } of invocations(model, chain)) {
      const install = (invocation.manager === 'apt' && invocation.subcommand === 'install') || (invocation.manager === 'apk' && invocation.subcommand === 'add');
      if (!install) continue;
      const libc = describePythonImage(stage.image)?.libc === 'musl' || invocation.manager === 'apk' ? 'musl' : 'glibc';
      const removed = packagesRemovedInRun(instruction);
      const virtual = invocation.manager === 'apk' ? optionValue(invocation, '--virtual', '-t') : undefined;
      if (virtual && removed.has(virtual)) continue;
      const tools = invocation.packages.filter((p) => isBuildOnlyPackage(p.value, libc) && !removed.has(stripVersion(p.value)));
      if (tools.length === 0) continue;
      const names = tools.map((t) => stripVersion(t.value));
      report({
        span: { start: tools[0].span.start, end: tools[tools.length - 1].span.end },
        message:
          `The final image keeps build-only ${plural(names.length, 'package')} ${quoteList(names)}: ` +
          'compile in a builder stage and copy only the result (a virtual environment) into a slim runtime stage',
      });
    }
  },
};

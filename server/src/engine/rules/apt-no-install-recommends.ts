import { hasOption } from '../model/packages';
import { insertAfter, invocations, subcommandWord } from './helpers';
import type { Rule } from './types';

const RECOMMENDS_OFF = /APT::Install-Recommends\s*=?\s*["']?(false|0|no)/i;

export const aptNoInstallRecommends: Rule = {
  id: 'apt-no-install-recommends',
  category: 'size',
  defaultSeverity: 'warning',
  fixAvailability: 'always',
  hadolint: ['DL3015'],
  docs: {
    summary: '`apt-get install` without `--no-install-recommends`',
    what: 'Reports `apt-get install` and `apt install` calls that do not pass `--no-install-recommends` (or `-o APT::Install-Recommends=false`).',
    why:
      'By default apt also installs every package that the requested ones merely *recommend*. In a container those are rarely used and often large: ' +
      '`apt-get install python3-pip` pulls in a full compiler toolchain through recommends. Skipping them commonly saves tens to hundreds of MB per layer ' +
      'and removes packages that scanners then report CVEs for.',
    knownProblems:
      'A program may rely on a package it only recommends (for example `curl` without `ca-certificates` cannot talk HTTPS). If something breaks after the fix, ' +
      'name the missing package explicitly. The rule stays quiet when an apt configuration in the file already turns recommends off.',
    example: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*',
    useInstead: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*',
    fixSafety:
      'Safe: it inserts `--no-install-recommends` after `install` and changes nothing else. The image is smaller; if a program needed a recommended package, list that package by name.',
    references: [
      'https://docs.docker.com/build/building/best-practices/#apt-get',
      'https://github.com/hadolint/hadolint/wiki/DL3015',
    ],
  },
  check({ model, report }) {
    if (model.instructions.some((i) => i.run && RECOMMENDS_OFF.test(i.args) && /apt\.conf/.test(i.args))) return;
    for (const { invocation } of invocations(model)) {
      if (invocation.manager !== 'apt' || invocation.subcommand !== 'install') continue;
      if (hasOption(invocation, '--no-install-recommends')) continue;
      if (invocation.options.some((o) => RECOMMENDS_OFF.test(o.value))) continue;
      const install = subcommandWord(invocation);
      const first = invocation.command.words[0];
      report({
        span: { start: first.span.start, end: install.span.end },
        message: `\`${invocation.program} install\` without \`--no-install-recommends\` also installs recommended packages, which the image rarely needs`,
        fixes: [{ title: 'Add --no-install-recommends', safe: true, edits: [insertAfter(install, '--no-install-recommends')] }],
      });
    }
  },
};

import { finalChain, stageChain } from '../model/stages';
import { describePythonImage } from '../knowledge/base-images';
import { hasOption, isInstall, optionValue } from '../model/packages';
import type { Instruction, PackageInvocation, Stage } from '../model/types';
import { insertAfter, subcommandWord } from './helpers';
import { cacheMountTargets, chainInstructions, declaredBefore, deletesWithin, pathWithin, runsOpaqueCleanup, setInRun } from './size-cache-helpers';
import type { Fix, Rule } from './types';

const TRUTHY = /^(1|true|yes|on|t|y)$/i;

export const pipCache: Rule = {
  id: 'pip-cache',
  category: 'size',
  defaultSeverity: 'warning',
  fixAvailability: 'always',
  hadolint: ['DL3042'],
  docs: {
    summary: '`pip install` / `uv sync` keeps its download cache in the image',
    what:
      'Reports `pip install` (`pip`, `pip3`, `python -m pip`) without `--no-cache-dir`, and `uv pip install` / `uv sync` without `--no-cache`, ' +
      'in the stages the final image is built from, unless the cache is turned off by `PIP_NO_CACHE_DIR` / `UV_NO_CACHE` (ENV, ARG or an ' +
      'assignment on the command), kept out of the layer by a `--mount=type=cache` on `/root/.cache/pip`, `/root/.cache/uv` or `/root/.cache`, ' +
      'or deleted in the same `RUN`.',
    why:
      'pip keeps a copy of every wheel it downloads or builds in `/root/.cache/pip` (uv in `/root/.cache/uv`) so the next install is faster. ' +
      'In an image there is no next install: the cache is dead weight in the layer, commonly tens of MB and hundreds for ML stacks (a `torch` ' +
      'wheel alone is several hundred MB). Builder stages are not checked, because their cache never reaches the final image.',
    knownProblems:
      'pip treats *any* valid value of `PIP_NO_CACHE_DIR` as "no cache", even `0`, `false` or `off` (a backwards-compatibility quirk of ' +
      'pip\'s option parser), so every value set by ENV or ARG counts as turning the cache off. For uv, `UV_NO_CACHE` is a true boolean: only ' +
      '`1`/`true`/`yes`/`on` turn the cache off. A pip configuration copied into the image (`pip.conf`) or set with `pip config` also counts. ' +
      'Installs with `--no-index` (from local wheels) are not reported.',
    example: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt',
    useInstead: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt',
    fixSafety:
      'Safe: inserting `--no-cache-dir` (pip) or `--no-cache` (uv) after the subcommand installs the same packages and only skips writing the ' +
      'cache. An unsafe alternative adds `--mount=type=cache,target=/root/.cache/pip` (or `/root/.cache/uv`) to the `RUN`: rebuilds reuse the ' +
      'downloads and the layer stays clean, but it needs BuildKit and only works while the install runs as root (uv also wants ' +
      '`UV_LINK_MODE=copy` with a cache mount).',
    references: [
      'https://pip.pypa.io/en/stable/topics/caching/',
      'https://github.com/pypa/pip/blob/main/src/pip/_internal/cli/cmdoptions.py',
      'https://docs.astral.sh/uv/guides/integration/docker/#caching',
      'https://github.com/hadolint/hadolint/wiki/DL3042',
    ],
  },
  check({ model, report }) {
    const chain = finalChain(model);
    // Windows images keep the cache elsewhere and take no BuildKit mounts; this rule speaks about Linux images.
    if (chain.length > 0 && describePythonImage(chain[0].image)?.libc === 'windows') return;
    for (const stage of chain) {
      const stageChainOf = stageChain(model, stage);
      for (const instruction of stage.instructions) {
        const run = instruction.run;
        if (!run) continue;
        let mountOffered = false;
        for (const invocation of run.packages) {
          if (!isCachingInstall(invocation)) continue;
          const uv = invocation.manager === 'uv';
          if (cacheDisabled(stageChainOf, instruction, invocation)) continue;
          const index = run.commands.indexOf(invocation.command);
          const cacheDir = uv ? '/root/.cache/uv' : '/root/.cache/pip';
          if (deletesWithin(instruction, cacheDir, index) || runsOpaqueCleanup(instruction, index) || purgesCache(instruction, index)) continue;
          const sub = subcommandWord(invocation);
          const flag = uv ? '--no-cache' : '--no-cache-dir';
          const fixes: Fix[] = [{ title: `Add ${flag}`, safe: true, edits: [insertAfter(sub, flag)] }];
          if (!mountOffered && !instruction.run?.execForm && runsAsRoot(stageChainOf, instruction)) {
            mountOffered = true;
            const at = instruction.keywordSpan.end;
            fixes.push({
              title: `Use a BuildKit cache mount on ${cacheDir} instead`,
              safe: false,
              edits: [{ start: at, end: at, newText: ` --mount=type=cache,target=${cacheDir}` }],
            });
          }
          report({
            span: { start: invocation.command.words[0].span.start, end: sub.span.end },
            message: uv
              ? `\`${invocation.program} ${invocation.subcommand}\` without \`--no-cache\` keeps uv's cache (~/.cache/uv) in this layer`
              : `\`${invocation.program} install\` without \`--no-cache-dir\` keeps pip's cache of downloaded wheels (~/.cache/pip) in this layer`,
            fixes,
          });
        }
      }
    }
  },
};

function isCachingInstall(invocation: PackageInvocation): boolean {
  if (invocation.manager !== 'pip' && invocation.manager !== 'uv') return false;
  if (!isInstall(invocation)) return false;
  if (invocation.manager === 'pip' && hasOption(invocation, '--no-index')) return false;
  return true;
}

function cacheDisabled(chain: Stage[], instruction: Instruction, invocation: PackageInvocation): boolean {
  const uv = invocation.manager === 'uv';
  if (uv ? hasOption(invocation, '--no-cache', '-n', '--no-cache-dir') : hasOption(invocation, '--no-cache-dir')) return true;
  const variable = uv ? 'UV_NO_CACHE' : 'PIP_NO_CACHE_DIR';
  if (setInRun(instruction, invocation.command, variable)) return true;
  const declared = declaredBefore(chain, instruction, variable);
  // pip: any value disables the cache. uv: only a true value; an unresolved one gets the benefit of the doubt.
  if (declared && (!uv || declared.value === undefined || declared.value.includes('$') || TRUTHY.test(declared.value))) return true;
  if (coveredByCacheMount(chain, instruction, invocation)) return true;
  if (!uv && pipConfigured(chain, instruction)) return true;
  return false;
}

function coveredByCacheMount(chain: Stage[], instruction: Instruction, invocation: PackageInvocation): boolean {
  const targets = cacheMountTargets(instruction);
  if (targets.length === 0) return false;
  const uv = invocation.manager === 'uv';
  const explicit = optionValue(invocation, '--cache-dir') ?? declaredBefore(chain, instruction, uv ? 'UV_CACHE_DIR' : 'PIP_CACHE_DIR')?.value;
  if (explicit && targets.some((t) => pathWithin(explicit, t))) return true;
  const tool = uv ? 'uv' : 'pip';
  const xdg = declaredBefore(chain, instruction, 'XDG_CACHE_HOME')?.value;
  if (xdg && targets.some((t) => pathWithin(`${xdg}/${tool}`, t))) return true;
  // The user's home is not always /root: any mount on a `.cache` directory (or its pip/uv folder) counts.
  return targets.some((t) => t.endsWith('/.cache') || t.endsWith(`/.cache/${tool}`) || t === '/root');
}

/** A `pip.conf` copied in, `PIP_CONFIG_FILE`, or `pip config set … cache…` earlier in the image: the cache may be off. */
function pipConfigured(chain: Stage[], instruction: Instruction): boolean {
  if (declaredBefore(chain, instruction, 'PIP_CONFIG_FILE')) return true;
  return chainInstructions(chain, instruction).some(
    (i) =>
      ((i.keyword === 'COPY' || i.keyword === 'ADD') && /pip\.conf|pip\.ini/.test(i.args)) ||
      (i.keyword === 'RUN' && (/\bconfig\s+(?:--\S+\s+)*set\s+\S*cache-dir/.test(i.args) || /pip\.conf/.test(i.args))),
  );
}

function purgesCache(instruction: Instruction, after: number): boolean {
  const commands = instruction.run?.commands ?? [];
  return (instruction.run?.packages ?? []).some(
    // The cheap test first: indexOf per invocation made a RUN of thousands of pip installs cubic.
    (p) => p.subcommand === 'cache' && commands.indexOf(p.command) > after && p.packages.some((w) => w.value === 'purge' || w.value === 'clean' || w.value === 'prune'),
  );
}

function runsAsRoot(chain: Stage[], instruction: Instruction): boolean {
  const users = chainInstructions(chain, instruction).filter((i) => i.keyword === 'USER');
  const last = users[users.length - 1];
  if (!last) return true;
  const user = last.tokens[0]?.value.split(':')[0];
  return user === 'root' || user === '0';
}

import { splitWords } from '../model/parse';
import type { DockerfileModel, Instruction, Stage } from '../model/types';
import {
  ALWAYS_DEFINED,
  PLATFORM_ARGS,
  PROXY_ARGS,
  buildCheckUrl,
  findVariables,
  insertLineBefore,
  knownImageEnv,
  nearestNames,
  useSpans,
  type VariableUse,
} from './correctness-helpers';
import type { Fix, Rule, RuleContext } from './types';

/** Instructions whose arguments BuildKit expands with the stage's ARG/ENV values (RUN, CMD, ENTRYPOINT are left to the shell). */
const EXPANDED = new Set(['ENV', 'LABEL', 'ADD', 'COPY', 'WORKDIR', 'USER', 'VOLUME', 'STOPSIGNAL', 'ARG']);
/** Flags of COPY/ADD whose values are expanded too. */
const EXPANDED_FLAGS = new Set(['chown', 'checksum']);

interface StageScope {
  /** Names declared by ARG/ENV in this stage (and the stages it is built FROM). */
  defined: Set<string>;
  /** ENV names the base image is known to set; undefined when the image is unknown. */
  imageEnv: ReadonlySet<string> | undefined;
  /** Variables used in the FROM lines of this stage's chain: an unknown image named with `${CUDA_VERSION}` often sets CUDA_VERSION too. */
  fromUses: Set<string>;
}

export const undefinedVar: Rule = {
  id: 'undefined-var',
  category: 'correctness',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  docs: {
    summary: 'A `$VARIABLE` used in an instruction is not defined in its stage',
    what:
      'Reports `$NAME` / `${NAME}` in `ENV`, `ARG`, `LABEL`, `COPY`, `ADD`, `WORKDIR`, `USER`, `VOLUME` and `STOPSIGNAL` when no `ARG` or `ENV` ' +
      'earlier in the stage (or in the stage it is built `FROM`) defines `NAME` and the base image is not known to set it. This is BuildKit\'s ' +
      '`UndefinedVar` build check. It names the likely typo (`$PYTHON_VERSON` → `$PYTHON_VERSION`), and two common slips get their own message: ' +
      'a global `ARG` (declared before the first `FROM`) used in a stage without `ARG NAME` inside it, and a platform ARG such as `$TARGETARCH` ' +
      'used without `ARG TARGETARCH` in the stage.',
    why:
      'An undefined variable expands to an empty string without any error: `COPY dist/app-$VERSON.whl /tmp/` copies `dist/app-.whl`, ' +
      '`WORKDIR $APP_HOME` becomes `WORKDIR /`, `ENV PATH=$VENV/bin:$PATH` puts `/bin` first on PATH. Global ARGs and the automatic platform ARGs ' +
      'are only visible inside a stage after `ARG NAME`, which is easy to forget.',
    knownProblems:
      '`RUN`, `CMD` and `ENTRYPOINT` are not checked: the shell expands them at run time, and variables there may come from the shell itself (BuildKit ' +
      'skips them too). Variables that a base image sets are only known for the official python, golang, node, rust, alpine, debian, ubuntu and ' +
      'busybox images; for other images only likely typos, global ARGs and platform ARGs are reported. `${NAME:-default}` and `${NAME:+word}` ' +
      'handle an unset NAME on purpose and are not reported (BuildKit does report them), except for global and platform ARGs, whose fallback ' +
      'then always wins. PATH, HOME, HOSTNAME, PWD, LANG, TERM, USER, SHELL and ' +
      'the proxy ARGs are treated as always defined.',
    example: 'FROM python:3.12-slim\nARG APP_HOME=/srv/app\nWORKDIR $APP_HOEM\nCOPY dist/app-$VERSION.whl /tmp/',
    useInstead: 'FROM python:3.12-slim\nARG APP_HOME=/srv/app\nARG VERSION=1.0.0\nWORKDIR $APP_HOME\nCOPY dist/app-$VERSION.whl /tmp/',
    fixSafety:
      'Unsafe. For a likely typo (exactly one defined name within one or two edits) the fix replaces the name. For a global or platform ARG it ' +
      'inserts `ARG NAME` before the instruction. Both change what the instruction expands to, which is the point, but review the new value.',
    references: [buildCheckUrl('undefined-var'), 'https://docs.docker.com/reference/dockerfile/#scope', 'https://docs.docker.com/reference/dockerfile/#automatic-platform-args-in-the-global-scope'],
  },
  check(context) {
    const { model } = context;
    const globals = new Set(model.globalArgs.flatMap((i) => (i.pairs ?? []).map((p) => p.key)));
    const scopes: StageScope[] = [];
    for (const stage of model.stages) {
      const parent = stage.image.stage !== undefined ? scopes[stage.image.stage] : undefined;
      const fromUses = new Set(parent?.fromUses ?? []);
      for (const use of findVariables(stage.from.args, 0, stage.from.args.length, model.escape)) fromUses.add(use.name);
      const scope: StageScope = {
        defined: new Set(parent?.defined ?? []),
        imageEnv: parent ? parent.imageEnv : knownImageEnv(model, stage),
        fromUses,
      };
      scopes.push(scope);
      checkStage(context, stage, scope, globals);
    }
  },
};

function checkStage(context: RuleContext, stage: Stage, scope: StageScope, globals: Set<string>): void {
  const { model } = context;
  const fixedInStage = new Set<string>();
  for (const instruction of stage.instructions) {
    if (!EXPANDED.has(instruction.keyword)) continue;
    if (instruction.keyword === 'ARG') {
      // Each ARG pair sees the ones before it.
      for (const word of splitWords(instruction.args, instruction.bodyOffset, model.escape)) {
        const eq = word.raw.indexOf('=');
        if (eq >= 0) for (const use of findVariables(instruction.args, word.start + eq + 1, word.end, model.escape)) checkUse(context, instruction, use, scope, globals, fixedInStage);
        scope.defined.add(eq >= 0 ? word.value.slice(0, word.value.indexOf('=')) : word.value);
      }
      continue;
    }
    const setEarlier = instruction.keyword === 'ENV' ? envKeysBefore(model, instruction) : undefined;
    for (const use of usesIn(model, instruction)) checkUse(context, instruction, use, scope, globals, fixedInStage, setEarlier?.(use.start));
    // ENV values are expanded with the values from before the instruction, so its own names count only afterwards.
    if (instruction.keyword === 'ENV') for (const pair of instruction.pairs ?? []) scope.defined.add(pair.key);
  }
}

/** For an ENV, the keys its pairs before a given offset set (a value cannot see them yet). */
function envKeysBefore(model: DockerfileModel, instruction: Instruction): (offset: number) => Set<string> {
  const words = splitWords(instruction.args, instruction.bodyOffset, model.escape);
  return (offset) => new Set(words.filter((w) => w.end < offset && w.value.includes('=')).map((w) => w.value.slice(0, w.value.indexOf('='))));
}

function usesIn(model: DockerfileModel, instruction: Instruction): VariableUse[] {
  const uses: VariableUse[] = [];
  const { args } = instruction;
  const { escape } = model;
  for (const word of splitWords(args, 0, escape)) {
    if (word.start < instruction.bodyOffset) {
      const flag = /^--([a-z-]+)=/i.exec(word.raw);
      if (flag && EXPANDED_FLAGS.has(flag[1].toLowerCase())) uses.push(...findVariables(args, word.start + flag[0].length, word.end, escape));
      continue;
    }
    if (word.raw.startsWith('<<')) continue; // heredoc marker
    uses.push(...findVariables(args, word.start, word.end, escape));
  }
  return uses;
}

function checkUse(
  context: RuleContext,
  instruction: Instruction,
  use: VariableUse,
  scope: StageScope,
  globals: Set<string>,
  fixedInStage: Set<string>,
  setEarlierInSameEnv?: Set<string>,
): void {
  const { name } = use;
  if (scope.defined.has(name) || ALWAYS_DEFINED.has(name) || PROXY_ARGS.has(name) || scope.imageEnv?.has(name)) return;
  const { model, report } = context;
  // A `${NAME:-default}` fallback always applies when NAME is not declared.
  const effect = use.guarded ? 'so here its fallback always applies' : 'so here it expands to an empty string';
  const { span, nameSpan } = useSpans(instruction, use);
  const declare = (): Fix[] => {
    if (fixedInStage.has(name)) return [];
    fixedInStage.add(name);
    return [{ title: `Declare ARG ${name} in this stage`, safe: false, edits: [insertLineBefore(model, instruction, `${caseOf(instruction, 'ARG')} ${name}`)] }];
  };
  if (PLATFORM_ARGS.has(name)) {
    report({
      span,
      message: `Usage of undefined variable '$${name}': the platform ARG ${name} is only visible in a stage after \`ARG ${name}\`, ${effect}`,
      fixes: declare(),
    });
    return;
  }
  if (setEarlierInSameEnv?.has(name) && !use.guarded) {
    report({
      span,
      message: `Usage of undefined variable '$${name}': an ENV instruction expands all its values before it sets any variable, so the ${name} it sets earlier is not visible yet; set ${name} in an ENV line of its own first`,
    });
    return;
  }
  if (globals.has(name) && !(scope.imageEnv === undefined && scope.fromUses.has(name))) {
    report({
      span,
      message: `Usage of undefined variable '$${name}': the global ARG ${name} is only visible in a stage after \`ARG ${name}\`, ${effect}`,
      fixes: declare(),
    });
    return;
  }
  // Otherwise a fallback shows the author expected NAME to be unset at times (BuildKit still reports it).
  if (use.guarded) return;
  // With an unknown base image the variable may come from the image's configuration: only a near miss of a name
  // this Dockerfile defines is reported.
  const candidates = scope.imageEnv ? [...scope.defined, ...scope.imageEnv, ...ALWAYS_DEFINED] : [...scope.defined];
  const near = nearestNames(name, candidates);
  if (!scope.imageEnv && near.length === 0) return;
  const hint = near.length > 0 ? ` (did you mean ${near.map((n) => `$${n}`).join(' or ')}?)` : '';
  const fixes: Fix[] =
    near.length === 1 && nameSpan.end - nameSpan.start === name.length
      ? [{ title: `Use $${near[0]}`, safe: false, edits: [{ start: nameSpan.start, end: nameSpan.end, newText: near[0] }] }]
      : [];
  report({ span, message: `Usage of undefined variable '$${name}'${hint}: no ARG or ENV before it in this stage defines it, so it expands to an empty string`, fixes });
}

function caseOf(instruction: Instruction, keyword: string): string {
  return instruction.rawKeyword === instruction.rawKeyword.toLowerCase() ? keyword.toLowerCase() : keyword;
}

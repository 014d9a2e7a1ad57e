// Groups instructions into build stages and reads each FROM's image reference,
// resolving `${ARG}` from the global ARG defaults the way BuildKit does.

import { joinPath } from './paths';
import type { DockerfileModel, ImageRef, Instruction, Span, Stage } from './types';

export function buildStages(model: DockerfileModel): void {
  const stages: Stage[] = [];
  const globalArgs: Instruction[] = [];
  const argDefaults = new Map<string, string | undefined>();
  const stageNames = new Map<string, number>();
  let current: Stage | undefined;
  for (const instruction of model.instructions) {
    if (instruction.keyword === 'FROM') {
      if (current) current.span.end = lastEnd(current);
      current = readStage(instruction, stages.length, argDefaults, stageNames);
      stages.push(current);
      // The first stage with a name wins, as BuildKit resolves it.
      const key = current.name?.toLowerCase();
      if (key !== undefined && !stageNames.has(key)) stageNames.set(key, current.index);
      continue;
    }
    if (!current) {
      if (instruction.keyword === 'ARG') {
        globalArgs.push(instruction);
        for (const pair of instruction.pairs ?? []) argDefaults.set(pair.key, pair.value === undefined ? undefined : substitute(pair.value, argDefaults).text);
      }
      continue;
    }
    current.instructions.push(instruction);
  }
  if (current) current.span.end = lastEnd(current);
  model.stages = stages;
  model.globalArgs = globalArgs;
}

function lastEnd(stage: Stage): number {
  const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
  return last.span.end;
}

function readStage(from: Instruction, index: number, argDefaults: Map<string, string | undefined>, stageNames: ReadonlyMap<string, number>): Stage {
  const tokens = from.tokens;
  const imageToken = tokens[0];
  let name: string | undefined;
  let nameSpan: Span | undefined;
  if (tokens.length >= 3 && tokens[1].value.toLowerCase() === 'as') {
    name = tokens[2].value;
    nameSpan = tokens[2].span;
  }
  const platform = from.flags.find((f) => f.name === 'platform')?.value;
  const image = imageToken
    ? parseImageRef(imageToken.value, imageToken.span, argDefaults, stageNames)
    : parseImageRef('', { start: from.span.end, end: from.span.end }, argDefaults, stageNames);
  return {
    index,
    name,
    nameSpan,
    from,
    image,
    platform,
    instructions: [],
    span: { start: from.span.start, end: from.span.end },
  };
}

/** Replaces `$NAME`, `${NAME}`, `${NAME:-default}` from the known values. */
export function substitute(text: string, values: Map<string, string | undefined>): { text: string; unresolved: boolean } {
  let unresolved = false;
  const out = text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const key = braced ?? bare ?? '';
    const value = values.get(key);
    const isSet = value !== undefined && (value !== '' || !op?.startsWith(':'));
    if (op === '-' || op === ':-') return isSet ? value! : word ?? '';
    if (op === '+' || op === ':+') return isSet ? word ?? '' : '';
    if (value === undefined) {
      unresolved = true;
      return '';
    }
    return value;
  });
  return { text: out, unresolved };
}

/** `stageNames` maps lower-cased names of earlier stages to their index. */
export function parseImageRef(raw: string, span: Span, argDefaults: Map<string, string | undefined>, stageNames: ReadonlyMap<string, number> = new Map()): ImageRef {
  const { text: resolved, unresolved } = raw.includes('$') ? substitute(raw, argDefaults) : { text: raw, unresolved: false };
  const stage = stageNames.get(resolved.toLowerCase());
  let rest = resolved;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let repository = rest.toLowerCase();
  if (repository.startsWith('library/')) repository = repository.slice('library/'.length);
  if (registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = undefined;
  return {
    raw,
    resolved,
    registry,
    repository,
    tag,
    digest,
    span,
    stage,
    unresolved,
    scratch: repository === 'scratch' && !registry,
  };
}

/** The stage a build ends in by default: the last one. */
export function finalStage(model: DockerfileModel): Stage | undefined {
  return model.stages[model.stages.length - 1];
}

/** A stage and the stages it is built FROM (through `FROM <stage>`), base first. */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const chain: Stage[] = [];
  let current: Stage | undefined = stage;
  while (current && !chain.includes(current)) {
    chain.unshift(current);
    current = current.image.stage !== undefined ? model.stages[current.image.stage] : undefined;
  }
  return chain;
}

/** The final stage and the stages it is built FROM, base first: only their layers ship. */
export function finalChain(model: DockerfileModel): Stage[] {
  const last = finalStage(model);
  return last ? stageChain(model, last) : [];
}

/** Follows `FROM <stage>` chains to the stage whose image is a real base image. */
export function rootStage(model: DockerfileModel, stage: Stage): Stage {
  let current = stage;
  const seen = new Set<number>();
  while (current.image.stage !== undefined && !seen.has(current.index)) {
    seen.add(current.index);
    current = model.stages[current.image.stage];
  }
  return current;
}

/** WORKDIR in effect before an instruction (before the stage's end when `at` is undefined), following the stages it is built FROM. */
export function workdirAt(model: DockerfileModel, stage: Stage, at: Instruction | undefined): string {
  let dir = '/';
  for (const s of stageChain(model, stage)) {
    for (const instruction of s.instructions) {
      if (instruction === at) return dir;
      if (instruction.keyword === 'WORKDIR' && instruction.tokens[0]) dir = joinPath(dir, instruction.tokens[0].value);
    }
  }
  return dir;
}

import { positionAt } from '../model/text';
import type { DockerfileModel, Stage } from '../model/types';
import { nearestNames, stageReferences, type StageReference } from './correctness-helpers';
import type { Fix, Rule } from './types';

/**
 * Docker Official Images often copied from or built on by their bare name (`COPY --from=busybox …`).
 * A bare name outside this list that is not a stage is far more likely a typo than an image.
 */
const OFFICIAL_IMAGES = new Set([
  'almalinux', 'alpine', 'amazoncorretto', 'amazonlinux', 'archlinux', 'bash', 'buildpack-deps', 'busybox', 'caddy', 'centos', 'clojure',
  'composer', 'consul', 'couchdb', 'debian', 'docker', 'eclipse-temurin', 'elasticsearch', 'elixir', 'erlang', 'fedora', 'gcc', 'golang',
  'gradle', 'haproxy', 'haskell', 'httpd', 'influxdb', 'julia', 'kibana', 'mariadb', 'maven', 'memcached', 'mongo', 'mysql', 'nats',
  'neo4j', 'nginx', 'node', 'openjdk', 'oraclelinux', 'perl', 'php', 'postgres', 'pypy', 'python', 'rabbitmq', 'redis', 'registry',
  'rockylinux', 'ruby', 'rust', 'scratch', 'swift', 'telegraf', 'tomcat', 'traefik', 'ubuntu', 'vault', 'zookeeper',
]);

const STAGE_LIKE = /^[A-Za-z][A-Za-z0-9_.-]*$/;

export const undefinedStageReference: Rule = {
  id: 'undefined-stage-reference',
  category: 'correctness',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  hadolint: ['DL3022', 'DL3023'],
  docs: {
    summary: '`COPY --from`, `--mount from=` or `FROM` names a stage that is not defined before it',
    what:
      'Reports a stage reference that does not resolve to an earlier stage: `COPY --from=<name>` or `RUN --mount=…,from=<name>` where no ' +
      'earlier stage has that name (case-insensitively), a stage that is only defined later in the file or is the current stage itself, a stage ' +
      'index (`--from=2`) that is not an earlier stage, and a `FROM <name>` that is one edit or two away from an earlier stage name. ' +
      'Image references (anything with `/`, `:` or `@`), names built from variables and well-known official images are left alone.',
    why:
      'BuildKit resolves `--from=<name>` to a stage when one has that name and otherwise to an image: `--from=bulider` quietly pulls ' +
      '`docker.io/library/bulider`, which fails with a confusing "pull access denied", or worse, succeeds with someone else\'s image. A stage ' +
      'can only use the stages above it, so a reference to a later stage fails the build ("it needs to be defined before current stage"), and ' +
      'in a `FROM` it silently pulls an image of that name instead.',
    knownProblems:
      'A bare name that is a real image on Docker Hub but not in Slimfile\'s short list of official images is reported; write it as ' +
      '`name:tag` (pinning it is better anyway) or suppress the finding. So is a named build context (`docker buildx build ' +
      '--build-context deps=../deps` with `COPY --from=deps`), which Slimfile cannot see; suppress the finding for those lines.',
    example: 'FROM python:3.12-slim AS builder\nRUN python -m venv /opt/venv\n\nFROM python:3.12-slim\nCOPY --from=bulider /opt/venv /opt/venv',
    useInstead: 'FROM python:3.12-slim AS builder\nRUN python -m venv /opt/venv\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv',
    fixSafety:
      'Unsafe: when exactly one earlier stage name is close to the one written, the fix replaces it with that stage. That changes what is ' +
      'copied (from an image to a stage), which is almost always the intent, but check that it is the stage you meant.',
    references: [
      'https://docs.docker.com/build/building/multi-stage/#name-your-build-stages',
      'https://docs.docker.com/reference/dockerfile/#copy---from',
      'https://github.com/hadolint/hadolint/wiki/DL3022',
      'https://github.com/hadolint/hadolint/wiki/DL3023',
    ],
  },
  check({ model, report }) {
    for (const ref of stageReferences(model)) {
      const problem = describeProblem(model, ref);
      if (!problem) continue;
      const span = ref.span ?? ref.reportSpan;
      const fixes: Fix[] = [];
      if (problem.suggestion && ref.span) {
        fixes.push({
          title: `Use stage '${problem.suggestion}'`,
          safe: false,
          edits: [{ start: ref.span.start, end: ref.span.end, newText: problem.suggestion }],
        });
      }
      report({ span, message: problem.message, fixes });
    }
  },
};

interface Problem {
  message: string;
  suggestion?: string;
}

function what(ref: StageReference): string {
  if (ref.kind === 'copy') return `\`--from=${ref.name}\``;
  if (ref.kind === 'mount') return `\`--mount … from=${ref.name}\``;
  return `\`FROM ${ref.name}\``;
}

function lineOf(model: DockerfileModel, stage: Stage): number {
  return positionAt(model.lineStarts, stage.from.keywordSpan.start).line + 1;
}

function describeProblem(model: DockerfileModel, ref: StageReference): Problem | undefined {
  const { name, stage: current } = ref;
  if (name.includes('$')) return undefined;
  if (ref.kind !== 'from' && /^\d+$/.test(name)) {
    const index = Number(name);
    if (index < current.index) return undefined;
    const which = index === current.index ? 'is the current stage' : index < model.stages.length ? 'comes later in the file' : 'does not exist';
    return { message: `${what(ref)} refers to stage number ${index}, which ${which}: a stage can only use the stages before it` };
  }
  if (!STAGE_LIKE.test(name)) return undefined;
  const lower = name.toLowerCase();
  if (ref.kind === 'from' && (lower === 'scratch' || ref.stage.image.stage !== undefined)) return undefined;
  const named = model.stages.filter((s) => s.name?.toLowerCase() === lower);
  const earlier = model.stages.slice(0, current.index).filter((s) => s.name).map((s) => s.name!);
  const official = OFFICIAL_IMAGES.has(lower);
  if (ref.kind !== 'from' && named.some((s) => s.index < current.index)) return undefined;
  if (named.some((s) => s.index === current.index)) {
    if (ref.kind === 'from') return undefined; // `FROM nginx AS nginx` names an image
    return { message: `${what(ref)} refers to the stage it is in: a stage cannot copy from itself` };
  }
  const later = named.find((s) => s.index > current.index);
  if (later && !(ref.kind === 'from' && official)) {
    const consequence = ref.kind === 'from' ? `so this pulls the image \`docker.io/library/${lower}\` instead` : 'so the build fails';
    return { message: `${what(ref)} refers to stage '${later.name}', which is only defined later (line ${lineOf(model, later)}): a stage can only use earlier stages, ${consequence}` };
  }
  if (official || later) return undefined;
  const near = nearestNames(name, earlier);
  if (ref.kind === 'from' && near.length === 0) return undefined;
  if (name.includes('.') && near.length === 0) return undefined;
  const suggestion = near.length === 1 ? near[0] : undefined;
  const hint = near.length > 0 ? ` (did you mean ${near.map((n) => `'${n}'`).join(' or ')}?)` : '';
  const where = earlier.length === 0 ? 'no stage before it has a name' : `no earlier stage is named '${name}'`;
  return {
    message:
      `${what(ref)} names no stage${hint}: ${where}, so BuildKit pulls the image \`docker.io/library/${lower}\` instead` +
      (near.length === 0 && ref.kind !== 'from' ? ` (unless the build passes \`--build-context ${name}=…\`)` : ''),
    suggestion,
  };
}

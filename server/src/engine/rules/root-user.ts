import { finalChain } from '../model/stages';
import { lineEnding } from '../model/text';
import type { DockerfileModel, Instruction, Stage } from '../model/types';
import { baseFamily, createdUsers, defaultsToNonRoot, isRootUser, isWindowsImage, lastUser, variablesBefore } from './security-runtime-helpers';
import type { Fix, Rule } from './types';

export const rootUser: Rule = {
  id: 'root-user',
  category: 'security',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  hadolint: ['DL3002'],
  docs: {
    summary: 'The final image runs as root',
    what:
      'Reports a final stage that runs as root: no `USER` in it or in the stages it is built `FROM` (a `USER` in a builder stage that is only ' +
      'copied from does not count), a last `USER root` / `USER 0` / `USER 0:0`, or a `USER $UID` whose build-argument default is 0. ' +
      'Base images that already switch to a non-root user (distroless `:nonroot` tags, Chainguard, micromamba, Jupyter docker-stacks, ' +
      'nginx-unprivileged, Red Hat UBI Python) do not need a `USER`.',
    why:
      'A process running as root inside the container is root on the container\'s file system and, with a kernel or runtime escape, a big step ' +
      'closer to root on the host. After a remote-code-execution bug in the app, a non-root user cannot install tools, rewrite the app or read ' +
      'other users\' files. Kubernetes `runAsNonRoot` and many admission policies refuse root images outright, and scanners (Trivy DS002) flag them.',
    knownProblems:
      'Images that start as root on purpose and step down in their entrypoint (gosu, su-exec, s6-overlay) are not reported. ' +
      'The rule cannot see the user a private base image sets: if yours already switches to a non-root user, suppress the rule for the file. ' +
      'A `USER root` followed by a switch back is fine and is not reported; only the user the image ends with counts.',
    example:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]',
    useInstead:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n' +
      'RUN useradd --create-home --uid 10001 app\nUSER app\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]',
    fixSafety:
      'Unsafe: the app loses write access to files owned by root (copied sources, `/app` data directories, caches) and cannot bind ports below 1024. ' +
      'Give it what it writes with `COPY --chown=app:app` or a `chown` in the same `RUN` that creates the files. The fix inserts ' +
      '`RUN useradd --create-home --uid 10001 app` (Debian/Ubuntu) or `RUN adduser -D -u 10001 app` (Alpine) and `USER app` after the last ' +
      '`RUN`/`COPY`; when the file already creates a user, it only adds `USER <that user>`; on distroless it adds `USER nonroot`, and on ' +
      '`scratch` a numeric `USER 10001:10001` (there is no /etc/passwd). No fix is offered when the user comes from a build argument.',
    references: [
      'https://docs.docker.com/build/building/best-practices/#user',
      'https://github.com/hadolint/hadolint/wiki/DL3002',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
    ],
  },
  check({ model, report }) {
    const chain = finalChain(model);
    if (chain.length === 0) return;
    const final = chain[chain.length - 1];
    const base = chain[0].image;
    if (isWindowsImage(base) || dropsPrivilegesAtStart(chain)) return;
    const user = lastUser(model, chain);
    if (!user) {
      // An unknown base (an unresolved build argument) may well set its own user.
      if (base.unresolved || defaultsToNonRoot(base)) return;
      const fix = nonRootFix(model, chain, final);
      const created = existingUser(model, chain);
      const detail = base.scratch
        ? 'a `scratch` image has no users, so the process runs as UID 0: set a numeric `USER`'
        : created
          ? `user \`${created.name}\` is created on line ${created.instruction.line + 1} but never switched to`
          : 'no `USER` instruction switches to a non-root user';
      report({ span: final.image.span, message: `The final image runs as root: ${detail}`, fixes: fix ? [fix] : [] });
      return;
    }
    if (user.resolved === undefined || !isRootUser(user.resolved)) return;
    const token = user.instruction.tokens[0];
    if (user.raw !== user.resolved) {
      report({
        span: token.span,
        message: `\`USER ${user.raw}\` resolves to \`${user.resolved}\` with the default build arguments, so the final image runs as root`,
      });
      return;
    }
    const fix = nonRootFix(model, chain, final);
    report({
      span: token.span,
      message: `\`USER ${user.raw}\` is the last user of the final image, so the container runs as root: switch to a non-root user after the steps that need root`,
      fixes: fix ? [fix] : [],
    });
  },
};

const UID = 10001;

/**
 * Images whose entrypoint starts as root on purpose and then steps down to the app user: gosu, su-exec
 * and s6-overlay's `/init` (which runs services under `s6-setuidgid`). The USER they run as is decided at start.
 */
function dropsPrivilegesAtStart(chain: Stage[]): boolean {
  return chain.some((stage) =>
    stage.instructions.some(
      (i) =>
        (['RUN', 'COPY', 'ADD'].includes(i.keyword) && /\b(gosu|su-exec|s6-overlay)\b/.test(i.args)) ||
        (i.keyword === 'ENTRYPOINT' && /^\s*(\[\s*")?\/init\b/.test(i.args)),
    ),
  );
}

function existingUser(model: DockerfileModel, chain: Stage[]): { name: string; instruction: Instruction } | undefined {
  const users = createdUsers(chain);
  const last = users[users.length - 1];
  if (!last) return undefined;
  if (!last.name.includes('$')) return last;
  const values = variablesBefore(model, chain, last.instruction);
  const name = last.name.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_m, key: string) => values.get(key) ?? '$');
  return name.includes('$') || name === '' ? undefined : { name, instruction: last.instruction };
}

function nonRootFix(model: DockerfileModel, chain: Stage[], final: Stage): Fix | undefined {
  const created = createdUsers(chain).length > 0 ? existingUser(model, chain) : undefined;
  let lines: string[];
  let title: string;
  if (created) {
    if (isRootUser(created.name)) return undefined;
    lines = [`USER ${created.name}`];
    title = `Switch to the user \`${created.name}\` the file creates`;
  } else if (createdUsers(chain).length > 0) {
    return undefined;
  } else {
    switch (baseFamily(chain)) {
      case 'debian':
        lines = [`RUN useradd --create-home --uid ${UID} app`, 'USER app'];
        title = 'Create a non-root user `app` and switch to it';
        break;
      case 'alpine':
        lines = [`RUN adduser -D -u ${UID} app`, 'USER app'];
        title = 'Create a non-root user `app` and switch to it';
        break;
      case 'distroless':
        lines = ['USER nonroot'];
        title = 'Switch to the `nonroot` user distroless images ship';
        break;
      case 'scratch':
        lines = [`USER ${UID}:${UID}`];
        title = `Run as UID ${UID}`;
        break;
      default:
        return undefined;
    }
  }
  const eol = lineEnding(model.text);
  // After the last step that may need root, and before the command that starts the app.
  const steps = final.instructions.filter((i) => ['RUN', 'COPY', 'ADD', 'USER'].includes(i.keyword));
  const anchor = steps[steps.length - 1] ?? final.from;
  const after = final.instructions.slice(final.instructions.indexOf(anchor) + 1);
  const start = after.find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  if (start) {
    const at = model.lineStarts[commentsAbove(model, start)];
    return { title, safe: false, edits: [{ start: at, end: at, newText: lines.map((l) => l + eol).join('') }] };
  }
  return { title, safe: false, edits: [{ start: anchor.span.end, end: anchor.span.end, newText: lines.map((l) => eol + l).join('') }] };
}

/** The first line of the comment block directly above an instruction (so inserted lines do not split a comment from its instruction). */
function commentsAbove(model: DockerfileModel, instruction: Instruction): number {
  let line = instruction.line;
  while (model.comments.some((c) => c.line === line - 1)) line--;
  return line;
}

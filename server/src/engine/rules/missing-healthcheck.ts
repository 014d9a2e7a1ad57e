import { finalChain } from '../model/stages';
import type { Instruction, Stage } from '../model/types';
import { plural } from './helpers';
import { chainInstructions, commandsOf, hasTemplate, lastOf, programAt } from './security-runtime-helpers';
import type { Rule } from './types';

export const missingHealthcheck: Rule = {
  id: 'missing-healthcheck',
  category: 'runtime',
  defaultSeverity: 'off',
  fixAvailability: 'none',
  docs: {
    summary: 'A server image without `HEALTHCHECK`',
    what:
      'Reports a final image that `EXPOSE`s a port or starts a server (gunicorn, uvicorn, hypercorn, daphne, waitress, uWSGI, granian, ' +
      '`flask run`, `runserver`, `fastapi run`, `streamlit run`) when neither it nor the stages it is built from declare a `HEALTHCHECK` ' +
      '(`HEALTHCHECK NONE` counts as a decision). Off by default.',
    why:
      'Without a health check Docker only knows whether the process is alive, not whether it answers: a deadlocked worker pool or an app ' +
      'that lost its database keeps receiving traffic. With one, `docker ps` shows `unhealthy`, Compose can wait for `service_healthy` ' +
      'before starting dependants, and Swarm replaces unhealthy tasks.',
    knownProblems:
      'Kubernetes ignores `HEALTHCHECK` and uses the pod\'s liveness and readiness probes instead, which is why the rule is off by default; ' +
      'turn it on for images run by Docker, Compose or Swarm. The check command needs a tool present in the image: slim and distroless ' +
      'images have no `curl`, so use Python itself.',
    example: 'FROM python:3.12-slim\nEXPOSE 8000\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]',
    useInstead:
      'FROM python:3.12-slim\nEXPOSE 8000\nHEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \\\n' +
      '  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/health\', timeout=2)"]\n' +
      'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]',
    fixSafety:
      'No automatic fix: the check needs an endpoint that says the app is healthy (e.g. `/health`), which only the app knows. The Python ' +
      'one-liner above exits non-zero when the request fails or returns an error status, with no extra package in the image.',
    references: [
      'https://docs.docker.com/reference/dockerfile/#healthcheck',
      'https://docs.docker.com/compose/how-tos/startup-order/',
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
    ],
  },
  check({ model, report }) {
    const chain = finalChain(model);
    if (chain.length === 0 || chainInstructions(chain).some((i) => i.keyword === 'HEALTHCHECK')) return;
    const expose = chainInstructions(chain).find((i) => i.keyword === 'EXPOSE' && i.tokens.length > 0 && !hasTemplate(i.args));
    if (expose) {
      const ports = expose.tokens.map((t) => t.value);
      report({
        span: { start: expose.keywordSpan.start, end: expose.tokens[expose.tokens.length - 1].span.end },
        message: `The image exposes ${plural(ports.length, 'port')} ${ports.join(', ')} but declares no \`HEALTHCHECK\`: Docker cannot tell a hung server from a healthy one`,
      });
      return;
    }
    const server = serverCommand(chain);
    if (server) {
      report({
        span: { start: server.instruction.keywordSpan.start, end: server.instruction.span.end },
        message: `The image starts \`${server.name}\` but declares no \`HEALTHCHECK\`: Docker cannot tell a hung server from a healthy one`,
      });
    }
  },
};

const SERVERS = /^(gunicorn|uvicorn|hypercorn|daphne|waitress-serve|uwsgi|granian)$/;

function serverCommand(chain: Stage[]): { instruction: Instruction; name: string } | undefined {
  for (const instruction of [lastOf(chain, 'ENTRYPOINT'), lastOf(chain, 'CMD')]) {
    if (!instruction) continue;
    for (const words of commandsOf(instruction)) {
      const values = words.slice(programAt(words)).map((w) => w.value.replace(/^.*\//, ''));
      if (values[0] && /^python(\d(\.\d+)?)?$/.test(values[0])) {
        const m = values.indexOf('-m');
        if (m > 0) values.splice(0, m + 1);
        else values.shift();
      }
      const [program, sub] = values;
      if (!program) continue;
      if (SERVERS.test(program)) return { instruction, name: program };
      if (program === 'flask' && values.includes('run')) return { instruction, name: 'flask run' };
      if ((program === 'manage.py' || program === 'django-admin') && sub === 'runserver') return { instruction, name: `${program} runserver` };
      if ((program === 'fastapi' && (sub === 'run' || sub === 'dev')) || (program === 'streamlit' && sub === 'run')) return { instruction, name: `${program} ${sub}` };
    }
  }
  return undefined;
}

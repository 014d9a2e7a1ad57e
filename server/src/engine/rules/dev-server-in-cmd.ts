import { finalChain } from '../model/stages';
import type { DockerfileModel, Span } from '../model/types';
import { commandsOf, lastOf, programAt, type CommandWord } from './security-runtime-helpers';
import type { Fix, Rule } from './types';

export const devServerInCmd: Rule = {
  id: 'dev-server-in-cmd',
  category: 'runtime',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  docs: {
    summary: 'The image starts a development server',
    what:
      'Reports a final image whose `CMD` or `ENTRYPOINT` (also inside `sh -c "…"`) starts a development server: `flask run`, ' +
      '`python -m flask run`, `python manage.py runserver`, `django-admin runserver`, `fastapi dev`, or `uvicorn`, `gunicorn` or ' +
      '`hypercorn` with `--reload`. Final stages named for development (`dev`, `dev-envs`, `debug`, `local`, `test`) are skipped.',
    why:
      'Development servers trade safety and throughput for convenience. Flask\'s and Django\'s built-in servers say in their own docs that ' +
      'they are not for production: one process, no worker management, no hardening against slow or malformed requests, and a debugger ' +
      'that executes code if debug mode is on. `--reload` and `fastapi dev` watch the file system (CPU and inotify load in every replica), ' +
      'restart on any change, run a single worker, and `fastapi dev` listens on 127.0.0.1 only, so the container is unreachable.',
    knownProblems:
      'An entrypoint script that starts the server is not read. A dev server behind a proxy for an internal tool may be a deliberate ' +
      'choice; suppress the rule for that file.',
    example: 'FROM python:3.12-slim\nCOPY . /app\nWORKDIR /app\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["flask", "run", "--host", "0.0.0.0"]',
    useInstead:
      'FROM python:3.12-slim\nCOPY . /app\nWORKDIR /app\nRUN pip install --no-cache-dir -r requirements.txt gunicorn\n' +
      'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "4", "app:app"]',
    fixSafety:
      'Only `--reload` has a fix, and it is unsafe: removing the word stops the server from restarting on code changes, which is the point ' +
      'in production but changes behaviour for anyone who mounts source code into the container during development. `flask run`, ' +
      '`runserver` and `fastapi dev` need a different program (gunicorn, uvicorn, `fastapi run`) and the app\'s module path, so they get no fix.',
    references: [
      'https://flask.palletsprojects.com/en/stable/deploying/',
      'https://docs.djangoproject.com/en/stable/ref/django-admin/#runserver',
      'https://www.uvicorn.org/deployment/',
      'https://fastapi.tiangolo.com/deployment/docker/',
    ],
  },
  check({ model, report }) {
    const chain = finalChain(model);
    const final = chain[chain.length - 1];
    if (!final || (final.name && DEV_STAGE.test(final.name))) return;
    for (const instruction of [lastOf(chain, 'ENTRYPOINT'), lastOf(chain, 'CMD')]) {
      if (!instruction) continue;
      for (const words of commandsOf(instruction)) {
        const found = devServer(words);
        if (!found) continue;
        const fix = found.reload ? removeWord(model, words, found.reload) : undefined;
        report({ span: found.span, message: found.message, fixes: fix ? [fix] : [] });
      }
    }
  },
};

const DEV_STAGE = /(^|[-_.])(dev|devel|develop|development|debug|local|test|testing)([-_.]|$)/i;

interface DevServer {
  span: Span;
  message: string;
  reload?: CommandWord;
}

const PRODUCTION_HINT = 'serve the app with gunicorn (e.g. `gunicorn --bind 0.0.0.0:8000 --workers 4 app:app`) or uvicorn without `--reload`';

/** Options whose value is the next word, for the programs read here. */
const VALUE_OPTIONS = new Set(['-A', '--app', '-e', '--env-file', '--settings', '--pythonpath', '-W', '-X']);

function baseName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** The first operand after `from`, skipping options and their values. */
function subcommand(words: CommandWord[], from: number): number {
  for (let i = from; i < words.length; i++) {
    const value = words[i].value;
    if (value.startsWith('-')) {
      if (!value.includes('=') && VALUE_OPTIONS.has(value)) i++;
      continue;
    }
    return i;
  }
  return -1;
}

function devServer(words: CommandWord[]): DevServer | undefined {
  const p = programAt(words);
  if (p >= words.length) return undefined;
  let tool = baseName(words[p].value);
  let rest = p + 1;
  if (/^python(\d(\.\d+)?)?$/.test(tool)) {
    // python [-u …] -m module …   or   python [-u …] manage.py …
    const at = subcommand(words, rest);
    const module = words.findIndex((w, i) => i > p && i < (at < 0 ? words.length : at) && w.value === '-m');
    if (module > 0 && module + 1 < words.length) {
      tool = words[module + 1].value;
      rest = module + 2;
    } else if (at >= 0) {
      tool = baseName(words[at].value);
      rest = at + 1;
    } else return undefined;
  }
  const span = (end: number): Span => ({ start: words[p].span.start, end: words[end].span.end });
  const reload = words.slice(rest).find((w) => w.value === '--reload');
  switch (tool) {
    case 'flask': {
      const sub = subcommand(words, rest);
      if (sub < 0 || words[sub].value !== 'run') return undefined;
      return { span: span(sub), message: `\`flask run\` starts Flask's development server, which is not meant for production: ${PRODUCTION_HINT}` };
    }
    case 'manage.py':
    case 'django-admin':
    case 'django': {
      const sub = subcommand(words, rest);
      if (sub < 0 || !/^runserver(_plus)?$/.test(words[sub].value)) return undefined;
      return {
        span: span(sub),
        message:
          `\`${tool === 'manage.py' ? 'manage.py' : 'django-admin'} ${words[sub].value}\` starts Django's development server, which is not meant for production: ` +
          'serve the project with gunicorn (`gunicorn --bind 0.0.0.0:8000 project.wsgi`) or uvicorn (`uvicorn project.asgi:application`)',
      };
    }
    case 'fastapi': {
      const sub = subcommand(words, rest);
      if (sub < 0 || words[sub].value !== 'dev') return undefined;
      return {
        span: span(sub),
        message: '`fastapi dev` is FastAPI\'s development mode (auto-reload, listens on 127.0.0.1 only): use `fastapi run`, or uvicorn/gunicorn without `--reload`',
      };
    }
    case 'uvicorn':
    case 'gunicorn':
    case 'hypercorn':
      if (!reload) return undefined;
      return {
        span: reload.span,
        message: `\`${tool} --reload\` watches the source tree and restarts on every change, a development feature: drop \`--reload\` and run several workers instead`,
        reload,
      };
    default:
      return undefined;
  }
}

/** Removes a word with the separator before it: `, "--reload"` in exec form, ` --reload` in shell form. */
function removeWord(model: DockerfileModel, words: CommandWord[], word: CommandWord): Fix | undefined {
  const index = words.indexOf(word);
  const previous = words[index - 1];
  // Inside an escaped `sh -c` string the word has no exact position.
  if (!previous || previous.span.end > word.span.start) return undefined;
  const gap = model.text.slice(previous.span.end, word.span.start);
  const edit = /^[ \t,]*$/.test(gap)
    ? { start: previous.span.end, end: word.span.end, newText: '' }
    : { start: word.span.start, end: word.span.end + (/^[ \t]*/.exec(model.text.slice(word.span.end))?.[0].length ?? 0), newText: '' };
  return { title: 'Remove --reload', safe: false, edits: [edit] };
}

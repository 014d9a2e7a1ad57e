import type { Instruction, KeyValue, Span } from '../model/types';
import type { Rule } from './types';

export const secretInArgEnv: Rule = {
  id: 'secret-in-arg-env',
  category: 'security',
  defaultSeverity: 'warning',
  fixAvailability: 'none',
  docs: {
    summary: 'A secret in `ARG`, `ENV` or `LABEL`',
    what:
      'Reports `ARG` and `ENV` names that read like secrets (`PASSWORD`, `SECRET`, `TOKEN`, `API_KEY`, `ACCESS_KEY`, `PRIVATE_KEY`, ' +
      '`CREDENTIALS`, a trailing `AUTH`, …) and any `ARG`/`ENV`/`LABEL` value that looks like a credential: a GitHub, GitLab, Slack, ' +
      'Hugging Face, PyPI or OpenAI token, an AWS access key id, a PEM private key, or a URL with `user:password@`. ' +
      'Names ending in `_FILE`, `_PATH`, `_URL`, `_ID`, … (they point at a secret rather than hold it), names with `PUBLIC`, GPG key ' +
      'fingerprints (`GPG_KEY` in the official python image), settings such as `ACCESS_TOKEN_EXPIRE_MINUTES`, and `ENV` values that are ' +
      'empty, booleans, small numbers or file paths are not reported.',
    why:
      '`ENV` values are stored in the image config: anyone who can pull the image reads them with `docker inspect`. Build arguments used by ' +
      'a `RUN` are recorded in `docker history` (and in max-mode provenance attestations), and labels are plain metadata. Deleting the value ' +
      'in a later instruction does not remove it from the earlier layer or history entry. Pushed images are pulled by CI systems, ' +
      'registries mirror them, and leaked registry tokens and cloud keys are found and abused within minutes.',
    knownProblems:
      'A name-based check cannot know what a variable holds: `SECRET_KEY=changeme` for local runs is reported too (and should still move to ' +
      'run-time configuration). BuildKit\'s own `SecretsUsedInArgOrEnv` check reports any name containing `KEY`; this rule is narrower.',
    example:
      'FROM python:3.12-slim\nARG GITHUB_TOKEN\nRUN pip install --no-cache-dir git+https://${GITHUB_TOKEN}@github.com/acme/private-lib.git',
    useInstead:
      'FROM python:3.12-slim\nRUN --mount=type=secret,id=github_token \\\n' +
      '    pip install --no-cache-dir "git+https://$(cat /run/secrets/github_token)@github.com/acme/private-lib.git"\n' +
      '# docker build --secret id=github_token,env=GITHUB_TOKEN .',
    fixSafety:
      'No automatic fix. Build-time secrets go through `RUN --mount=type=secret,id=…` (the file exists only during that `RUN`, or use ' +
      '`env=NAME` to expose it as a variable) and `docker build --secret`; run-time secrets come from the orchestrator (`docker run -e`, ' +
      'Kubernetes Secrets, a secrets manager), never from the image.',
    references: [
      'https://docs.docker.com/build/building/secrets/',
      'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/',
      'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats',
    ],
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      const kind = instruction.keyword;
      if (kind !== 'ARG' && kind !== 'ENV' && kind !== 'LABEL') continue;
      for (const pair of instruction.pairs ?? []) {
        if (kind !== 'LABEL' && secretName(pair.key) && holdsValue(kind, pair.value)) {
          report({
            span: pair.keySpan,
            message:
              kind === 'ARG'
                ? `\`ARG ${pair.key}\` looks like a secret: build arguments are recorded in the image history; use \`RUN --mount=type=secret\``
                : `\`ENV ${pair.key}\` looks like a secret: ENV values are stored in the image for anyone who pulls it; pass it at run time or use \`RUN --mount=type=secret\``,
          });
          continue;
        }
        const credential = pair.value === undefined ? undefined : credentialIn(pair.value);
        if (credential) {
          report({
            span: valueSpan(instruction, pair),
            message: `The value of \`${kind} ${pair.key}\` contains ${credential}: it is stored in the image for anyone who pulls it; use \`RUN --mount=type=secret\` or run-time configuration`,
          });
        }
      }
    }
  },
};

/** Words that name a secret on their own. */
const SECRET_WORDS = new Set([
  'password', 'passwd', 'pword', 'pass', 'passphrase', 'secret', 'secrets', 'token', 'apikey', 'credential', 'credentials', 'creds',
  'privatekey', 'secretkey', 'accesskey',
]);
/** Words that make a following `key` a secret (`API_KEY`, `SSH_KEY`), unlike `GPG_KEY` (a fingerprint) or `CACHE_KEY`. */
const KEY_QUALIFIERS = new Set(['api', 'access', 'private', 'secret', 'signing', 'encryption', 'master', 'ssh', 'license', 'account', 'client', 'auth']);
/** A last word that makes the variable point at or describe a secret rather than hold it. */
const NOT_A_VALUE = new Set([
  'file', 'files', 'path', 'dir', 'directory', 'url', 'uri', 'endpoint', 'host', 'hostname', 'port', 'user', 'username', 'name', 'id',
  'type', 'mode', 'enabled', 'enable', 'disabled', 'disable', 'required', 'length', 'len', 'size', 'ttl', 'expiry', 'expires',
  'expiration', 'lifetime', 'timeout', 'header', 'location', 'provider', 'backend', 'algorithm', 'method', 'scheme', 'version', 'policy',
  'format', 'env', 'var', 'prefix', 'count', 'limit', 'max', 'min', 'minutes', 'seconds', 'hours', 'days', 'expire', 'age', 'interval',
]);

/** Splits `AWS_SECRET_ACCESS_KEY`, `apiKey`, `db-password` into lower-case words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export function secretName(name: string): boolean {
  const parts = words(name);
  if (parts.length === 0 || parts.includes('public')) return false;
  if (NOT_A_VALUE.has(parts[parts.length - 1])) return false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (SECRET_WORDS.has(part)) return true;
    if ((part === 'key' || part === 'keys') && i > 0 && KEY_QUALIFIERS.has(parts[i - 1])) return true;
  }
  // `AUTH`, `NPM_AUTH`, `BASIC_AUTH`: an auth string; `AUTH_ENABLED` was ruled out above.
  return parts[parts.length - 1] === 'auth';
}

/** Whether the declaration can carry a secret: ARGs take their value at build time, ENV placeholders and flags do not. */
function holdsValue(kind: string, value: string | undefined): boolean {
  if (value === undefined) return kind === 'ARG';
  const v = value.trim();
  if (v === '') return kind === 'ARG';
  if (/^(true|false|yes|no|on|off|none|null)$/i.test(v) || /^\d{1,6}$/.test(v)) return false;
  // A file path: the variable says where the secret is mounted.
  if (/^(\/|\.\/|~\/|[A-Za-z]:\\)/.test(v)) return false;
  return true;
}

/**
 * Credential formats recognisable by their shape. Sources: GitHub docs, "About authentication to GitHub" (token prefixes);
 * AWS IAM User Guide, "Unique identifiers" (AKIA/ASIA access key ids); GitLab docs, "Token prefixes"; Slack API docs, "Token types";
 * Hugging Face docs, "User access tokens"; PyPI help, "API tokens"; RFC 7468 (PEM labels). Read 2026-11.
 */
const CREDENTIAL_PATTERNS: [RegExp, string][] = [
  [/\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b/, 'a GitHub token'],
  [/\bgithub_pat_[A-Za-z0-9_]{22,}/, 'a GitHub token'],
  [/\bglpat-[A-Za-z0-9_-]{20,}/, 'a GitLab token'],
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/, 'an AWS access key id'],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/\bhf_[A-Za-z0-9]{30,}\b/, 'a Hugging Face token'],
  [/\bpypi-AgE[A-Za-z0-9_-]{50,}/, 'a PyPI token'],
  [/\bsk-(proj-)?[A-Za-z0-9_-]{32,}/, 'an API secret key'],
  [/\b(sk|rk)_live_[A-Za-z0-9]{20,}/, 'a Stripe secret key'],
  [/-----BEGIN ([A-Z]+ )*PRIVATE KEY( BLOCK)?-----/, 'a private key'],
];

/**
 * `scheme://user:password@host` with a literal password (not `$VAR`, `<placeholder>` or `{{ template }}`).
 * The scheme is bounded: with `*`, a long alphanumeric value backtracks quadratically (minutes for 1 MB).
 */
const URL_CREDENTIALS = /[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[^\s/:@]+:([^\s/@]+)@/;

export function credentialIn(value: string): string | undefined {
  for (const [pattern, what] of CREDENTIAL_PATTERNS) if (pattern.test(value)) return what;
  const url = URL_CREDENTIALS.exec(value);
  if (url && !/^(\$|<|\{\{|\*+$)/.test(url[1])) return 'a password in a URL';
  return undefined;
}

function valueSpan(instruction: Instruction, pair: KeyValue): Span {
  if (pair.legacy) {
    const second = instruction.tokens[1];
    return second ? { start: second.span.start, end: pair.span.end } : pair.span;
  }
  return { start: Math.min(pair.keySpan.end + 1, pair.span.end), end: pair.span.end };
}

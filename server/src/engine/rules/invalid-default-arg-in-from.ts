import { substitute } from '../model/stages';
import { PLATFORM_ARG_VALUES, buildCheckUrl, findVariables } from './correctness-helpers';
import type { Rule } from './types';

// The grammar of github.com/distribution/reference, which BuildKit uses to parse FROM.
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(?:(${DOMAIN})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/** Whether BuildKit could parse `ref` as an image reference (ParseNormalizedNamed's rules). */
export function isValidImageReference(ref: string): boolean {
  if (ref === '' || /^[a-f0-9]{64}$/.test(ref)) return false;
  const slash = ref.indexOf('/');
  const first = slash < 0 ? '' : ref.slice(0, slash);
  const explicitDomain = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
  const remainder = explicitDomain ? ref.slice(slash + 1) : ref;
  const remoteName = remainder.split(/[:@]/)[0];
  if (remoteName !== remoteName.toLowerCase()) return false;
  const full = `${explicitDomain ? first : 'docker.io'}/${remainder}`;
  const m = REFERENCE.exec(full);
  return m !== null && (m[1] ? m[1].length + 1 : 0) + m[2].length <= 255;
}

export const invalidDefaultArgInFrom: Rule = {
  id: 'invalid-default-arg-in-from',
  category: 'correctness',
  defaultSeverity: 'warning',
  fixAvailability: 'none',
  docs: {
    summary: 'With its ARG defaults, a `FROM` image reference is empty or invalid',
    what:
      'Substitutes the defaults of the global ARGs (and the automatic platform ARGs) into each `FROM` that uses a variable and reports it when ' +
      'the result is not a valid image reference, for example `ARG TAG` with no default and `FROM python:${TAG}`, which becomes `python:`. ' +
      'This is BuildKit\'s `InvalidDefaultArgInFrom` build check.',
    why:
      'A plain `docker build .` should work. When an ARG used in `FROM` has no default, the build only succeeds if every caller remembers ' +
      '`--build-arg`; everyone else gets "invalid reference format" before anything is built.',
    knownProblems:
      'A FROM whose reference stays valid with the ARG empty (`FROM busybox:stable${VARIANT}`) is fine and not reported. The platform ARGs are ' +
      'assumed to have their linux/amd64 values.',
    example: 'ARG PYTHON_VERSION\nFROM python:${PYTHON_VERSION}-slim',
    useInstead: 'ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim',
    fixSafety: 'No automatic fix: give the ARG a sensible default (`ARG PYTHON_VERSION=3.12`) or a fallback in place (`${PYTHON_VERSION:-3.12}`).',
    references: [buildCheckUrl('invalid-default-arg-in-from'), 'https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact'],
  },
  check({ model, report }) {
    const values = new Map<string, string | undefined>(PLATFORM_ARG_VALUES);
    const withoutDefault = new Set<string>();
    for (const instruction of model.globalArgs) {
      for (const pair of instruction.pairs ?? []) {
        const value = pair.value === undefined ? undefined : substitute(pair.value, values).text;
        values.set(pair.key, value);
        if (value === undefined || value === '') withoutDefault.add(pair.key);
        else withoutDefault.delete(pair.key);
      }
    }
    for (const stage of model.stages) {
      const token = stage.from.tokens[0];
      if (!token || !token.value.includes('$')) continue;
      const resolved = substitute(token.value, values).text;
      // A form the substitution does not model (`${VAR/x/y}`) is left alone.
      if (resolved.includes('$') || isValidImageReference(resolved)) continue;
      const used = [...new Set(findVariables(token.value, 0, token.value.length, model.escape).map((u) => u.name))];
      const empty = used.filter((n) => withoutDefault.has(n));
      const undeclared = used.filter((n) => !values.has(n));
      const blame =
        empty.length > 0
          ? `: give ${empty.map((n) => `ARG ${n}`).join(' and ')} a default`
          : undeclared.length > 0
            ? `: declare ${undeclared.map((n) => `ARG ${n}`).join(' and ')} with a default before the first FROM`
            : '';
      report({
        span: token.span,
        message: `Default value for ARG ${token.value} results in ${resolved === '' ? 'an empty' : `the invalid`} base image name${resolved === '' ? '' : ` '${resolved}'`}${blame}`,
      });
    }
  },
};

import { finalChain } from '../model/stages';
import { describePythonImage } from '../knowledge/base-images';
import { musllinuxGaps, parseRequirement, TABLE_DATE } from '../knowledge/pypi-wheels';
import { isInstall, optionValue } from '../model/packages';
import type { DockerfileModel, Stage } from '../model/types';
import { muslGapsFromContext } from './context-helpers';
import { plural, quoteList } from './helpers';
import { programName } from './size-cache-helpers';
import type { Fix, Rule } from './types';

/** Commands whose Alpine (BusyBox) spelling breaks on Debian. */
const ALPINE_ONLY = new Set(['apk', 'adduser', 'addgroup', 'deluser', 'delgroup', 'ash']);

export const alpineMusl: Rule = {
  id: 'alpine-musl',
  category: 'size',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  docs: {
    summary: 'Alpine base installs Python packages that have no musl wheels',
    what:
      'On an Alpine (musl libc) final image — `python:*-alpine`, or `alpine` with Python installed by apk — reports installs of packages ' +
      'that publish manylinux (glibc) wheels but no musllinux wheels on PyPI: packages named on the `pip install` / `uv pip install` ' +
      'command line and, when the build context is known, the packages the install reads from it: requirement files (with their `-r` ' +
      'includes), `pyproject.toml` for `pip install .`, and `uv.lock` / `poetry.lock` for `uv sync` / `poetry install`. A lock file that ' +
      `lists the locked release's wheels decides for that release; otherwise Slimfile's wheel table does (releases current in ${TABLE_DATE}). ` +
      'Packages that do publish musllinux wheels (numpy, pandas, cryptography, grpcio, …) and pure-Python ones are not reported.',
    why:
      'A manylinux wheel links against glibc and cannot load on musl, so on Alpine pip falls back to the source distribution: it needs ' +
      'compilers and headers in the image, takes minutes to tens of minutes for numpy-class packages, and for some (torch, tensorflow, ' +
      'pyarrow, opencv) fails outright. PEP 656 (2021) added musllinux wheels and many popular packages now ship them, so the old blanket ' +
      '"never use Alpine for Python" is out of date: the risk is per package, and this rule names it. Builds that do succeed can also behave ' +
      'differently at run time (musl\'s allocator, DNS resolver and smaller default thread stack).',
    knownProblems:
      'Requirement and lock files are read only when the build context is known (the CLI and the editor read it beside the Dockerfile), ' +
      'requirements whose markers rule Linux out are skipped, and without a lock file only the declared packages are checked, not what ' +
      'they pull in. Packages without wheels on any Linux (psycopg2, mysqlclient, uwsgi) compile on every base and are not an Alpine ' +
      'problem; their binary variants (psycopg2-binary, `psycopg[binary]`) do ship musl wheels. The table describes current releases: an old ' +
      'pinned release may lack musllinux wheels even when current ones have them. Packages the table does not know are not reported.',
    example: 'FROM python:3.12-alpine\nRUN pip install --no-cache-dir torch fastapi\nCMD ["python", "app.py"]',
    useInstead: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir torch fastapi\nCMD ["python", "app.py"]',
    fixSafety:
      'Unsafe: it switches the base to the slim (Debian, glibc) image of the same Python version (`python:3.12-alpine3.20` → `python:3.12-slim`), ' +
      'which changes the distribution under everything else in the file. It is offered only when the final image\'s stages make no apk calls ' +
      'and use no Alpine-only commands (`adduser`/`addgroup` take different options on Debian), copy nothing from another stage (a musl build ' +
      'would not run on glibc), and the base is not pinned by digest.',
    references: [
      'https://peps.python.org/pep-0656/',
      'https://pythonspeed.com/articles/alpine-docker-python/',
      'https://github.com/pypa/manylinux',
    ],
  },
  check({ model, buildContext, report }) {
    const chain = finalChain(model);
    if (chain.length === 0 || !isMuslPython(chain)) return;
    const fix = slimFix(model, chain);
    const pythonVersion = describePythonImage(chain[0].image)?.pythonVersion;
    for (const stage of chain) {
      for (const instruction of stage.instructions) {
        for (const invocation of instruction.run?.packages ?? []) {
          const pip = invocation.manager === 'pip' || invocation.program === 'uv pip';
          if (invocation.manager === 'apt' || invocation.manager === 'apk' || !isInstall(invocation)) continue;
          if (/:all:/.test(optionValue(invocation, '--only-binary') ?? '')) continue;
          const offending = (pip ? invocation.packages : []).flatMap((word) => {
            const requirement = parseRequirement(word.value);
            const gaps = requirement ? musllinuxGaps(requirement) : [];
            return gaps.length > 0 ? [{ word, names: gaps.map((g) => g.name) }] : [];
          });
          // Packages the install reads from requirement, pyproject and lock files in the build context.
          const fromContext = muslGapsFromContext(model, stage, instruction, invocation, buildContext, pythonVersion);
          if (offending.length === 0 && fromContext.names.length === 0) continue;
          const names = [...new Set([...offending.flatMap((o) => o.names), ...fromContext.names])];
          const words = [...offending.map((o) => o.word), ...fromContext.words].sort((a, b) => a.span.start - b.span.start);
          const installer = invocation.manager === 'pip' ? 'pip' : invocation.program;
          report({
            span: { start: words[0].span.start, end: words[words.length - 1].span.end },
            message:
              `On Alpine (musl) ${quoteList(names)} ${plural(names.length, 'has', 'have')} no musllinux wheels on PyPI, only manylinux (glibc) ones` +
              (fromContext.names.length > 0 ? ` (read from ${quoteList(fromContext.files)})` : '') +
              `: ${installer} builds from source here, which needs compilers and headers and takes long or fails; a -slim base installs the wheels`,
            fixes: fix ? [fix] : [],
          });
        }
      }
    }
  },
};

/** The final image runs on musl with a Python interpreter: a python:*-alpine image, or alpine with python3 from apk. */
function isMuslPython(chain: Stage[]): boolean {
  const root = chain[0];
  if (describePythonImage(root.image)?.libc === 'musl') return true;
  if (root.image.repository !== 'alpine' || root.image.registry !== undefined) return false;
  return chain.some((s) =>
    s.instructions.some((i) =>
      (i.run?.packages ?? []).some((p) => p.manager === 'apk' && p.subcommand === 'add' && p.packages.some((w) => /^(python3|py3-)/.test(w.value))),
    ),
  );
}

function slimFix(model: DockerfileModel, chain: Stage[]): Fix | undefined {
  const root = chain[0];
  const image = root.image;
  const info = describePythonImage(image);
  if (!info || info.variant !== 'alpine' || image.digest || image.raw.includes('$') || image.unresolved) return undefined;
  for (const stage of chain) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
        const from = instruction.flags.find((f) => f.name === 'from')?.value;
        if (from !== undefined && model.stages.some((s) => s.name?.toLowerCase() === from.toLowerCase() || String(s.index) === from)) return undefined;
      }
      if (instruction.keyword === 'SHELL' && /ash/.test(instruction.args)) return undefined;
      if ((instruction.run?.commands ?? []).some((c) => ALPINE_ONLY.has(programName(c)))) return undefined;
    }
  }
  const colon = image.raw.lastIndexOf(':');
  const repository = colon < 0 ? image.raw : image.raw.slice(0, colon);
  const tag = info.pythonVersion ? `${info.pythonVersion}-slim` : 'slim';
  return {
    title: `Switch the base to ${repository}:${tag} (Debian, glibc)`,
    safe: false,
    edits: [{ start: image.span.start, end: image.span.end, newText: `${repository}:${tag}` }],
  };
}

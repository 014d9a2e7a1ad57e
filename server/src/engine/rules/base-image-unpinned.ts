import type { Stage } from '../model/types';
import type { Rule } from './types';

export const baseImageUnpinned: Rule = {
  id: 'base-image-unpinned',
  category: 'security',
  defaultSeverity: 'warning',
  fixAvailability: 'none',
  hadolint: ['DL3006', 'DL3007'],
  docs: {
    summary: '`FROM` an image without a tag, or with `latest`',
    what:
      'Reports `FROM` lines whose image has no tag or the tag `latest` and no digest. Stage names and `scratch` are not images. ' +
      'A tag from a build argument counts as pinned when the argument has a pinned default (`ARG PY=3.12` + `FROM python:${PY}-slim`).',
    why:
      '`python` and `python:latest` move whenever upstream publishes: a rebuild with no change of yours can switch the Python minor version, ' +
      'the Debian release (bookworm to trixie renamed many libraries) or the libc; bare `python` is also the full ~1 GB Debian variant. Builds stop being ' +
      'reproducible, the cache misses without warning, and a scanner result no longer matches what runs. Pin a version tag such as ' +
      '`python:3.12-slim-bookworm`, or a digest (`@sha256:…`) for byte-for-byte builds, and rebuild on purpose to pick up security updates.',
    knownProblems:
      'A tag from a build argument without a default cannot be checked and is not reported. Images used by `COPY --from=<image>` are not checked.',
    example: 'FROM python\nCOPY . /app\nCMD ["python", "/app/main.py"]',
    useInstead: 'FROM python:3.12-slim-bookworm\nCOPY . /app\nCMD ["python", "/app/main.py"]',
    fixSafety: 'No automatic fix: only you know which version the app is tested with.',
    references: [
      'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions',
      'https://github.com/hadolint/hadolint/wiki/DL3006',
      'https://github.com/hadolint/hadolint/wiki/DL3007',
    ],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const problem = unpinned(stage);
      if (!problem) continue;
      const image = stage.image;
      const shown = image.raw === image.resolved || image.unresolved ? `\`${image.raw}\`` : `\`${image.raw}\` (\`${image.resolved}\` by default)`;
      report({
        span: image.span,
        message:
          problem === 'latest'
            ? `The base image ${shown} uses the moving \`latest\` tag: pin a version tag (or a digest) so rebuilds stay reproducible`
            : `The base image ${shown} has no tag, so it means \`latest\` and changes under you: pin a version tag (or a digest)`,
      });
    }
  },
};

function unpinned(stage: Stage): 'untagged' | 'latest' | undefined {
  const image = stage.image;
  if (image.stage !== undefined || image.scratch || image.raw === '') return undefined;
  if (/\{\{|\{%/.test(image.raw)) return undefined;
  if (image.unresolved) {
    // Only the literal part can be judged: `${REGISTRY}/python` is still untagged, `python:${TAG}` is unknown.
    const last = image.raw.slice(image.raw.lastIndexOf('/') + 1);
    if (last.includes('$') || last.includes('@')) return undefined;
    const colon = last.indexOf(':');
    if (colon < 0) return 'untagged';
    return last.slice(colon + 1) === 'latest' ? 'latest' : undefined;
  }
  if (image.digest) return undefined;
  if (image.tag === undefined || image.tag === '') return 'untagged';
  return image.tag === 'latest' ? 'latest' : undefined;
}

import { finalChain } from '../model/stages';
import { describePythonImage, slimTag, VARIANT_FACTS } from '../knowledge/base-images';

import type { Fix, Rule } from './types';

const full = VARIANT_FACTS.full;
const slim = VARIANT_FACTS.slim;

export const fullBaseImage: Rule = {
  id: 'full-base-image',
  category: 'size',
  defaultSeverity: 'warning',
  fixAvailability: 'sometimes',
  docs: {
    summary: 'The final image is built on the full `python` image',
    what:
      'Reports a final image whose base is the full official `python` image (`python:3.12`, `python:3.12-bookworm`, bare `python`) rather ' +
      'than `-slim`, `-alpine` or another runtime base. Builder stages may use the full image freely.',
    why:
      `The full image is Debian plus buildpack-deps: compilers, headers, git, curl and more, about ${full.sizeMb[0]}–${full.sizeMb[1]} MB ` +
      `uncompressed (${full.compressedMb[0]}–${full.compressedMb[1]} MB to pull). The slim image of the same Python version is about ` +
      `${slim.sizeMb[0]}–${slim.sizeMb[1]} MB (${slim.compressedMb[0]}–${slim.compressedMb[1]} MB compressed). Every node pulls the difference on a cold ` +
      'start, and scanners report hundreds of CVEs in the full image\'s extra packages against about two dozen in slim.',
    knownProblems:
      'Packages that build from source (no wheel for the platform) need the compilers the full image carries: move that build into a ' +
      'builder stage on the full image and copy the virtual environment into a slim runtime stage. Runtime libraries the application loads ' +
      '(`libpq5`, `libxml2`, …) must then be installed in the slim stage with apt.',
    example: 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]',
    useInstead: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]',
    fixSafety:
      'Unsafe: the slim image lacks compilers, headers and many shared libraries, so a `pip install` that builds from source, or a program ' +
      'that loads a library only the full image has, breaks. The fix replaces the tag with the slim tag of the same Python version and Debian ' +
      'release (`3.12-bookworm` → `3.12-slim-bookworm`). No fix when the tag comes from a build argument or the image is pinned by digest.',
    references: ['https://hub.docker.com/_/python#image-variants', 'https://pythonspeed.com/articles/base-image-python-docker-images/'],
  },
  check({ model, report }) {
    const chain = finalChain(model);
    const root = chain[0];
    if (!root) return;
    const image = root.image;
    const info = describePythonImage(image);
    if (!info || info.variant !== 'full') return;
    const tag = slimTag(info);
    const fixes: Fix[] = [];
    if (tag && !image.digest && !image.raw.includes('$')) {
      const colon = image.raw.lastIndexOf(':');
      const repository = colon > image.raw.lastIndexOf('/') ? image.raw.slice(0, colon) : image.raw;
      fixes.push({ title: `Use ${repository}:${tag}`, safe: false, edits: [{ start: image.span.start, end: image.span.end, newText: `${repository}:${tag}` }] });
    }
    report({
      span: image.span,
      message:
        `The final image is based on the full \`${image.raw}\` image (~${full.sizeMb[0]}–${full.sizeMb[1]} MB with compilers and headers): ` +
        `\`python:${tag}\` is ~${slim.sizeMb[0]}–${slim.sizeMb[1]} MB; build in a full-image stage and run on slim`,
      fixes,
    });
  },
};

// The size and cache rules, in catalog order. Add a rule here when you add its file.

import { alpineMusl } from './alpine-musl';
import { apkNoCache } from './apk-no-cache';
import { aptListsNotCleaned } from './apt-lists-not-cleaned';
import { aptUpdateAlone } from './apt-update-alone';
import { chownAfterCopy } from './chown-after-copy';
import { devDepsInRuntime } from './dev-deps-in-runtime';
import { fullBaseImage } from './full-base-image';
import { pipCache } from './pip-cache';
import { pipInstallPerPackage } from './pip-install-per-package';
import { removeInLaterLayer } from './remove-in-later-layer';
import type { Rule } from './types';

export const SIZE_CACHE_RULES: readonly Rule[] = [aptListsNotCleaned, aptUpdateAlone, apkNoCache, pipCache, removeInLaterLayer, alpineMusl, chownAfterCopy, devDepsInRuntime, fullBaseImage, pipInstallPerPackage];

// The build-context rules, in catalog order. Add a rule here when you add its file.
// They read the .dockerignore and manifests beside the Dockerfile, and stay quiet when the context is unknown.

import { copyIgnoredFile } from './copy-ignored-file';
import { dockerignoreIncomplete } from './dockerignore-incomplete';
import { dockerignoreMissing } from './dockerignore-missing';
import type { Rule } from './types';

export const CONTEXT_RULES: readonly Rule[] = [dockerignoreMissing, dockerignoreIncomplete, copyIgnoredFile];

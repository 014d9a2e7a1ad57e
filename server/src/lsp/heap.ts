// V8 doubles the young generation whenever a burst of allocation survives, and
// loading the server's modules or linting a large file is such a burst: the
// process then keeps ~30 MiB of heap it never needs again. Growing it by 1×
// instead keeps the resident size at the baseline server's, at no measurable
// cost in lint time. Imported first, so it applies to module loading too.

import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');

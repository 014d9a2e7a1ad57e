// `npm run fuzz`: the fuzz tests in long mode (bigger hostile inputs, thousands
// of mutated corpus files, a fresh seed each run unless SLIMFILE_FUZZ_SEED is
// set) plus the server robustness test. Runs after `node esbuild.mjs`.
//
//   SLIMFILE_FUZZ_COUNT=20000 SLIMFILE_FUZZ_SEED=42 npm run fuzz
import { spawnSync } from 'node:child_process';

const env = { ...process.env, SLIMFILE_FUZZ_LONG: '1' };
const files = ['out/test/fuzz/fuzz.test.js', 'out/test/fuzz/server-robustness.test.js'];
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit', env });
process.exit(result.status ?? 1);

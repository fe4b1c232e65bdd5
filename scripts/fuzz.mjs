// `npm run fuzz [-- RUNS]`: the readers' fuzz properties (test/unit/formats/reader-fuzz.test.ts) with many more cases
// than CI runs (default 20,000 per property instead of 300).
import { spawnSync } from 'node:child_process';

const runs = process.argv[2] ?? '20000';
if (!/^\d+$/.test(runs)) throw new Error(`the number of cases must be a whole number, not ${runs}`);
const r = spawnSync('npx', ['vitest', 'run', 'test/unit/formats/reader-fuzz.test.ts'], { stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: runs } });
process.exit(r.status ?? 1);

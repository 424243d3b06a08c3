// The one table `scripts/bench.sh` prints: every benchmark appends its rows
// (a figure for mask-map and for a baseline measured in the same run) as
// JSON lines to the file named by BENCH_ROWS; bench-table.mjs prints them.
import { appendFileSync } from 'node:fs';

/**
 * One row. `unit`: 'ms', 'µs', 'KB' or 'MB' (values are in that unit);
 * smaller is better for all of them, so the ratio is baseline / ours.
 */
export function record({ group, figure, ours, baseline, against, unit }) {
  const row = { group, figure, ours, baseline, against, unit };
  if (process.env.BENCH_ROWS) appendFileSync(process.env.BENCH_ROWS, `${JSON.stringify(row)}\n`);
}

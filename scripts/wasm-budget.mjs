// The size budget (issue 22: 320 KB), one measurement for the test that checks it
// (e2e/tests/budget.spec.ts) and the benchmark that reports it
// (scripts/bench-load.mjs): the release's wasm and its JS glue, gzipped.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const WASM_BUDGET_BYTES = 320 * 1024;

/** The gzipped bytes of `dist`'s wasm-bindgen module and wasm, and their names. */
export function gzippedWasmAndGlue(dist) {
  const files = readdirSync(dist).filter((f) => /^mask-map-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f));
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
  return { bytes, files };
}

#!/usr/bin/env node
// Feed parsing, measured three ways on the same bytes in one run:
//   native  – `cargo bench --bench feed` (median time, peak heap by a counting allocator)
//   wasm    – the app's own module in headless Chromium (window.wasmBindings)
//   JS      – the baseline in the same page: JSON.parse and a plain CSV split
//             (what the 2020 JavaScript maps did), joined with a Map.
// Memory in the browser: the wasm module's linear memory after each case (it
// only grows, so it is a high-water mark: an upper bound of the peak heap),
// and the JS heap the baseline's result keeps (Chromium's precise memory info).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir as data, repo, withAppPage } from './bench-browser.mjs';
import { record } from './bench-rows.mjs';

const port = Number(process.env.BENCH_PORT ?? 8799);
const RUNS = 9;

// 100,000 rows derived from the five real maskdata snapshots: every row real,
// codes renumbered so that none repeats (a repeat would be skipped).
const MASK_FILES = ['02-11', '02-14', '03-03', '03-08', '05-28'].map((d) => `maskdata-2020-${d}.csv`);
const sourceRows = MASK_FILES.flatMap((f) =>
  readFileSync(join(data, f), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter((l) => l.trim()),
);
const header = readFileSync(join(data, MASK_FILES[2]), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0];
const derivedRows = Array.from({ length: 100_000 }, (_, i) => {
  const row = sourceRows[i % sourceRows.length];
  return `${String(9_000_000_000 + i)}${row.slice(row.indexOf(','))}`;
});
const benchDir = join(repo, 'dist', 'bench-data');
mkdirSync(benchDir, { recursive: true });
const derivedPath = join(benchDir, 'derived-100k.csv');
writeFileSync(derivedPath, `\uFEFF${header}\n${derivedRows.join('\n')}\n`);

console.error('native: cargo bench --bench feed');
const nativeOut = execFileSync('cargo', ['bench', '--quiet', '--bench', 'feed', '--', data, derivedPath], {
  cwd: repo,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const native = nativeOut.trim().split('\n').map((l) => JSON.parse(l));

const browserRows = await withAppPage(port, (page) =>
  page.evaluate(async (RUNS) => {
    const get = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
    const [csv, registry, rapid, derived] = await Promise.all([
      get('data/maskdata-2020-03-03.csv'),
      get('data/alt-geojson-masksLeft-2020-08-01.json'),
      get('data/rapidtest-2022-04-28.csv'),
      get('bench-data/derived-100k.csv'),
    ]);
    const split = (bytes) =>
      new TextDecoder().decode(bytes).split('\n').slice(1).filter((l) => l.trim()).map((l) => l.split(','));
    const jsJoined = () => {
      const rows = split(csv);
      const places = new Map(JSON.parse(new TextDecoder().decode(registry)).features.map((f) => [f.properties.id, f.geometry.coordinates]));
      return rows.filter((r) => places.has(r[0])).length;
    };
    const wasm = window.wasmBindings;
    const wasmMemoryBytes = () => window.__wasm.memory.buffer.byteLength;
    const time = (run) => {
      const times = [];
      let result;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        result = run();
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return { ms: times[RUNS >> 1], result };
    };
    const retained = (run) => {
      gc();
      const before = performance.memory.usedJSHeapSize;
      const kept = run();
      gc();
      const after = performance.memory.usedJSHeapSize;
      return { bytes: Math.max(0, after - before), kept: kept !== undefined };
    };
    // Smallest first, so each high-water mark belongs to its own case.
    const cases = [
      ['rapid-test CSV 2022-04-28', () => wasm.bench_parse(rapid), () => split(rapid).length, () => split(rapid)],
      ['maskdata 2020-03-03 + registry join', () => wasm.bench_parse_joined(csv, registry), jsJoined, () => [split(csv), JSON.parse(new TextDecoder().decode(registry))]],
      ['100,000 rows derived from maskdata', () => wasm.bench_parse(derived), () => split(derived).length, () => split(derived)],
    ];
    return cases.map(([name, runWasm, runJs, keepJs]) => {
      const js = time(runJs);
      const wasmTime = time(runWasm);
      return {
        name,
        js_ms: js.ms,
        js_result: js.result,
        js_heap: retained(keepJs).bytes,
        wasm_ms: wasmTime.ms,
        wasm_result: wasmTime.result,
        wasm_memory: wasmMemoryBytes(),
      };
    });
  }, RUNS),
);

const mb = (b) => (b / 1048576).toFixed(1);
const rows = browserRows.map((b) => {
  const n = native.find((x) => x.name === b.name);
  return {
    dataset: b.name,
    'JS baseline ms': b.js_ms.toFixed(1),
    'wasm ms': b.wasm_ms.toFixed(1),
    'JS / wasm': (b.js_ms / b.wasm_ms).toFixed(2),
    'native ms': n.ms.toFixed(1),
    'JS / native': (b.js_ms / n.ms).toFixed(2),
    'native peak MB': mb(n.peak_bytes),
    'wasm memory MB': mb(b.wasm_memory),
    'JS retained MB': mb(b.js_heap),
    'rows: native, wasm, JS': `${n.result}, ${b.wasm_result}, ${b.js_result}`,
  };
});
console.log(`\nFeed parsing, median of ${RUNS} runs (JS baseline: JSON.parse + plain CSV split, same Chromium page)\n`);
console.table(rows);
for (const b of browserRows) {
  record({ group: 'feed parse (wasm, in Chromium)', figure: b.name, ours: b.wasm_ms, baseline: b.js_ms, against: 'JSON.parse + CSV split (JS)', unit: 'ms' });
}

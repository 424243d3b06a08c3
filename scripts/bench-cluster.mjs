#!/usr/bin/env node
// Clustering, our index (wasm, the app's own module) against npm
// `supercluster` (JS) in the same headless Chromium page, on the same points
// with the same options: the 5,861 real located pharmacies of the
// findmasks-shape file, and 100,000 and 1,000,000 points derived from them
// (each real point repeated with a small deterministic offset).
// Prints build time, all-zoom query time (the whole world at zooms 0–17) and
// memory (JS heap kept by supercluster's index; wasm linear-memory growth).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir as data, repo, withAppPage } from './bench-browser.mjs';
import { record } from './bench-rows.mjs';

const port = Number(process.env.BENCH_PORT ?? 8798);
// The app's own options (ClusterOptions::default, which our side builds with).
const OPTIONS = { radius: 80, extent: 256, minZoom: 0, maxZoom: 16, minPoints: 2 };

const real = JSON.parse(readFileSync(join(data, 'alt-geojson-masksLeft-2020-08-01.json'), 'utf8')).features.map((f) => [
  ...f.geometry.coordinates,
  f.properties.masksLeft > 0 ? 1 : 0,
]);

const results = await withAppPage(port, async (page) => {
  await page.addScriptTag({ path: join(repo, 'node_modules/supercluster/dist/supercluster.min.js') });
  return page.evaluate(
    ({ real, OPTIONS }) => {
      const derive = (n) => {
        const out = [];
        for (let i = 0; i < n; i++) {
          const [lng, lat, s] = real[i % real.length];
          const k = Math.floor(i / real.length);
          out.push(k === 0 ? [lng, lat, s] : [lng + (((k * 7919) % 1000) - 500) * 1e-5, lat + (((k * 104729) % 1000) - 500) * 1e-5, s]);
        }
        return out;
      };
      const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
      const timed = (runs, f) => {
        const times = [];
        let result;
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          result = f();
          times.push(performance.now() - t);
        }
        return { ms: median(times), result };
      };
      const wasmBytes = () => window.__wasm.memory.buffer.byteLength;
      const rows = [];
      for (const [name, points] of [
        ['5,861 real pharmacies', real],
        ['100,000 derived', derive(100_000)],
        ['1,000,000 derived', derive(1_000_000)],
      ]) {
        const runs = points.length > 200_000 ? 3 : 7;
        // Inputs in each library's own form, made outside the timings.
        const features = points.map(([lng, lat, s]) => ({ type: 'Feature', properties: { s }, geometry: { type: 'Point', coordinates: [lng, lat] } }));
        const coords = new Float64Array(points.length * 2);
        const stock = new Uint8Array(points.length);
        points.forEach(([lng, lat, s], i) => {
          coords[2 * i] = lng;
          coords[2 * i + 1] = lat;
          stock[i] = s;
        });
        const world = [-180, -85, 180, 85];
        const zooms = [...Array(18).keys()];

        gc();
        const heapBefore = performance.memory.usedJSHeapSize;
        const js = timed(runs, () => new Supercluster(OPTIONS).load(features));
        gc();
        const jsHeap = performance.memory.usedJSHeapSize - heapBefore;
        const jsQuery = timed(runs, () => zooms.reduce((n, z) => n + js.result.getClusters(world, z).length, 0));

        const wasmBefore = wasmBytes();
        let ours;
        const wasm = timed(runs, () => {
          ours?.free();
          ours = new window.wasmBindings.BenchClusterIndex(coords, stock);
          return ours;
        });
        const wasmGrowth = wasmBytes() - wasmBefore;
        const wasmQuery = timed(runs, () => ours.query_all_zooms());
        ours.free();
        rows.push({ name, js_build: js.ms, wasm_build: wasm.ms, js_query: jsQuery.ms, wasm_query: wasmQuery.ms, js_items: jsQuery.result, wasm_items: wasmQuery.result, js_heap: jsHeap, wasm_growth: wasmGrowth });
      }
      return rows;
    },
    { real, OPTIONS },
  );
});
const mb = (b) => (b / 1048576).toFixed(1);
console.log('\nClustering in one Chromium page: our index (wasm) vs npm supercluster 9.1.0 (JS), same options\n');
console.table(
  results.map((r) => ({
    points: r.name,
    'supercluster build ms': r.js_build.toFixed(1),
    'ours build ms': r.wasm_build.toFixed(1),
    'build ratio': (r.js_build / r.wasm_build).toFixed(2),
    'supercluster query ms': r.js_query.toFixed(1),
    'ours query ms': r.wasm_query.toFixed(1),
    'query ratio': (r.js_query / r.wasm_query).toFixed(2),
    'supercluster heap MB': mb(r.js_heap),
    'ours memory growth MB': mb(r.wasm_growth),
    'items (all zooms): JS, ours': `${r.js_items}, ${r.wasm_items}`,
  })),
);
console.log('ratio > 1: ours is faster. Memory: JS heap kept by the index; wasm linear memory grown while building.');
for (const r of results) {
  const against = 'supercluster 9.1.0 (JS)';
  record({ group: 'clustering (in Chromium)', figure: `build, ${r.name}`, ours: r.wasm_build, baseline: r.js_build, against, unit: 'ms' });
  record({ group: 'clustering (in Chromium)', figure: `query zooms 0–17, ${r.name}`, ours: r.wasm_query, baseline: r.js_query, against, unit: 'ms' });
}

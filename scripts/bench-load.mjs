#!/usr/bin/env node
// Cold load on a mid-range phone, side by side with the 2020 peer
// (../shared/peer-baseline: Leaflet + markercluster, brute-force nearest),
// both served by scripts/serve.mjs from this machine, in Debian's
// Chromium at 390×844 with the CPU throttled 4× and a Slow-4G-like network
// (1.6 Mbit/s down, 750 kbit/s up, 150 ms) set through the DevTools protocol.
// The server compresses with brotli (gzip for clients without it), as CDNs do.
// Same data for both: the 2020-03-03 NHIA CSV and the location registry; the
// reference place is the peer's default (台北 101 area). Median of RUNS cold loads.
//
// Prints: time to the first clusters drawn, to the first nearest-stock
// answer, and bytes transferred until then; then the bytes of the first
// useful map, raw / gzip / brotli, against the same pharmacies as one
// kiang-shaped points.json (what the 2020 maps downloaded); then the wasm
// size budget.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { dataDir, repo } from './bench-browser.mjs';
import { compactRegistry } from './compact-registry.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const AT = '25.0336,121.5648';
const PORTS = { ours: 8811, peer: 8812 };
const peerDir = join(repo, 'target', 'peer-baseline');
const BUDGET_GZ = 250 * 1024;

// The peer, laid out by its own script (Leaflet + markercluster from npm).
if (!existsSync(join(peerDir, 'index.html'))) {
  // Its own package root, so its npm install stays in there, not in ours.
  mkdirSync(peerDir, { recursive: true });
  writeFileSync(join(peerDir, 'package.json'), '{ "private": true }\n');
  execFileSync(join(dataDir, '..', 'peer-baseline', 'prepare.sh'), [peerDir], { stdio: 'inherit' });
}

function serve(port, extra, env = {}) {
  return spawn('node', [join(repo, 'scripts/serve.mjs'), '--port', String(port), ...extra], {
    stdio: 'ignore',
    env: { ...process.env, ...env },
  });
}
const servers = [
  serve(PORTS.ours, []),
  serve(PORTS.peer, ['--dist', peerDir, '--csp', 'off'], { MASK_MAP_DATA: join(peerDir, 'data') }),
];
await new Promise((r) => setTimeout(r, 1000));

const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=', 'base64');

/** One cold load: ms from navigation start to clusters and to the nearest answer, and bytes by then. */
async function coldLoad(browser, which) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  // Tiles are not part of the first useful map; both get the same instant stub.
  await page.route('https://tile.openstreetmap.org/**', (r) => r.fulfill({ body: TILE, contentType: 'image/png' }));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const bytes = [];
  cdp.on('Network.loadingFinished', (e) => bytes.push([Date.now(), e.encodedDataLength]));
  await page.addInitScript(() => {
    // Our app's moments, read from the page as the peer writes its own.
    new MutationObserver(() => {
      if (window.__firstClusters == null && document.querySelector('.leaflet-marker-pane .cluster')) {
        window.__firstClusters = performance.now();
      }
      if (window.__nearest == null && document.querySelector('[data-testid=nearest-item]')) {
        window.__nearest = performance.now();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const url = which === 'ours' ? `http://127.0.0.1:${PORTS.ours}/?at=${AT}&refresh=0` : `http://127.0.0.1:${PORTS.peer}/?at=${AT}`;
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.__firstClusters != null && window.__nearest != null, null, { timeout: 120_000 });
  const [clusters, nearest] = await page.evaluate(() => [window.__firstClusters, window.__nearest]);
  await new Promise((r) => setTimeout(r, 300));
  const until = started + nearest + 50;
  const transferred = bytes.filter(([t]) => t <= until).reduce((n, [, b]) => n + b, 0);
  await context.close();
  return { clusters, nearest, transferred };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const runs = { ours: [], peer: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    for (const which of ['peer', 'ours']) runs[which].push(await coldLoad(browser, which));
  }
} finally {
  await browser.close();
  servers.forEach((s) => s.kill());
}

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const row = (name, ours, peer, fmt) =>
  console.log(`| ${name} | ${fmt(ours)} | ${fmt(peer)} | ${(peer / ours).toFixed(2)}× |`);
console.log(`\nCold load, phone profile (4× CPU, 1.6 Mbit/s, 150 ms), median of ${RUNS}:\n`);
console.log('| figure | mask-map | 2020 peer | peer / ours |');
console.log('|---|---|---|---|');
const m = (which, key) => median(runs[which].map((r) => r[key]));
row('first clusters drawn', m('ours', 'clusters'), m('peer', 'clusters'), s);
row('first nearest-stock answer (at=)', m('ours', 'nearest'), m('peer', 'nearest'), s);
row('bytes transferred by then', m('ours', 'transferred'), m('peer', 'transferred'), kb);

// Bytes of the first useful map, against the same pharmacies as one kiang-shaped points.json.
const dist = join(repo, 'dist');
const shell = readdirSync(dist).filter((f) => /\.(js|wasm|css|html)$/.test(f) && f !== 'sw.js');
const files = [
  ...shell.map((f) => join(dist, f)),
  join(dist, 'vendor/leaflet/leaflet.js'),
  join(dist, 'vendor/leaflet/leaflet.css'),
  join(dist, 'rules.json'),
];
const csv = readFileSync(join(dataDir, 'maskdata-2020-03-03.csv'));
const registry = readFileSync(join(dataDir, 'alt-geojson-masksLeft-2020-08-01.json'));
const sizes = (buf) => [buf.length, gzipSync(buf, { level: 9 }).length, brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
const sum = (bufs) => bufs.map(sizes).reduce((a, b) => a.map((x, i) => x + b[i]), [0, 0, 0]);
const app = sum(files.map((f) => readFileSync(f)));
// What the app is served: the CSV and the compact registry scripts/serve.mjs derives.
const feed = sum([csv, compactRegistry(registry.toString('utf8'))]);
// The same pharmacies as kiang's points.json (its properties), placed by the registry.
const places = new Map(JSON.parse(registry).features.map((f) => [String(f.properties.id), f.geometry.coordinates]));
const features = csv
  .toString('utf8')
  .replace(/^\uFEFF/, '')
  .split(/\r?\n/)
  .slice(1)
  .filter(Boolean)
  .map((l) => l.split(','))
  .filter((r) => places.has(r[0]))
  .map((r) => ({
    type: 'Feature',
    properties: {
      id: r[0], name: r[1], phone: r[3], address: r[2], mask_adult: +r[4], mask_child: +r[5], updated: r[6],
      available: '', note: '-', custom_note: '', website: '', county: '', town: '', cunli: '', service_periods: 'NNNNNNNNNNNNNNNNNNNNN',
    },
    geometry: { type: 'Point', coordinates: places.get(r[0]) },
  }));
const kiang = sizes(Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })));
console.log('\nBytes of the first useful map (raw / gzip / brotli):\n');
console.log('| what | raw | gzip | brotli |');
console.log('|---|---|---|---|');
const line = (name, [r, g, b]) => console.log(`| ${name} | ${kb(r)} | ${kb(g)} | ${kb(b)} |`);
line('app (HTML, JS, wasm, CSS, Leaflet, rules)', app);
line('feed: NHIA CSV + compact location registry', feed);
line('feed as one kiang-shaped points.json (baseline)', kiang);
console.log(`| feed / baseline | ${(feed[0] / kiang[0]).toFixed(2)}× | ${(feed[1] / kiang[1]).toFixed(2)}× | ${(feed[2] / kiang[2]).toFixed(2)}× |`);

const wasm = shell.filter((f) => /\.(wasm|js)$/.test(f) && f.startsWith('mask-map-'));
const glue = wasm.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
console.log(`\nBudget: wasm + JS glue ${kb(glue)} gzipped of ${kb(BUDGET_GZ)}: ${glue <= BUDGET_GZ ? 'met' : 'NOT met'}`);

// Budgets (issue 8) that are deterministic, so they are tests; times are not
// and stay in the benchmark (scripts/bench.sh).
//  - what a phone downloads to run the app: wasm + its JS glue, gzipped;
//  - where the app's requests go: its own origin and the feed's, and the map
//    tiles only from the tile server the link names (none with tiles=none).
// The feed comes from the test's own server on another port, with the real
// 2020-03-03 snapshot and registry (../shared/data), as a government server would.
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { MapPage } from '../pages/map-page';
import { FeedServer } from '../support/feed-server';
import { DEFAULT_REGISTRY, MASK_CSV, readData } from '../support/data';
import { WASM_BUDGET_BYTES, gzippedWasmAndGlue as measure } from '../../scripts/wasm-budget.mjs';

test.describe('the release download', () => {
  // The same files for every screen: measured once.
  test.beforeEach(({}, info) => test.skip(info.project.name !== 'desktop', 'measured once'));

  test('wasm + JS glue fit in 320 KB gzipped', async () => {
    const { bytes, files } = measure(join(process.cwd(), 'dist'));
    expect(files.filter((f) => f.endsWith('.wasm'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.js'))).toHaveLength(1);
    test.info().annotations.push({ type: 'size', description: `${(bytes / 1024).toFixed(1)} KB gzipped` });
    expect(bytes, `wasm + glue, gzipped (${files.join(', ')})`).toBeLessThanOrEqual(WASM_BUDGET_BYTES);
  });
});

test.describe('requests leave for no other origin', () => {
  let feed: FeedServer;
  test.beforeAll(async () => {
    feed = new FeedServer();
    await feed.start();
    feed.answer('/maskdata.csv', { body: readData(MASK_CSV), contentType: 'text/csv; charset=utf-8' });
    feed.answer('/registry.json', { body: readData(DEFAULT_REGISTRY), contentType: 'application/json' });
  });
  test.afterAll(async () => feed.stop());

  /** Every origin the page asked anything of, service worker included. */
  function watchOrigins(page: Page): Set<string> {
    const origins = new Set<string>();
    page.context().on('request', (r) => origins.add(new URL(r.url()).origin));
    return origins;
  }

  /** What a visitor does, once the map is drawn. */
  async function tour(app: MapPage) {
    await app.settled();
    await expect.poll(() => app.shownCount()).toBeGreaterThan(0);
    await app.openEveryPanel();
  }

  test('only the app, the feed and the named tile server', async ({ page, baseURL }) => {
    const origins = watchOrigins(page);
    const app = new MapPage(page);
    await app.goto({ lang: 'en', at: '25.0478,121.517', feed: `${feed.url}/maskdata.csv`, registry: `${feed.url}/registry.json` });
    await tour(app);
    expect(app.tileRequests).toBeGreaterThan(0);
    expect(feed.requestsFor('/maskdata.csv').length).toBeGreaterThan(0);
    expect([...origins].sort()).toEqual([new URL(baseURL!).origin, new URL(feed.url).origin, 'https://tile.openstreetmap.org'].sort());
    expect(app.offsiteRequests.filter((u) => !u.startsWith('https://tile.openstreetmap.org/'))).toEqual([]);
  });

  test('with tiles=none, only the app and the feed', async ({ page, baseURL }) => {
    const origins = watchOrigins(page);
    const app = new MapPage(page);
    await app.goto({ lang: 'en', at: '25.0478,121.517', tiles: 'none', feed: `${feed.url}/maskdata.csv`, registry: `${feed.url}/registry.json` });
    await tour(app);
    expect([...origins].sort()).toEqual([new URL(baseURL!).origin, new URL(feed.url).origin].sort());
  });
});

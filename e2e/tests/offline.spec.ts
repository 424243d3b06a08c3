// Offline-ready: after one visit, the service worker (public/sw.js) serves
// the app and the last good feed when the network is gone, and a new release
// is never hidden behind the saved one. Default real snapshot (2020-03-03
// NHIA CSV + registry).
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { MapPage } from '../pages/map-page';
import { FeedServer } from '../support/feed-server';
import { DEFAULT_REGISTRY, MASK_CSV, readData } from '../support/data';

test.use({ serviceWorkers: 'allow' });

async function visitUntilControlled(app: MapPage) {
  await app.goto({ tiles: 'none', lang: 'en', date: '2020-02-11' }, { stubNetwork: false });
  await app.settled();
  await app.servedByWorker();
}

test('after one visit, a reload with no network shows the last data, its age and the stale state', async ({ page, context }, info) => {
  const app = new MapPage(page);
  await visitUntilControlled(app);
  // A second online load: the feed now passes through the worker, which saves it.
  await app.reload();
  await app.settled();
  const count = await app.feedStatus.getAttribute('data-count');
  const asOf = await app.feedStatus.getAttribute('data-as-of');
  const shown = await app.shownCount();

  await context.setOffline(true);
  await app.reload();
  await app.settled();
  await expect(app.feedStatus).toHaveAttribute('data-state', 'stale');
  await expect(app.feedStatus).toHaveAttribute('data-count', count!);
  await expect(app.feedStatus).toHaveAttribute('data-as-of', asOf!);
  await expect(app.feedStatus).toHaveAttribute('data-saved-copy', 'true');
  await expect(app.feedStatus).toContainText('This device is offline. Showing the data of 2020-03-03 11:23 saved on this device.');
  await expect.poll(() => app.shownCount()).toBe(shown);
  // The rest of the app works too: the rules answer.
  await app.eligibility.enter('3');
  await expect(app.eligibility.verdict).toHaveAttribute('data-verdict', 'no');
  await app.screenshot('offline', info.project.name);
  await context.setOffline(false);
});

test('on a first visit the worker is registered only once the feed has answered, so its install does not share the link with the feed', async ({ page, context }) => {
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  await context.route(
    (url) => url.pathname === '/data/maskdata-2020-03-03.csv',
    async (route) => {
      await released;
      await route.continue();
    },
  );
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', date: '2020-02-11' }, { stubNetwork: false });
  // The app is up and waits for its feed...
  await app.started();
  await expect(app.feedStatus).toHaveAttribute('data-state', 'loading');
  // ...(a second, in which a worker registered at the start would be listed)...
  await page.waitForTimeout(1000);
  const registered = () => app.workerRegistered();
  expect(await registered()).toBe(false);
  // ...and registers the worker once the feed is in, which then serves the page.
  release();
  await app.settled();
  await expect(app.feedStatus).not.toHaveAttribute('data-state', 'error');
  await expect.poll(registered).toBe(true);
  await app.servedByWorker();
});

/** A feed on the test's own server (another origin, as a government
 *  server is), loaded twice so that the worker has passed it on, the page
 *  has read it and said so, and the worker keeps it as the good copy. */
async function savedOnThisDevice(page: Page) {
  const server = new FeedServer();
  const feed = `${await server.start()}/maskdata.csv`;
  const csv = readData(MASK_CSV);
  server.answer('/maskdata.csv', { body: csv });
  // The CSV has no coordinates: the registry places it, from the same server.
  server.answer('/registry.json', { body: readData(DEFAULT_REGISTRY), contentType: 'application/json' });
  const registry = `${server.url}/registry.json`;
  const app = new MapPage(page);
  await app.goto({ feed, registry, tiles: 'none', lang: 'en', date: '2020-02-11' }, { stubNetwork: false });
  await app.settled();
  await app.servedByWorker();
  await app.reload();
  await app.settled();
  const count = (await app.feedStatus.getAttribute('data-count'))!;
  const asOf = (await app.feedStatus.getAttribute('data-as-of'))!;
  const shown = await app.shownCount();
  expect(Number(count)).toBeGreaterThan(6000);
  // Placed by the registry: thousands on the map.
  expect(shown).toBeGreaterThan(5000);
  return { server, app, csv, count, asOf, shown };
}

/** The data saved on this device is what the map shows, whole. */
async function expectSavedCopyShown(app: MapPage, saved: { count: string; asOf: string; shown: number }, timeout = 15_000) {
  await expect(app.feedStatus).toHaveAttribute('data-state', 'stale', { timeout });
  await expect(app.feedStatus).toHaveAttribute('data-saved-copy', 'true');
  await expect(app.feedStatus).toContainText('saved on this device');
  // The device is online: the server is at fault, not the connection.
  await expect(app.feedStatus).not.toContainText('offline');
  await expect(app.feedStatus).toHaveAttribute('data-count', saved.count);
  await expect(app.feedStatus).toHaveAttribute('data-as-of', saved.asOf);
  await expect.poll(() => app.shownCount()).toBe(saved.shown);
}

test('a feed whose download breaks part-way on a reload is shown from the copy saved on this device', async ({ page }) => {
  const saved = await savedOnThisDevice(page);
  try {
    saved.server.answer('/maskdata.csv', { broken: saved.csv });
    await saved.app.reload();
    await saved.app.settled();
    await expectSavedCopyShown(saved.app, saved);
  } finally {
    await saved.server.stop();
  }
});

for (const status of [500, 503]) {
  test(`a reload while the feed's server answers ${status} shows the copies saved on this device`, async ({ page }) => {
    const saved = await savedOnThisDevice(page);
    try {
      // The registry's server too: the map needs it to place the pharmacies.
      saved.server.answer('/maskdata.csv', { status, body: 'Service Unavailable', retryAfter: 120 });
      saved.server.answer('/registry.json', { status, body: 'Service Unavailable' });
      await saved.app.reload();
      await saved.app.settled();
      await expectSavedCopyShown(saved.app, saved);
    } finally {
      await saved.server.stop();
    }
  });
}

test('a reload while the feed hangs shows the copy saved on this device within 12 s', async ({ page }) => {
  test.setTimeout(60_000);
  const saved = await savedOnThisDevice(page);
  try {
    saved.server.answer('/maskdata.csv', { hang: true });
    await saved.app.reload();
    // The promise: on the map within 12 s of the reload.
    await expectSavedCopyShown(saved.app, saved, 12_000);
  } finally {
    await saved.server.stop();
  }
});

test('a 200 error page or a body that broke off never becomes the fallback', async ({ page }) => {
  test.setTimeout(60_000);
  const saved = await savedOnThisDevice(page);
  try {
    const html = '<!DOCTYPE html><html><body><h1>系統維護中</h1></body></html>';
    saved.server.answer('/maskdata.csv', { body: html, contentType: 'text/html' });
    await saved.app.reload();
    await saved.app.settled();
    saved.server.answer('/maskdata.csv', { broken: saved.csv });
    await saved.app.reload();
    await saved.app.settled();
    // The server fails: what the device falls back on is still the good data.
    saved.server.answer('/maskdata.csv', { status: 500, body: 'Internal Server Error' });
    await saved.app.reload();
    await saved.app.settled();
    await expectSavedCopyShown(saved.app, saved);
  } finally {
    await saved.server.stop();
  }
});

test('on a repeat visit a feed that trickles in reaches the page as it arrives, through the worker', async ({ page, context }) => {
  test.setTimeout(60_000);
  const saved = await savedOnThisDevice(page);
  try {
    // The worker's own download of the feed, whether it has ended, and
    // whether it had when the page got its answer.
    let downloaded = false;
    let downloadedWhenAnswered: boolean | undefined;
    context.on('requestfinished', (r) => {
      if (r.serviceWorker() && r.url().endsWith('/maskdata.csv')) downloaded = true;
    });
    page.on('response', (r) => {
      if (r.url().endsWith('/maskdata.csv') && r.fromServiceWorker()) downloadedWhenAnswered ??= downloaded;
    });
    saved.server.answer('/maskdata.csv', { trickle: saved.csv, overMs: 6_000 });
    await saved.app.reload();
    // The page has its answer, and parses its first bytes, while the rest
    // is still on its way (a worker that saves before answering holds it all).
    await expect.poll(() => downloadedWhenAnswered).toBe(false);
    await expect.poll(() => saved.app.timesReached('feed-first-bytes')).toBe(1);
    expect(downloaded).toBe(false);
    expect(await saved.app.timesReached('feed-received')).toBe(0);
    // And it is all there in the end: the network's body, read to its end.
    await saved.app.settled();
    expect(await saved.app.timesReached('feed-received')).toBe(1);
    await expect(saved.app.feedStatus).toHaveAttribute('data-count', saved.count);
    await expect.poll(() => saved.app.shownCount()).toBe(saved.shown);
  } finally {
    await saved.server.stop();
  }
});

test('a rules file whose server hangs is named as a problem once its deadline passes', async ({ page }) => {
  test.setTimeout(60_000);
  const server = new FeedServer();
  const rules = `${await server.start()}/rules.json`;
  server.answer('/rules.json', { hang: true });
  try {
    const app = new MapPage(page);
    await app.goto({ rules, tiles: 'none', lang: 'en', date: '2020-02-11' }, { stubNetwork: false });
    await app.settled();
    // Headers within 10 s, 20 s in all: the problem shows by then.
    await expect(app.eligibility.rulesProblem).toBeVisible({ timeout: 21_000 });
    // The built-in rules answer meanwhile.
    await app.eligibility.enter('3');
    await expect(app.eligibility.verdict).toHaveAttribute('data-verdict', 'no');
  } finally {
    await server.stop();
  }
});

test('a poll that brings an older snapshot (a lagging mirror) leaves the newer data shown', async ({ page }) => {
  // Real time (the page's clock faked would hide its performance marks): one 30 s poll.
  test.setTimeout(90_000);
  const server = new FeedServer();
  const feed = `${await server.start()}/maskdata.csv`;
  server.answer('/maskdata.csv', { body: readData(MASK_CSV) });
  try {
    const app = new MapPage(page);
    await app.goto({ feed, refresh: '30', tiles: 'none', lang: 'en', date: '2020-02-11' }, { stubNetwork: false });
    await app.settled();
    const count = (await app.feedStatus.getAttribute('data-count'))!;
    await expect(app.feedStatus).toHaveAttribute('data-as-of', '2020-03-03T11:23:40+08:00');
    server.answer('/maskdata.csv', { body: readData('maskdata-2020-02-14.csv') });
    // The older file is read and placed by the next poll (then a moment to apply it)...
    await expect.poll(() => app.timesReached('joined'), { timeout: 45_000 }).toBe(2);
    await page.waitForTimeout(500);
    // ...and the newer data is still what is shown.
    await expect(app.feedStatus).toHaveAttribute('data-as-of', '2020-03-03T11:23:40+08:00');
    await expect(app.feedStatus).toHaveAttribute('data-count', count);
  } finally {
    await server.stop();
  }
});

test('a feed server that answers 503 with Retry-After is not asked again before then', async ({ page }) => {
  const server = new FeedServer();
  const feed = `${await server.start()}/maskdata.csv`;
  server.answer('/maskdata.csv', { body: readData(MASK_CSV) });
  const asked = () => server.requestsFor('/maskdata.csv').length;
  /** Runs the page's clock on by `ms` in steps, until the app asks for the feed (or not). */
  const runUntilAsked = async (ms: number) => {
    const before = asked();
    for (let left = ms; left > 0 && asked() === before; left -= 5_000) {
      await page.clock.runFor(5_000);
      await page.waitForTimeout(20);
    }
    return asked() > before;
  };
  try {
    await page.clock.install();
    const app = new MapPage(page);
    await app.goto({ feed, refresh: '60', tiles: 'none', lang: 'en', date: '2020-02-11' }, { stubNetwork: false });
    await app.settled();
    const count = (await app.feedStatus.getAttribute('data-count'))!;
    server.answer('/maskdata.csv', { status: 503, body: 'Service Unavailable', retryAfter: 600 });
    expect(await runUntilAsked(120_000)).toBe(true);
    // One failure alone would wait about 120 s: the server asked for 600.
    expect(await runUntilAsked(480_000)).toBe(false);
    await expect(app.feedStatus).toHaveAttribute('data-count', count);
    server.answer('/maskdata.csv', { body: readData(MASK_CSV) });
    expect(await runUntilAsked(300_000)).toBe(true);
  } finally {
    await server.stop();
  }
});

test('on a repeat visit the app itself comes from this device: only the page and the data go to the network', async ({ page, context }) => {
  const app = new MapPage(page);
  await visitUntilControlled(app);
  const fromNetwork: string[] = [];
  context.on('request', (r) => {
    if (r.serviceWorker()) fromNetwork.push(new URL(r.url()).pathname);
  });
  await app.reload();
  await app.settled();
  // The worker did go out for the data (so this listener hears it), once:
  // boot.js asks for the feed before the app starts, and the app takes that answer...
  expect(fromNetwork.filter((p) => p === '/data/maskdata-2020-03-03.csv')).toHaveLength(1);
  // (boot.js made that request: its table of early answers exists, and the app emptied it.)
  expect(await page.evaluate(() => (window as { __maskMapEarly?: object }).__maskMapEarly)).toEqual({});
  // ...but not for the release's hashed wasm and JS, whatever their hash's length.
  expect(fromNetwork.filter((p) => /^\/mask-map-[0-9a-f]+(_bg\.wasm|\.js)$/.test(p))).toEqual([]);
});

/** Holds every request for the page on its way for a while (the worker's
 *  own included) and notes, in order, when each is let go and when the
 *  worker asks for `feed`: only the worker, at a navigation's start, can ask
 *  for a feed while its page is held (boot.js asks once the page is here). */
async function holdThePage(context: BrowserContext, feed: (url: URL) => boolean) {
  const order: string[] = [];
  context.on('request', (r) => {
    if (r.serviceWorker() && feed(new URL(r.url()))) order.push('feed asked');
  });
  await context.route(
    (url) => url.pathname === '/',
    async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      order.push('page sent');
      await route.continue();
    },
  );
  return order;
}

test('on a repeat visit the worker asks for the feed as the navigation starts, before the page has arrived', async ({ page, context }) => {
  const app = new MapPage(page);
  await visitUntilControlled(app);
  const count = await app.feedStatus.getAttribute('data-count');
  const order = await holdThePage(context, (url) => url.pathname === '/data/maskdata-2020-03-03.csv');
  await app.reload();
  await app.settled();
  expect(order[0]).toBe('feed asked');
  expect(order).toContain('page sent');
  // One request still: the page took the worker's answer...
  expect(order.filter((e) => e === 'feed asked')).toHaveLength(1);
  // ...and shows it as the network's, not as a copy saved on this device.
  await expect(app.feedStatus).toHaveAttribute('data-count', count!);
  await expect(app.feedStatus).not.toContainText('Offline');
});

test("the worker never asks early for another origin's feed a link names: that is the page's policy to allow", async ({ page, context }) => {
  const app = new MapPage(page);
  await visitUntilControlled(app);
  // Nothing listens there: only whether, and when, it is asked matters.
  const elsewhere = 'http://127.0.0.1:9/maskdata.csv';
  const order = await holdThePage(context, (url) => url.href === elsewhere);
  await page.goto(`/?feed=${encodeURIComponent(elsewhere)}&tiles=none&lang=en`);
  await expect(app.feedStatus).toHaveAttribute('data-state', 'error', { timeout: 15_000 });
  expect(order[0]).toBe('page sent');
});

test('a new release is served on the next online load, not the saved one', async ({ page }) => {
  test.skip(test.info().project.name !== 'desktop', 'one browser is enough: it edits the served page');
  const app = new MapPage(page);
  await visitUntilControlled(app);
  const index = 'dist/index.html';
  const original = readFileSync(index, 'utf8');
  const release = `release-${Date.now()}`;
  try {
    writeFileSync(index, original.replace('<head>', `<head>\n  <meta name="mask-map:release" content="${release}">`));
    await app.reload();
    await app.settled();
    await expect(app.meta('mask-map:release')).toHaveAttribute('content', release);
  } finally {
    writeFileSync(index, original);
  }
});

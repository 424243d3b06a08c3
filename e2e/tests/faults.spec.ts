// The 9 a.m. stampede, as a phone meets it: the feed's server goes through
// ok → 500 → 503 with Retry-After → a hang → a body dropped mid-way → a
// trickled body → an older snapshot → a changed feed. Each step is met on a
// first visit (nothing saved on the device), on a reload with the service
// worker installed (a good copy saved), and by an open page that polls.
// What the user sees is asserted: the state, the count, the markers, the
// words; and that good data on screen is never replaced by nothing.
// Real data: NHIA maskdata of 2020-03-03 (the good copy), 2020-02-14 (older),
// 2020-03-08 (broken off, then trickled) and 2020-05-28 (the changed feed),
// placed with the findmasks registry of 2020-08-01.
import { test, expect } from '@playwright/test';
import { MapPage } from '../pages/map-page';
import { FeedServer, serveEachTest, type Answer } from '../support/feed-server';
import { DEFAULT_REGISTRY, expectedFromMaskCsv, readData, type Expected } from '../support/data';
import { nextPoll } from '../support/polls';

const GOOD = 'maskdata-2020-03-03.csv';
const OLDER = 'maskdata-2020-02-14.csv';
const CHANGED = 'maskdata-2020-03-08.csv';
const LATEST = 'maskdata-2020-05-28.csv';
const expected = (name: string) => expectedFromMaskCsv(name, DEFAULT_REGISTRY);

/** A trickled body takes this long: the worker must pass it on as it comes. */
const TRICKLE_MS = 8_000;

test.use({ serviceWorkers: 'allow' });

let server: FeedServer;
serveEachTest((started) => (server = started));

function open(app: MapPage) {
  // All of Taiwan in view at zoom 6: every located pharmacy is a pin or in a cluster.
  return app.goto(
    { feed: `${server.url}/feed`, registry: `${server.url}/registry`, tiles: 'none', lang: 'en', zoom: '6' },
    { stubNetwork: false },
  );
}

/** The map and its header show `data` in full. */
async function expectShowing(app: MapPage, data: Expected, { savedCopy = false } = {}) {
  await expect(app.feedStatus).toHaveAttribute('data-count', String(data.count));
  await expect(app.feedStatus).toHaveAttribute('data-located', String(data.locatedIds.length));
  await expect(app.feedStatus).toHaveAttribute('data-as-of', data.asOf!);
  if (savedCopy) {
    await expect(app.feedStatus).toHaveAttribute('data-saved-copy', 'true');
    await expect(app.feedStatus).toHaveAttribute('data-state', 'stale');
    await expect(app.feedStatus).toContainText('saved on this device');
    // The device is online: the server is at fault, not the connection.
    await expect(app.feedStatus).not.toContainText('Offline');
  } else {
    await expect(app.feedStatus).not.toHaveAttribute('data-saved-copy', 'true');
  }
  await expect.poll(() => app.shownCount()).toBe(data.locatedIds.length);
}

/** Nothing could be shown: the header says so, with a way to retry. */
async function expectNothing(app: MapPage, words: RegExp) {
  await expect(app.feedStatus).toHaveAttribute('data-state', 'error');
  await expect(app.feedStatus).toHaveAttribute('data-problem', /\bfeed\b/);
  await expect(app.feedStatus).toHaveAttribute('data-count', '0');
  await expect(app.feedStatus).toContainText(words);
  await expect(app.retryButton).toBeVisible();
}

interface Step {
  name: string;
  answer: () => Answer;
  /** On a first visit, with nothing saved on the device. */
  firstVisit: (app: MapPage) => Promise<void>;
  /** On a reload, with the worker holding a good copy of GOOD. */
  reload: (app: MapPage) => Promise<void>;
}

const saved = (words: RegExp) => async (app: MapPage) => {
  await expectShowing(app, expected(GOOD), { savedCopy: true });
  await expect(app.feedStatus).toContainText(words);
};

const STEPS: Step[] = [
  {
    name: 'ok',
    answer: () => ({ body: readData(GOOD) }),
    firstVisit: (app) => expectShowing(app, expected(GOOD)),
    reload: (app) => expectShowing(app, expected(GOOD)),
  },
  {
    name: '500',
    answer: () => ({ status: 500, body: 'Internal Server Error' }),
    firstVisit: (app) => expectNothing(app, /\b500\b/),
    reload: saved(/\(500\)/),
  },
  {
    name: '503 with Retry-After',
    answer: () => ({ status: 503, body: 'Service Unavailable', retryAfter: 600 }),
    firstVisit: (app) => expectNothing(app, /\b503\b/),
    reload: saved(/\(503\)/),
  },
  {
    name: 'hang',
    answer: () => ({ hang: true }),
    firstVisit: (app) => expectNothing(app, /in time|too long/),
    reload: saved(/in time|too long/),
  },
  {
    name: 'dropped mid-body',
    // A newer file that breaks off: none of it may replace the good copy.
    answer: () => ({ broken: readData(CHANGED) }),
    firstVisit: (app) => expectNothing(app, /stock data/),
    reload: saved(/stock/),
  },
  {
    name: 'trickled body',
    answer: () => ({ trickle: readData(CHANGED), overMs: TRICKLE_MS }),
    firstVisit: (app) => expectShowing(app, expected(CHANGED)),
    reload: async (app) => {
      await expectShowing(app, expected(CHANGED));
      // The page had the answer long before its last byte: nothing in between
      // (the worker) held it back until the whole body was in.
      const timing = await app.resourceTiming(`${server.url}/feed`);
      expect(timing.responseEnd - timing.responseStart).toBeGreaterThan(TRICKLE_MS / 2);
    },
  },
  {
    name: 'older snapshot',
    answer: () => ({ body: readData(OLDER) }),
    // Nothing newer is known on a first visit.
    firstVisit: (app) => expectShowing(app, expected(OLDER)),
    // The device saw 2020-03-03 a moment ago: time does not go back.
    reload: async (app) => {
      await expect(app.feedStatus).toHaveAttribute('data-problem', /\bolder\b/);
      await expect(app.feedStatus).toHaveAttribute('data-as-of', expected(GOOD).asOf!);
      await expect.poll(() => app.shownCount()).toBe(expected(GOOD).locatedIds.length);
    },
  },
  {
    name: 'changed feed',
    answer: () => ({ body: readData(LATEST) }),
    firstVisit: (app) => expectShowing(app, expected(LATEST)),
    reload: (app) => expectShowing(app, expected(LATEST)),
  },
];

test.describe('on a phone', () => {

  for (const step of STEPS) {
    test(`first visit, ${step.name}`, async ({ page }) => {
      server.answer('/feed', step.answer());
      const app = new MapPage(page);
      await open(app);
      await app.settled();
      await step.firstVisit(app);
      expect(app.pageErrors).toEqual([]);
    });

    test(`reload with the worker installed, ${step.name}`, async ({ page }, info) => {
      server.answer('/feed', { body: readData(GOOD) });
      const app = new MapPage(page);
      await open(app);
      await app.settled();
      await app.servedByWorker();
      // A second load: the feed passes through the worker, which keeps a copy.
      await app.reload();
      await app.settled();
      await expectShowing(app, expected(GOOD));

      server.answer('/feed', step.answer());
      const reloaded = Date.now();
      await app.reload();
      await app.settled();
      await step.reload(app);
      if (step.name === 'hang') {
        expect(Date.now() - reloaded, 'the saved copy is on the map within 12 s').toBeLessThan(12_000);
      }
      if (step.name === '503 with Retry-After') await app.screenshot('outage', info.project.name);
      expect(app.pageErrors).toEqual([]);
    });
  }

  test('an open page polls through every step and never loses what it shows', async ({ page }) => {
    test.slow();
    await page.clock.install();
    server.answer('/feed', { body: readData(GOOD) });
    const app = new MapPage(page);
    await open(app);
    await app.settled();
    await expectShowing(app, expected(GOOD));
    await app.map.watchFewestMarkers();
    let retryAfterWaited = 0;

    for (const step of STEPS.slice(1)) {
      server.answer('/feed', step.answer());
      const waited = await nextPoll(page, server, '/feed');
      if (step.name === 'hang') {
        await page.clock.runFor(21_000);
        // The hung request is given up (by the page, and by the worker in
        // charge since its install, on its own real-time deadline).
        await expect.poll(() => server.hanging, { timeout: 15_000 }).toBe(0);
      }
      if (step.name === 'trickled body') {
        await expect(app.feedStatus).toHaveAttribute('data-as-of', expected(CHANGED).asOf!, { timeout: TRICKLE_MS + 5_000 });
        await expectShowing(app, expected(CHANGED));
        continue;
      }
      if (step.name === 'hang' || step.name === '500' || step.name === '503 with Retry-After' || step.name === 'dropped mid-body') {
        await expect(app.feedStatus, step.name).toHaveAttribute('data-state', 'error');
        await expect(app.feedStatus, step.name).toHaveAttribute('data-problem', /\bfeed\b/);
        await expectShowingStill(app, GOOD);
      }
      if (step.name === 'hang') retryAfterWaited = waited;
      if (step.name === 'older snapshot') {
        await expect(app.feedStatus).toHaveAttribute('data-problem', /\bolder\b/);
        // The trickled file of 2020-03-08 stays.
        await expectShowingStill(app, CHANGED);
        await expect(app.feedDetails).toContainText('2020-02-14');
      }
      if (step.name === 'changed feed') {
        await expectShowing(app, expected(LATEST));
        await expect(app.feedStatus).not.toHaveAttribute('data-problem', /\bolder\b/);
      }
    }
    // The poll after the 503 waited for its Retry-After (600 s), longer than
    // the backoff alone (240 s after two failures, ± 10 %).
    expect(retryAfterWaited).toBeGreaterThanOrEqual(600_000);
    expect(await app.map.fewestMarkers(), 'markers stayed on the map throughout').toBeGreaterThan(0);
    expect(app.pageErrors).toEqual([]);
  });
});

/** `name` is still what the header counts and the map shows. */
async function expectShowingStill(app: MapPage, name: string) {
  const good = expected(name);
  await expect(app.feedStatus).toHaveAttribute('data-count', String(good.count));
  await expect(app.feedStatus).toHaveAttribute('data-as-of', good.asOf!);
  await expect.poll(() => app.shownCount()).toBe(good.locatedIds.length);
}

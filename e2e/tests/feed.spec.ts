// The feed layer as a citizen meets it, with the feed served by the test's
// own local server: every real format loads; a broken answer leaves the last
// good data on screen; an unchanged feed costs a 304; a hidden tab stops polling.
import { test, expect } from '@playwright/test';
import { MapPage } from '../pages/map-page';
import { FeedServer } from '../support/feed-server';
import { nextPoll } from '../support/polls';
import {
  DEFAULT_REGISTRY,
  KIANG,
  MASK_CSV,
  RAPID_TEST,
  expectedFromGeoJson,
  expectedFromMaskCsv,
  expectedFromRapidTestCsv,
  maskCsvLocatedRows,
  maskCsvWithQuotedName,
  readData,
  readSnapshot,
  type Expected,
} from '../support/data';

let server: FeedServer;
test.beforeEach(async () => {
  server = new FeedServer();
  await server.start();
});
test.afterEach(async () => server.stop());

async function expectShown(app: MapPage, expected: Expected) {
  expect(await app.settled()).toMatch(/^(ok|stale)$/);
  await expect(app.feedStatus).toHaveAttribute('data-count', String(expected.count));
  if (expected.asOf) await expect(app.feedStatus).toHaveAttribute('data-as-of', expected.asOf);
  // At zoom 6 (the links below ask for it) all of Taiwan, Kinmen and Matsu
  // are in view on any screen: every located pharmacy is a pin or in a cluster.
  await expect.poll(() => app.shownCount()).toBe(expected.locatedIds.length);
}

const FORMATS: [string, () => Expected, () => void][] = [
  [
    'NHIA maskdata.csv joined with a registry',
    () => expectedFromMaskCsv(MASK_CSV, DEFAULT_REGISTRY),
    () => {
      server.answer('/feed', { body: readData(MASK_CSV) });
      server.answer('/registry', { body: readData(DEFAULT_REGISTRY), contentType: 'application/json' });
    },
  ],
  ['NHIA Fstdata.csv (rapid tests)', () => expectedFromRapidTestCsv(RAPID_TEST), () => server.answer('/feed', { body: readData(RAPID_TEST) })],
  ['kiang points.json', () => expectedFromGeoJson(readSnapshot(KIANG)), () => server.answer('/feed', { body: readData(KIANG), contentType: 'application/json' })],
  [
    'findmasks-style GeoJSON',
    () => expectedFromGeoJson(readSnapshot(DEFAULT_REGISTRY)),
    () => server.answer('/feed', { body: readData(DEFAULT_REGISTRY), contentType: 'application/json' }),
  ],
];

for (const [name, expected, serve] of FORMATS) {
  test(`${name} loads with the file's counts`, async ({ page }) => {
    serve();
    const app = new MapPage(page);
    await app.goto({ feed: `${server.url}/feed`, registry: `${server.url}/registry`, tiles: 'none', refresh: '0', zoom: '6' });
    await expectShown(app, expected());
    expect(app.pageErrors).toEqual([]);
  });
}

test('the mask CSV says how many pharmacies the registry could not place', async ({ page }) => {
  FORMATS[0][2]();
  const expected = expectedFromMaskCsv(MASK_CSV, DEFAULT_REGISTRY);
  const app = new MapPage(page);
  await app.goto({ feed: `${server.url}/feed`, registry: `${server.url}/registry`, tiles: 'none', refresh: '0', lang: 'en' });
  await app.settled();
  const unplaced = expected.count - expected.locatedIds.length;
  await expect(app.feedDetails).toContainText(`${unplaced} pharmacies have no known location`);
  await expect(app.footer).toContainText('Stock counts are approximate');
});

test('a quoted name with a comma, a doubled quote and a line break, in a CRLF file with a BOM, is shown as written', async ({ page }) => {
  // The real 2020-03-03 snapshot, one pharmacy's name rewritten as RFC 4180 allows.
  const csv = maskCsvWithQuotedName(MASK_CSV, DEFAULT_REGISTRY);
  const [code, name, address] = csv.row;
  server.answer('/feed', { body: csv.body, contentType: 'text/csv; charset=utf-8' });
  server.answer('/registry', { body: readData(DEFAULT_REGISTRY), contentType: 'application/json' });
  // The unmodified snapshot's figures; seen minutes after its as-of time, so it is current.
  const expected = expectedFromMaskCsv(MASK_CSV, DEFAULT_REGISTRY);
  await page.clock.setFixedTime(Date.parse(expected.asOf!) + 2 * 60_000);
  const app = new MapPage(page);
  await app.goto({ feed: `${server.url}/feed`, registry: `${server.url}/registry`, tiles: 'none', refresh: '0', lang: 'en' });
  expect(await app.settled()).toBe('ok');
  await expect(app.feedStatus).toHaveAttribute('data-count', String(expected.count));
  await expect(app.feedStatus).toHaveAttribute('data-as-of', expected.asOf!);

  // Its list entry and its details show the name exactly, line break included.
  const { list, details } = app;
  await list.open();
  await list.search(code);
  const entry = list.item(code);
  await expect(entry).toBeVisible();
  await expect.poll(() => list.nameIn(entry).textContent()).toBe(name);
  await expect(list.addressIn(entry)).toHaveText(address);
  await list.chooseCode(code);
  await expect(details.element).toHaveAttribute('data-id', code);
  await expect.poll(() => details.nameText()).toBe(name);
  await expect.poll(() => details.addressText()).toBe(address);

  // The pharmacy on the next row is read intact.
  const [nextCode, nextName, nextAddress, , adult, child] = csv.next;
  await list.search(nextCode);
  const next = list.item(nextCode);
  await expect(list.nameIn(next)).toHaveText(nextName);
  await expect(list.addressIn(next)).toHaveText(nextAddress);
  await list.chooseCode(nextCode);
  await expect(details.element).toHaveAttribute('data-id', nextCode);
  await expect(details.name).toHaveText(nextName);
  await expect(details.stock('adult')).toContainText(adult);
  await expect(details.stock('child')).toContainText(child);
  expect(app.pageErrors).toEqual([]);
});

test('a 500, a timeout, a truncated file and an HTML page each give error, keep the data, and retry', async ({ page }) => {
  // Four failures and recoveries: 22 s on a fresh machine, near the default 30 s.
  test.slow();
  const good = readData(KIANG);
  const expected = expectedFromGeoJson(readSnapshot(KIANG));
  server.answer('/feed', { body: good, contentType: 'application/json' });
  await page.clock.install();
  const app = new MapPage(page);
  await app.goto({ feed: `${server.url}/feed`, tiles: 'none', lang: 'en', zoom: '6' });
  await expectShown(app, expected);

  const failures: [string, Parameters<FeedServer['answer']>[1], string][] = [
    ['500', { status: 500, body: 'Internal Server Error' }, 'The stock data server had a problem (it said 500).'],
    ['timeout', { hang: true }, 'The stock data took too long to arrive.'],
    ['truncated', { body: good.subarray(0, good.length / 3), contentType: 'application/json' }, "What came back isn't stock data this map can read."],
    ['HTML', { body: '<!DOCTYPE html><html><body><h1>系統維護中</h1></body></html>', contentType: 'text/html' }, "What came back isn't stock data this map can read."],
  ];
  for (const [name, answer, message] of failures) {
    server.answer('/feed', answer);
    await nextPoll(page, server, '/feed');
    if (name === 'timeout') await page.clock.runFor(21_000);
    await expect(app.feedStatus, name).toHaveAttribute('data-state', 'error');
    await expect(app.feedStatus, name).toContainText(message);
    await expect(app.feedStatus, name).toContainText('Still showing the last data that loaded.');
    await expect(app.feedStatus, name).toHaveAttribute('data-count', String(expected.count));
    expect(await app.shownCount(), name).toBe(expected.locatedIds.length);
  }
  // Failures back off: the gaps between polls grew (60 s, then 120, 240, 480 ± 10 %).
  // Recovery: the next poll that gets the feed shows it again.
  server.answer('/feed', { body: good, contentType: 'application/json' });
  await nextPoll(page, server, '/feed');
  await expectShown(app, expected);
  expect(app.pageErrors).toEqual([]);
});

test('a changed feed redraws the pins with their new stock, and the map is never blank meanwhile', async ({ page }) => {
  // The real 2020-03-03 snapshot, then the same rows with every adult count
  // at 0: the sell-out a later poll brings.
  const first = readData(MASK_CSV);
  const [header, ...rows] = first.toString('utf8').split(/\r?\n/);
  const soldOut = [header, ...rows.map((l) => (l.trim() ? l.split(',').map((c, i) => (i === 4 ? '0' : c)).join(',') : l))].join('\n');
  server.answer('/feed', { body: first });
  server.answer('/registry', { body: readData(DEFAULT_REGISTRY), contentType: 'application/json' });
  // A located pharmacy with adult masks in the first file, at street level.
  const places = new Map(readSnapshot(DEFAULT_REGISTRY).features.map((f: any) => [String(f.properties.id), f.geometry.coordinates]));
  const [code] = maskCsvLocatedRows(MASK_CSV, DEFAULT_REGISTRY).find((r) => Number(r[4]) > 0)!;
  const [lng, lat] = places.get(code) as [number, number];
  await page.clock.install();
  const app = new MapPage(page);
  await app.goto({ feed: `${server.url}/feed`, registry: `${server.url}/registry`, tiles: 'none', lang: 'en', lat: String(lat), lng: String(lng), zoom: '17' });
  await app.settled();
  const pin = app.map.pin(code);
  await expect(pin).toHaveAttribute('data-stock', /plenty|some|few/);
  const before = await app.map.everyMarker.count();
  expect(before).toBeGreaterThan(0);
  // From here on, the fewest markers the pane ever holds.
  await app.map.watchFewestMarkers();

  server.answer('/feed', { body: Buffer.from(soldOut) });
  await nextPoll(page, server, '/feed');
  await expect(pin).toHaveAttribute('data-stock', 'none');
  await app.settled();
  await expect(app.feedStatus).toHaveAttribute('data-count', String(expectedFromMaskCsv(MASK_CSV, DEFAULT_REGISTRY).count));
  expect(await app.map.fewestMarkers(), 'markers were on the map throughout').toBeGreaterThanOrEqual(before);
  expect(app.pageErrors).toEqual([]);
});

test('an unchanged feed is revalidated with its ETag, answered 304, and kept', async ({ page }) => {
  const expected = expectedFromGeoJson(readSnapshot(KIANG));
  server.answer('/feed', { body: readData(KIANG), contentType: 'application/json' });
  await page.clock.install();
  const app = new MapPage(page);
  // No routes here: they would switch off the browser's HTTP cache, which
  // is what revalidates. With tiles=none nothing leaves this machine anyway.
  await app.goto({ feed: `${server.url}/feed`, tiles: 'none', zoom: '6' }, { stubNetwork: false });
  await expectShown(app, expected);

  await nextPoll(page, server, '/feed');
  const [first, second] = server.requestsFor('/feed');
  expect(first.status).toBe(200);
  expect(second.headers['if-none-match'], 'a conditional request').toBeTruthy();
  expect(second.status).toBe(304);
  await expectShown(app, expected);
});

test('polling stops while the tab is hidden and resumes at once when it is shown', async ({ page }) => {
  server.answer('/feed', { body: readData(KIANG), contentType: 'application/json' });
  await page.clock.install();
  const app = new MapPage(page);
  await app.goto({ feed: `${server.url}/feed`, tiles: 'none' });
  await app.settled();
  await app.setTabHidden(true);
  const before = server.requestsFor('/feed').length;
  for (let minute = 0; minute < 10; minute++) {
    await page.clock.runFor(60_000);
    await page.waitForTimeout(10);
  }
  expect(server.requestsFor('/feed').length, 'no polls while hidden').toBe(before);

  await app.setTabHidden(false);
  await expect.poll(() => server.requestsFor('/feed').length, { message: 'a poll as soon as it is shown' }).toBe(before + 1);
  expect(await app.settled()).toMatch(/^(ok|stale)$/);
});

test('a registry that fails is said in the header, with how many pharmacies are off the map', async ({ page }) => {
  // The real 2020-03-03 mask CSV (no coordinates of its own) and a registry answering 404.
  server.answer('/feed', { body: readData(MASK_CSV) });
  const expected = expectedFromMaskCsv(MASK_CSV, DEFAULT_REGISTRY);
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new MapPage(page);
  await app.goto({ feed: `${server.url}/feed`, registry: `${server.url}/registry`, tiles: 'none', refresh: '0', lang: 'en' });
  await app.settled();
  await expect(app.feedStatus).toHaveAttribute('data-count', String(expected.count));
  await expect(app.feedStatus).toHaveAttribute('data-located', '0');
  await expect(app.feedStatus).toHaveAttribute('data-problem', 'registry');
  await expect(app.feedStatus).toContainText(
    `Pharmacy locations couldn't be loaded: ${expected.count.toLocaleString('en-US')} pharmacies are off the map.`,
  );
  expect(await app.shownCount()).toBe(0);
  await app.screenshot('registry-failed', 'phone-390');
});

test('with a registry that places most, the header counts what is on the map', async ({ page }) => {
  FORMATS[0][2]();
  const expected = expectedFromMaskCsv(MASK_CSV, DEFAULT_REGISTRY);
  const app = new MapPage(page);
  await app.goto({ feed: `${server.url}/feed`, registry: `${server.url}/registry`, tiles: 'none', refresh: '0', lang: 'en' });
  await app.settled();
  const located = expected.locatedIds.length;
  await expect(app.feedStatus).toHaveAttribute('data-located', String(located));
  await expect(app.feedStatus).toContainText(
    `${located.toLocaleString('en-US')} pharmacies on the map, ${(expected.count - located).toLocaleString('en-US')} without a location`,
  );
  // Matching only some pharmacies is no problem of the registry's.
  await expect(app.feedStatus).not.toHaveAttribute('data-problem');
});

test('a feed from another host is named in a notice that stays', async ({ page }) => {
  server.answer('/feed', { body: readData(KIANG), contentType: 'application/json' });
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new MapPage(page);
  await app.goto({ feed: `${server.url}/feed`, tiles: 'none', refresh: '0', lang: 'en' });
  await app.settled();
  const host = new URL(server.url).host;
  await expect(app.sourceNotices).toHaveCount(1);
  await expect(app.sourceNotices).toHaveAttribute('data-host', host);
  await expect(app.sourceNotices).toHaveText(`Stock data from ${host}/feed, not this site's default source`);
  await expect(app.sourceNotices).toBeInViewport();
  // Nothing to dismiss it with.
  await expect(app.sourceNotices.getByRole('button')).toHaveCount(0);
  await app.screenshot('foreign-source', 'phone-390');

  // The site's own default names no one.
  await app.goto({ tiles: 'none', refresh: '0', lang: 'en' });
  await app.settled();
  await expect(app.sourceNotices).toHaveCount(0);
});

test('a rules file that cannot be used is a problem the status names', async ({ page }) => {
  // The rules address answers 404: the bundled rules apply, and the status says a part is missing.
  server.answer('/feed', { body: readData(KIANG), contentType: 'application/json' });
  const app = new MapPage(page);
  await app.goto({ feed: `${server.url}/feed`, rules: `${server.url}/rules.json`, tiles: 'none', refresh: '0', lang: 'en' });
  await app.settled();
  await expect(app.feedStatus).toHaveAttribute('data-problem', 'rules');
  await expect(app.sourceNotices).toHaveCount(2);
  await expect(app.sourceNotices.last()).toHaveText(`Rules from ${new URL(server.url).host}/rules.json, not this site's default source`);
});

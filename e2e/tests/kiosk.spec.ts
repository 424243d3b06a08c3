// A kiosk in a district office: a 1080×1920 portrait touch screen with its
// own place (at=, 臺北車站), no keyboard, many visitors. Default real
// snapshot (2020-03-03 NHIA CSV + registry) and the bundled rules.
import { test, expect } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { KioskPage } from '../pages/kiosk-page';
import { readData, readSnapshot, expectedDefault, DEFAULT_REGISTRY, KIANG } from '../support/data';
import { FeedServer, trustFeedServer } from '../support/feed-server';
import { AT as MORNING_AT, feedAt } from '../support/morning';
import { nextPoll } from '../support/polls';

const AT = '25.0478,121.517';

test('the ID is typed on the digit pad, never a keyboard, and nothing is remembered', async ({ page }, info) => {
  // A previous visitor on this device had remembered a parity and a purchase.
  const kiosk = new KioskPage(page);
  await kiosk.storedBeforeStart({ 'mask-map.parity': 'odd', 'mask-map.last-purchase.adult': '2020-02-09' });
  await kiosk.open(AT, { lang: 'en', date: '2020-02-11' });
  await kiosk.settled();
  const eligibility = kiosk.eligibility;
  const result = eligibility.verdict;
  await expect(eligibility.element).toBeVisible();
  await expect(result).not.toHaveAttribute('data-verdict');
  await expect(eligibility.rememberParity).toHaveCount(0);
  await expect(eligibility.lastPurchase).toHaveCount(0);
  const input = eligibility.input;
  await expect(input).toHaveAttribute('readonly', '');
  await expect(input).toHaveAttribute('inputmode', 'none');
  await kiosk.tapDigit(3);
  await expect(input).toHaveValue('3');
  await expect(result).toHaveAttribute('data-verdict', 'no');
  await expect(result).toHaveAttribute('data-next', '2020-02-12');
  await kiosk.tapDigit(0);
  await expect(result).toHaveAttribute('data-verdict', 'yes');
  // Large enough to hit standing up.
  const key = await kiosk.digitKey(5).boundingBox();
  expect(key!.height).toBeGreaterThanOrEqual(64);
  await kiosk.screenshot('eligibility', info.project.name);
  // Sources are text, not links that would leave the app.
  await expect(eligibility.links).toHaveCount(0);
  // Closing the panel drops what was typed.
  await eligibility.close({ tap: true });
  await eligibility.tapSummary();
  await expect(input).toHaveValue('');
});

test('directions are a QR code that scans to the pharmacy\'s directions; no link leaves the kiosk', async ({ page }, info) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(AT, { lang: 'en' });
  await kiosk.settled();
  const code = await kiosk.nearest.codeOf(0);
  await kiosk.nearest.open(0, { tap: true });
  const qr = kiosk.details.directionsQr;
  await expect(qr).toBeVisible();

  // Decode the drawn code from pixels, as a phone camera would.
  const png = PNG.sync.read(await kiosk.details.qrScreenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  const place = readSnapshot(DEFAULT_REGISTRY).features.find((f: any) => f.properties.id === code);
  const [lng, lat] = place.geometry.coordinates;
  expect(decoded?.data).toBe(`https://www.google.com/maps/dir/?api=1&destination=${lat},${lng}`);
  await expect(qr).toHaveAttribute('data-url', decoded!.data);

  // Nothing on screen links away: not the details, the nearest list, nor Leaflet's credit.
  expect(await kiosk.outboundLinks()).toEqual([]);
  await kiosk.screenshot('details-qr', info.project.name);
});

test('after the idle time without a touch, the kiosk resets and nothing of the visitor stays', async ({ page }, info) => {
  await page.clock.install({ time: new Date('2020-02-11T02:00:00Z') });
  const kiosk = new KioskPage(page);
  await kiosk.open(AT, { lang: 'en', idle: '30' });
  await kiosk.settled();
  const startZoom = await kiosk.zoom();
  const { details, eligibility, filters } = kiosk;

  // A visitor: types a digit, filters, opens a pharmacy, zooms out.
  await eligibility.tapSummary();
  await kiosk.tapDigit(7);
  await expect(eligibility.verdict).toHaveAttribute('data-verdict', 'no');
  await filters.showOnlyWithStock();
  await kiosk.nearest.open(0, { tap: true });
  await expect(details.element).toBeVisible();
  await kiosk.tapZoomOut();
  await expect.poll(() => kiosk.zoom()).not.toBe(startZoom);
  await expect(page).toHaveURL(/instock=1/);

  // 20 s later the visitor is still there: nothing resets.
  await page.clock.fastForward(20_000);
  await expect(details.element).toBeVisible();
  // A touch restarts the count; 29 s after it, still nothing.
  await details.touch();
  await page.clock.fastForward(29_000);
  await expect(details.element).toBeVisible();
  // Then the idle time passes.
  await page.clock.fastForward(2_000);
  await expect(details.element).toHaveCount(0);
  await expect(eligibility.element).toHaveCount(0);
  await expect(filters.onlyWithStock).not.toBeChecked();
  await expect(page).not.toHaveURL(/instock=1/);
  await expect.poll(() => kiosk.zoom()).toBe(startZoom);
  await eligibility.tapSummary();
  await expect(eligibility.input).toHaveValue('');
  await kiosk.screenshot('after-reset', info.project.name);
});

test('a kiosk in Chinese reads at a distance', async ({ page }, info) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(AT, { date: '2020-02-11' });
  await kiosk.settled();
  await kiosk.tapDigit(4);
  await expect(kiosk.eligibility.verdict).toContainText('可以購買');
  await kiosk.screenshot('zh', info.project.name);
});

test('a kiosk refuses a feed from a host the site does not trust, and shows its own', async ({ page }) => {
  // Someone's file on another host (here the test's own feed server, another
  // origin than the site): a shared link must not turn a public kiosk into its display.
  const server = new FeedServer();
  await server.start();
  try {
    server.answer('/feed', { body: readData(KIANG), contentType: 'application/json' });
    const kiosk = new KioskPage(page);
    await kiosk.open(AT, { lang: 'en', feed: `${server.url}/feed` });
    await kiosk.settled();
    await expect(kiosk.linkProblems).toContainText(`feed=“${server.url}/feed”: isn't one of this site's sources; a kiosk uses the default`);
    await expect(kiosk.feedStatus).toHaveAttribute('data-count', String(expectedDefault().count));
    await expect(kiosk.sourceNotices).toHaveCount(0);
    expect(server.requestsFor('/feed')).toHaveLength(0);
  } finally {
    await server.stop();
  }
});

test('the day\'s counts in large type, kept through an idle reset', async ({ page }, info) => {
  test.slow();
  // The site trusts the test's feed server, as a district names its own feed.
  const server = new FeedServer();
  await server.start();
  try {
    server.answer('/registry', { body: readData(DEFAULT_REGISTRY), contentType: 'application/json' });
    server.answer('/feed', { body: feedAt(0) });
    await trustFeedServer(page, server);
    await page.clock.install({ time: new Date('2020-03-03T08:00:30+08:00') });
    const kiosk = new KioskPage(page);
    await kiosk.goto(
      { tiles: 'none', mode: 'kiosk', at: MORNING_AT, lang: 'en', idle: '600', feed: `${server.url}/feed`, registry: `${server.url}/registry`, refresh: '60' },
      { stubNetwork: false },
    );
    await kiosk.settled();
    await expect(kiosk.sourceNotices).toHaveCount(0);
    await expect(kiosk.linkProblems).toHaveCount(0);
    for (let minutes = 1; minutes <= 25; minutes++) {
      server.answer('/feed', { body: feedAt(minutes) });
      await nextPoll(page, server, '/feed');
      await expect(kiosk.feedStatus).toHaveAttribute('data-as-of', new RegExp(`T08:${String(minutes).padStart(2, '0')}:00`));
    }
    // The card: no link leads away from a kiosk.
    await expect(kiosk.answer).toContainText('selling');
    await expect(kiosk.answer.locator('a:visible')).toHaveCount(0);
    await kiosk.screenshot('answer-card', info.project.name);
    const id = (await kiosk.answer.getAttribute('data-id'))!;
    await kiosk.answer.locator('.answer__name').tap();
    const { details } = kiosk;
    await expect(details.element).toHaveAttribute('data-id', id);
    await expect(details.chart).toContainText("Today's counts, 08:00 to 08:25");
    await expect(details.favouriteToggle).toHaveCount(0);
    // Read from a step away: the pace and the chart in large type.
    const pace = details.element.locator('.count-news').first();
    await expect(pace).toContainText('Selling about');
    expect(await pace.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(23);
    expect(await details.chart.locator('svg').evaluate((e) => e.getBoundingClientRect().height)).toBeGreaterThanOrEqual(120);
    await kiosk.screenshot('details-chart', info.project.name);
    // The idle reset closes the visitor's details; the day's counts stay.
    await page.clock.fastForward(601_000);
    await expect(details.element).toHaveCount(0);
    await kiosk.answer.locator('.answer__name').tap();
    await expect(details.chart).toContainText("Today's counts, 08:00 to");
  } finally {
    await server.stop();
  }
});

// A news site embeds the map (examples/embed.html: a 600×450 iframe, the
// snippet "Embed this map" gives), and the full app's language switch. Default
// real snapshot (2020-03-03 NHIA CSV + registry).
import { test, expect, type FrameLocator } from '@playwright/test';
import { MapPage } from '../pages/map-page';
import { DEFAULT_FEED, DEFAULT_REGISTRY, maskCsvLocatedRows } from '../support/data';

const inTaipei = (r: string[]) => /^[臺台]北市/.test(r[2]);

/** Pharmacies the embedded map shows: single pins plus clusters' counts. */
async function shownIn(frame: FrameLocator) {
  const clustered = await frame.locator('.leaflet-marker-pane .cluster').evaluateAll((els) =>
    els.reduce((n, e) => n + Number(e.getAttribute('data-count')), 0),
  );
  return clustered + (await frame.locator('.leaflet-marker-pane [data-id]').count());
}

test.describe('embedded in a news article', () => {
  test.skip(({ isMobile }) => isMobile, 'the article page is a desktop page with a 600×450 frame');

  test('the frame shows the county it was given, compactly, with a way out to the full map', async ({ page }, info) => {
    // Any call to the location API would be a prompt the reader did not ask for.
    await page.addInitScript(() => {
      (window as any).__geolocationCalls = 0;
      const count = () => { (window as any).__geolocationCalls++; };
      navigator.geolocation.getCurrentPosition = count as any;
      navigator.geolocation.watchPosition = count as any;
    });
    const app = new MapPage(page);
    await app.install();
    await page.goto('/examples/embed.html');
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('feed-status')).toHaveAttribute('data-state', /ok|stale/, { timeout: 15_000 });
    const box = await page.locator('iframe').boundingBox();
    expect([box!.width, box!.height]).toEqual([600, 450]);

    await expect(frame.locator('.app')).toHaveClass(/app--embed/);
    await expect(frame.locator('.app-header__tagline')).toBeHidden();
    const taipei = maskCsvLocatedRows(DEFAULT_FEED, DEFAULT_REGISTRY).filter(inTaipei).length;
    await expect.poll(() => shownIn(frame)).toBe(taipei);

    const full = frame.getByTestId('open-full');
    await expect(full).toHaveAttribute('target', '_blank');
    const href = new URL((await full.getAttribute('href'))!, 'http://x/');
    expect(href.searchParams.get('mode')).toBeNull();
    expect(href.searchParams.get('county')).toBe('臺北市');
    // The map's credit stays visible.
    await expect(frame.locator('.leaflet-control-attribution')).toContainText('OpenStreetMap');
    // Everything in the frame fits it: nothing wider than 600 px.
    expect(await frame.locator('body').evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(600);
    expect(await frame.locator('body').evaluate(() => (window as any).__geolocationCalls)).toBe(0);
    await page.screenshot({ path: `e2e/screenshots/${info.project.name}-embed.png` });
    expect(app.offsiteRequests.filter((u) => !u.includes('tile.openstreetmap.org'))).toEqual([]);
  });

  test('in Chinese, the embedded map reads as finished', async ({ page }, info) => {
    const app = new MapPage(page);
    await app.install();
    await page.goto('/examples/embed.html');
    await page.setContent(
      (await page.content()).replace('lang=en&amp;', ''),
      { waitUntil: 'load' },
    );
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('feed-status')).toHaveAttribute('data-state', /ok|stale/, { timeout: 15_000 });
    await expect(frame.locator('h1')).toContainText('口罩地圖');
    await expect(frame.getByTestId('open-full')).toHaveText('開啟完整地圖');
    await page.screenshot({ path: `e2e/screenshots/${info.project.name}-embed-zh.png` });
  });

  test('"Embed this map" gives a snippet that reproduces the view and filters', async ({ page }, info) => {
    const app = new MapPage(page);
    await app.goto({ lang: 'en', county: '臺北市', instock: '1', zoom: '12', lat: '25.05', lng: '121.53' });
    await app.settled();
    await page.getByTestId('embed-button').click();
    const snippet = await page.getByTestId('embed-snippet').inputValue();
    await page.screenshot({ path: `e2e/screenshots/${info.project.name}-embed-dialog.png` });
    const src = snippet.match(/src="([^"]+)"/)![1].replaceAll('&amp;', '&');
    const url = new URL(src);
    expect(url.searchParams.get('mode')).toBe('embed');
    expect(url.searchParams.get('county')).toBe('臺北市');
    expect(url.searchParams.get('instock')).toBe('1');
    expect(url.searchParams.get('zoom')).toBe(String(await app.zoom()));
    expect(snippet).toMatch(/^<iframe src="[^"]+" title="Mask Map" width="600" height="450"/);

    // Pasted into a page, the snippet opens the same place, zoom and filters.
    const zoom = await app.zoom();
    await page.setContent(`<!DOCTYPE html><body style="margin:0">${snippet}</body>`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('feed-status')).toHaveAttribute('data-state', /ok|stale/, { timeout: 15_000 });
    await expect(frame.getByTestId('map')).toHaveAttribute('data-zoom', String(zoom));
    await frame.getByRole('button', { name: /Filters/ }).click();
    await expect(frame.getByLabel('Only with stock')).toBeChecked();
    await expect(frame.locator('select[name=county]')).toHaveValue('臺北市');
    expect(await shownIn(frame)).toBeGreaterThan(0);
  });
});

test('the language switch reloads in the other language and keeps the view', async ({ page }) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', county: '臺北市', date: '2020-02-11' });
  await app.settled();
  await expect(page.locator('h1')).toContainText('口罩地圖');
  const toEnglish = page.getByTestId('lang-switch');
  await expect(toEnglish).toHaveText('English');
  await expect(toEnglish).toHaveAttribute('lang', 'en');
  await toEnglish.click();
  await app.settled();
  await expect(page).toHaveURL(/lang=en/);
  await expect(page.locator('h1')).toContainText('Mask Map');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/county=%E8%87%BA%E5%8C%97%E5%B8%82/);
  await expect(page.getByTestId('who-can-buy')).toContainText('On Tue 2020-02-11');
  await page.getByTestId('lang-switch').click();
  await app.settled();
  await expect(page.locator('h1')).toContainText('口罩地圖');
});

test('nothing scrolls sideways on a 320 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', date: '2020-02-11' });
  await app.settled();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.getByTestId('eligibility-input').fill('A123456789');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

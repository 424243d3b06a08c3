// A news site embeds the map (examples/embed.html: a 600×450 iframe, the
// snippet "Embed this map" gives), and the full app's language switch. Default
// real snapshot (2020-03-03 NHIA CSV + registry).
import { test, expect } from '@playwright/test';
import { EmbedPage } from '../pages/embed-page';
import { MapPage } from '../pages/map-page';
import { DEFAULT_FEED, DEFAULT_REGISTRY, maskCsvLocatedRows } from '../support/data';

const inTaipei = (r: string[]) => /^[臺台]北市/.test(r[2]);

test.describe('embedded in a news article', () => {
  test.skip(({ isMobile }) => isMobile, 'the article page is a desktop page with a 600×450 frame');

  test('the frame shows the county it was given, compactly, with a way out to the full map', async ({ page }, info) => {
    const article = new EmbedPage(page);
    // Any call to the location API would be a prompt the reader did not ask for.
    await article.countGeolocationCalls();
    await article.openArticle();
    await article.loaded();
    const box = await article.iframe.boundingBox();
    expect([box!.width, box!.height]).toEqual([600, 450]);

    const embedded = article.embedded;
    await expect(embedded.shell).toHaveClass(/app--embed/);
    await expect(embedded.tagline).toBeHidden();
    const taipei = maskCsvLocatedRows(DEFAULT_FEED, DEFAULT_REGISTRY).filter(inTaipei).length;
    await expect.poll(() => embedded.shownCount()).toBe(taipei);

    const full = article.openFull;
    await expect(full).toHaveAttribute('target', '_blank');
    const href = new URL((await full.getAttribute('href'))!, 'http://x/');
    expect(href.searchParams.get('mode')).toBeNull();
    expect(href.searchParams.get('county')).toBe('臺北市');
    // The map's credit stays visible.
    await expect(embedded.map.credit).toContainText('OpenStreetMap');
    await expect.poll(() => embedded.map.creditUncovered()).toBe(true);
    // Everything in the frame fits it: nothing wider than 600 px.
    expect(await embedded.scrollWidth()).toBeLessThanOrEqual(600);
    expect(await article.geolocationCalls()).toBe(0);
    await article.screenshot('embed', info.project.name);
    expect(article.host.offsiteRequests.filter((u) => !u.includes('tile.openstreetmap.org'))).toEqual([]);
  });

  test('in Chinese, the embedded map reads as finished', async ({ page }, info) => {
    const article = new EmbedPage(page);
    await article.openArticle({ lang: 'zh-TW' });
    await article.loaded();
    await expect(article.embedded.heading).toContainText('口罩地圖');
    await expect(article.openFull).toHaveText('開啟完整地圖');
    await article.screenshot('embed-zh', info.project.name);
  });

  test('"Embed this map" gives a snippet that reproduces the view and filters', async ({ page }, info) => {
    const site = new EmbedPage(page);
    const app = site.host;
    await app.goto({ lang: 'en', county: '臺北市', instock: '1', zoom: '12', lat: '25.05', lng: '121.53' });
    await app.settled();
    const snippet = await site.copySnippet();
    await site.screenshot('embed-dialog', info.project.name);
    const src = snippet.match(/src="([^"]+)"/)![1].replaceAll('&amp;', '&');
    const url = new URL(src);
    expect(url.searchParams.get('mode')).toBe('embed');
    expect(url.searchParams.get('county')).toBe('臺北市');
    expect(url.searchParams.get('instock')).toBe('1');
    expect(url.searchParams.get('zoom')).toBe(String(await app.zoom()));
    expect(snippet).toMatch(/^<iframe src="[^"]+" title="Mask Map" width="600" height="450"/);

    // Pasted into a page, the snippet opens the same place, zoom and filters.
    const zoom = await app.zoom();
    await site.pasteIntoPage(snippet);
    await site.loaded();
    const embedded = site.embedded;
    await expect(embedded.map.element).toHaveAttribute('data-zoom', String(zoom));
    await embedded.filters.unfold();
    await expect(embedded.filters.onlyWithStock).toBeChecked();
    await expect(embedded.filters.county).toHaveValue('臺北市');
    expect(await embedded.shownCount()).toBeGreaterThan(0);
  });
});

test('the language switch reloads in the other language and keeps the view', async ({ page }) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', county: '臺北市', date: '2020-02-11' });
  await app.settled();
  await expect(app.heading).toContainText('口罩地圖');
  const toEnglish = app.languageSwitch;
  await expect(toEnglish).toHaveText('English');
  await expect(toEnglish).toHaveAttribute('lang', 'en');
  await app.switchLanguage();
  await app.settled();
  await expect(page).toHaveURL(/lang=en/);
  await expect(app.heading).toContainText('Mask Map');
  await expect(app.root).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/county=%E8%87%BA%E5%8C%97%E5%B8%82/);
  await expect(app.eligibility.whoCanBuy).toContainText('On Tue 2020-02-11');
  await app.switchLanguage();
  await app.settled();
  await expect(app.heading).toContainText('口罩地圖');
});

test('nothing scrolls sideways on a 320 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', date: '2020-02-11' });
  await app.settled();
  expect(await app.scrollWidth()).toBeLessThanOrEqual(320);
  await app.eligibility.enter('A123456789');
  expect(await app.scrollWidth()).toBeLessThanOrEqual(320);
});

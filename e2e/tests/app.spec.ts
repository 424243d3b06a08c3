// The foundation, as a person meets it: the page loads the real snapshot and
// maps it, reports a broken feed or link in words, and renders feed text as text.
import { test, expect } from '@playwright/test';
import { MapPage } from '../pages/map-page';
import { KIANG, expectedDefault, readSnapshot } from '../support/data';

test('the default page maps every pharmacy of the bundled real snapshot', async ({ page }, info) => {
  const app = new MapPage(page);
  const expected = expectedDefault();
  await app.goto();

  expect(await app.settled()).toMatch(/^(ok|stale)$/);
  await expect(app.feedStatus).toHaveAttribute('data-count', String(expected.count));
  await expect(app.feedStatus).toHaveAttribute('data-as-of', expected.asOf!);
  await expect(app.feedStatus).toHaveAttribute('data-located', String(expected.locatedIds.length));
  // The header counts what is on the map, and says how many are not.
  const unplaced = expected.count - expected.locatedIds.length;
  await expect(app.feedStatus).toContainText(`地圖上 ${expected.locatedIds.length.toLocaleString('en')} 家藥局，${unplaced} 家無位置`);
  // Fitted to all of Taiwan: every located pharmacy is in view, as a pin or in a cluster.
  await expect.poll(() => app.shownCount()).toBe(expected.locatedIds.length);
  await expect(app.clusters.first()).toBeVisible();

  const box = await app.map.box();
  expect(box!.height).toBeGreaterThan(info.project.name === 'phone' ? 600 : 550);
  // A phone's map is full width under the bottom sheet; a desktop's sits
  // beside the side panel, and together they fill the width.
  const side = info.project.name === 'phone' ? 0 : (await app.sheet.box()).width;
  expect(Math.round(box!.width + side)).toBe(page.viewportSize()!.width);
  await expect(app.heading).toContainText('口罩地圖');
  await expect(app.map.loadedTiles.first()).toBeVisible();
  expect(app.tileRequests).toBeGreaterThan(0);

  expect(app.pageErrors).toEqual([]);
  expect(app.failedRequests).toEqual([]);
  expect(app.offsiteRequests).toEqual([]);
  await app.screenshot('default', info.project.name);
});

test('Leaflet, its CSS and marker images are served by the app itself', async ({ page, request }) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none' });
  await app.settled();
  expect(await app.leafletVersion()).toBe('1.9.4');
  for (const path of ['vendor/leaflet/leaflet.js', 'vendor/leaflet/leaflet.css', 'vendor/leaflet/images/marker-icon.png']) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
  expect(app.offsiteRequests).toEqual([]);
  await expect(app.map.tiles).toHaveCount(0);
});

test('a feed URL that is not found gives a readable error and a retry', async ({ page }, info) => {
  const app = new MapPage(page);
  await app.goto({ feed: 'data/no-such-feed.json', lang: 'en' });
  expect(await app.settled()).toBe('error');
  await expect(app.feedStatus).toContainText("The stock data wasn't found (the server said 404).");
  await expect(app.feedStatus).toHaveAttribute('data-count', '0');
  expect(await app.shownCount()).toBe(0);
  await app.retry();
  expect(await app.settled()).toBe('error');
  expect(app.pageErrors).toEqual([]);
  await app.screenshot('feed-404', info.project.name);
});

test('content that is not a feed, and a server that is not there, each say so', async ({ page }) => {
  const app = new MapPage(page);
  await app.goto({ feed: 'favicon.svg', lang: 'en' });
  expect(await app.settled()).toBe('error');
  await expect(app.feedStatus).toContainText("What came back isn't stock data this map can read.");

  const offline = new MapPage(await page.context().newPage());
  await offline.goto({ feed: 'http://127.0.0.1:9/points.json' });
  expect(await offline.settled()).toBe('error');
  await expect(offline.feedStatus).toContainText('無法連上庫存資料來源');
  expect([...app.pageErrors, ...offline.pageErrors]).toEqual([]);
});

test('bad link parameters are reported while the good ones still apply', async ({ page }, info) => {
  const app = new MapPage(page);
  const expected = expectedDefault();
  await app.goto({ lang: 'en', zoom: 'banana', feed: 'javascript:alert(1)', mode: 'kiosk' });

  await expect(app.linkProblems).toBeVisible();
  await expect(app.linkProblems).toContainText('zoom=“banana”: must be a whole number from 0 to 19');
  await expect(app.linkProblems).toContainText('feed=“javascript:alert(1)”: must be an http(s) or relative URL');
  await expect(app.heading).toContainText('Mask Map');
  await expect(app.root).toHaveAttribute('lang', 'en');
  await expect(app.shell).toHaveClass(/app--kiosk/);
  // The refused feed falls back to the default one, which still loads.
  expect(await app.settled()).toMatch(/^(ok|stale)$/);
  await expect(app.feedStatus).toHaveAttribute('data-count', String(expected.count));
  await app.screenshot('link-problems', info.project.name);

  await app.dismissLinkProblems();
  await expect(app.linkProblems).toHaveCount(0);
  expect(app.pageErrors).toEqual([]);
});

test('a pharmacy name with markup in it is shown as text and runs nothing', async ({ page }) => {
  const hostile = '<img src=x onerror="window.__injected=1">藥局';
  const doc = readSnapshot(KIANG);
  doc.features[0].properties.name = hostile;
  doc.features[0].properties.id = '<b id="injected">x</b>';
  await page.route('**/hostile.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(doc) }));
  const app = new MapPage(page);
  // Zoomed in past clustering, on the pharmacy with the hostile name.
  const [lng, lat] = doc.features[0].geometry.coordinates;
  await app.goto({ feed: 'hostile.json', tiles: 'none', lat: String(lat), lng: String(lng), zoom: '18' });

  expect(await app.settled()).toMatch(/^(ok|stale)$/);
  const marker = app.map.pinsTitledFrom('<img');
  await expect(marker).toHaveAttribute('title', hostile);
  await expect(app.map.codesFrom('<b')).toHaveAttribute('data-id', '<b id="injected">x</b>');
  // Its details show the same characters, as text.
  await marker.click();
  await expect(app.details.name).toHaveText(hostile);
  await expect(app.markupFromFeed).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__injected)).toBeUndefined();
  expect(app.pageErrors).toEqual([]);
});

test('a link can centre and zoom the map', async ({ page }) => {
  const app = new MapPage(page);
  // 花蓮市, where the snapshot's first pharmacy is.
  await app.goto({ feed: `data/${KIANG}`, lat: '23.9755', lng: '121.6045', zoom: '18', tiles: 'none' });
  await app.settled();
  const first = readSnapshot(KIANG).features[0].properties.id;
  await expect(app.map.pin(first)).toBeInViewport();
  expect(await app.linkProblems.count()).toBe(0);
});

test('clicking a cluster zooms in until it splits', async ({ page }, info) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none' });
  await app.settled();
  const before = await app.zoom();
  const cluster = app.clusters.first();
  const count = Number(await cluster.getAttribute('data-count'));
  expect(count).toBeGreaterThan(1);
  await cluster.click();
  await expect.poll(() => app.zoom()).toBeGreaterThan(before);
  await app.screenshot('cluster-zoomed', info.project.name);
  expect(app.pageErrors).toEqual([]);
});

test('selecting a pharmacy shows its details: stock, phone, hours, notes, directions', async ({ page }, info) => {
  const doc = readSnapshot(KIANG);
  const first = doc.features[0];
  const props = first.properties;
  const [lng, lat] = first.geometry.coordinates;
  const app = new MapPage(page);
  await app.goto({ feed: `data/${KIANG}`, lat: String(lat), lng: String(lng), zoom: '18', lang: 'en' });
  await app.settled();
  await app.map.pin(props.id).click();

  const details = app.details;
  await expect(details.element).toHaveAttribute('data-id', props.id);
  await expect(details.name).toHaveText(props.name);
  await expect(details.element).toContainText(props.address);
  await expect(details.phoneLink).toHaveAttribute('href', `tel:${props.phone.replace(/\D/g, '')}`);
  await expect(details.stock('adult')).toContainText(String(props.mask_adult));
  await expect(details.stock('child')).toContainText(String(props.mask_child));
  await expect(details.notes).toContainText(props.note);
  // service_periods: 21 flags, N = open; the grid shows 7 days × 3 periods.
  const openCells = [...props.service_periods].filter((c: string) => c === 'N').length;
  await expect(details.openPeriods).toHaveCount(openCells);
  await expect(details.googleDirections).toHaveAttribute('href', new RegExp(`destination=${lat},${lng}$`));
  await expect(details.appleDirections).toBeVisible();
  await expect(details.osmDirections).toBeVisible();
  await app.screenshot('details', info.project.name);

  await details.close();
  await expect(details.element).toHaveCount(0);
  expect(app.pageErrors).toEqual([]);
});

test('a pin is a button named with its stock, Enter opens it, and Space on a cluster zooms in', async ({ page }) => {
  const first = readSnapshot(KIANG).features[0];
  const [lng, lat] = first.geometry.coordinates;
  const app = new MapPage(page);
  await app.goto({ feed: `data/${KIANG}`, lat: String(lat), lng: String(lng), zoom: '18', lang: 'en', tiles: 'none' });
  await app.settled();
  const pin = app.map.pin(first.properties.id);
  const words: Record<string, string> = { plenty: 'plenty', some: 'some', few: 'few left', none: 'sold out', unknown: 'unknown' };
  const level = (await pin.getAttribute('data-stock'))!;
  await expect(pin).toHaveAccessibleName(`${first.properties.name}, ${words[level]}`);
  await pin.focus();
  await page.keyboard.press('Enter');
  await expect(app.details.element).toHaveAttribute('data-id', first.properties.id);

  await app.goto({ tiles: 'none', lang: 'en' });
  await app.settled();
  const before = await app.zoom();
  await app.clusters.first().focus();
  await page.keyboard.press(' ');
  await expect.poll(() => app.zoom()).toBeGreaterThan(before);
  expect(app.pageErrors).toEqual([]);
});

test('a cluster keeps its ring when a drag starts on it (Leaflet turns a pressed marker\'s outline off)', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', "Leaflet does it on a mouse's press");
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lat: '25.04', lng: '121.53', zoom: '12' });
  await app.settled();
  const cluster = await app.map.sameElement(app.clusters.nth(1));
  const style = await app.map.ringOf(cluster);
  expect(['solid', 'dashed', 'dotted']).toContain(style);
  await app.map.dragFrom(cluster, 30, 20);
  await page.waitForTimeout(300);
  expect(await app.map.ringOf(cluster)).toBe(style);
});

test('a drag restyles only what is under the pointer, not every marker; markers keep their pointer and the map its grab cursor', async ({ page, browser }, info) => {
  test.skip(info.project.name !== 'desktop', 'a mouse drag and its cursors');
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lat: '25.04', lng: '121.53', zoom: '14' });
  await app.settled();
  const onMap = (await app.clusters.count()) + (await app.markers.count());
  expect(onMap).toBeGreaterThan(20);
  expect(await app.map.cursorOver(app.clusters.first())).toBe('pointer');
  expect(await app.map.cursorOver(app.markers.first())).toBe('pointer');
  expect(await app.map.cursor()).toBe('grab');
  // Leaflet marks document.body as dragging when a drag starts: the browser
  // restyles whatever its rules for that class reach (Chromium's trace counts them).
  const box = await app.map.box();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30, { steps: 5 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await app.map.dragging()).toBe(true);
  const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  await page.mouse.up();
  const restyled = events.filter((e: any) => e.name === 'UpdateLayoutTree').map((e: any) => e.args?.elementCount ?? 0);
  expect(restyled.length, 'the drag was traced').toBeGreaterThan(0);
  expect(Math.max(...restyled), `elements restyled at once, with ${onMap} markers on the map`).toBeLessThan(onMap / 4);
  expect(app.pageErrors).toEqual([]);
});

test('panning keeps the markers that stay in view: the same elements, not rebuilt', async ({ page }) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lat: '25.04', lng: '121.53', zoom: '12' });
  await app.settled();
  // Mark each cluster element and note where it is.
  const marked = await app.map.markClusters();
  expect(marked).toBeGreaterThan(3);
  await app.map.drag(40, 30);
  await page.waitForTimeout(600);
  // The clusters still in view are the very same elements, carried by the pan.
  const moves = await app.map.clusterMoves();
  expect(moves.length, 'most markers were kept').toBeGreaterThan(marked / 2);
  for (const [dx, dy] of moves) {
    expect(Math.hypot(dx, dy), 'the map really panned').toBeGreaterThan(20);
  }
  expect(app.pageErrors).toEqual([]);
});

// The list: every pharmacy matching the filters, searchable the way people
// type, on the default real snapshot (2020-03-03 NHIA CSV).
import { test, expect } from '@playwright/test';
import { MapPage } from '../pages/map-page';
import { DEFAULT_FEED, DEFAULT_REGISTRY, csvRows, expectedDefault, readData, readSnapshot } from '../support/data';

test('search finds a pharmacy by a half-width fragment of its full-width address', async ({ page }, info) => {
  // From the raw file: 0145080011,衛生福利部花蓮醫院豐濱原住民分院,花蓮縣豐濱鄉豐濱村光豐路４１號,…
  const row = readData(DEFAULT_FEED).toString('utf8').split(/\r?\n/).find((l) => l.startsWith('0145080011,'))!.split(',');
  expect(row[2]).toContain('光豐路４１號');
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en' });
  await app.settled();
  const list = app.list;
  await list.open();
  await expect(list.count).toHaveAttribute('data-count', String(6588));

  await list.search('光豐路41');
  await expect(list.item('0145080011')).toBeVisible();
  await expect(list.items.first()).toContainText(row[1]);
  // 台 and 臺 find the same pharmacies.
  await list.search('台北市 大安區');
  const tai = await list.shownCount();
  await list.search('臺北市 大安區');
  await expect(list.count).toHaveAttribute('data-count', String(tai));
  expect(tai).toBeGreaterThan(50);
  await app.screenshot('list', info.project.name);

  // Selecting one opens its details.
  await list.search('0145080011');
  await list.choose(row[1]);
  await expect(app.details.element).toHaveAttribute('data-id', '0145080011');
  expect(app.pageErrors).toEqual([]);
});

/** The default feed's rows. */
const maskRows = () => csvRows(DEFAULT_FEED);

/** The search's folding, written again: full-width ASCII to half-width, 台 to 臺, lower case. */
function fold(text: string): string {
  return [...text]
    .map((c) => {
      const code = c.codePointAt(0)!;
      if (code >= 0xff01 && code <= 0xff5e) return String.fromCodePoint(code - 0xfee0);
      if (code === 0x3000) return ' ';
      return c === '台' ? '臺' : c;
    })
    .join('')
    .toLowerCase();
}

/** Metres between two [lat, lng] on the sphere the app's haversine uses. */
function metres([lat1, lng1]: number[], [lat2, lng2]: number[]): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}

/** Whether each row's place follows the one before, and every row says how many match. */
function consecutive(positions: [number, number][], total: number) {
  expect(positions.length).toBeGreaterThan(0);
  expect(positions.map(([, size]) => size)).toEqual(positions.map(() => total));
  expect(positions.map(([at]) => at)).toEqual(positions.map((_, i) => positions[0][0] + i));
}

test('only the rows in view are in the page, and every matching pharmacy can be scrolled to', async ({ page }, info) => {
  const total = expectedDefault().count;
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en' });
  await app.settled();
  const list = app.list;
  await list.open();
  await expect(list.count).toHaveAttribute('data-count', String(total));
  // A screenful and a few more, not thousands (nor a cut-off hundred).
  expect(await list.items.count()).toBeLessThanOrEqual(60);
  let positions = await list.positions();
  consecutive(positions, total);
  expect(positions[0][0]).toBe(1);
  await expect(list.items.first()).toBeInViewport();
  await app.screenshot('list-open', info.project.name);

  // The middle, then the end, as a reader dragging the scroll bar.
  // A jump brings its rows in a few a frame: the view fills up.
  await list.scrollTo(0.5);
  await expect.poll(async () => (await list.positions())[0][0]).toBeGreaterThan(total / 2 - 60);
  await expect.poll(async () => (await list.positions()).at(-1)![0]).toBeGreaterThan(total / 2);
  positions = await list.positions();
  consecutive(positions, total);
  await list.scrollTo(1);
  await expect.poll(async () => (await list.positions()).at(-1)![0]).toBe(total);
  consecutive(await list.positions(), total);
  expect(await list.items.count()).toBeLessThanOrEqual(60);
  await expect(list.items.last()).toBeInViewport();
  expect(app.pageErrors).toEqual([]);
});

test('while the list covers the map, the map is not drawn, and closing the list brings it back as it was', async ({ page }) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', at: '25.0336,121.5648' });
  await app.settled();
  const clusters = await app.map.clusters.count();
  expect(clusters).toBeGreaterThan(0);
  await expect(app.map.clusters.first()).toBeVisible();
  await expect(app.nearest.items.first()).toBeVisible();
  await app.list.open();
  // Hidden, not just covered: a scroll of the list lays out and paints the list alone.
  await expect(app.map.clusters.first()).toBeHidden();
  await expect(app.nearest.items.first()).toBeHidden();
  await app.list.close();
  await expect(app.list.element).toBeHidden();
  await expect(app.map.clusters.first()).toBeVisible();
  await expect(app.nearest.items.first()).toBeVisible();
  expect(await app.map.clusters.count()).toBe(clusters);
  expect(app.pageErrors).toEqual([]);
});

test('the keyboard walks the list a pharmacy at a time, past the rows first rendered', async ({ page }) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en' });
  await app.settled();
  const list = app.list;
  await list.open();
  const rendered = await list.items.count();
  await list.nameIn(list.items.first()).focus();
  expect(await list.focusedPosition()).toBe(1);
  // Tab through more rows than were in the page: each next row is there,
  // and the focus stays on the row it was on while the list scrolls.
  for (let at = 2; at <= rendered + 10; at++) {
    await page.keyboard.press('Tab');
    await expect.poll(() => list.focusedPosition()).toBe(at);
  }
  expect(await list.items.count()).toBeLessThanOrEqual(60);
});

test('a search narrows the count to the pharmacies whose name, address or code hold every word', async ({ page }) => {
  const words = ['臺北市', '大安區'];
  const expected = maskRows().filter((r) => words.every((w) => fold(`${r[1]} ${r[2]} ${r[0]}`).includes(w))).length;
  expect(expected).toBeGreaterThan(60);
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en' });
  await app.settled();
  const list = app.list;
  await list.open();
  // Typed a word at a time, as people type: each answer is the right one.
  await list.search('台北市');
  const taipei = maskRows().filter((r) => fold(`${r[1]} ${r[2]} ${r[0]}`).includes('臺北市')).length;
  await expect(list.count).toHaveAttribute('data-count', String(taipei));
  await list.search('台北市 大安區');
  await expect(list.count).toHaveAttribute('data-count', String(expected));
  consecutive(await list.positions(), expected);
  await list.scrollTo(1);
  await expect.poll(async () => (await list.positions()).at(-1)![0]).toBe(expected);
  consecutive(await list.positions(), expected);
});

test('with a location the list is nearest first, and the pharmacies off the map come last', async ({ page }, info) => {
  const at = [25.0336, 121.5648];
  const registry = new Map<string, number[]>(
    readSnapshot(DEFAULT_REGISTRY).features.map((f: any) => [String(f.properties.id), [f.geometry.coordinates[1], f.geometry.coordinates[0]]]),
  );
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', at: at.join(',') });
  await app.settled();
  const list = app.list;
  await list.open();
  const distances = (await list.codes()).map((code) => metres(at, registry.get(code)!));
  const nearest = Math.min(...maskRows().filter((r) => registry.has(r[0])).map((r) => metres(at, registry.get(r[0])!)));
  expect(distances[0]).toBeCloseTo(nearest, 3);
  expect(distances).toEqual([...distances].sort((a, b) => a - b));
  await app.screenshot('list-nearest', info.project.name);
  // The last rows: pharmacies the registry does not place.
  await list.scrollTo(1);
  await expect.poll(async () => (await list.positions()).at(-1)![0]).toBe(expectedDefault().count);
  for (const code of (await list.codes()).slice(-3)) expect(registry.has(code)).toBe(false);
});

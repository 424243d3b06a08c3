// Filters as a citizen uses them on the default real snapshot (the 2020-03-03
// NHIA CSV placed by the registry): each changes what the map shows at once
// and the address, and the address brings the same view back.
import { test, expect } from '@playwright/test';
import { MapPage } from '../pages/map-page';
import { DEFAULT_FEED, DEFAULT_REGISTRY, maskCsvLocatedRows } from '../support/data';

const rows = () => maskCsvLocatedRows(DEFAULT_FEED, DEFAULT_REGISTRY);
const inTaipei = (r: string[]) => /^[臺台]北市/.test(r[2]);

test('stock, county and town filters change the map and the address, and a link restores them', async ({ page }, info) => {
  const app = new MapPage(page);
  // Zoom 6: all of Taiwan in view on any screen, so the map shows every pharmacy that passes.
  await app.goto({ tiles: 'none', zoom: '6', lang: 'en' });
  await app.settled();
  await expect.poll(() => app.shownCount()).toBe(rows().length);

  // On a phone the filters fold behind one button.
  const filters = app.filters;
  const toggle = filters.toggle;
  if (info.project.name === 'phone') {
    await expect(filters.element).toBeHidden();
    await filters.unfold();
  } else {
    await expect(toggle).toBeHidden();
  }
  await filters.showOnlyWithStock();
  const withAdultStock = rows().filter((r) => Number(r[4]) > 0).length;
  await expect.poll(() => app.shownCount()).toBe(withAdultStock);
  await expect(page).toHaveURL(/instock=1/);

  await filters.chooseCounty('臺北市');
  await expect.poll(() => app.shownCount()).toBe(rows().filter((r) => Number(r[4]) > 0 && inTaipei(r)).length);
  await expect(page).toHaveURL(/county=%E8%87%BA%E5%8C%97%E5%B8%82/);

  await filters.chooseTown('大安區');
  const daan = rows().filter((r) => Number(r[4]) > 0 && inTaipei(r) && r[2].includes('市大安區')).length;
  await expect.poll(() => app.shownCount()).toBe(daan);
  expect(daan).toBeGreaterThan(10);

  await filters.chooseProduct('child');
  await expect(page).toHaveURL(/product=child/);
  const daanChild = rows().filter((r) => Number(r[5]) > 0 && inTaipei(r) && r[2].includes('市大安區')).length;
  await expect.poll(() => app.shownCount()).toBe(daanChild);

  // The address reproduces the view.
  await app.reload();
  await app.settled();
  if (info.project.name === 'phone') {
    await expect(toggle).toHaveText('Filters (2)');
    await filters.unfold();
  }
  await expect(filters.onlyWithStock).toBeChecked();
  await expect(filters.county).toHaveValue('臺北市');
  await expect(filters.town).toHaveValue('大安區');
  await expect(filters.product).toHaveValue('child');
  await expect.poll(() => app.shownCount()).toBe(daanChild);
  await app.screenshot('filters', info.project.name);
  expect(app.pageErrors).toEqual([]);
});

test('on a slow phone, after a filter change the map says it is drawn only when its markers match the filter', async ({ page }, info) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', zoom: '6', lang: 'en' });
  await app.settled();
  // Before: clusters that hold sold-out pharmacies (the real snapshot has many).
  const mixed = await app.map.clustersWithSoldOut();
  expect(mixed).toBeGreaterThan(0);
  // Each time the map says "drawn", note any cluster that still holds a sold-out pharmacy.
  await app.map.recordDrawnStates();
  if (info.project.name === 'phone') await app.filters.unfold();
  // A CPU 20 times slower (the index is then rebuilt over several tasks),
  // and a pan still being drawn when the filter changes.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await app.map.drag(30, 20, 3);
  await app.filters.showOnlyWithStock();
  await expect(app.map.element).toHaveAttribute('data-drawn', 'true', { timeout: 60_000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const states = await app.map.drawnStates();
  // From the change on, it said "still drawing", and each "drawn" came with
  // no sold-out pharmacy in any cluster.
  const after = states.slice(states.indexOf('filter changed') + 1);
  expect(states).toContain('filter changed');
  expect(after.some((s) => s.startsWith('false:')), JSON.stringify(states)).toBe(true);
  expect(after.filter((s) => s.startsWith('true:')), JSON.stringify(states)).not.toHaveLength(0);
  expect(after.filter((s) => s.startsWith('true:') && s !== 'true:0'), JSON.stringify(states)).toEqual([]);
  expect(app.pageErrors).toEqual([]);
});

test("a new feed's first clusters are drawn before the filter bar, list and footer take it in", async ({ page }) => {
  // When each first appears: a cluster on the map, a county among the filter's choices.
  const app = new MapPage(page);
  await app.noteFirstClusterAndCounty('臺北市');
  await app.goto({ tiles: 'none', lang: 'en' });
  await app.settled();
  await expect(app.filters.countyChoice('臺北市')).toBeAttached();
  const seen = await app.firstClusterAndCounty();
  expect(seen.cluster).toBeDefined();
  expect(seen.county).toBeDefined();
  expect(seen.cluster).toBeLessThan(seen.county);
});

test('on a page kept busy by another script (a news site embedding the map), the filter bar still takes the feed in', async ({ page }) => {
  // Back-to-back tasks of normal priority, as a busy host page on the same
  // main thread makes: a task of background priority alone would wait forever.
  const app = new MapPage(page);
  await app.keepMainThreadBusy();
  await app.goto({ tiles: 'none', lang: 'en' });
  await app.settled();
  await expect(app.filters.countyChoice('臺北市')).toBeAttached({ timeout: 10_000 });
});

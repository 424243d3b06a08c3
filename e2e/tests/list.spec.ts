// The list: every pharmacy matching the filters, searchable the way people
// type, on the default real snapshot (2020-03-03 NHIA CSV).
import { test, expect } from '@playwright/test';
import { MapPage } from '../pages/map-page';
import { DEFAULT_FEED, readData } from '../support/data';

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

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
  await page.getByRole('button', { name: 'List' }).click();
  const list = page.getByTestId('list');
  await expect(page.getByTestId('list-count')).toHaveAttribute('data-count', String(6588));

  await page.getByTestId('list-search').fill('光豐路41');
  await expect(list.locator('[data-testid=list-item][data-id="0145080011"]')).toBeVisible();
  await expect(list.getByTestId('list-item').first()).toContainText(row[1]);
  // 台 and 臺 find the same pharmacies.
  await page.getByTestId('list-search').fill('台北市 大安區');
  const tai = Number(await page.getByTestId('list-count').getAttribute('data-count'));
  await page.getByTestId('list-search').fill('臺北市 大安區');
  await expect(page.getByTestId('list-count')).toHaveAttribute('data-count', String(tai));
  expect(tai).toBeGreaterThan(50);
  await app.screenshot('list', info.project.name);

  // Selecting one opens its details.
  await page.getByTestId('list-search').fill('0145080011');
  await list.getByRole('button', { name: row[1] }).click();
  await expect(page.getByTestId('details')).toHaveAttribute('data-id', '0145080011');
  expect(app.pageErrors).toEqual([]);
});

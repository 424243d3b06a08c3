// "Where is the nearest pharmacy with stock?" from a kiosk or shared link
// (at=), on the default real snapshot (2020-03-03 NHIA CSV + registry).
// Distances are computed here with an independent haversine.
import { test, expect } from '@playwright/test';
import { MapPage } from '../pages/map-page';
import { DEFAULT_FEED, DEFAULT_REGISTRY, maskCsvLocatedRows, readSnapshot } from '../support/data';

function haversine(a: [number, number], b: [number, number]) {
  const r = 6_371_008.8;
  const rad = (d: number) => (d * Math.PI) / 180;
  const [p1, p2] = [rad(a[0]), rad(b[0])];
  const h = Math.sin((p2 - p1) / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(rad(b[1] - a[1]) / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}

test('with at= the nearest pharmacies with stock are listed with their true distances', async ({ page }, info) => {
  const at: [number, number] = [25.0478, 121.517]; // 臺北車站
  const places = new Map<string, [number, number]>(
    readSnapshot(DEFAULT_REGISTRY).features.map((f: any) => [f.properties.id, [f.geometry.coordinates[1], f.geometry.coordinates[0]]]),
  );
  const expected = maskCsvLocatedRows(DEFAULT_FEED, DEFAULT_REGISTRY)
    .filter((r) => Number(r[4]) > 0)
    .map((r) => ({ code: r[0], metres: haversine(at, places.get(r[0])!) }))
    .sort((a, b) => a.metres - b.metres || a.code.localeCompare(b.code))
    .slice(0, 5);

  const app = new MapPage(page);
  await app.goto({ tiles: 'none', at: at.join(','), lang: 'en' });
  await app.settled();
  const items = page.getByTestId('nearest-item');
  await expect(items).toHaveCount(5);
  expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(expected.map((e) => e.code));
  const metres = await items.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-distance-m'))));
  metres.forEach((m, i) => expect(Math.abs(m - expected[i].metres)).toBeLessThanOrEqual(1));
  await expect(items.first()).toContainText(expected[0].metres < 1000 ? `${Math.round(expected[0].metres)} m` : 'km');
  await expect(page.locator('.leaflet-marker-icon.here')).toHaveAttribute('title', 'Your location');

  // Selecting one opens its details.
  await items.first().getByRole('button').click();
  await expect(page.getByTestId('details')).toHaveAttribute('data-id', expected[0].code);
  await app.screenshot('nearest', info.project.name);
  expect(app.pageErrors).toEqual([]);
});

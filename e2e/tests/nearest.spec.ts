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

/** The 5 nearest located pharmacies with adult stock, from the raw files. */
function expectedNearest(at: [number, number]) {
  const places = new Map<string, [number, number]>(
    readSnapshot(DEFAULT_REGISTRY).features.map((f: any) => [f.properties.id, [f.geometry.coordinates[1], f.geometry.coordinates[0]]]),
  );
  return maskCsvLocatedRows(DEFAULT_FEED, DEFAULT_REGISTRY)
    .filter((r) => Number(r[4]) > 0)
    .map((r) => ({ code: r[0], metres: haversine(at, places.get(r[0])!) }))
    .sort((a, b) => a.metres - b.metres || a.code.localeCompare(b.code))
    .slice(0, 5);
}

test('with at= the nearest pharmacies with stock are listed with their true distances', async ({ page }, info) => {
  const at: [number, number] = [25.0478, 121.517]; // 臺北車站
  const expected = expectedNearest(at);

  const app = new MapPage(page);
  await app.goto({ tiles: 'none', at: at.join(','), lang: 'en' });
  await app.settled();
  const nearest = app.nearest;
  await expect(nearest.items).toHaveCount(5);
  expect(await nearest.codes()).toEqual(expected.map((e) => e.code));
  const metres = await nearest.distances();
  metres.forEach((m, i) => expect(Math.abs(m - expected[i].metres)).toBeLessThanOrEqual(1));
  await expect(nearest.item(0)).toContainText(expected[0].metres < 1000 ? `${Math.round(expected[0].metres)} m` : 'km');
  await expect(app.map.here).toHaveAttribute('title', 'Your location');

  // Selecting one opens its details and highlights it, in view, on the map.
  await nearest.open(0);
  await expect(app.details.element).toHaveAttribute('data-id', expected[0].code);
  await expect(app.map.selectedPin(expected[0].code)).toBeInViewport();
  await app.screenshot('nearest', info.project.name);
  expect(app.pageErrors).toEqual([]);
});

test.describe('with the location granted', () => {
  // 高雄車站
  test.use({ geolocation: { latitude: 22.6394, longitude: 120.3021 }, permissions: ['geolocation'] });

  test('"use my location" lists the nearest from the device\'s position', async ({ page }) => {
    const app = new MapPage(page);
    await app.goto({ tiles: 'none', lang: 'en' });
    await app.settled();
    const nearest = app.nearest;
    await expect(nearest.element).toContainText('Choose a location');
    await expect(nearest.items).toHaveCount(0);
    await nearest.useMyLocation();
    const expected = expectedNearest([22.6394, 120.3021]);
    await expect(nearest.items).toHaveCount(5);
    expect(await nearest.codes()).toEqual(expected.map((e) => e.code));
    await expect(app.map.here).toHaveCount(1);
    expect(app.pageErrors).toEqual([]);
  });
});

test('denied location says so and offers picking a place on the map, which works', async ({ page, context }) => {
  await context.clearPermissions();
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en' });
  await app.settled();
  const nearest = app.nearest;
  await nearest.useMyLocation();
  await expect(nearest.locateProblem).toContainText('Location permission was not given');
  await expect(nearest.items).toHaveCount(0);

  await nearest.pickOnMap();
  // An empty spot near the top-left of the map (clusters sit over the island).
  await app.map.clickAt(60, 200);
  await expect(nearest.items).toHaveCount(5);
  await expect(app.map.here).toHaveCount(1);
  expect(app.pageErrors).toEqual([]);
});

test('a kiosk never asks for the device location', async ({ page }) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', mode: 'kiosk', at: '25.0478,121.517' });
  await app.settled();
  await expect(app.nearest.items).toHaveCount(5);
  await expect(app.nearest.useMyLocationButton).toHaveCount(0);
});

test('nearest= sets how many are listed, and a chosen county gives a place to measure from', async ({ page }) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', nearest: '3', county: '澎湖縣' });
  await app.settled();
  await expect(app.nearest.items).toHaveCount(0);
  await app.nearest.useAreaCentre();
  await expect(app.nearest.items).toHaveCount(3);
  // With the county filter on, all three are in 澎湖縣, within reach of its centre.
  const metres = await app.nearest.distances();
  metres.forEach((m) => expect(m).toBeLessThan(20_000));
  await expect(app.map.here).toHaveCount(1);
});

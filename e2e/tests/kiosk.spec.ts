// A kiosk in a district office: a 1080×1920 portrait touch screen with its
// own place (at=, 臺北車站), no keyboard, many visitors. Default real
// snapshot (2020-03-03 NHIA CSV + registry) and the bundled rules.
import { test, expect, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { MapPage } from '../pages/map-page';
import { readSnapshot, DEFAULT_REGISTRY } from '../support/data';

const AT = '25.0478,121.517';

async function tapDigit(page: Page, digit: number) {
  await page.locator(`.digit-pad [data-digit="${digit}"]`).tap();
}

test('the ID is typed on the digit pad, never a keyboard, and nothing is remembered', async ({ page }, info) => {
  // A previous visitor on this device had remembered a parity and a purchase.
  await page.addInitScript(() => {
    localStorage.setItem('mask-map.parity', 'odd');
    localStorage.setItem('mask-map.last-purchase.adult', '2020-02-09');
  });
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', mode: 'kiosk', at: AT, date: '2020-02-11' });
  await app.settled();
  const result = page.getByTestId('eligibility-result');
  await expect(page.getByTestId('eligibility')).toBeVisible();
  await expect(result).not.toHaveAttribute('data-verdict');
  await expect(page.getByTestId('remember-parity')).toHaveCount(0);
  await expect(page.getByTestId('last-purchase')).toHaveCount(0);
  const input = page.getByTestId('eligibility-input');
  await expect(input).toHaveAttribute('readonly', '');
  await expect(input).toHaveAttribute('inputmode', 'none');
  await tapDigit(page, 3);
  await expect(input).toHaveValue('3');
  await expect(result).toHaveAttribute('data-verdict', 'no');
  await expect(result).toHaveAttribute('data-next', '2020-02-12');
  await tapDigit(page, 0);
  await expect(result).toHaveAttribute('data-verdict', 'yes');
  // Large enough to hit standing up.
  const key = await page.locator('.digit-pad [data-digit="5"]').boundingBox();
  expect(key!.height).toBeGreaterThanOrEqual(64);
  await app.screenshot('eligibility', info.project.name);
  // Sources are text, not links that would leave the app.
  await expect(page.getByTestId('eligibility').locator('a')).toHaveCount(0);
  // Closing the panel drops what was typed.
  await page.getByTestId('eligibility').getByRole('button', { name: 'Close' }).tap();
  await page.getByTestId('buy-today').tap();
  await expect(input).toHaveValue('');
});

test('directions are a QR code that scans to the pharmacy\'s directions; no link leaves the kiosk', async ({ page }, info) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', mode: 'kiosk', at: AT });
  await app.settled();
  const first = page.getByTestId('nearest-item').first();
  const code = await first.getAttribute('data-id');
  await first.locator('.nearest-item__name').tap();
  const qr = page.getByTestId('details').getByTestId('directions-qr');
  await expect(qr).toBeVisible();

  // Decode the drawn code from pixels, as a phone camera would.
  const png = PNG.sync.read(await qr.locator('svg').screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  const place = readSnapshot(DEFAULT_REGISTRY).features.find((f: any) => f.properties.id === code);
  const [lng, lat] = place.geometry.coordinates;
  expect(decoded?.data).toBe(`https://www.google.com/maps/dir/?api=1&destination=${lat},${lng}`);
  await expect(qr).toHaveAttribute('data-url', decoded!.data);

  // Nothing on screen links away: not the details, the nearest list, nor Leaflet's credit.
  const outbound = await page.locator('a[href]').evaluateAll((as) =>
    as.map((a) => (a as HTMLAnchorElement).href).filter((h) => !h.startsWith(location.origin)),
  );
  expect(outbound).toEqual([]);
  await app.screenshot('details-qr', info.project.name);
});

test('after the idle time without a touch, the kiosk resets and nothing of the visitor stays', async ({ page }, info) => {
  await page.clock.install({ time: new Date('2020-02-11T02:00:00Z') });
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', mode: 'kiosk', at: AT, idle: '30' });
  await app.settled();
  const startZoom = await app.zoom();

  // A visitor: types a digit, filters, opens a pharmacy, zooms out.
  await page.getByTestId('buy-today').tap();
  await tapDigit(page, 7);
  await expect(page.getByTestId('eligibility-result')).toHaveAttribute('data-verdict', 'no');
  await page.getByLabel('Only with stock').check();
  await page.getByTestId('nearest-item').first().locator('.nearest-item__name').tap();
  await expect(page.getByTestId('details')).toBeVisible();
  await page.locator('.leaflet-control-zoom-out').tap();
  await expect.poll(() => app.zoom()).not.toBe(startZoom);
  await expect(page).toHaveURL(/instock=1/);

  // 20 s later the visitor is still there: nothing resets.
  await page.clock.fastForward(20_000);
  await expect(page.getByTestId('details')).toBeVisible();
  // A touch restarts the count; 29 s after it, still nothing.
  await page.getByTestId('details').tap();
  await page.clock.fastForward(29_000);
  await expect(page.getByTestId('details')).toBeVisible();
  // Then the idle time passes.
  await page.clock.fastForward(2_000);
  await expect(page.getByTestId('details')).toHaveCount(0);
  await expect(page.getByTestId('eligibility')).toHaveCount(0);
  await expect(page.getByLabel('Only with stock')).not.toBeChecked();
  await expect(page).not.toHaveURL(/instock=1/);
  await expect.poll(() => app.zoom()).toBe(startZoom);
  await page.getByTestId('buy-today').tap();
  await expect(page.getByTestId('eligibility-input')).toHaveValue('');
  await app.screenshot('after-reset', info.project.name);
});

test('a kiosk in Chinese reads at a distance', async ({ page }, info) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', mode: 'kiosk', at: AT, date: '2020-02-11' });
  await app.settled();
  await tapDigit(page, 4);
  await expect(page.getByTestId('eligibility-result')).toContainText('可以購買');
  await app.screenshot('zh', info.project.name);
});

// On a phone, the eligibility answer and the nearest pharmacies share a
// bottom sheet that is dragged (or tapped) between a peek and full height;
// a wide screen shows them in a side panel. Default real snapshot.
import { test, expect } from '@playwright/test';
import { MapPage } from '../pages/map-page';

test('the phone\'s bottom sheet drags between peek and full, and a tap or a key toggles it', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'a bottom sheet is a phone layout');
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', at: '25.0478,121.517' });
  await app.settled();
  const sheet = page.getByTestId('sheet');
  const handle = sheet.getByRole('button', { name: 'Show more' });
  await expect(sheet).toHaveAttribute('data-state', 'peek');
  const mapBox = (await app.map.boundingBox())!;
  const peek = (await sheet.boundingBox())!;
  // The peek leaves most of the map visible and shows the nearest list.
  expect(peek.height).toBeLessThan(mapBox.height * 0.5);
  await expect(page.getByTestId('nearest-item').first()).toBeInViewport();

  // Drag the handle up: full.
  const h = (await handle.boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x + h.width / 2, h.y - 300, { steps: 8 });
  await page.mouse.up();
  await expect(sheet).toHaveAttribute('data-state', 'full');
  await expect.poll(async () => (await sheet.boundingBox())!.height).toBeGreaterThan(mapBox.height * 0.9);
  await expect(sheet.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  await app.screenshot('sheet-full', info.project.name);

  // A small drag down springs back to full; a long one goes to the peek.
  const g = (await sheet.locator('.sheet__handle').boundingBox())!;
  await page.mouse.move(g.x + g.width / 2, g.y + g.height / 2);
  await page.mouse.down();
  await page.mouse.move(g.x + g.width / 2, g.y + 60, { steps: 4 });
  await page.mouse.up();
  await expect(sheet).toHaveAttribute('data-state', 'full');
  await page.mouse.move(g.x + g.width / 2, g.y + g.height / 2);
  await page.mouse.down();
  await page.mouse.move(g.x + g.width / 2, g.y + 450, { steps: 8 });
  await page.mouse.up();
  await expect(sheet).toHaveAttribute('data-state', 'peek');

  // A tap, and the keyboard, toggle it too.
  await sheet.locator('.sheet__handle').tap();
  await expect(sheet).toHaveAttribute('data-state', 'full');
  await sheet.locator('.sheet__handle').focus();
  await page.keyboard.press('Enter');
  await expect(sheet).toHaveAttribute('data-state', 'peek');

  // Opening the eligibility check brings the sheet up; closing it, down.
  await page.getByTestId('buy-today').tap();
  await expect(sheet).toHaveAttribute('data-state', 'full');
  await expect(page.getByTestId('eligibility-input')).toBeInViewport();
  await page.getByTestId('eligibility').getByRole('button', { name: 'Close' }).tap();
  await expect(sheet).toHaveAttribute('data-state', 'peek');
});

test('a wide screen puts the panels beside the map, which keeps its controls', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'a side panel is the wide layout');
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', at: '25.0478,121.517', date: '2020-02-11' });
  await app.settled();
  const side = (await page.getByTestId('sheet').boundingBox())!;
  const map = (await app.map.boundingBox())!;
  expect(side.x).toBe(0);
  expect(Math.round(map.x)).toBe(Math.round(side.width));
  await expect(page.locator('.sheet__handle')).toBeHidden();
  await expect(page.getByTestId('eligibility')).toBeVisible();
  await expect(page.getByTestId('nearest')).toBeVisible();
  await expect(page.locator('.leaflet-control-zoom-in')).toBeInViewport();
});

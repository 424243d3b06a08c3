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
  const sheet = app.sheet;
  await expect(sheet.element).toHaveAttribute('data-state', 'peek');
  await expect(sheet.showMoreButton).toBeVisible();
  const mapBox = await app.map.box();
  const peek = await sheet.box();
  // The peek leaves most of the map visible and shows the nearest list.
  expect(peek.height).toBeLessThan(mapBox.height * 0.5);
  await expect(app.nearest.item(0)).toBeInViewport();

  // Drag the handle up: full.
  await sheet.dragHandleTo(-300);
  await expect(sheet.element).toHaveAttribute('data-state', 'full');
  await expect.poll(() => sheet.height()).toBeGreaterThan(mapBox.height * 0.9);
  await expect(sheet.showLessButton).toHaveAttribute('aria-expanded', 'true');
  await app.screenshot('sheet-full', info.project.name);

  // A small drag down springs back to full; a long one goes to the peek.
  const full = await sheet.handleBox();
  await sheet.dragHandleTo(60, 4);
  await expect(sheet.element).toHaveAttribute('data-state', 'full');
  // Back where it was (a 0.2 s spring), so the next drag starts on the handle.
  await expect.poll(async () => (await sheet.handleBox()).y).toBeCloseTo(full.y, 0);
  await sheet.dragHandleTo(450);
  await expect(sheet.element).toHaveAttribute('data-state', 'peek');

  // A tap, and the keyboard, toggle it too.
  await sheet.tapHandle();
  await expect(sheet.element).toHaveAttribute('data-state', 'full');
  await sheet.toggleByKey();
  await expect(sheet.element).toHaveAttribute('data-state', 'peek');

  // Opening the eligibility check brings the sheet up; closing it, down.
  await app.eligibility.tapSummary();
  await expect(sheet.element).toHaveAttribute('data-state', 'full');
  await expect(app.eligibility.input).toBeInViewport();
  await app.eligibility.close({ tap: true });
  await expect(sheet.element).toHaveAttribute('data-state', 'peek');
});

test('a wide screen puts the panels beside the map, which keeps its controls', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'a side panel is the wide layout');
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', at: '25.0478,121.517', date: '2020-02-11' });
  await app.settled();
  const side = await app.sheet.box();
  const map = await app.map.box();
  expect(side.x).toBe(0);
  expect(Math.round(map.x)).toBe(Math.round(side.width));
  await expect(app.sheet.handle).toBeHidden();
  await expect(app.eligibility.element).toBeVisible();
  await expect(app.nearest.element).toBeVisible();
  await expect(app.map.zoomInButton).toBeInViewport();
});

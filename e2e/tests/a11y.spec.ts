// Accessibility: axe-core (@axe-core/playwright) on each mode and on the
// panels people open, on the default real snapshot. Any serious or critical
// violation fails; the rest are printed.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { KioskPage } from '../pages/kiosk-page';
import { MapPage } from '../pages/map-page';

async function audit(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const lines = (level: string[]) =>
    results.violations
      .filter((v) => level.includes(v.impact ?? ''))
      .map((v) => `${what}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')})`);
  const minor = lines(['minor', 'moderate']);
  if (minor.length) console.log(minor.join('\n'));
  expect(lines(['serious', 'critical'])).toEqual([]);
}

for (const lang of ['zh-TW', 'en']) {
  test(`the app, its eligibility panel and its list pass axe (${lang})`, async ({ page }) => {
    // Five axe audits: on a fresh machine the first test to run (a cold
    // browser and disk) took over the default 30 s.
    test.slow();
    const app = new MapPage(page);
    await app.goto({ tiles: 'none', lang, at: '25.0478,121.517' });
    await app.settled();
    await audit(page, 'app');
    await app.eligibility.clickSummary();
    await app.eligibility.enter('3');
    await audit(page, 'eligibility');
    await app.eligibility.close();
    await app.nearest.open(0);
    await expect(app.details.element).toBeVisible();
    await audit(page, 'details');
    // Starred: the card and My pharmacies with its switches.
    await app.details.favouriteToggle.click();
    await app.details.close();
    await expect(app.favourites).toBeVisible();
    await audit(page, 'favourites');
    await app.list.open();
    await audit(page, 'list');
  });

  test(`the default view, with the map's controls and its credit, passes axe (${lang})`, async ({ page }) => {
    // A cold browser's first axe audit can take most of the default 30 s.
    test.slow();
    // With OpenStreetMap's tiles, whose credit beside Leaflet's link makes
    // that link one in a block of text. The tiles do not arrive (offline, or
    // still on their way): over a tile, axe cannot tell the credit's
    // translucent background and only asks for review; over the map's plain
    // background it decides.
    const app = new MapPage(page);
    await app.goto({ lang }, { tiles: 'unreachable' });
    await app.settled();
    await expect(app.map.zoomInButton).toBeVisible();
    await expect(app.map.credit).toContainText('OpenStreetMap');
    await expect(app.map.creditLinks).toHaveCount(1);
    // On a phone too, where the sheet peeks over the map's foot.
    await expect.poll(() => app.map.creditUncovered()).toBe(true);
    await audit(page, 'default view');
  });
}

test('kiosk and embed modes pass axe', async ({ page }) => {
  const app = new KioskPage(page);
  await app.open('25.0478,121.517', { lang: 'en', date: '2020-02-11' });
  await app.settled();
  await app.clickDigit(3);
  await audit(page, 'kiosk');
  await app.goto({ tiles: 'none', lang: 'en', mode: 'embed', county: '臺北市' });
  await app.settled();
  await audit(page, 'embed');
});

test('on a phone every control is at least 44 px to touch, pins included', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'touch targets are a phone matter');
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', at: '25.0478,121.517' });
  await app.settled();
  // A pin in view answers a tap 20 px from its centre (its visible dot is 24 px).
  const [id, hit] = await app.map.pinAndTapBeside();
  expect(id).not.toBeNull();
  expect(hit).toBe(id);
  await app.eligibility.tapSummary();
  // Buttons, selects and block links (inline text links are exempt in WCAG 2.5.5);
  // a checkbox counts by its label.
  expect(await app.controlsSmallerThan(44)).toEqual([]);
});

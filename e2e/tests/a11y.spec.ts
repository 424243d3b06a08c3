// Accessibility: axe-core (@axe-core/playwright) on each mode and on the
// panels people open, on the default real snapshot. Any serious or critical
// violation fails; the rest are printed.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
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
    const app = new MapPage(page);
    await app.goto({ tiles: 'none', lang, at: '25.0478,121.517' });
    await app.settled();
    await audit(page, 'app');
    await page.getByTestId('buy-today').click();
    await page.getByTestId('eligibility-input').fill('3');
    await audit(page, 'eligibility');
    await page.getByTestId('eligibility').getByRole('button', { name: /Close|關閉/ }).click();
    await page.getByTestId('nearest-item').first().locator('.nearest-item__name').click();
    await expect(page.getByTestId('details')).toBeVisible();
    await audit(page, 'details');
    await page.locator('.list__toggle').click();
    await audit(page, 'list');
  });
}

test('kiosk and embed modes pass axe', async ({ page }) => {
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', mode: 'kiosk', at: '25.0478,121.517', date: '2020-02-11' });
  await app.settled();
  await page.locator('.digit-pad [data-digit="3"]').click();
  await audit(page, 'kiosk');
  await app.goto({ tiles: 'none', lang: 'en', mode: 'embed', county: '臺北市' });
  await app.settled();
  await audit(page, 'embed');
});

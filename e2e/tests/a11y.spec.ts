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
    // Four axe audits: on a fresh machine the first test to run (a cold
    // browser and disk) took over the default 30 s.
    test.slow();
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

test('on a phone every control is at least 44 px to touch, pins included', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'touch targets are a phone matter');
  const app = new MapPage(page);
  await app.goto({ tiles: 'none', lang: 'en', at: '25.0478,121.517' });
  await app.settled();
  // A pin in view answers a tap 20 px from its centre (its visible dot is 24 px).
  const [id, hit] = await page.evaluate(() => {
    const map = document.querySelector('[data-testid=map]')!.getBoundingClientRect();
    const pins = [...document.querySelectorAll('.leaflet-marker-pane .pin')];
    const inView = pins.find((p) => {
      const r = p.getBoundingClientRect();
      return r.left > map.left + 60 && r.right < map.right - 60 && r.top > map.top + 60 && r.bottom < map.top + map.height * 0.55; // above the sheet
    })!;
    const r = inView.getBoundingClientRect();
    const at = document.elementFromPoint(r.left + r.width / 2 + 20, r.top + r.height / 2);
    const id = (p: Element | null | undefined) => p?.closest('.pin')?.getAttribute('data-id') ?? null;
    return [id(inView), id(at)];
  });
  expect(id).not.toBeNull();
  expect(hit).toBe(id);
  await page.getByTestId('buy-today').tap();
  // Buttons, selects and block links (inline text links are exempt in WCAG 2.5.5);
  // a checkbox counts by its label.
  const small = await page
    .locator('button, select, a[href]:not(.leaflet-control-attribution a):not(.eligibility__sources a), label:has(input[type=checkbox])')
    .evaluateAll((els) =>
      els
        .filter((e) => (e as HTMLElement).offsetParent !== null)
        .map((e) => {
          const r = e.getBoundingClientRect();
          return `${e.tagName}.${e.className} "${(e.textContent ?? '').trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`;
        })
        .filter((line) => {
          const [w, h] = line.split(' ').pop()!.split('×').map(Number);
          return w < 44 || h < 44;
        }),
    );
  expect(small).toEqual([]);
});

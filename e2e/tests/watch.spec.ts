// Favourites, their alerts and the one-answer card through a morning of
// polls a minute apart on a fake clock, from the test's own feed server
// (e2e/support/morning.ts: the real NHIA snapshot of 2020-03-03 selling at
// 36 an hour, one row stuck at 07:30, 吳興藥局 restocked at 08:12). What a
// person sees is asserted: the star, "My pharmacies", the notification or
// the in-page banner, and the card's rule, pharmacy, count, pace and way.
import { test, expect, type Page } from '@playwright/test';
import { MapPage } from '../pages/map-page';
import { FeedServer, serveEachTest, trustFeedServer } from '../support/feed-server';
import { AT, LAGGING, RESTOCK, RESTOCKED, RESTOCK_AT, codeOf, feedAt } from '../support/morning';
import { nextPoll } from '../support/polls';

let server: FeedServer;
serveEachTest((started) => (server = started));

const ALERT = `${RESTOCKED} has adult masks again: ${RESTOCK}`;

async function openMorning(page: Page, params: Record<string, string> = {}) {
  await page.clock.install({ time: new Date('2020-03-03T08:00:30+08:00') });
  server.answer('/feed', { body: feedAt(0) });
  const app = new MapPage(page);
  await app.goto(
    { feed: `${server.url}/feed`, registry: `${server.url}/registry`, tiles: 'none', lang: 'en', at: AT, refresh: '60', ...params },
    { stubNetwork: false },
  );
  await app.settled();
  return app;
}

/** Polls from minute `from` to `to` (after 08:00), each applied. */
async function pollThrough(page: Page, app: MapPage, from: number, to: number) {
  for (let minutes = from; minutes <= to; minutes++) {
    server.answer('/feed', { body: feedAt(minutes) });
    await nextPoll(page, server, '/feed');
    await expect(app.feedStatus).toHaveAttribute('data-as-of', new RegExp(`T08:${String(minutes).padStart(2, '0')}:00`));
  }
}

/** Stars RESTOCKED from its details (found through the list) and arms its alert. */
async function starAndArm(app: MapPage) {
  await app.list.open();
  await app.list.search(RESTOCKED);
  await app.list.chooseCode(codeOf(RESTOCKED));
  await expect(app.details.favouriteToggle).toHaveAttribute('aria-pressed', 'false');
  await app.details.favouriteToggle.click();
  await expect(app.details.favouriteToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(app.details.favouriteToggle).toHaveAccessibleName('Keep in my pharmacies');
  await app.details.close();
  await app.list.close();
  const favourite = app.favourites.locator(`li[data-id="${codeOf(RESTOCKED)}"]`);
  await expect(favourite).toContainText(RESTOCKED);
  await expect(favourite).toContainText('0 · ');
  const alert = favourite.getByTestId('alert-toggle');
  await expect(alert).toHaveText('Tell me when it has adult masks');
  await alert.click();
  await expect(alert).toHaveAttribute('aria-pressed', 'true');
  // The same button, still focused: the section changed in place.
  await expect(alert).toBeFocused();
  await expect(alert).toHaveAccessibleName('Tell me when it has adult masks');
  await expect(alert).toHaveAccessibleDescription(RESTOCKED);
  await expect(app.favourites).toContainText("a closed app can't alert you");
  return favourite;
}

/** The bodies of the notifications the service worker shows. */
const notifications = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return ((await registration?.getNotifications()) ?? []).map((n) => n.body);
  });

test.describe('with notifications allowed', () => {
  test.use({ serviceWorkers: 'allow' });

  test('a favourite alerts through the service worker, and the card answers', async ({ page, context }, info) => {
    test.slow();
    await context.grantPermissions(['notifications']);
    const app = await openMorning(page);
    // 2020-03-03 was a Tuesday: even IDs.
    await expect(app.answer).toContainText('Today (Tue): even IDs');
    const favourite = await starAndArm(app);

    await pollThrough(page, app, 1, RESTOCK_AT - 1);
    expect(await notifications(page)).toEqual([]);
    await pollThrough(page, app, RESTOCK_AT, RESTOCK_AT);
    await expect.poll(() => notifications(page)).toEqual([ALERT]);
    // Polls change the section in place: the switch pressed keeps its focus.
    await expect(favourite.getByTestId('alert-toggle')).toBeFocused();
    await expect(app.alertBanner).toHaveCount(0);
    await expect(favourite).toContainText(`${RESTOCK} · `);
    await expect(favourite).toContainText('Updated 08:12');
    // Still in stock, selling: no second alert.
    await pollThrough(page, app, RESTOCK_AT + 1, 25);
    expect(await notifications(page)).toEqual([ALERT]);

    // The card names the nearest pharmacy the nearest list has that is
    // fresh (no hours in this feed: all count as open), and says what the
    // list says of it, in one line.
    const fresh = app.nearest.items.and(page.locator('[data-lagging=false]')).first();
    const id = await fresh.getAttribute('data-id');
    expect(id).not.toBe(codeOf(LAGGING));
    await expect(app.answer).toHaveAttribute('data-id', id!);
    const count = (await fresh.locator('.nearest-item__stock').innerText()).split(' · ')[0];
    const pace = await fresh.locator('.nearest-item__pace').innerText();
    expect(pace).toMatch(/^selling \d+\/h/);
    await expect(app.answer).toContainText(`${count} left · ${pace} · Updated 08:25`);
    const [distance, walk] = (await fresh.locator('.nearest-item__distance').innerText()).split(' · ');
    await expect(app.answer.locator('.answer__place')).toContainText(`${distance}, ${walk}`);
    await expect(app.answer.getByRole('link', { name: 'Directions' })).toHaveAttribute(
      'href',
      (await fresh.locator('.nearest-item__directions').getAttribute('href'))!,
    );
    await app.answer.scrollIntoViewIfNeeded();
    await app.screenshot('answer-card', info.project.name);

    // The details: today's counts as a chart, and the star.
    await app.answer.locator('.answer__name').click();
    await expect(app.details.element).toHaveAttribute('data-id', id!);
    await expect(app.details.chart).toContainText('Today\'s counts, 08:00 to 08:25');
    await expect(app.details.favouriteToggle).toHaveAttribute('aria-pressed', 'false');
    await app.screenshot('details-chart', info.project.name);
    await app.details.close();

    // Kept on the device: a reload still has the favourite and its alert;
    // one tap removes it.
    await page.reload();
    await app.settled();
    await expect(favourite.getByTestId('alert-toggle')).toHaveAttribute('aria-pressed', 'true');
    await favourite.getByRole('button', { name: 'Remove' }).click();
    await expect(app.favourites).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem('mask-map.favourites'))).toBe('');
    expect(app.pageErrors).toEqual([]);
  });
});

/** Hides the page, as a switch to another tab does. */
const hide = (page: Page) =>
  page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });

test('without notifications the alert is a banner, from a background tab too', async ({ page }, info) => {
  test.slow();
  // No permission and no service worker (the config blocks it).
  const app = await openMorning(page);
  await starAndArm(app);
  // In a background tab: the armed alert keeps the polls going.
  await hide(page);
  await pollThrough(page, app, 1, RESTOCK_AT);
  await expect(app.alertBanner.locator('li')).toHaveText([ALERT]);
  await expect(app.alertBanner).toHaveAttribute('role', 'alert');
  await app.screenshot('alert-banner', info.project.name);
  await app.alertBanner.getByRole('button', { name: 'Close' }).click();
  await expect(app.alertBanner).toHaveCount(0);
  expect(app.pageErrors).toEqual([]);
});

for (const mode of ['kiosk', 'embed']) {
  test(`${mode} mode keeps no favourites and no alerts`, async ({ page }, info) => {
    // A device whose app has RESTOCKED starred with its alert armed.
    const stored = `${codeOf(RESTOCKED)}\tadult\n`;
    await page.addInitScript((stored) => localStorage.setItem('mask-map.favourites', stored), stored);
    await trustFeedServer(page, server);
    const app = await openMorning(page, { mode });
    await expect(app.answer).toContainText('Today (Tue): even IDs');
    await app.screenshot(`${mode}-card`, info.project.name);
    if (mode === 'kiosk') {
      // No link leads away from a kiosk: the card's way is the details' QR code.
      await expect(app.answer.locator('a:visible')).toHaveCount(0);
    }
    await expect(app.favourites).toHaveCount(0);
    await expect(page.getByTestId('alert-toggle')).toHaveCount(0);
    await app.answer.locator('.answer__name').click();
    await expect(app.details.element).toBeVisible();
    await expect(app.details.favouriteToggle).toHaveCount(0);
    await app.details.close();
    // Its stock comes back: no alert in this mode, and the device's list is untouched.
    await pollThrough(page, app, 1, RESTOCK_AT);
    await expect(app.alertBanner).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem('mask-map.favourites'))).toBe(stored);
  });
}

test('the card asks for a place, and says when it is not your day', async ({ page }) => {
  // No place yet: the rule, and the ask.
  const app = await openMorning(page, { at: '' });
  await expect(app.answer).toContainText('Today (Tue): even IDs');
  await expect(app.answer).toContainText('Choose a location');
  await expect(app.answer).not.toHaveAttribute('data-id');
  // Someone who asked the app to remember their odd parity: Tuesday is not
  // theirs, and the card names no pharmacy.
  await page.evaluate(() => localStorage.setItem('mask-map.parity', 'odd'));
  const withPlace = page.url().replace('at=&', `at=${encodeURIComponent(AT)}&`);
  expect(withPlace).toContain(`at=${encodeURIComponent(AT)}`);
  await page.goto(withPlace);
  await app.settled();
  // The place is known (the nearest list answers), the day is not theirs.
  await expect(app.nearest.items.first()).toBeVisible();
  await expect(app.answer).toContainText('Not a day for odd IDs · Next allowed day: Wed 2020-03-04');
  await expect(app.answer).not.toHaveAttribute('data-id');
});

test('a favourite removed in another tab alerts no more in this one', async ({ page, context }) => {
  test.slow();
  const app = await openMorning(page);
  await starAndArm(app);
  // The same device, another tab: the favourite is there, and removed.
  const other = await context.newPage();
  const second = await openMorning(other);
  const favourite = second.favourites.locator(`li[data-id="${codeOf(RESTOCKED)}"]`);
  await expect(favourite.getByTestId('alert-toggle')).toHaveAttribute('aria-pressed', 'true');
  await favourite.getByRole('button', { name: 'Remove' }).click();
  await expect(second.favourites).toHaveCount(0);
  await other.close();
  // Back in the first tab, the stock comes back: no alert, and the list
  // follows the other tab's.
  await pollThrough(page, app, 1, RESTOCK_AT);
  await expect(app.favourites).toHaveCount(0);
  await expect(app.alertBanner).toHaveCount(0);
});

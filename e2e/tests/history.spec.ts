// A morning of polls, a minute apart on a fake clock, from the test's own
// feed server (e2e/support/morning.ts: the real NHIA snapshot of 2020-03-03,
// selling at 36 an hour, one count frozen, one row stuck at 07:30). What
// the details, the nearest list, the list and the pins say of the counts is
// asserted: the hooks (data-trend, data-rate-per-hour, data-sellout,
// data-stalled, data-lagging, data-updated) and the words.
import { test, expect } from '@playwright/test';
import { MapPage } from '../pages/map-page';
import { FeedServer, serveEachTest } from '../support/feed-server';
import { AT, FALLING, FROZEN, LAGGING, PACE, adultOf, codeOf, feedAt, left, placeOf } from '../support/morning';
import { nextPoll } from '../support/polls';

let server: FeedServer;
serveEachTest((started) => (server = started));

test('a morning of polls: pace, estimate, a stalled count and a lagging row', async ({ page }, info) => {
  test.slow();
  await page.clock.install({ time: new Date('2020-03-03T08:00:30+08:00') });
  server.answer('/feed', { body: feedAt(0) });
  const app = new MapPage(page);
  await app.goto(
    // The map at street level on the lagging pharmacy, so its own pin shows.
    { feed: `${server.url}/feed`, registry: `${server.url}/registry`, tiles: 'none', lang: 'en', at: AT, ...placeOf(LAGGING), zoom: '17', refresh: '60', nearest: '8' },
    { stubNetwork: false },
  );
  await app.settled();
  const falling = page.locator(`[data-testid=nearest-item][data-id="${codeOf(FALLING)}"]`);
  await expect(falling).toHaveAttribute('data-trend', 'unknown');

  for (let minutes = 1; minutes <= 40; minutes++) {
    server.answer('/feed', { body: feedAt(minutes) });
    await nextPoll(page, server, '/feed');
    await expect(app.feedStatus).toHaveAttribute('data-as-of', new RegExp(`T08:${String(minutes).padStart(2, '0')}:00`));
  }

  // 08:40: 18 masks in the last half hour, and at that pace the rest are
  // gone at 08:40 + count / 36 h.
  const count = left(adultOf(FALLING), 40);
  const outAt = 8 * 60 + 40 + (count * 60) / PACE;
  const clock = `${String(Math.floor(outAt / 60)).padStart(2, '0')}:${String(Math.floor(outAt % 60)).padStart(2, '0')}`;
  await expect(falling).toHaveAttribute('data-trend', 'falling');
  await expect(falling).toHaveAttribute('data-rate-per-hour', String(PACE));
  await expect(falling).toHaveAttribute('data-sellout', clock);
  await expect(falling).toHaveAttribute('data-stalled', 'false');
  await expect(falling).toHaveAttribute('data-lagging', 'false');
  await expect(falling).toHaveAttribute('data-updated', '2020-03-03T08:40:00+08:00');
  await expect(falling).toContainText(`selling ${PACE}/h · out ~${clock} (est.)`);

  // The frozen count while the others sell: a stall of 40 minutes.
  const frozen = page.locator(`[data-testid=nearest-item][data-id="${codeOf(FROZEN)}"]`);
  await expect(frozen).toHaveAttribute('data-stalled', 'true');
  await expect(frozen).toHaveAttribute('data-trend', 'steady');
  await expect(frozen).toContainText('count still for 40 min: check its notice');

  // The lagging row (70 minutes behind) goes after the fresh ones at most
  // 200 m farther, and says to call.
  const lagging = page.locator(`[data-testid=nearest-item][data-id="${codeOf(LAGGING)}"]`);
  await expect(lagging).toHaveAttribute('data-lagging', 'true');
  await expect(lagging).toHaveAttribute('data-updated', '2020-03-03T07:30:00+08:00');
  await expect(lagging).toContainText('Not updated since 07:30: call before you go');
  const order = await app.nearest.items.evaluateAll((items) =>
    items.map((li) => [li.getAttribute('data-lagging'), Number(li.getAttribute('data-distance-m'))] as [string, number]),
  );
  const laggingAt = order.findIndex(([l]) => l === 'true');
  expect(laggingAt).toBeGreaterThan(0);
  const [, laggingMetres] = order[laggingAt];
  for (const [l, metres] of order.slice(laggingAt + 1)) expect(l === 'true' || metres > laggingMetres + 200).toBe(true);
  for (const [l, metres] of order.slice(0, laggingAt)) expect(l === 'false' && metres <= laggingMetres + 200).toBe(true);

  // Its pin has a ring of its own and says so; the list marks it too.
  const pin = app.map.pin(codeOf(LAGGING));
  await expect(pin).toHaveClass(/pin--lagging/);
  await expect(pin).toHaveAttribute('aria-label', /not updated since 07:30$/);
  // The fresh pins around it have no such ring.
  expect(await app.map.markers.count()).toBeGreaterThan(1);
  await expect(page.locator('.leaflet-marker-pane .pin--lagging')).toHaveCount(1);
  await app.list.open();
  await app.list.search(LAGGING);
  const row = app.list.item(codeOf(LAGGING));
  await expect(row).toHaveAttribute('data-lagging', 'true');
  await expect(row).toContainText('Not updated since 07:30: call before you go');
  await app.screenshot('list-lagging', info.project.name);
  await app.list.close();

  // The details say the same, in sentences.
  const codes = await app.nearest.codes();
  await app.nearest.open(codes.indexOf(codeOf(FALLING)));
  const details = app.details.element;
  await expect(details).toHaveAttribute('data-id', codeOf(FALLING));
  await expect(details).toHaveAttribute('data-trend', 'falling');
  await expect(details).toHaveAttribute('data-rate-per-hour', String(PACE));
  await expect(details).toHaveAttribute('data-sellout', clock);
  await expect(details).toContainText(`Selling about ${PACE} an hour`);
  await expect(details).toContainText(`At this pace, sold out around ${clock} (an estimate)`);
  await app.screenshot('details-pace', info.project.name);
  await app.details.close();
  await app.nearest.open(codes.indexOf(codeOf(FROZEN)));
  await expect(details).toHaveAttribute('data-id', codeOf(FROZEN));
  await expect(details).toHaveAttribute('data-stalled', 'true');
  await expect(details).toContainText('it may be selling by numbered tickets');
  await app.screenshot('details-stalled', info.project.name);
  expect(app.pageErrors).toEqual([]);
});

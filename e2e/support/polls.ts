// Driving the app's poller on Playwright's fake clock (`page.clock.install()`):
// the next poll of a path on a test's own feed server, and no further.
import { expect, type Page } from '@playwright/test';
import type { FeedServer } from './feed-server';

/** Advances the page's clock until the app asks `server` for `path` again,
 *  and no further: a poll's own deadlines run on the same fake clock, so
 *  advancing past a request still on its way would abort it. Returns how
 *  far the clock went, in ms. */
export async function nextPoll(page: Page, server: FeedServer, path: string): Promise<number> {
  const url = `${server.url}${path}`;
  let issued = 0;
  const count = (r: { url(): string }) => {
    if (r.url() === url) issued++;
  };
  page.on('request', count);
  const before = server.requestsFor(path).length;
  const started = await page.evaluate(() => Date.now());
  for (let step = 0; step < 400 && issued === 0; step++) {
    await page.clock.runFor(5_000);
    await page.waitForTimeout(20);
  }
  page.off('request', count);
  await expect.poll(() => server.requestsFor(path).length, { message: 'the app polled again' }).toBeGreaterThan(before);
  return (await page.evaluate(() => Date.now())) - started;
}

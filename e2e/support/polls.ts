// Driving the app's poller on Playwright's fake clock (`page.clock.install()`):
// the next poll of a path on a test's own feed server, and no further.
import { expect, type Page } from '@playwright/test';
import type { FeedServer } from './feed-server';

/** Advances the page's clock until the app asks `server` for `path` again,
 *  and no further: a poll's own deadlines run on the same fake clock, so
 *  advancing past a request still on its way would abort it. Returns how
 *  far the clock went, in ms. The page's own calls to `fetch` are counted
 *  in the page (Playwright's request events can arrive a step late on a
 *  busy machine, and a step too many is a poll aborted by its deadline). */
export async function nextPoll(page: Page, server: FeedServer, path: string): Promise<number> {
  const url = `${server.url}${path}`;
  const fetched = () =>
    page.evaluate((url) => {
      const w = window as unknown as { fetch: typeof fetch; __fetched?: string[] };
      if (!w.__fetched) {
        const calls: string[] = (w.__fetched = []);
        const original = w.fetch;
        w.fetch = (input, init) => {
          calls.push(input instanceof Request ? input.url : String(input));
          return original.call(window, input, init);
        };
      }
      return w.__fetched.filter((u) => u === url).length;
    }, url);
  const asked = await fetched();
  const before = server.requestsFor(path).length;
  const started = await page.evaluate(() => Date.now());
  for (let step = 0; step < 400 && (await fetched()) === asked; step++) {
    await page.clock.runFor(5_000);
  }
  await expect.poll(() => server.requestsFor(path).length, { message: 'the app polled again' }).toBeGreaterThan(before);
  return (await page.evaluate(() => Date.now())) - started;
}

// A link with many bad parameters: the notice lists ten, then "and N more",
// and its Dismiss stays on a small phone's screen. (The 14,000-parameter
// case is checked natively, tests/config_parse.rs: a URL that long exceeds
// the test server's header limit.)
import { test, expect } from '@playwright/test';
import { MapPage } from '../pages/map-page';

test('twenty bad parameters: ten listed, "and 10 more", Dismiss on a 320×568 screen', async ({ page }, info) => {
  await page.setViewportSize({ width: 320, height: 568 });
  const app = new MapPage(page);
  // zoom=1 once, then 20 more times: 20 repeats, each a problem.
  await app.gotoQuery(['lang=en', 'tiles=none', ...Array(21).fill('zoom=1')].join('&'));
  await expect(app.linkProblems).toBeVisible();
  await expect(app.linkProblemLines).toHaveCount(11);
  await expect(app.linkProblemLines.last()).toHaveText('and 10 more');
  await expect(app.linkProblemLines.first()).toHaveText('zoom=“1”: appears more than once; the first is used');
  expect(await app.inViewport(app.dismissButton)).toBe(true);
  await app.screenshot('link-problems-20', `${info.project.name}-320`);
  await app.dismissLinkProblems();
  await expect(app.linkProblems).toHaveCount(0);
});

test('in Chinese too, the rest are counted', async ({ page }) => {
  const app = new MapPage(page);
  await app.gotoQuery(['tiles=none', ...Array(14).fill('zoom=1')].join('&'));
  await expect(app.linkProblemLines).toHaveCount(11);
  await expect(app.linkProblemLines.last()).toHaveText('還有 3 項');
});

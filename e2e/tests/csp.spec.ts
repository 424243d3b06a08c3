// The app runs under a strict Content-Security-Policy (scripts/serve.mjs): no
// inline script, WebAssembly allowed, nothing but this origin, the tiles and
// the feed origins. A tour of every panel and mode must report no violation.
import { test, expect, type Page } from '@playwright/test';
import { MapPage } from '../pages/map-page';

async function watchViolations(page: Page) {
  const seen: string[] = [];
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) seen.push(m.text());
  });
  return async () => [...seen, ...(await page.evaluate(() => (window as any).__csp as string[]))];
}

test('the page carries a strict policy and works under it, in every mode', async ({ page }) => {
  const violations = await watchViolations(page);
  const app = new MapPage(page);
  // With OpenStreetMap tiles (stubbed here), to exercise img-src.
  await app.goto({ lang: 'en', at: '25.0478,121.517' });
  const policy = (await page.request.get('/')).headers()['content-security-policy'];
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toContain('unsafe-inline');
  await app.settled();
  await expect.poll(() => app.shownCount()).toBeGreaterThan(0);
  expect(app.tileRequests).toBeGreaterThan(0);
  await expect(app.inlineScripts).toHaveCount(0);

  await app.openEveryPanel();
  expect(await violations()).toEqual([]);

  await app.goto({ lang: 'en', mode: 'kiosk', at: '25.0478,121.517' });
  await app.settled();
  await app.nearest.open(0);
  await expect(app.details.directionsQr).toBeVisible();
  expect(await violations()).toEqual([]);

  await app.goto({ lang: 'en', mode: 'embed', county: '臺北市' });
  await app.settled();
  expect(await violations()).toEqual([]);
  expect(app.pageErrors).toEqual([]);
});

test('a feed on an origin the policy does not allow is reported as blocked, not as a connection problem', async ({ page }) => {
  const app = new MapPage(page);
  await app.goto({ lang: 'en', tiles: 'none', feed: 'https://blocked.example/maskdata.csv' });
  await expect(app.feedStatus).toHaveAttribute('data-problem', 'feed blocked');
  await expect(app.feedStatus).toContainText("This site's security policy doesn't allow the stock data's address (blocked.example).");
  await expect(app.linkProblems).toContainText(
    "feed=“https://blocked.example/maskdata.csv”: this site's security policy doesn't allow this address",
  );
});

test('tiles the policy does not allow are reported, not left as a blank map', async ({ page }) => {
  const app = new MapPage(page);
  await app.goto({ lang: 'en', tiles: 'https://tiles.example/{z}/{x}/{y}.png' });
  await app.settled();
  await expect(app.linkProblems).toContainText(
    "tiles=“https://tiles.example/{z}/{x}/{y}.png”: this site's security policy doesn't allow this address",
  );
  // Named once, however many tiles were refused.
  await expect(app.linkProblemLines).toHaveCount(1);
  expect(await app.problemTokens()).toEqual(['blocked']);
});

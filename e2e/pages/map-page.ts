// Page object for the map page: how a test reaches the app's public hooks,
// and a record of everything that went wrong while it was open.
import { expect, type Locator, type Page } from '@playwright/test';
import { TILE_PNG } from '../support/tile';

export class MapPage {
  readonly feedStatus: Locator;
  readonly map: Locator;
  /** Single pharmacies (each with `data-id`). */
  readonly markers: Locator;
  readonly clusters: Locator;
  readonly linkProblems: Locator;
  readonly heading: Locator;
  readonly pageErrors: string[] = [];
  readonly failedRequests: string[] = [];
  readonly offsiteRequests: string[] = [];
  tileRequests = 0;

  constructor(readonly page: Page) {
    this.feedStatus = page.getByTestId('feed-status');
    this.map = page.getByTestId('map');
    this.markers = page.locator('.leaflet-marker-pane [data-id]');
    this.clusters = page.locator('.leaflet-marker-pane .cluster');
    this.linkProblems = page.getByTestId('link-problems');
    this.heading = page.locator('h1');
    page.on('pageerror', (error) => this.pageErrors.push(String(error)));
    page.on('requestfailed', (r) => this.failedRequests.push(`${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => {
      if (r.status() >= 400) this.failedRequests.push(`${r.url()} ${r.status()}`);
    });
  }

  /** Stubs OpenStreetMap's tiles (no internet here) and refuses, and records,
   *  every other request that leaves this machine: the app must use no CDN. */
  async install() {
    await this.page.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => {
      this.offsiteRequests.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    // Registered last, so it is matched first (Playwright tries newest routes first).
    await this.page.route('https://tile.openstreetmap.org/**', (route) => {
      this.tileRequests++;
      return route.fulfill({ status: 200, contentType: 'image/png', body: TILE_PNG });
    });
  }

  /** Opens the app with these URL parameters. `stubNetwork: false` leaves the
   *  network alone, for tests of HTTP caching: any Playwright route turns
   *  Chromium's HTTP cache off. */
  async goto(params: Record<string, string> = {}, { stubNetwork = true } = {}) {
    if (stubNetwork) await this.install();
    const query = new URLSearchParams(params).toString();
    await this.page.goto(query ? `/?${query}` : '/');
  }

  /** Waits until the feed has finished loading, one way or the other. */
  async settled() {
    await expect(this.feedStatus).not.toHaveAttribute('data-state', 'loading', { timeout: 15_000 });
    // The markers are drawn in later tasks than the status: wait for them too.
    await expect(this.map).not.toHaveAttribute('data-drawn', 'false', { timeout: 15_000 });
    return this.feedStatus.getAttribute('data-state');
  }

  /** Drags the map from its centre by (dx, dy) pixels, as a finger or mouse would. */
  async drag(dx: number, dy: number, steps = 8) {
    const box = (await this.map.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps });
    await this.page.mouse.up();
  }

  /** Pharmacies on the map: single pins plus every cluster's `data-count`. */
  async shownCount(): Promise<number> {
    const clustered = await this.clusters.evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute('data-count')), 0));
    return clustered + (await this.markers.count());
  }

  /** What a visitor does on a loaded page with a place (at=) and English
   *  text: checks an ID, opens the nearest pharmacy's details, then the list. */
  async openEveryPanel() {
    const page = this.page;
    await page.getByTestId('buy-today').click();
    await page.getByTestId('eligibility-input').fill('A123456789');
    await expect(page.getByTestId('eligibility-result')).toHaveAttribute('data-verdict', /yes|no|no-rule/);
    await page.getByTestId('eligibility').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('nearest-item').first().locator('.nearest-item__name').click();
    await expect(page.getByTestId('details')).toBeVisible();
    await page.locator('.list__toggle').click();
    await expect(page.getByTestId('list')).toBeVisible();
  }

  async zoom(): Promise<number> {
    return Number(await this.map.getAttribute('data-zoom'));
  }

  async screenshot(name: string, project: string) {
    await this.page.screenshot({ path: `e2e/screenshots/${project}-${name}.png` });
  }
}

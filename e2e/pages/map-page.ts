// Page object for the map page: how a test opens the app, the app's frame
// (header, feed status, link problems, language, footer), its panels, and a
// record of everything that went wrong while it was open.
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { TILE_PNG } from '../support/tile';
import { BottomSheet } from './bottom-sheet';
import { DetailsPanel } from './details-panel';
import { EligibilityPanel } from './eligibility-panel';
import { FilterBar } from './filter-bar';
import { MapView } from './map-view';
import { NearestPanel } from './nearest-panel';
import { PharmacyList } from './pharmacy-list';

export class MapPage {
  /** The document's root element: the page's, or an embedding frame's. */
  readonly root: Locator;
  /** The feed's state (`data-state`, `data-count`, `data-as-of`) in words. */
  readonly feedStatus: Locator;
  readonly feedDetails: Locator;
  readonly footer: Locator;
  readonly linkProblems: Locator;
  /** The lines of `link-problems` (at most ten, then "and N more"). */
  readonly linkProblemLines: Locator;
  /** Each `source-notice`: a data source that is not the site's own, with `data-host`. */
  readonly sourceNotices: Locator;
  readonly heading: Locator;
  readonly tagline: Locator;
  /** The app's outermost element, whose class names the mode (`app--kiosk`). */
  readonly shell: Locator;
  readonly languageSwitch: Locator;
  readonly retryButton: Locator;
  readonly dismissButton: Locator;
  /** What markup in a feed would make if it were run: none may exist. */
  readonly markupFromFeed: Locator;
  readonly inlineScripts: Locator;

  readonly map: MapView;
  readonly details: DetailsPanel;
  readonly nearest: NearestPanel;
  readonly eligibility: EligibilityPanel;
  readonly list: PharmacyList;
  readonly filters: FilterBar;
  readonly sheet: BottomSheet;
  /** The one-answer card (`data-id`: the pharmacy it names). */
  readonly answer: Locator;
  /** "My pharmacies": each favourite a `li` with `data-id`. */
  readonly favourites: Locator;
  readonly alertBanner: Locator;

  readonly pageErrors: string[] = [];
  readonly failedRequests: string[] = [];
  readonly offsiteRequests: string[] = [];
  tileRequests = 0;

  /** The app in `page`, or in a frame of it (`frame`): a frame's app is only
   *  looked at; the page's own records are kept by the page's MapPage. */
  constructor(
    readonly page: Page,
    frame?: FrameLocator,
  ) {
    const root = (this.root = (frame ?? page).locator(':root'));
    this.feedStatus = root.getByTestId('feed-status');
    this.feedDetails = root.getByTestId('feed-details');
    this.footer = root.locator('.app-footer');
    this.linkProblems = root.getByTestId('link-problems');
    this.linkProblemLines = this.linkProblems.locator('li');
    this.sourceNotices = root.getByTestId('source-notice');
    this.heading = root.locator('h1');
    this.tagline = root.locator('.app-header__tagline');
    this.shell = root.locator('.app');
    this.languageSwitch = root.getByTestId('lang-switch');
    this.retryButton = root.getByRole('button', { name: 'Retry' });
    this.dismissButton = root.getByRole('button', { name: 'Dismiss' });
    this.markupFromFeed = root.locator('#injected, .leaflet-marker-pane img, [data-testid=details] img');
    this.inlineScripts = root.locator('script:not([src])');
    this.answer = root.getByTestId('answer');
    this.favourites = root.getByTestId('favourites');
    this.alertBanner = root.getByTestId('alert-banner');
    this.map = new MapView(root);
    this.details = new DetailsPanel(root);
    this.nearest = new NearestPanel(root);
    this.eligibility = new EligibilityPanel(root);
    this.list = new PharmacyList(root);
    this.filters = new FilterBar(root);
    this.sheet = new BottomSheet(root);
    if (frame) return;
    page.on('pageerror', (error) => this.pageErrors.push(String(error)));
    page.on('requestfailed', (r) => this.failedRequests.push(`${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => {
      if (r.status() >= 400) this.failedRequests.push(`${r.url()} ${r.status()}`);
    });
  }

  /** Pins, clusters and how many pharmacies the map shows: see `MapView`. */
  get markers() {
    return this.map.markers;
  }

  get clusters() {
    return this.map.clusters;
  }

  shownCount() {
    return this.map.shownCount();
  }

  zoom() {
    return this.map.zoom();
  }

  /** Stubs OpenStreetMap's tiles (no internet here) and refuses, and records,
   *  every other request that leaves this machine: the app must use no CDN.
   *  `tiles: 'unreachable'`: the tile server does not answer (a phone offline,
   *  or tiles still on their way), so the map shows its plain background. */
  async install({ tiles = 'stub' }: { tiles?: 'stub' | 'unreachable' } = {}) {
    await this.page.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => {
      this.offsiteRequests.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    // Registered last, so it is matched first (Playwright tries newest routes first).
    await this.page.route('https://tile.openstreetmap.org/**', (route) => {
      this.tileRequests++;
      if (tiles === 'unreachable') return route.abort('connectionrefused');
      return route.fulfill({ status: 200, contentType: 'image/png', body: TILE_PNG });
    });
  }

  /** Opens the app with these URL parameters. `stubNetwork: false` leaves the
   *  network alone, for tests of HTTP caching: any Playwright route turns
   *  Chromium's HTTP cache off. */
  async goto(params: Record<string, string> = {}, { stubNetwork = true, tiles = 'stub' as 'stub' | 'unreachable' } = {}) {
    if (stubNetwork) await this.install({ tiles });
    const query = new URLSearchParams(params).toString();
    await this.page.goto(query ? `/?${query}` : '/');
  }

  /** Opens the app with a raw query string (for repeated parameters). */
  async gotoQuery(query: string) {
    await this.install();
    await this.page.goto(`/?${query}`);
  }

  /** `data-problem`'s tokens (`feed registry rules older blocked`), sorted; [] when absent. */
  async problemTokens(): Promise<string[]> {
    const tokens = await this.feedStatus.getAttribute('data-problem');
    return (tokens ?? '').split(' ').filter(Boolean).sort();
  }

  /** Whether `locator` lies wholly inside the viewport. */
  async inViewport(locator: Locator): Promise<boolean> {
    const box = await locator.boundingBox();
    const size = this.page.viewportSize()!;
    return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width;
  }

  async reload() {
    await this.page.reload();
  }

  /** Waits until the feed has finished loading, one way or the other. */
  async settled() {
    await expect(this.feedStatus).not.toHaveAttribute('data-state', 'loading', { timeout: 15_000 });
    // The markers are drawn in later tasks than the status: wait for them too.
    await expect(this.map.element).not.toHaveAttribute('data-drawn', 'false', { timeout: 15_000 });
    return this.feedStatus.getAttribute('data-state');
  }

  /** Waits until the app has started (its map is up), whatever its feed does. */
  async started() {
    await this.page.waitForFunction(() => performance.getEntriesByName('mask-map:map-ready').length > 0);
  }

  /** Waits until this page is served by the service worker. */
  async servedByWorker() {
    await this.page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15_000 });
  }

  /** How many times the app has reached a step it marks (`mask-map:NAME`
   *  in the page's performance timeline, src/timers.rs), e.g. `joined`. */
  async timesReached(step: string): Promise<number> {
    return this.page.evaluate((name) => performance.getEntriesByName(name).length, `mask-map:${step}`);
  }

  async workerRegistered(): Promise<boolean> {
    return this.page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) != null);
  }

  /** The Leaflet the page runs (served by the app itself). */
  async leafletVersion(): Promise<string | undefined> {
    return this.page.evaluate(() => (window as any).L?.version);
  }

  /** From the page's start, notes when a cluster first appears on the map
   *  and when `county` first appears among the filter's choices. */
  async noteFirstClusterAndCounty(county: string) {
    await this.page.addInitScript((county) => {
      const seen: Record<string, number> = {};
      (window as unknown as { __seen: Record<string, number> }).__seen = seen;
      new MutationObserver(() => {
        if (seen.cluster === undefined && document.querySelector('.leaflet-marker-pane .cluster')) seen.cluster = performance.now();
        if (seen.county === undefined && document.querySelector(`select[name=county] option[value=${JSON.stringify(county)}]`)) seen.county = performance.now();
      }).observe(document, { childList: true, subtree: true });
    }, county);
  }

  /** When (`performance.now()`) the cluster and the county first appeared. */
  async firstClusterAndCounty(): Promise<{ cluster?: number; county?: number }> {
    return this.page.evaluate(() => (window as unknown as { __seen: Record<string, number> }).__seen);
  }

  /** From the page's start, runs back-to-back 20 ms tasks on its main thread. */
  async keepMainThreadBusy() {
    await this.page.addInitScript(() => {
      setInterval(() => {
        const end = performance.now() + 20;
        while (performance.now() < end);
      }, 0);
    });
  }

  /** Hides (or shows) the tab, as switching to another tab does. */
  async setTabHidden(hidden: boolean) {
    await this.page.evaluate((hidden) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  }

  async retry() {
    await this.retryButton.click();
  }

  async dismissLinkProblems() {
    await this.dismissButton.click();
  }

  async switchLanguage() {
    await this.languageSwitch.click();
  }

  /** What this device keeps for the app, by key (null when nothing). */
  async stored(key: string): Promise<string | null> {
    return this.page.evaluate((key) => localStorage.getItem(key), key);
  }

  /** What this device already keeps for the app when the page starts. */
  async storedBeforeStart(entries: Record<string, string>) {
    await this.page.addInitScript((entries) => {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    }, entries);
  }

  /** How wide the document is: more than the screen means it scrolls sideways. */
  async scrollWidth(): Promise<number> {
    return this.root.evaluate(() => document.documentElement.scrollWidth);
  }

  /** Links on screen that lead away from the app's origin. */
  async outboundLinks(): Promise<string[]> {
    return this.root
      .locator('a[href]')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href).filter((h) => !h.startsWith(location.origin)));
  }

  /** When the page's request for `url` had its answer's first byte and its
   *  last (ms since the page started): Resource Timing's own figures. */
  async resourceTiming(url: string): Promise<{ responseStart: number; responseEnd: number }> {
    return this.page.evaluate((url) => {
      const entry = performance.getEntriesByName(url, 'resource').at(-1) as PerformanceResourceTiming;
      return { responseStart: entry.responseStart, responseEnd: entry.responseEnd };
    }, url);
  }

  /** A meta tag's content, by name. */
  meta(name: string): Locator {
    return this.root.locator(`meta[name=${JSON.stringify(name)}]`);
  }

  /** Visible controls smaller than `min` px either way: buttons, selects,
   *  block links (inline text links are exempt in WCAG 2.5.5: the map's credit
   *  and the rules' sources), and checkboxes by their label. */
  async controlsSmallerThan(min: number): Promise<string[]> {
    return this.root
      .locator('button, select, a[href]:not(.leaflet-control-attribution a):not(.eligibility__sources a), label:has(input[type=checkbox])')
      .evaluateAll(
        (els, min) =>
          els
            .filter((e) => (e as HTMLElement).offsetParent !== null)
            .map((e) => {
              const r = e.getBoundingClientRect();
              return `${e.tagName}.${e.className} "${(e.textContent ?? '').trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`;
            })
            .filter((line) => {
              const [w, h] = line.split(' ').pop()!.split('×').map(Number);
              return w < min || h < min;
            }),
        min,
      );
  }

  /** What a visitor does on a loaded page with a place (at=) and English
   *  text: checks an ID, opens the nearest pharmacy's details, then the list. */
  async openEveryPanel() {
    await this.eligibility.clickSummary();
    await this.eligibility.enter('A123456789');
    await expect(this.eligibility.verdict).toHaveAttribute('data-verdict', /yes|no|no-rule/);
    await this.eligibility.close();
    await this.nearest.open(0);
    await expect(this.details.element).toBeVisible();
    await this.list.open();
    await expect(this.list.element).toBeVisible();
  }

  async screenshot(name: string, project: string) {
    await this.page.screenshot({ path: `e2e/screenshots/${project}-${name}.png` });
  }
}

// The map embedded in another site: examples/embed.html (a news article
// with a 600×450 iframe), a page made of the "Embed this map" snippet, and
// that dialog in the full app.
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { MapPage } from './map-page';

export class EmbedPage {
  /** The host page: stubs the network and keeps the page's records. */
  readonly host: MapPage;
  readonly frame: FrameLocator;
  readonly iframe: Locator;
  /** The app inside the frame. */
  readonly embedded: MapPage;
  /** The embedded app's link to the full map. */
  readonly openFull: Locator;
  /** The full app's "Embed this map" button and the snippet it shows. */
  readonly embedButton: Locator;
  readonly snippet: Locator;

  constructor(readonly page: Page) {
    this.host = new MapPage(page);
    this.frame = page.frameLocator('iframe');
    this.iframe = page.locator('iframe');
    this.embedded = new MapPage(page, this.frame);
    this.openFull = this.embedded.root.getByTestId('open-full');
    this.embedButton = this.host.root.getByTestId('embed-button');
    this.snippet = this.host.root.getByTestId('embed-snippet');
  }

  /** Opens the example news article that embeds the map. */
  async openArticle({ lang }: { lang?: 'zh-TW' } = {}) {
    await this.host.install();
    await this.page.goto('/examples/embed.html');
    // The article's frame asks for English: without it, the app's own language.
    if (lang === 'zh-TW') await this.page.setContent((await this.page.content()).replace('lang=en&amp;', ''), { waitUntil: 'load' });
  }

  /** Asks the full app for its embed snippet. */
  async copySnippet(): Promise<string> {
    await this.embedButton.click();
    return this.snippet.inputValue();
  }

  /** A page holding only `snippet`, as a site pasting it would have. */
  async pasteIntoPage(snippet: string) {
    await this.page.setContent(`<!DOCTYPE html><body style="margin:0">${snippet}</body>`);
  }

  /** Counts each call to the location API from now on (`geolocationCalls`):
   *  each would be a prompt the reader did not ask for. */
  async countGeolocationCalls() {
    await this.page.addInitScript(() => {
      (window as any).__geolocationCalls = 0;
      const count = () => {
        (window as any).__geolocationCalls++;
      };
      navigator.geolocation.getCurrentPosition = count as any;
      navigator.geolocation.watchPosition = count as any;
    });
  }

  async geolocationCalls(): Promise<number> {
    return this.embedded.root.evaluate(() => (window as any).__geolocationCalls);
  }

  /** The embedded map's feed has loaded (or its saved copy). */
  async loaded() {
    await expect(this.embedded.feedStatus).toHaveAttribute('data-state', /ok|stale/, { timeout: 15_000 });
  }

  async screenshot(name: string, project: string) {
    await this.page.screenshot({ path: `e2e/screenshots/${project}-${name}.png` });
  }
}

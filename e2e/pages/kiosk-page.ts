// A kiosk in a district office: the app in kiosk mode at its own place,
// with a digit pad instead of a keyboard, and an idle reset.
import type { Locator, Page } from '@playwright/test';
import { MapPage } from './map-page';

export class KioskPage extends MapPage {
  readonly digitPad: Locator;

  constructor(page: Page) {
    super(page);
    this.digitPad = this.root.locator('.digit-pad');
  }

  /** Opens the kiosk at `at` (lat,lng) with these other parameters. */
  async open(at: string, params: Record<string, string> = {}) {
    await this.goto({ tiles: 'none', mode: 'kiosk', at, ...params });
  }

  /** The key for one digit on the pad. */
  digitKey(digit: number): Locator {
    return this.digitPad.locator(`[data-digit="${digit}"]`);
  }

  /** Taps a digit on the pad, as a visitor standing at the screen does. */
  async tapDigit(digit: number) {
    await this.digitKey(digit).tap();
  }

  /** Clicks a digit (for a desktop's mouse). */
  async clickDigit(digit: number) {
    await this.digitKey(digit).click();
  }

  async tapZoomOut() {
    await this.map.zoomOutButton.tap();
  }
}

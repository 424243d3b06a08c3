// A pharmacy's details: name, address, phone, stock, hours, notes and the
// ways to get there (links in the app, a QR code on a kiosk).
import type { Locator } from '@playwright/test';

export class DetailsPanel {
  readonly element: Locator;
  readonly name: Locator;
  readonly address: Locator;
  readonly phoneLink: Locator;
  readonly notes: Locator;
  /** Open periods in the week's grid (7 days × 3 periods). */
  readonly openPeriods: Locator;
  readonly googleDirections: Locator;
  readonly appleDirections: Locator;
  readonly osmDirections: Locator;
  /** A kiosk's directions: a QR code (with `data-url`). */
  readonly directionsQr: Locator;
  readonly closeButton: Locator;
  /** The star (`aria-pressed`), and the chart of today's counts. */
  readonly favouriteToggle: Locator;
  readonly chart: Locator;

  constructor(readonly root: Locator) {
    this.element = root.getByTestId('details');
    this.name = this.element.locator('h2');
    this.address = this.element.locator('.details__address');
    this.phoneLink = this.element.locator('a.details__phone');
    this.notes = this.element.locator('.details__notes');
    this.openPeriods = this.element.locator('.details__week td.open');
    this.googleDirections = this.element.locator('a[href^="https://www.google.com/maps/dir/"]');
    this.appleDirections = this.element.locator('a[href^="https://maps.apple.com/"]');
    this.osmDirections = this.element.locator('a[href^="https://www.openstreetmap.org/directions"]');
    this.directionsQr = this.element.getByTestId('directions-qr');
    this.favouriteToggle = this.element.getByTestId('favourite-toggle');
    this.chart = this.element.getByTestId('count-chart');
    this.closeButton = this.element.getByRole('button', { name: /Close|關閉/ });
  }

  /** The stock line of one product (`adult`, `child`). */
  stock(product: string): Locator {
    return this.element.locator(`[data-product=${product}]`);
  }

  /** The pharmacy's name and address exactly as written, line breaks included. */
  async nameText() {
    return this.name.textContent();
  }

  async addressText() {
    return this.address.textContent();
  }

  /** The QR code's picture, as a camera would take it. */
  async qrScreenshot(): Promise<Buffer> {
    return this.directionsQr.locator('svg').screenshot();
  }

  async close() {
    await this.closeButton.click();
  }

  /** Touches the panel (a kiosk visitor still reading). */
  async touch() {
    await this.element.tap();
  }
}

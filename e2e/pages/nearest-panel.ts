// "Nearest with stock": the place it measures from (a link's at=, the
// device's location, a point picked on the map, a county's centre) and the list.
import type { Locator } from '@playwright/test';

export class NearestPanel {
  readonly element: Locator;
  /** The listed pharmacies, nearest first (each with `data-id`, `data-distance-m`). */
  readonly items: Locator;
  readonly useMyLocationButton: Locator;
  readonly pickOnMapButton: Locator;
  readonly useAreaCentreButton: Locator;
  readonly locateProblem: Locator;

  constructor(readonly root: Locator) {
    this.element = root.getByTestId('nearest');
    this.items = root.getByTestId('nearest-item');
    this.useMyLocationButton = root.getByRole('button', { name: 'Use my location' });
    this.pickOnMapButton = root.getByRole('button', { name: 'Pick on the map' });
    this.useAreaCentreButton = root.getByRole('button', { name: "Use the chosen area's centre" });
    this.locateProblem = root.getByTestId('locate-problem');
  }

  item(index: number): Locator {
    return this.items.nth(index);
  }

  /** The pharmacy codes listed, in order. */
  async codes(): Promise<(string | null)[]> {
    return this.items.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  }

  /** The distances listed, in metres, in order. */
  async distances(): Promise<number[]> {
    return this.items.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-distance-m'))));
  }

  async codeOf(index: number) {
    return this.item(index).getAttribute('data-id');
  }

  /** Opens the details of the pharmacy listed at `index` (a click, or a tap on a touch screen). */
  async open(index = 0, { tap = false } = {}) {
    const name = this.item(index).locator('.nearest-item__name');
    await (tap ? name.tap() : name.click());
  }

  async useMyLocation() {
    await this.useMyLocationButton.click();
  }

  async pickOnMap() {
    await this.pickOnMapButton.click();
  }

  async useAreaCentre() {
    await this.useAreaCentreButton.click();
  }
}

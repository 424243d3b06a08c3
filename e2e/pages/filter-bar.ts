// The filters: stock, product, county and town (folded behind one button on
// a phone). Each changes the map and the address at once.
import type { Locator } from '@playwright/test';

export class FilterBar {
  readonly element: Locator;
  /** A phone's "Filters (n)" button that unfolds the bar. */
  readonly toggle: Locator;
  readonly onlyWithStock: Locator;
  readonly county: Locator;
  readonly town: Locator;
  readonly product: Locator;

  constructor(readonly root: Locator) {
    this.element = root.getByTestId('filters');
    this.toggle = root.getByRole('button', { name: /Filters|篩選/ });
    this.onlyWithStock = root.getByLabel('Only with stock');
    this.county = root.locator('select[name=county]');
    this.town = root.locator('select[name=town]');
    this.product = root.locator('select[name=product]');
  }

  /** The county among the county filter's choices. */
  countyChoice(county: string): Locator {
    return this.county.locator(`option[value=${JSON.stringify(county)}]`);
  }

  /** Unfolds the bar (a phone's button). */
  async unfold() {
    await this.toggle.click();
  }

  async showOnlyWithStock() {
    await this.onlyWithStock.check();
  }

  async chooseCounty(county: string) {
    await this.county.selectOption(county);
  }

  async chooseTown(town: string) {
    await this.town.selectOption(town);
  }

  async chooseProduct(product: string) {
    await this.product.selectOption(product);
  }
}

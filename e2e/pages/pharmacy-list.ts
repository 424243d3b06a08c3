// The list of every pharmacy that passes the filters, with its search box.
import type { Locator } from '@playwright/test';

export class PharmacyList {
  readonly element: Locator;
  readonly openButton: Locator;
  readonly searchBox: Locator;
  /** "N pharmacies" (with `data-count`). */
  readonly count: Locator;
  readonly items: Locator;

  constructor(readonly root: Locator) {
    this.element = root.getByTestId('list');
    this.openButton = root.locator('.list__toggle');
    this.searchBox = root.getByTestId('list-search');
    this.count = root.getByTestId('list-count');
    this.items = this.element.getByTestId('list-item');
  }

  async open() {
    await this.openButton.click();
  }

  async search(text: string) {
    await this.searchBox.fill(text);
  }

  async shownCount() {
    return Number(await this.count.getAttribute('data-count'));
  }

  /** The entry of the pharmacy with this code. */
  item(code: string): Locator {
    return this.items.and(this.root.locator(`[data-id=${JSON.stringify(code)}]`));
  }

  /** The name and the address in an entry, exactly as written. */
  nameIn(item: Locator): Locator {
    return item.locator('.nearest-item__name');
  }

  addressIn(item: Locator): Locator {
    return item.locator('.list-item__address');
  }

  /** Opens the details of the pharmacy with this name. */
  async choose(name: string) {
    await this.element.getByRole('button', { name }).click();
  }

  /** Opens the details of the pharmacy with this code. */
  async chooseCode(code: string) {
    await this.nameIn(this.item(code)).click();
  }
}

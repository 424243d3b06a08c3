// The list of every pharmacy that passes the filters, with its search box.
// Only the rows in view are in the page; each says its place among all
// matching (aria-posinset of aria-setsize). The list works out an answer in
// the background (aria-busy="true" meanwhile): open() and search() wait for it.
import { expect, type Locator } from '@playwright/test';

export class PharmacyList {
  readonly element: Locator;
  readonly openButton: Locator;
  readonly searchBox: Locator;
  /** "N pharmacies" (with `data-count`). */
  readonly count: Locator;
  readonly items: Locator;
  /** The scrolling part, holding the rows. */
  readonly scroller: Locator;

  constructor(readonly root: Locator) {
    this.element = root.getByTestId('list');
    this.openButton = root.locator('.list__toggle');
    this.searchBox = root.getByTestId('list-search');
    this.count = root.getByTestId('list-count');
    this.items = this.element.getByTestId('list-item');
    this.scroller = this.element.locator('.list__scroller');
  }

  async open() {
    await this.openButton.click();
    await this.answered();
  }

  async close() {
    await this.element.getByRole('button', { name: /close|關閉/i }).click();
  }

  async search(text: string) {
    await this.searchBox.fill(text);
    await this.answered();
  }

  /** Waits until the list shows the answer to what was last asked. */
  async answered() {
    await expect(this.element).toHaveAttribute('aria-busy', 'false');
  }

  /** Each rendered row's [aria-posinset, aria-setsize], in page order. */
  async positions(): Promise<[number, number][]> {
    return this.items.evaluateAll((items) =>
      items.map((li) => [Number(li.getAttribute('aria-posinset')), Number(li.getAttribute('aria-setsize'))] as [number, number]),
    );
  }

  /** The rendered rows' codes, in page order. */
  async codes(): Promise<string[]> {
    return this.items.evaluateAll((items) => items.map((li) => li.getAttribute('data-id') ?? ''));
  }

  /** The aria-posinset of the row whose button has the keyboard focus (0: none). */
  async focusedPosition(): Promise<number> {
    return this.element.evaluate(() => Number(document.activeElement?.closest('[data-testid=list-item]')?.getAttribute('aria-posinset') ?? 0));
  }

  /** Scrolls the rows to `fraction` (0 = top, 1 = the end) of their height, as a reader dragging the scroll bar. */
  async scrollTo(fraction: number) {
    await this.scroller.evaluate((el, f) => {
      el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
    }, fraction);
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

// "Can I buy today?": the summary button, the panel, what a citizen types
// (the last digit or a whole ID, on a keyboard or a kiosk's digit pad) and
// the verdict (`data-verdict`, `data-next`).
import { expect, type Locator } from '@playwright/test';

export class EligibilityPanel {
  /** The header's summary ("Today (Tue): even IDs"), which opens the panel. */
  readonly buyToday: Locator;
  readonly element: Locator;
  readonly whoCanBuy: Locator;
  readonly input: Locator;
  readonly verdict: Locator;
  readonly date: Locator;
  readonly rememberParity: Locator;
  readonly lastPurchase: Locator;
  readonly nextPurchase: Locator;
  readonly clearPurchaseButton: Locator;
  readonly rulesProblem: Locator;
  readonly links: Locator;
  readonly closeButton: Locator;

  constructor(readonly root: Locator) {
    this.buyToday = root.getByTestId('buy-today');
    this.element = root.getByTestId('eligibility');
    this.whoCanBuy = root.getByTestId('who-can-buy');
    this.input = root.getByTestId('eligibility-input');
    this.verdict = root.getByTestId('eligibility-result');
    this.date = root.getByTestId('eligibility-date');
    this.rememberParity = root.getByTestId('remember-parity');
    this.lastPurchase = root.getByTestId('last-purchase');
    this.nextPurchase = root.getByTestId('next-purchase');
    this.clearPurchaseButton = root.getByTestId('clear-purchase');
    this.rulesProblem = root.getByTestId('rules-problem');
    this.links = this.element.locator('a');
    this.closeButton = this.element.getByRole('button', { name: /Close|關閉/ });
  }

  /** A link among the panel's sources. */
  sourceLink(name: RegExp | string): Locator {
    return this.element.getByRole('link', { name });
  }

  /** Clicks (or taps) the header's summary, which opens (or closes) the panel. */
  async clickSummary() {
    await this.buyToday.click();
  }

  async tapSummary() {
    await this.buyToday.tap();
  }

  /** Opens the panel from the summary, unless it is open already. */
  async open({ tap = false } = {}) {
    if (!(await this.element.isVisible())) await (tap ? this.buyToday.tap() : this.buyToday.click());
    await expect(this.element).toBeVisible();
  }

  async close({ tap = false } = {}) {
    await (tap ? this.closeButton.tap() : this.closeButton.click());
  }

  /** Types an ID or its last digit into the field (replacing what was there). */
  async enter(text: string) {
    await this.input.fill(text);
  }

  /** Types key by key, as a person does. */
  async typeSlowly(text: string) {
    await this.input.pressSequentially(text, { delay: 10 });
  }

  /** Picks another day to check. */
  async checkDay(isoDate: string) {
    await this.date.fill(isoDate);
  }

  async rememberMyParity() {
    await this.rememberParity.check();
  }

  async forgetMyParity() {
    await this.rememberParity.uncheck();
  }

  async boughtOn(isoDate: string) {
    await this.lastPurchase.fill(isoDate);
  }

  async clearPurchase() {
    await this.clearPurchaseButton.click();
  }
}

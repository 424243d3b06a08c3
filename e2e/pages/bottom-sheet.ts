// The panel beside the map on a wide screen, a bottom sheet on a phone:
// dragged (or tapped, or toggled by key) between a peek and full height.
import type { Locator } from '@playwright/test';

type Box = { x: number; y: number; width: number; height: number };

export class BottomSheet {
  /** The sheet (with `data-state`: peek or full). */
  readonly element: Locator;
  readonly handle: Locator;
  readonly showMoreButton: Locator;
  readonly showLessButton: Locator;

  constructor(readonly root: Locator) {
    this.element = root.getByTestId('sheet');
    this.handle = root.locator('.sheet__handle');
    this.showMoreButton = this.element.getByRole('button', { name: 'Show more' });
    this.showLessButton = this.element.getByRole('button', { name: 'Show less' });
  }

  async box() {
    return (await this.element.boundingBox())!;
  }

  async height() {
    return (await this.box()).height;
  }

  /** Drags the handle from its centre to `y` pixels below its top edge
   *  (above it when negative), as a finger would. */
  async dragHandleTo(y: number, steps = 8) {
    const page = this.root.page();
    const h = await this.handleBox();
    await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await page.mouse.down();
    await page.mouse.move(h.x + h.width / 2, h.y + y, { steps });
    await page.mouse.up();
  }

  async handleBox(): Promise<Box> {
    return (await this.handle.boundingBox())!;
  }

  async tapHandle() {
    await this.handle.tap();
  }

  /** Focuses the handle and presses Enter, as a keyboard user would. */
  async toggleByKey() {
    await this.handle.focus();
    await this.root.page().keyboard.press('Enter');
  }
}

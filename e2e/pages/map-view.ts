// The Leaflet map as a person sees it: pins, clusters, the "here" dot, the
// zoom buttons, the tiles and the credit; and how a finger or mouse moves it.
import type { ElementHandle, Locator } from '@playwright/test';

/** A marker: found by a locator, or held as the very element (`sameElement`). */
type Target = Locator | ElementHandle<Element>;

/** Computed style of an element: what a user sees of its ring and cursor. */
const styleOf = (el: Target, property: 'outlineStyle' | 'cursor') => (el as Locator).evaluate((e, p) => getComputedStyle(e)[p], property);

export class MapView {
  /** The map's region (with `data-zoom` and `data-drawn`). */
  readonly element: Locator;
  /** Single pharmacies (each with `data-id`). */
  readonly markers: Locator;
  readonly clusters: Locator;
  /** Everything the marker pane holds: pins, clusters and the "here" dot. */
  readonly everyMarker: Locator;
  /** The "you are here" dot. */
  readonly here: Locator;
  readonly zoomInButton: Locator;
  readonly zoomOutButton: Locator;
  /** The map's credit (Leaflet's attribution control). */
  readonly credit: Locator;
  readonly creditLinks: Locator;
  readonly tiles: Locator;
  readonly loadedTiles: Locator;

  constructor(readonly root: Locator) {
    this.element = root.getByTestId('map');
    this.markers = root.locator('.leaflet-marker-pane [data-id]');
    this.clusters = root.locator('.leaflet-marker-pane .cluster');
    this.everyMarker = root.locator('.leaflet-marker-pane > *');
    this.here = root.locator('.leaflet-marker-icon.here');
    this.zoomInButton = root.locator('.leaflet-control-zoom-in');
    this.zoomOutButton = root.locator('.leaflet-control-zoom-out');
    this.credit = root.locator('.leaflet-control-attribution');
    this.creditLinks = this.credit.locator('a');
    this.tiles = root.locator('.leaflet-tile');
    this.loadedTiles = root.locator('.leaflet-tile-loaded');
  }

  private get page() {
    return this.root.page();
  }

  /** Whether the credit is on top where it is drawn, not under a panel. */
  async creditUncovered(): Promise<boolean> {
    return this.credit.evaluate((credit) => {
      const r = credit.getBoundingClientRect();
      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return top !== null && credit.contains(top);
    });
  }

  /** The pin of the pharmacy with this code. */
  pin(code: string): Locator {
    return this.root.locator(`.leaflet-marker-pane [data-id=${JSON.stringify(code)}]`);
  }

  /** The pin of this pharmacy, shown as selected. */
  selectedPin(code: string): Locator {
    return this.root.locator(`.pin-selected[data-id=${JSON.stringify(code)}]`);
  }

  /** Pins whose tooltip (the pharmacy's name) starts with `prefix`. */
  pinsTitledFrom(prefix: string): Locator {
    return this.root.locator(`.leaflet-marker-icon[title^=${JSON.stringify(prefix)}]`);
  }

  /** Elements whose pharmacy code starts with `prefix`. */
  codesFrom(prefix: string): Locator {
    return this.root.locator(`[data-id^=${JSON.stringify(prefix)}]`);
  }

  async zoom(): Promise<number> {
    return Number(await this.element.getAttribute('data-zoom'));
  }

  async box() {
    return (await this.element.boundingBox())!;
  }

  /** Pharmacies on the map: single pins plus every cluster's `data-count`. */
  async shownCount(): Promise<number> {
    const clustered = await this.clusters.evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute('data-count')), 0));
    return clustered + (await this.markers.count());
  }

  /** Clusters that hold a sold-out pharmacy (fewer with stock than in all). */
  async clustersWithSoldOut(): Promise<number> {
    return this.clusters.evaluateAll((els) => els.filter((e) => e.getAttribute('data-with-stock') !== e.getAttribute('data-count')).length);
  }

  /** Drags the map from its centre by (dx, dy) pixels, as a finger or mouse would. */
  async drag(dx: number, dy: number, steps = 8) {
    const box = await this.box();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps });
    await this.page.mouse.up();
  }

  /** Drags `target` (a cluster, say) by (dx, dy) with the mouse. */
  async dragFrom(target: Target, dx: number, dy: number) {
    const box = (await target.boundingBox())!;
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Clicks the map at (dx, dy) pixels from its top-left corner. */
  async clickAt(dx: number, dy: number) {
    const box = await this.box();
    await this.page.mouse.click(box.x + dx, box.y + dy);
  }

  /** The element `marker` finds now, kept even if the locator would later
   *  find another (clusters are re-sorted as the map moves). */
  async sameElement(marker: Locator): Promise<ElementHandle<Element>> {
    return (await marker.elementHandle())!;
  }

  /** Whether Leaflet says a drag is under way (its class on the body). */
  async dragging(): Promise<boolean> {
    return this.page.evaluate(() => document.body.classList.contains('leaflet-dragging'));
  }

  /** The outline style of a marker: how its ring looks. */
  ringOf(marker: Target) {
    return styleOf(marker, 'outlineStyle');
  }

  /** The mouse cursor over a marker or the map. */
  cursorOver(target: Target) {
    return styleOf(target, 'cursor');
  }

  /** The cursor over the map's own background. */
  cursor() {
    return styleOf(this.element, 'cursor');
  }

  /** Notes where each cluster is now; `clusterMoves` says how far the same
   *  elements have moved since, so a rebuilt cluster is not counted. */
  async markClusters(): Promise<number> {
    return this.clusters.evaluateAll((els) => {
      els.forEach((e) => ((e as any).__before = e.getBoundingClientRect().toJSON()));
      return els.length;
    });
  }

  async clusterMoves(): Promise<[number, number][]> {
    return this.clusters.evaluateAll((els) =>
      els
        .filter((e) => (e as any).__before)
        .map((e) => {
          const now = e.getBoundingClientRect();
          return [now.x - (e as any).__before.x, now.y - (e as any).__before.y] as [number, number];
        }),
    );
  }

  /** From now on, keeps the fewest markers the pane ever holds (`fewestMarkers`). */
  async watchFewestMarkers() {
    await this.element.evaluate((map) => {
      const pane = map.querySelector('.leaflet-marker-pane')!;
      (window as any).__fewest = pane.childElementCount;
      new MutationObserver(() => {
        (window as any).__fewest = Math.min((window as any).__fewest, pane.childElementCount);
      }).observe(pane, { childList: true });
    });
  }

  async fewestMarkers(): Promise<number> {
    return this.page.evaluate(() => (window as any).__fewest);
  }

  /** From now on, records each time the map says it is drawn (or not), with
   *  how many clusters then hold a sold-out pharmacy ("true:0"), and each
   *  filter change ("filter changed"). Read back with `drawnStates`. */
  async recordDrawnStates() {
    await this.element.evaluate((map) => {
      const seen: string[] = [];
      (window as any).__drawnStates = seen;
      new MutationObserver(() => {
        const drawn = map.getAttribute('data-drawn') ?? '';
        const stale = [...map.querySelectorAll('.leaflet-marker-pane .cluster')].filter(
          (e) => e.getAttribute('data-with-stock') !== e.getAttribute('data-count'),
        ).length;
        seen.push(`${drawn}:${stale}`);
      }).observe(map, { attributes: true, attributeFilter: ['data-drawn'] });
      document.addEventListener('change', () => seen.push('filter changed'), { capture: true });
    });
  }

  async drawnStates(): Promise<string[]> {
    return this.page.evaluate(() => (window as any).__drawnStates);
  }

  /** A pin well inside the map (above a phone's sheet), and the pin a tap
   *  20 px right of its centre reaches: [its code, the tapped pin's code]. */
  async pinAndTapBeside(): Promise<[string | null, string | null]> {
    return this.element.evaluate((mapEl) => {
      const map = mapEl.getBoundingClientRect();
      const pins = [...mapEl.querySelectorAll('.leaflet-marker-pane .pin')];
      const inView = pins.find((p) => {
        const r = p.getBoundingClientRect();
        return r.left > map.left + 60 && r.right < map.right - 60 && r.top > map.top + 60 && r.bottom < map.top + map.height * 0.55;
      })!;
      const r = inView.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2 + 20, r.top + r.height / 2);
      const id = (p: Element | null | undefined) => p?.closest('.pin')?.getAttribute('data-id') ?? null;
      return [id(inView), id(at)] as [string | null, string | null];
    });
  }
}

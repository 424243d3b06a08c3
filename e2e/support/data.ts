// The real snapshots in ../shared/data (see its SOURCES.md), read directly so
// that expected figures are computed here, independently of the app.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const dataDir = resolve(process.env.MASK_MAP_DATA ?? fileURLToPath(new URL('../../../shared/data', import.meta.url)));

/** The snapshot scripts/serve.mjs makes the default feed. */
export const DEFAULT_SNAPSHOT = 'points-2021-02-28.json';

export function readSnapshot(name: string): any {
  return JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
}

/** What the feed-status hook and the map must show for a kiang points.json. */
export function expectedFromKiang(doc: any) {
  const features: any[] = doc.features;
  const located = features.filter((f) => {
    const [lng, lat] = f.geometry?.coordinates ?? [];
    return f.geometry?.type === 'Point' && Number.isFinite(lat) && Number.isFinite(lng) && !(lat === 0 && lng === 0);
  });
  // Stamps are `YYYY/MM/DD HH:MM:SS` in Taipei time, so text order is time order.
  const newest = features.map((f) => f.properties.updated as string).sort().at(-1)!;
  const [date, time] = newest.split(' ');
  return {
    count: new Set(features.map((f) => f.properties.id)).size,
    locatedIds: located.map((f) => f.properties.id as string).sort(),
    asOf: `${date.replaceAll('/', '-')}T${time}+08:00`,
  };
}

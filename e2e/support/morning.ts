// A morning of polls for the tests of the day's counts (history.spec.ts,
// watch.spec.ts): the real NHIA snapshot of 2020-03-03 with its counts taken
// as 08:00's, every pharmacy selling its adult masks three to a card at 36
// an hour, 愛維喜藥局's counts frozen, 大鳥藥局's row stuck at 07:30, and
// 吳興藥局 (none in the file) restocked with 60 at 08:12.
import { DEFAULT_REGISTRY, MASK_CSV, readData, readSnapshot } from './data';

export const AT = '25.0336,121.5648'; // 台北 101
export const FALLING = '大順安藥局';
export const FROZEN = '愛維喜藥局';
export const LAGGING = '大鳥藥局';
export const RESTOCKED = '吳興藥局';
/** Adult masks an hour, three to a card. */
export const PACE = 36;
/** Minutes after 08:00 when RESTOCKED gets its masks, and how many. */
export const RESTOCK_AT = 12;
export const RESTOCK = 60;

const [header, ...rows] = readData(MASK_CSV).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
const rowOf = (name: string) => rows.find((r) => r.split(',')[1] === name)!.split(',');
export const codeOf = (name: string) => rowOf(name)[0];
export const adultOf = (name: string) => Number(rowOf(name)[4]);

/** The registry's place of the pharmacy named `name`, as the link's lat and lng. */
export function placeOf(name: string) {
  const feature = readSnapshot(DEFAULT_REGISTRY).features.find((f: any) => String(f.properties.id) === codeOf(name));
  const [lng, lat] = feature.geometry.coordinates;
  return { lat: String(lat), lng: String(lng) };
}

const stamp = (minutes: number) => {
  const hh = String(8 + Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `2020/03/03 ${hh}:${mm}:00`;
};

/** What is left of `start` after `minutes` at PACE, sold three at a time. */
export const left = (start: number, minutes: number) => Math.max(0, start - Math.floor((PACE * minutes) / 60 / 3) * 3);

/** The feed `minutes` after 08:00. */
export function feedAt(minutes: number): string {
  const out = rows.map((row) => {
    const f = row.split(',');
    if (f[1] === LAGGING) return [...f.slice(0, 6), '2020/03/03 07:30:00'].join(',');
    let adult = f[1] === FROZEN ? Number(f[4]) : left(Number(f[4]), minutes);
    if (f[1] === RESTOCKED) adult = minutes < RESTOCK_AT ? 0 : left(RESTOCK, minutes - RESTOCK_AT);
    return [f[0], f[1], f[2], f[3], String(adult), f[5], stamp(minutes)].join(',');
  });
  return `\uFEFF${header}\n${out.join('\n')}\n`;
}

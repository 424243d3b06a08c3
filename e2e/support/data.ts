// The real snapshots in ../shared/data (see its SOURCES.md), read directly so
// that expected figures are computed here, independently of the app.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const dataDir = resolve(process.env.MASK_MAP_DATA ?? fileURLToPath(new URL('../../../shared/data', import.meta.url)));

export const KIANG = 'points-2021-02-28.json';
export const MASK_CSV = 'maskdata-2020-03-03.csv';
/** The feed and registry scripts/serve.mjs makes the defaults. */
export const DEFAULT_FEED = MASK_CSV;
export const DEFAULT_REGISTRY = 'alt-geojson-masksLeft-2020-08-01.json';
export const RAPID_TEST = 'rapidtest-2022-04-28.csv';

export function readData(name: string): Buffer {
  return readFileSync(join(dataDir, name));
}

export function readSnapshot(name: string): any {
  return JSON.parse(readData(name).toString('utf8'));
}

/** What the app must show for a feed: distinct codes, mapped codes, as-of. */
export interface Expected {
  count: number;
  locatedIds: string[];
  asOf: string | null;
}

/** `YYYY/MM/DD HH:MM:SS` (Taipei) → ISO 8601 with +08:00. Stamps of this shape sort as text. */
function isoOfNewest(stamps: string[]): string | null {
  const newest = stamps.filter(Boolean).sort().at(-1);
  if (!newest) return null;
  const [date, time] = newest.trim().split(' ');
  return `${date.replaceAll('/', '-')}T${time}+08:00`;
}

function inTaiwan(lat: number, lng: number) {
  return lat >= 21.8 && lat <= 26.5 && lng >= 118 && lng <= 122.2;
}

/** A GeoJSON feed with its own points (kiang or findmasks shape). */
export function expectedFromGeoJson(doc: any): Expected {
  const features: any[] = doc.features;
  const located = features.filter((f) => {
    const [lng, lat] = f.geometry?.coordinates ?? [];
    return f.geometry?.type === 'Point' && inTaiwan(lat, lng);
  });
  return {
    count: new Set(features.map((f) => f.properties.id)).size,
    locatedIds: [...new Set(located.map((f) => String(f.properties.id)))].sort(),
    asOf: isoOfNewest(features.map((f) => f.properties.updated)),
  };
}

/** The data rows of an NHIA CSV, split plainly (the files use no quoting). */
export function csvRows(name: string): string[][] {
  return readData(name)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split(','));
}

/** NHIA maskdata.csv, placed with a registry GeoJSON by institution code. */
export function expectedFromMaskCsv(name: string, registryName: string): Expected {
  const rows = csvRows(name);
  const registry = new Set(expectedFromGeoJson(readSnapshot(registryName)).locatedIds);
  const codes = [...new Set(rows.map((r) => r[0]))];
  return {
    count: codes.length,
    locatedIds: codes.filter((c) => registry.has(c)).sort(),
    asOf: isoOfNewest(rows.map((r) => r[6])),
  };
}

/** NHIA Fstdata.csv: longitude (column 4) before latitude (column 5). */
export function expectedFromRapidTestCsv(name: string): Expected {
  const rows = csvRows(name);
  return {
    count: new Set(rows.map((r) => r[0])).size,
    locatedIds: [...new Set(rows.filter((r) => inTaiwan(Number(r[4]), Number(r[3]))).map((r) => r[0]))].sort(),
    asOf: isoOfNewest(rows.map((r) => r[8])),
  };
}

export const expectedDefault = () => expectedFromMaskCsv(DEFAULT_FEED, DEFAULT_REGISTRY);

/** The default feed's located pharmacies as [code, county-ish address, adult, child]. */
export function maskCsvLocatedRows(name: string, registryName: string): string[][] {
  const registry = new Set(expectedFromGeoJson(readSnapshot(registryName)).locatedIds);
  return csvRows(name).filter((r) => registry.has(r[0]));
}

/** A mask CSV rewritten as RFC 4180 allows, though the NHIA files never do:
 *  the name of one located pharmacy (followed by another located one) becomes
 *  a quoted field holding a comma, a doubled quote and a line break; records
 *  end in CRLF and the file starts with a BOM. Returns the file, the changed
 *  row (its name as the field's text) and the row after it, unchanged. */
export function maskCsvWithQuotedName(name: string, registryName: string) {
  const located = new Set(expectedFromGeoJson(readSnapshot(registryName)).locatedIds);
  const lines = readData(name)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const isLocated = (line?: string) => line !== undefined && located.has(line.split(',')[0]);
  const at = lines.findIndex((line, i) => i > 0 && isLocated(line) && isLocated(lines[i + 1]));
  const row = lines[at].split(',');
  const quotedName = `${row[1]}, "總店"\n二樓`;
  lines[at] = [row[0], `"${quotedName.replaceAll('"', '""')}"`, ...row.slice(2)].join(',');
  return {
    body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
    row: [row[0], quotedName, ...row.slice(2)],
    next: lines[at + 1].split(','),
  };
}

/** The check-digit examples of ../shared/rules-sources.md ("Example valid: …"). */
export function validIdExamples(): string[] {
  const text = readFileSync(join(dataDir, '../rules-sources.md'), 'utf8');
  return text
    .split('\n')
    .flatMap((line) => (line.includes('valid:') ? line.split('valid:')[1].split(/[ ,.]+/) : []))
    .filter((t) => /^[A-Z][A-Z0-9]\d{8}$/.test(t));
}

/** The bundled rules file, as the app serves it. */
export function bundledRules(): any {
  return JSON.parse(readFileSync(fileURLToPath(new URL('../../public/rules.json', import.meta.url)), 'utf8'));
}

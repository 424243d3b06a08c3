// The compact location registry: a GeoJSON registry's points as `code,lng,lat`
// lines (src/feed/registry.rs reads both forms alike; the join needs nothing
// else). scripts/serve.mjs serves it; scripts/bench-load.mjs counts its bytes.

export const COMPACT_REGISTRY = 'registry-compact.csv';

/** `geojson`: the registry's text. Coordinates are written as JSON gave them. */
export function compactRegistry(geojson) {
  const lines = JSON.parse(geojson)
    .features.filter((f) => f?.geometry?.coordinates && f.properties?.id != null)
    .map((f) => `${String(f.properties.id).replaceAll(',', '')},${f.geometry.coordinates[0]},${f.geometry.coordinates[1]}\n`);
  return Buffer.from('code,lng,lat\n' + lines.join(''));
}

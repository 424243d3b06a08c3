#!/usr/bin/env node
// Serves the built app (dist/) on 127.0.0.1, gzipped as a CDN would, plus the
// real data snapshots at /data/ when a data folder is present. Node built-ins
// only, so it runs wherever `npm ci` ran.
//
//   node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--dist dist]
//                          [--connect-src 'ORIGIN …'] [--img-src 'ORIGIN …']
//   MASK_MAP_DATA=/path/to/data  (default: ../shared/data beside the repo)
//
// The app's pages carry a strict Content-Security-Policy (no inline script,
// 'wasm-unsafe-eval' for WebAssembly only). --connect-src names the origins
// feeds, registries and rules may come from (default: the public feeds), and
// --img-src the tile servers' (default: OpenStreetMap).
//
// When that folder holds the bundled snapshot, the page's default feed and
// registry (<meta name="mask-map:default-feed|registry">) are pointed at it;
// otherwise the page keeps its public defaults.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import { COMPACT_REGISTRY, compactRegistry } from './compact-registry.mjs';

const repo = resolve(fileURLToPath(import.meta.url), '../..');
/** The real data the app shows by default: the richest snapshot, NHIA's
 *  maskdata.csv of 2020-03-03 (6,588 pharmacies), placed with the
 *  findmasks-shape registry (5,764 of them). */
export const DEFAULT_SNAPSHOT = 'maskdata-2020-03-03.csv';
export const DEFAULT_REGISTRY = 'alt-geojson-masksLeft-2020-08-01.json';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    dist: { type: 'string', default: join(repo, 'dist') },
    'connect-src': { type: 'string', default: 'https://raw.githubusercontent.com https://data.nhi.gov.tw' },
    'img-src': { type: 'string', default: 'https://tile.openstreetmap.org https://*.tile.openstreetmap.org' },
    // `--csp off` serves another page as it is (the benchmark's 2020 peer, whose script is inline).
    csp: { type: 'string', default: 'on' },
  },
});

/** The policy the app runs under (checked end-to-end: e2e/tests/csp.spec.ts). */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  `img-src 'self' data: ${args['img-src']}`,
  `connect-src 'self' ${args['connect-src']}`,
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  // News sites embed the map in an iframe.
  'frame-ancestors *',
].join('; ');
const dist = resolve(args.dist);
const dataDir = resolve(process.env.MASK_MAP_DATA ?? join(repo, '..', 'shared', 'data'));
const hasData = [DEFAULT_SNAPSHOT, DEFAULT_REGISTRY].every((f) => existsSync(join(dataDir, f)));

/** The default registry as `code,lng,lat` lines: on a phone network the
 *  GeoJSON's other properties cost half a second. Derived once, at start. */
const compactDefault = hasData ? compactRegistry(readFileSync(join(dataDir, DEFAULT_REGISTRY), 'utf8')) : null;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.geojson', '.csv', '.svg', '.map']);

/** The file under `root` for a URL path, or null if it would escape `root`. */
function within(root, urlPath) {
  const file = resolve(root, '.' + urlPath);
  return file === root || file.startsWith(root + sep) ? file : null;
}

function locate(pathname) {
  if (pathname.startsWith('/data/')) {
    return existsSync(dataDir) ? within(dataDir, pathname.slice('/data'.length)) : null;
  }
  // A news page that embeds the app (examples/embed.html), as integrators do.
  if (pathname.startsWith('/examples/')) {
    return within(join(repo, 'examples'), pathname.slice('/examples'.length));
  }
  return within(dist, pathname === '/' ? '/index.html' : pathname);
}

async function body(file) {
  let bytes = await readFile(file);
  if (file === join(dist, 'index.html') && hasData) {
    bytes = Buffer.from(
      bytes
        .toString('utf8')
        .replace(/(<meta name="mask-map:default-feed" content=")[^"]*(")/, `$1data/${DEFAULT_SNAPSHOT}$2`)
        .replace(/(<meta name="mask-map:default-registry" content=")[^"]*(")/, `$1data/${COMPACT_REGISTRY}$2`),
    );
  }
  return bytes;
}

/** Brotli (as CDNs serve to browsers that ask) or gzip, each file compressed
 *  once per content: brotli at its best setting takes a second on a feed, so
 *  files above a few MB (the benchmarks' 100,000 pharmacies) get the middle
 *  setting CDNs use on the fly, not a minute at the best one. */
const compressedCache = new Map();
function compressed(encoding, file, bytes) {
  const key = `${encoding} ${file}`;
  const hit = compressedCache.get(key);
  if (hit && hit.source.equals(bytes)) return hit.bytes;
  const out =
    encoding === 'br'
      ? brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: bytes.length > 4e6 ? 5 : 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
      : gzipSync(bytes, { level: 9 });
  compressedCache.set(key, { source: bytes, bytes: out });
  return out;
}

const server = createServer(async (req, res) => {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    res.writeHead(400).end('bad request');
    return;
  }
  const compact = compactDefault && pathname === `/data/${COMPACT_REGISTRY}`;
  const file = compact ? join(dataDir, COMPACT_REGISTRY) : locate(pathname);
  const info = compact ? { isFile: () => true } : file && (await stat(file).catch(() => null));
  if (!info?.isFile() || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(info?.isFile() ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  const ext = extname(file);
  let bytes = compact ? compactDefault : await body(file);
  const headers = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    // Feeds and the page change; the hashed build files do not (Trunk's hash
    // is hex without leading zeros: up to 16 digits, sometimes fewer).
    'cache-control': /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    // As any static host or CDN: a revalidation of an unchanged file costs a 304.
    etag: `W/"${createHash('sha1').update(bytes).digest('base64url').slice(0, 20)}"`,
    'x-content-type-options': 'nosniff',
    ...(ext === '.html' && file.startsWith(dist) && args.csp !== 'off' ? { 'content-security-policy': CSP } : {}),
    vary: 'accept-encoding',
  };
  if ((req.headers['if-none-match'] ?? '').split(/,\s*/).includes(headers.etag)) {
    res.writeHead(304, { etag: headers.etag, 'cache-control': headers['cache-control'], vary: headers.vary }).end();
    return;
  }
  const accepts = req.headers['accept-encoding'] ?? '';
  if (COMPRESSIBLE.has(ext) && /\bbr\b/.test(accepts)) {
    bytes = compressed('br', file, bytes);
    headers['content-encoding'] = 'br';
  } else if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(accepts)) {
    bytes = compressed('gzip', file, bytes);
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = bytes.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : bytes);
});

server.listen(Number(args.port), args.host, () => {
  const { port } = server.address();
  console.log(`mask-map: http://${args.host}:${port}/  (dist: ${dist})`);
  console.log(
    hasData
      ? `data: ${dataDir} at /data/; default feed /data/${DEFAULT_SNAPSHOT}, registry /data/${DEFAULT_REGISTRY}`
      : `data: none at ${dataDir}; default feed is the public points.json`,
  );
});

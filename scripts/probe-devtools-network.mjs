#!/usr/bin/env node
// A probe, not part of the benchmark: what Playwright's DevTools session
// costs a page's main thread when the page downloads a large body.
//   node scripts/probe-devtools-network.mjs
// Playwright turns the DevTools Network domain on for every page it drives;
// DevTools then keeps each response body on the page's main thread, which no
// user's browser does. The same page fetches the 2020-03-03 NHIA CSV repeated
// 8 times (about 6 MB) four times at 4× CPU, once driven by Playwright and once
// over a bare DevTools pipe (no Network domain), and prints the long tasks
// (over 50 ms) the page itself observed in each, with the body served as text
// and as bytes.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { dataDir } from './bench-browser.mjs';
import { launchOverPipe, openPipePage } from './devtools-pipe.mjs';

const PORT = 8898;
const body = readFileSync(join(dataDir, 'maskdata-2020-03-03.csv'), 'utf8').repeat(8);
let contentType = 'text/csv; charset=utf-8';
const server = http
  .createServer((req, res) => {
    const big = req.url.startsWith('/big');
    res.writeHead(200, { 'content-type': big ? contentType : 'text/html', 'cache-control': 'no-store' });
    res.end(big ? body : '<!doctype html><title>probe</title>');
  })
  .listen(PORT);
const PAGE = `http://127.0.0.1:${PORT}/`;
const LONG_TASKS_WHILE_FETCHING = `(async () => {
  const tasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(Math.round(e.duration)))).observe({ type: 'longtask' });
  for (let i = 0; i < 4; i++) {
    await (await fetch('/big?' + i)).arrayBuffer();
    await new Promise((r) => setTimeout(r, 300));
  }
  await new Promise((r) => setTimeout(r, 500));
  return tasks;
})()`;

/** The page driven over a bare DevTools pipe: only the calls below. */
async function bare() {
  const browser = launchOverPipe();
  try {
    const page = await openPipePage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(PAGE);
    await new Promise((r) => setTimeout(r, 1000));
    await page.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    return await page.evaluate(LONG_TASKS_WHILE_FETCHING);
  } finally {
    await browser.close();
  }
}

/** The same page driven by Playwright, as the benchmark drives its pages. */
async function withPlaywright() {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(PAGE);
    await new Promise((r) => setTimeout(r, 1000));
    await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
    return await page.evaluate(LONG_TASKS_WHILE_FETCHING);
  } finally {
    await browser.close();
  }
}

try {
  for (const type of ['text/csv; charset=utf-8', 'application/octet-stream']) {
    contentType = type;
    console.log(`${(Buffer.byteLength(body) / 1048576).toFixed(1)} MB as ${type}, fetched 4 times, long tasks (ms) the page saw:`);
    for (let run = 0; run < 2; run++) {
      console.log(`  bare DevTools pipe: [${await bare()}]   Playwright: [${await withPlaywright()}]`);
    }
  }
} finally {
  server.close();
}

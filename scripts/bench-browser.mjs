// The browser side every benchmark shares: the release build served as users
// get it, Debian's Chromium with precise memory info and gc(), and the app's
// own wasm module exposed to the page (window.wasmBindings, window.__wasm).
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

export const repo = resolve(fileURLToPath(import.meta.url), '../..');
export const dataDir = resolve(process.env.MASK_MAP_DATA ?? join(repo, '..', 'shared', 'data'));

/** Runs `measure(page)` in an app page whose own feed fails fast (so its heap starts small). */
export async function withAppPage(port, measure) {
  // --csp off: the benchmarks inject their baselines (supercluster) as scripts.
  const server = spawn('node', [join(repo, 'scripts/serve.mjs'), '--port', String(port), '--csp', 'off'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 800));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Precise heap figures and gc() for the memory columns.
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc --max-old-space-size=8192'],
  });
  try {
    const page = await browser.newPage();
    await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => (window.__wasm = e.detail.wasm)));
    await page.goto(`http://127.0.0.1:${port}/?feed=data/none.json&refresh=0&tiles=none`);
    await page.waitForFunction(() => window.wasmBindings && window.__wasm);
    return await measure(page);
  } finally {
    await browser.close();
    server.kill();
  }
}

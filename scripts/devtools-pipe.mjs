// Debian's Chromium driven over a bare DevTools pipe (--remote-debugging-pipe):
// only the commands its caller sends. Playwright turns the DevTools Network
// domain on for every page it drives, and DevTools then keeps each response
// body on the page's main thread, a task no user's browser runs
// (scripts/probe-devtools-network.mjs). The benchmark's frame figures are
// measured through this instead.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

// The switches Playwright launches its Chromium with that bear on how a page
// runs (headless as a desktop with a mouse, timers and renderers never
// throttled), so that a page here differs from one under Playwright only in
// the DevTools domains turned on.
const AS_PLAYWRIGHT_LAUNCHES = [
  '--headless',
  '--hide-scrollbars',
  '--mute-audio',
  '--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4',
  '--disable-field-trial-config',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-ipc-flooding-protection',
  '--disable-back-forward-cache',
  '--disable-dev-shm-usage',
];

/** A browser: `send(method, params, sessionId)` answers with the result;
 *  `on(method, sessionId, handler)` hears events and returns its remover. */
export function launchOverPipe() {
  const profile = mkdtempSync(join(tmpdir(), 'mask-map-pipe-'));
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, ...AS_PLAYWRIGHT_LAUNCHES, `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const [toBrowser, fromBrowser] = [child.stdio[3], child.stdio[4]];
  const replies = new Map();
  const listeners = new Set();
  let lastId = 0;
  let pending = Buffer.alloc(0);
  // Messages end with a NUL byte; a chunk may end inside a UTF-8 character.
  fromBrowser.on('data', (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    for (let end; (end = pending.indexOf(0)) >= 0; pending = pending.subarray(end + 1)) {
      const message = JSON.parse(pending.subarray(0, end).toString('utf8'));
      if (message.id == null) {
        listeners.forEach((hear) => hear(message));
        continue;
      }
      const reply = replies.get(message.id);
      replies.delete(message.id);
      if (message.error) reply?.reject(new Error(`${reply.method}: ${message.error.message}`));
      else reply?.resolve(message.result);
    }
  });
  // A browser gone (closed, or crashed) answers nothing more: fail what waits.
  const exited = new Promise((resolve) =>
    child.once('exit', () => {
      replies.forEach(({ method, reject }) => reject(new Error(`${method}: the browser exited`)));
      replies.clear();
      resolve();
    }),
  );
  const send = (method, params = {}, sessionId = undefined) =>
    new Promise((resolve, reject) => {
      replies.set(++lastId, { method, resolve, reject });
      toBrowser.write(`${JSON.stringify({ id: lastId, method, params, sessionId })}\0`);
    });
  const on = (method, sessionId, handler) => {
    const hear = (m) => m.method === method && m.sessionId === sessionId && handler(m.params);
    listeners.add(hear);
    return () => listeners.delete(hear);
  };
  return {
    send,
    on,
    async close() {
      // Asked, not killed: a killed browser's other processes can still be
      // writing into its profile while it is being removed.
      const killing = setTimeout(() => child.kill(), 10_000);
      await send('Browser.close').catch(() => child.kill());
      await exited;
      clearTimeout(killing);
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

/** A page in a context of its own (as Playwright's newContext), `viewport`
 *  sized, with `initScript` run in every document before the page's own. */
export async function openPipePage(browser, { viewport, initScript }) {
  const { browserContextId } = await browser.send('Target.createBrowserContext', { disposeOnDetach: true });
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank', browserContextId });
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
  const send = (method, params) => browser.send(method, params, sessionId);
  await send('Page.enable');
  await send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1, mobile: false });
  await send('Emulation.setFocusEmulationEnabled', { enabled: true });
  if (initScript) await send('Page.addScriptToEvaluateOnNewDocument', { source: initScript });
  /** The value of `expression` in the page (awaited if a promise). */
  const evaluate = async (expression) => {
    const { result, exceptionDetails } = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  };
  return {
    send,
    on: (method, handler) => browser.on(method, sessionId, handler),
    evaluate,
    async goto(url) {
      const { errorText } = await send('Page.navigate', { url });
      if (errorText) throw new Error(`${url}: ${errorText}`);
    },
    /** Polls `expression` every 100 ms until it is truthy (across navigations). */
    async waitFor(expression, timeout = 60_000) {
      const until = Date.now() + timeout;
      for (;;) {
        const value = await evaluate(expression).catch(() => undefined);
        if (value) return value;
        if (Date.now() > until) throw new Error(`not within ${timeout} ms: ${expression}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** A left-button drag from (x, y) by (dx, dy) in `steps` moves, as Playwright's mouse makes one. */
    async drag(x, y, dx, dy, steps) {
      const mouse = (type, at, pressed) =>
        send('Input.dispatchMouseEvent', { type, ...at, button: 'left', buttons: pressed ? 1 : 0, clickCount: type === 'mouseMoved' ? 0 : 1 });
      await send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
      await mouse('mousePressed', { x, y }, true);
      for (let i = 1; i <= steps; i++) await mouse('mouseMoved', { x: x + (dx * i) / steps, y: y + (dy * i) / steps }, true);
      await mouse('mouseReleased', { x: x + dx, y: y + dy }, false);
    },
    close: () => browser.send('Target.disposeBrowserContext', { browserContextId }),
  };
}

/** Chromium's trace (all of its processes) while `action` runs: its events. */
export async function traceOverPipe(browser, categories, action) {
  await browser.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: categories } });
  let events;
  try {
    await action();
  } finally {
    // Ended even when the action fails, so the browser can close.
    events = await endTrace(browser);
  }
  return events;
}

async function endTrace(browser) {
  const complete = new Promise((resolve) => {
    const stop = browser.on('Tracing.tracingComplete', undefined, (params) => {
      stop();
      resolve(params);
    });
  });
  await browser.send('Tracing.end');
  const { stream } = await complete;
  const parts = [];
  for (let eof = false; !eof; ) {
    const chunk = await browser.send('IO.read', { handle: stream, size: 1 << 20 });
    parts.push(Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'utf8'));
    eof = chunk.eof;
  }
  await browser.send('IO.close', { handle: stream });
  return JSON.parse(Buffer.concat(parts).toString('utf8')).traceEvents;
}

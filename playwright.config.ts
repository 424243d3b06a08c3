// End-to-end tests: Debian's Chromium (never a downloaded browser) against
// the release build in dist/, served by scripts/serve.mjs as users get it.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 8787);

export default defineConfig({
  testDir: './e2e/tests',
  outputDir: './e2e/results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    // Request routing (stubbed tiles, failing feeds) needs the page's own
    // requests; the offline test allows the service worker it is about.
    serviceWorkers: 'block',
  },
  projects: [
    // The feed layer does not depend on the screen: its tests run once, on desktop.
    {
      name: 'phone',
      testIgnore: /(feed|kiosk)\.spec/,
      use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
    },
    // The fault suite is about the phone of a citizen at 9 a.m.: it runs once, there.
    { name: 'desktop', testIgnore: /(kiosk|faults)\.spec/, use: { viewport: { width: 1280, height: 800 } } },
    // A district office's portrait touch screen.
    { name: 'kiosk', testMatch: /kiosk\.spec/, use: { viewport: { width: 1080, height: 1920 }, hasTouch: true } },
  ],
  webServer: {
    // The feed tests run their own feed server on another local port: the
    // policy's connect-src names it, as an operator names their feed's origin.
    command: `node scripts/serve.mjs --port ${port} --connect-src "http://127.0.0.1:* https://raw.githubusercontent.com"`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});

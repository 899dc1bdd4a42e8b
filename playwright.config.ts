import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the built extension (.output/chrome-mv3) in Debian's headed Chromium, run by
 * scripts/test-e2e.sh (which builds first). Browsers are launched by the fixtures in
 * tests/e2e/fixtures.ts, not by `projects`, because extensions need a persistent context; each worker
 * starts its own Xvfb there (tests/e2e/x-display.ts).
 *
 * E2E_WORKERS: number of workers (default 2, one per core of CI). E2E_REAL_DISPLAY=1: draw on the
 * existing $DISPLAY instead, to watch the tests; that forces one worker (one display, one pointer).
 */
const workers = process.env.E2E_REAL_DISPLAY === '1' ? 1 : Number(process.env.E2E_WORKERS ?? 2);
if (!Number.isInteger(workers) || workers < 1) throw new Error(`E2E_WORKERS must be a whole number >= 1, not "${process.env.E2E_WORKERS}"`);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // Each worker has its own X display, hence its own pointer for xdotool's real right-clicks.
  workers,
  // Tests, not just files, are spread over the workers: every test has its own browser, double and
  // site, so order does not matter, and the long files (api-outcomes, worker-stops) no longer end the
  // run on one worker while the other idles (measured: 5.4-5.6 min instead of 5.9-6.0 min).
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});

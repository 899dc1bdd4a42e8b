import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the built extension (.output/chrome-mv3) in Debian's headed Chromium, run by
 * scripts/test-e2e.sh (which builds first and provides Xvfb). Browsers are launched by the fixtures in
 * tests/e2e/fixtures.ts, not by `projects`, because extensions need a persistent context.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // One worker: two cores, one real mouse pointer (xdotool moves the X pointer shared by all windows).
  workers: 1,
  fullyParallel: false,
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

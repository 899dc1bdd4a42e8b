import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the built extension (.output/chrome-mv3) in Debian's headed Chromium, run by
 * scripts/test-e2e.sh (which builds first). Browsers are launched by the fixtures in
 * tests/e2e/fixtures.ts, not by `projects` (which only order the run here), because extensions need a
 * persistent context; each worker starts its own Xvfb there (tests/e2e/x-display.ts).
 *
 * E2E_WORKERS: number of workers (default 2, one per core of CI). E2E_REAL_DISPLAY=1: draw on the
 * existing $DISPLAY instead, to watch the tests; that forces one worker (one display, one pointer).
 */
const workers = process.env.E2E_REAL_DISPLAY === '1' ? 1 : Number(process.env.E2E_WORKERS ?? 2);
if (!Number.isInteger(workers) || workers < 1) throw new Error(`E2E_WORKERS must be a whole number >= 1, not "${process.env.E2E_WORKERS}"`);

/**
 * The specs with tests of ~25 s and more (up to ~80 s for the image corpus). They are queued first
 * (project "long"), everything else after (project "other"): a worker takes the next test when it is
 * free, so a long test queued near the end (alphabetical order put rate-limit and the three of
 * worker-stops there) kept one worker busy while the other had nothing left. Short tests last even
 * out the two workers' ends. New specs land in "other"; list one here when a test of it takes ~25 s.
 */
const LONG_SPECS = [
  'browser-restart.spec.ts',
  'history-export.spec.ts',
  'image-corpus.spec.ts',
  'large-input.spec.ts',
  'message-fuzz.spec.ts',
  'queue.spec.ts',
  'rate-limit.spec.ts',
  'result-page.spec.ts',
  'worker-stops.spec.ts',
].map((file) => `**/${file}`);

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
    // In CI a failed test runs again with a trace (recording every test cost ~5-8 % CPU on the two
    // cores); locally, the first failure keeps its trace.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // Not dependencies: both projects run in one phase, "long" queued ahead of "other".
  projects: [
    { name: 'long', testMatch: LONG_SPECS },
    { name: 'other', testIgnore: LONG_SPECS },
  ],
});

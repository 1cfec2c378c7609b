import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets two checkouts run their suites side by side without reusing each other's server.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * The browser is Debian's `chromium` package; Playwright never downloads one here.
 * `scripts/ensure-chromium.mjs` (the `pretest:e2e` script) checks the same path and installs it when missing.
 */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
};

/** scripts/run-e2e.mjs builds once; its second run (the serial project) starts the same build again. */
const BUILD = process.env.E2E_SKIP_BUILD === '1' ? '' : 'npm run build && ';

export default defineConfig({
  testDir: 'e2e',
  // Generous: nothing here races a clock; streams take seconds by design.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One worker unless asked: `npm run test:e2e` (scripts/run-e2e.mjs) runs the `parallel` project with
  // more, then the `serial` one alone. Tests tagged @serial measure timing or count the server's open
  // streams, so they run with nothing beside them; every other test is independent of the others.
  workers: 1,
  fullyParallel: false,
  // Honest results: a flaky test fails instead of passing on its second try.
  retries: 0,
  forbidOnly: !!process.env.CI,
  // One set of screenshots whichever project takes them (the name would otherwise include the project's).
  snapshotPathTemplate: '{testDir}/{testFilePath}-snapshots/{arg}-chromium-{platform}{ext}',
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // Twice the time a test may take alone: three workers share two cores, and an axe pass over the
    // whole lesson takes several seconds even on an idle machine.
    { name: 'parallel', grepInvert: /@serial/, fullyParallel: true, timeout: 120_000, use: CHROMIUM },
    { name: 'serial', grep: /@serial/, workers: 1, use: CHROMIUM },
  ],
  // The production build behind server.mjs, because that is what users get (compression included).
  webServer: {
    command: `${BUILD}PORT=${PORT} HOST=127.0.0.1 node server.mjs`,
    // Ready when the route answers: a one-frame stream with no delay. Probing `/` would make every
    // failure to render the page look like a 4-minute server start timeout.
    url: `${BASE_URL}/api/stream?n=1&delay=0`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { NEXT_TELEMETRY_DISABLED: '1' },
  },
});

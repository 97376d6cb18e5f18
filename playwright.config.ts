import fs from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

// End-to-end tests against the built app, served by tests/setup/e2e-server.mjs on its own
// database and its own port. Chromium comes from scripts/ensure-chromium.mjs (CHROMIUM_PATH,
// Debian's /usr/bin/chromium, or Playwright's own). See docs/decisions/007-test-database.md.
// E2E_PORT keys the port, the database, the log and the output folder, so that two checkouts of
// the repository can run their end-to-end tests at the same time.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3101)
const baseURL = `http://localhost:${E2E_PORT}`

const executablePath =
  process.env.CHROMIUM_PATH ??
  (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

// Without the networking flags Chromium keeps trying to reach Google, which this machine refuses.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.test.ts',
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: `test-results/playwright-${E2E_PORT}`,
  reporter: [['list'], ['json', { outputFile: `test-results/playwright-${E2E_PORT}.json` }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: { executablePath, args: chromiumArgs },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath, args: chromiumArgs } },
    },
    {
      // Patient flows (and sign-in) must work with JavaScript off: tests tagged @no-js run again here.
      name: 'no-js',
      grep: /@no-js/,
      use: {
        ...devices['Desktop Chrome'],
        javaScriptEnabled: false,
        launchOptions: { executablePath, args: chromiumArgs },
      },
    },
  ],
  webServer: {
    command: 'node tests/setup/e2e-server.mjs',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { E2E_PORT: String(E2E_PORT) },
  },
})

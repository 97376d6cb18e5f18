import { defineConfig } from '@playwright/test'
import base from './playwright.config.ts'

/**
 * `npm run screenshots`: every patient step and the main staff pages at 360 × 800 and
 * 1280 × 800, written to screenshots/ (not committed), so anyone can look at the whole product in
 * a minute. Same built app, test server and clock as the end-to-end tests; not part of npm test.
 */
export default defineConfig({
  ...base,
  testDir: 'tests/screenshots',
  retries: 0,
  timeout: 180_000,
  reporter: [['list']],
  outputDir: 'test-results/screenshots',
  projects: [
    { name: 'phone', use: { ...base.use, viewport: { width: 360, height: 800 } } },
    { name: 'desktop', use: { ...base.use, viewport: { width: 1280, height: 800 } } },
  ],
})

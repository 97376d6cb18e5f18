import { defineConfig } from 'vitest/config'

// Unit tests (pure rules, next to the code) and integration tests (*.server.test.ts, on a real
// migrated SQLite file that is fresh for every test). See docs/decisions/007-test-database.md.
export default defineConfig({
  test: {
    include: [
      'app/**/*.test.{ts,tsx}',
      'db/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
      // The proof suites (docs/decisions/024-proof-tests.md); tests/e2e is Playwright's.
      'tests/access/**/*.test.ts',
      'tests/fuzz/**/*.test.ts',
    ],
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['tests/setup/setup-test-env.ts'],
    pool: 'forks',
    // Two cores: one worker per core.
    maxWorkers: 2,
    env: { NODE_ENV: 'test', TZ: 'UTC', LOG_LEVEL: 'silent' },
    testTimeout: 20_000,
  },
})

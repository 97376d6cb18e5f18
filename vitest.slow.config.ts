import { defineConfig } from 'vitest/config'

// `npm run test:slow`: the crash test (security goal G2), which starts and kills a writer process
// 50 times and takes a minute or two. See docs/decisions/024-proof-tests.md.
export default defineConfig({
  test: {
    include: ['tests/crash/**/*.slow.test.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    env: { NODE_ENV: 'test', TZ: 'UTC', LOG_LEVEL: 'silent' },
    testTimeout: 240_000,
  },
})

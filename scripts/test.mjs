// `npm test`: every check the project has, with one summary line at the end.
//   typecheck, lint, Vitest (unit + integration), Vitest slow (crash test) and the build run side
//   by side (each prints its output when it ends); then Playwright (Chromium, JS on and off).
// Each stage runs even when another failed, so one run shows everything that is wrong.
// The closing line "N passed, N failed" sums every runner; .ci/run prints it last.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { findChromium } from './ensure-chromium.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)
const RESULTS = 'test-results'
fs.mkdirSync(RESULTS, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const stages = []
const suiteStarted = Date.now()

/**
 * Runs one command. Alone, its output streams to the terminal; beside others it goes to a log
 * file that is printed whole when the command ends, so outputs never interleave.
 */
function run(name, command, args, { env = {}, alone = false } = {}) {
  const started = Date.now()
  const logFile = path.join(RESULTS, `${name.replace(/\W+/g, '-')}.log`)
  return new Promise((resolve) => {
    const out = alone ? 'inherit' : fs.openSync(logFile, 'w')
    if (alone) console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`)
    const child = spawn(command, args, {
      stdio: ['ignore', out, out],
      env: { ...process.env, ...env },
    })
    child.on('close', (status) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      if (!alone) {
        fs.closeSync(out)
        console.log(`\n▶ ${name}: ${command} ${args.join(' ')} (${seconds}s)`)
        process.stdout.write(fs.readFileSync(logFile, 'utf8'))
      }
      resolve({ ok: status === 0, seconds })
    })
  })
}

/** A check with no test count of its own (typecheck, lint, build) counts as one test. */
async function check(name, command, args, options) {
  const { ok, seconds } = await run(name, command, args, options)
  totals[ok ? 'passed' : 'failed'] += 1
  stages.push(`${ok ? '✔' : '✘'} ${name} (${seconds}s)`)
  return ok
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** A Vitest run whose JSON report adds its test counts to the totals. */
async function vitest(name, label, report, extraArgs = []) {
  fs.rmSync(report, { force: true })
  const { ok, seconds } = await run(name, 'npx', [
    'vitest',
    'run',
    ...extraArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ])
  const json = readJson(report)
  if (json) {
    totals.passed += json.numPassedTests
    totals.failed += json.numFailedTests + (ok || json.numFailedTests > 0 ? 0 : 1)
    totals.skipped += json.numPendingTests + json.numTodoTests
    stages.push(
      `${ok ? '✔' : '✘'} ${label}: ${json.numPassedTests} passed, ${json.numFailedTests} failed (${seconds}s)`,
    )
  } else {
    totals.failed += 1
    stages.push(`✘ ${label} produced no report (${seconds}s)`)
  }
}

// The crash test (kill -9 during writes, docs/security-goals.md G2) has its own config, also
// `npm run test:slow` (docs/decisions/024-proof-tests.md).
const [, , , , built] = await Promise.all([
  check('typecheck', 'npx', ['tsc', '--noEmit']),
  check('lint', 'npm', ['run', 'lint']),
  vitest('unit and integration tests', 'vitest', path.join(RESULTS, 'vitest.json')),
  vitest('slow tests', 'vitest (slow)', path.join(RESULTS, 'vitest-slow.json'), [
    '--config',
    'vitest.slow.config.ts',
  ]),
  check('build', 'npm', ['run', 'build']),
])

{
  let chromium = null
  try {
    chromium = await findChromium()
  } catch (error) {
    console.error(error.message)
  }
  const report = path.join(RESULTS, `playwright-${process.env.E2E_PORT ?? 3101}.json`)
  fs.rmSync(report, { force: true })
  if (!built || !chromium) {
    totals.failed += 1
    stages.push(`✘ end-to-end tests not run (${!built ? 'build failed' : 'no Chromium'})`)
  } else {
    const { ok, seconds } = await run('end-to-end tests', 'npx', ['playwright', 'test'], {
      env: { CHROMIUM_PATH: chromium },
      alone: true,
    })
    const json = readJson(report)
    if (json?.stats) {
      const { expected, unexpected, flaky, skipped } = json.stats
      totals.passed += expected + flaky
      totals.failed += unexpected + (ok || unexpected > 0 ? 0 : 1)
      totals.skipped += skipped
      stages.push(
        `${ok ? '✔' : '✘'} playwright: ${expected + flaky} passed${flaky ? ` (${flaky} flaky)` : ''}, ${unexpected} failed (${seconds}s)`,
      )
    } else {
      totals.failed += 1
      stages.push(`✘ playwright produced no report (${seconds}s)`)
    }
  }
}

const minutes = ((Date.now() - suiteStarted) / 60_000).toFixed(1)
const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`
fs.writeFileSync(path.join(RESULTS, 'summary.txt'), `${summary}\n`)
console.log(`\n${stages.join('\n')}\n(${minutes} minutes in all)\n\n${summary}`)
process.exit(totals.failed === 0 ? 0 : 1)

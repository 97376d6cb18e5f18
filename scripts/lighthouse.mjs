// `npm run lighthouse [-- --runs=5] [--no-build]`: Lighthouse CI (mobile default preset:
// simulated 150 ms RTT, 1.6 Mbps, 4× CPU slowdown) with the system Chromium against the built app
// on a fresh demo database, on the public pages /, /book and /book/time (a draft is started in
// the browser first, see lighthouse-draft.cjs). Takes the median of the runs per page, prints
// the scores, writes bench/lighthouse.json (npm run bench reads it for goal e) and exits 1 when
// a budget of docs/performance-goals.md section 6(e) or the JS byte budget of 6(d) is missed.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { findChromium } from './ensure-chromium.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)
const args = process.argv.slice(2)
const runs = Number(args.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 5)
if (!Number.isInteger(runs) || runs < 1 || runs > 9) {
  console.error('--runs must be a whole number from 1 to 9')
  process.exit(2)
}
const PORT = 3750
const ORIGIN = `http://localhost:${PORT}`
const PAGES = ['/', '/book', '/book/time']
const work = path.join(root, 'bench/.tmp/lighthouse')
const database = path.join(work, 'lighthouse.db')

/** The budgets, on the median run of each page. Scores are 0–100 here. */
const BUDGETS = [
  { key: 'performance', label: 'performance', min: 95 },
  { key: 'accessibility', label: 'accessibility', min: 100 },
  { key: 'best-practices', label: 'best practices', min: 95 },
  { key: 'seo', label: 'SEO', min: 90 },
]
const METRICS = [
  // Core Web Vitals' "good" LCP (docs/decisions/031-floor-relative-budgets.md): the goals' 1.8 s
  // is reported by npm run bench as a stretch goal, since lab LCP here swings by a second from run
  // to run with the trace (docs/decisions/026-speed-pass-2.md).
  { audit: 'largest-contentful-paint', label: 'LCP ms', max: 2500 },
  { audit: 'total-blocking-time', label: 'TBT ms', max: 100 },
  { audit: 'cumulative-layout-shift', label: 'CLS', max: 0.02 },
  { audit: 'server-response-time', label: 'server ms', max: 50 },
]
/** docs/performance-goals.md 6(d): the booking page's scripts, as LHCI's resource-summary counts them. */
const SCRIPT_BYTES_MAX = 112_640

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.ceil(sorted.length / 2) - 1]
}

function waitForServer(child) {
  const deadline = Date.now() + 60_000
  return (async () => {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`)
      const ok = await new Promise((resolve) => {
        const request = http.get(`${ORIGIN}/healthz`, { timeout: 1000 }, (response) => {
          response.resume()
          resolve(response.statusCode === 200)
        })
        request.on('error', () => resolve(false))
        request.on('timeout', () => request.destroy())
      })
      if (ok) return
      await sleep(200)
    }
    throw new Error(`${ORIGIN} did not start within 60 s`)
  })()
}

if (!args.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const chromium = await findChromium()
fs.rmSync(work, { recursive: true, force: true })
fs.mkdirSync(work, { recursive: true })

// A fresh database: the server migrates it and seeds the demo clinic at start.
const server = spawn(process.execPath, [path.join(root, 'bench/workers/app.mjs')], {
  env: {
    ...process.env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATABASE_PATH: database,
    NODE_ENV: 'production',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    SCHEDULER: 'false',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const stopServer = () => {
  if (server.exitCode === null) server.kill('SIGTERM')
}
process.once('exit', stopServer)

let lhrs
try {
  await waitForServer(server)
  const config = {
    ci: {
      collect: {
        url: PAGES.map((page) => ORIGIN + page),
        numberOfRuns: runs,
        // Relative to LHCI's working directory (it joins this path onto it).
        puppeteerScript: path.relative(work, path.join(root, 'scripts/lighthouse-draft.cjs')),
        puppeteerLaunchOptions: {
          executablePath: chromium,
          headless: true,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  }
  const configFile = path.join(work, 'lighthouserc.json')
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2))
  console.log(`Lighthouse CI: ${runs} run(s) × ${PAGES.length} pages, mobile preset, ${chromium}`)
  const lhci = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/@lhci/cli/src/cli.js'), 'collect', `--config=${configFile}`],
    { cwd: work, stdio: 'inherit', timeout: 15 * 60_000 },
  )
  if (lhci.status !== 0) throw new Error(`lhci collect failed (${lhci.status ?? lhci.signal})`)
  const dir = path.join(work, '.lighthouseci')
  lhrs = fs
    .readdirSync(dir)
    .filter((name) => /^lhr-.*\.json$/.test(name))
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')))
} finally {
  stopServer()
}

const pages = PAGES.map((page) => {
  const mine = lhrs.filter(
    (lhr) => new URL(lhr.finalDisplayedUrl ?? lhr.finalUrl).pathname === page,
  )
  const requested = lhrs.filter((lhr) => new URL(lhr.requestedUrl).pathname === page)
  if (mine.length !== requested.length)
    throw new Error(`${page} was redirected in some runs: it is not the page we meant to audit`)
  const categories = Object.fromEntries(
    BUDGETS.map(({ key }) => [
      key,
      median(mine.map((lhr) => Math.round(lhr.categories[key].score * 100))),
    ]),
  )
  const metrics = Object.fromEntries(
    METRICS.map(({ audit }) => [audit, median(mine.map((lhr) => lhr.audits[audit].numericValue))]),
  )
  const scriptBytes = median(
    mine.map(
      (lhr) =>
        lhr.audits['resource-summary'].details.items.find((item) => item.resourceType === 'script')
          ?.transferSize ?? 0,
    ),
  )
  // What kept a category below 100 in any run: the audits to fix.
  const findings = new Set()
  for (const lhr of mine) {
    for (const key of ['accessibility', 'best-practices', 'seo', 'performance']) {
      for (const ref of lhr.categories[key].auditRefs) {
        const audit = lhr.audits[ref.id]
        if (ref.weight > 0 && audit.score !== null && audit.score < 0.9)
          findings.add(`${key}: ${ref.id} (${audit.displayValue ?? audit.score})`)
      }
    }
  }
  return { page, runs: mine.length, categories, metrics, scriptBytes, findings: [...findings] }
})

const rows = pages.map((p) => [
  p.page,
  ...BUDGETS.map(({ key }) => String(p.categories[key])),
  ...METRICS.map(({ audit }) =>
    audit === 'cumulative-layout-shift'
      ? p.metrics[audit].toFixed(3)
      : Math.round(p.metrics[audit]).toString(),
  ),
  String(p.scriptBytes),
])
const headers = [
  'page',
  ...BUDGETS.map((b) => b.label),
  ...METRICS.map((m) => m.label),
  'script bytes',
]
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
const line = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ')
console.log(`\nMedian of ${runs} run(s) per page:`)
console.log(
  [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'),
)

const failures = []
for (const p of pages) {
  for (const budget of BUDGETS)
    if (p.categories[budget.key] < budget.min)
      failures.push(`${p.page}: ${budget.label} ${p.categories[budget.key]} < ${budget.min}`)
  for (const metric of METRICS)
    if (p.metrics[metric.audit] > metric.max)
      failures.push(`${p.page}: ${metric.label} ${p.metrics[metric.audit]} > ${metric.max}`)
}
const bookTime = pages.find((p) => p.page === '/book/time')
if (bookTime.scriptBytes > SCRIPT_BYTES_MAX)
  failures.push(`/book/time: scripts ${bookTime.scriptBytes} bytes > ${SCRIPT_BYTES_MAX}`)
for (const p of pages)
  if (p.findings.length) console.log(`\n${p.page} audits below 0.9:\n  ${p.findings.join('\n  ')}`)

const lowest = (key) => Math.min(...pages.map((p) => p.categories[key]))
const highest = (audit) => Math.max(...pages.map((p) => p.metrics[audit]))
const chromiumVersion = spawnSync(chromium, ['--version'], { encoding: 'utf8' }).stdout.trim()
fs.writeFileSync(
  path.join(root, 'bench/lighthouse.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      runs,
      preset: 'mobile (Lighthouse default: simulated throttling)',
      lighthouse: lhrs[0]?.lighthouseVersion,
      chromium: chromiumVersion,
      pages,
      figures: {
        'lighthouse.performanceMin': lowest('performance'),
        'lighthouse.accessibilityMin': lowest('accessibility'),
        'lighthouse.bestPracticesMin': lowest('best-practices'),
        'lighthouse.seoMin': lowest('seo'),
        'lighthouse.lcpMaxMs': highest('largest-contentful-paint'),
        'lighthouse.tbtMaxMs': highest('total-blocking-time'),
        'lighthouse.clsMax': highest('cumulative-layout-shift'),
        'lighthouse.serverResponseMaxMs': highest('server-response-time'),
        'lighthouse.bookTimeScriptBytes': bookTime.scriptBytes,
      },
      failures,
    },
    null,
    2,
  )}\n`,
)
console.log(`\nWrote bench/lighthouse.json`)
if (failures.length) {
  console.log(`\nMissed:\n  ${failures.join('\n  ')}`)
  process.exit(1)
}
console.log('All Lighthouse budgets met.')

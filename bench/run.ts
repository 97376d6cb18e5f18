// `npm run bench [-- --quick | --full] [--check] [--only=page,search,race,writes,js] [--no-build]`
//
// Measures the goals of docs/performance-goals.md section 6 on this machine, each
// with its baseline in the same run, writes bench/results.json and prints the figures and the
// budget verdicts. With --check it exits 1 when a budget (not a stretch goal) is missed.
// Method and limits: docs/decisions/022-benchmarks.md. Loopback only; every loop is bounded.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BUDGETS, checkBudgets, checkPassed, type Figures, type Verdict } from './lib/budgets.ts'
import { type Context, type Mode, runWorker } from './lib/context.ts'
import { detectPinning, stopAllChildren } from './lib/processes.ts'
import { formatNumber, renderTable } from './lib/table.ts'
import { measureJs } from './sections/js.ts'
import { measurePages } from './sections/page.ts'
import { measureRace } from './sections/race.ts'
import { measureSearch } from './sections/search.ts'
import { measureWrites } from './sections/writes.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const mode: Mode = flag('quick') ? 'quick' : flag('full') ? 'full' : 'default'
const SECTIONS = {
  page: { title: 'Pages over HTTP against the floor page (goal a)', run: measurePages },
  search: { title: 'Slot search, 50 × 90 days × 10k bookings (goal b)', run: measureSearch },
  race: { title: 'One-slot race (goal c)', run: measureRace },
  writes: { title: 'Booking writes vs raw inserts (goal f)', run: measureWrites },
  js: { title: 'JavaScript per route, gzip (goal d)', run: measureJs },
} as const
type SectionName = keyof typeof SECTIONS
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
const unknown = (only ?? []).filter((name) => !(name in SECTIONS))
if (unknown.length > 0) {
  console.error(
    `Unknown section ${unknown.join(', ')}; choose from ${Object.keys(SECTIONS).join(', ')}`,
  )
  process.exit(2)
}
const selected = (Object.keys(SECTIONS) as SectionName[]).filter(
  (name) => !only || only.includes(name),
)

const tmpDir = path.join(root, 'bench/.tmp')
fs.rmSync(tmpDir, { recursive: true, force: true })
fs.mkdirSync(tmpDir, { recursive: true })
const log = (line: string) => console.log(line)
const pinning = detectPinning()
const startedAt = new Date()
const loadBefore = os.loadavg()

log(
  `Dermadesk benchmarks (${mode}) on ${os.cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`,
)
log(pinning.note)
if (loadBefore[0]! > 0.5)
  log(
    `NOTE: load average ${loadBefore.map((n) => n.toFixed(2)).join(' ')}: other work is running, figures will be noisy`,
  )

if (!flag('no-build')) {
  log('Building the app (npm run build)…')
  const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const context: Context = {
  root,
  tmpDir,
  pinning,
  mode,
  demoDb: path.join(tmpDir, 'demo-base.db'),
  figures: {},
  unmeasured: {},
  log: (line) => log(line),
}
await runWorker(context, 'prepare-demo', { file: context.demoDb }, 120_000)

const sections: Record<string, unknown> = {}
const errors: Record<string, string> = {}
for (const name of selected) {
  const section = SECTIONS[name]
  log(`\n== ${section.title}`)
  const started = Date.now()
  try {
    const result = await section.run(context)
    const { table, ...rest } = result
    sections[name] = { ...rest, seconds: (Date.now() - started) / 1000 }
    log(table)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    errors[name] = message
    log(`FAILED: ${message}`)
    for (const budget of BUDGETS)
      if (budget.figure.startsWith(`${name}.`))
        context.unmeasured[budget.figure] ??=
          `the ${name} benchmark failed: ${message.split('\n')[0]}`
  }
}
for (const name of Object.keys(SECTIONS) as SectionName[]) {
  if (selected.includes(name)) continue
  for (const budget of BUDGETS)
    if (budget.figure.startsWith(`${name}.`))
      context.unmeasured[budget.figure] ??= `not run (--only)`
}
stopAllChildren()

// Lighthouse (goal e) runs separately (npm run lighthouse); its last figures are used if present.
const lighthouseFile = path.join(root, 'bench/lighthouse.json')
if (fs.existsSync(lighthouseFile)) {
  const lighthouse = JSON.parse(fs.readFileSync(lighthouseFile, 'utf8')) as {
    date: string
    figures: Figures
  }
  Object.assign(context.figures, lighthouse.figures)
  for (const budget of BUDGETS)
    if (budget.figure.startsWith('lighthouse.') && context.figures[budget.figure] == null)
      context.unmeasured[budget.figure] = 'not in bench/lighthouse.json'
  log(`\nLighthouse figures from bench/lighthouse.json (${lighthouse.date})`)
} else {
  for (const budget of BUDGETS)
    if (budget.figure.startsWith('lighthouse.'))
      context.unmeasured[budget.figure] = 'run npm run lighthouse (it writes bench/lighthouse.json)'
}

const verdicts = checkBudgets(context.figures, context.unmeasured)
const verdictRows = (list: Verdict[]) =>
  list.map((v) => [
    v.id,
    v.text,
    v.figure === null ? '–' : `${formatNumber(v.figure)}${unitOf(v.id)}`,
    v.limit,
    v.status,
    v.note,
  ])
function unitOf(id: string): string {
  const unit = BUDGETS.find((budget) => budget.id === id)?.unit ?? ''
  return unit ? ` ${unit}` : ''
}
log('\n== Budgets (performance-goals.md section 6, re-based by ADR 031)')
log(
  renderTable(
    ['id', 'budget', 'figure', 'target', 'verdict', 'note'],
    verdictRows(verdicts.filter((v) => !v.stretch)),
  ),
)
log('\n== Stretch goals (reported, never fail --check)')
log(
  renderTable(
    ['id', 'stretch goal', 'figure', 'target', 'verdict', 'note'],
    verdictRows(verdicts.filter((v) => v.stretch)),
  ),
)

const gitCommit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
  encoding: 'utf8',
}).stdout.trim()
const gitDirty =
  spawnSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).stdout.trim() !== ''
const results = {
  date: startedAt.toISOString(),
  seconds: (Date.now() - startedAt.getTime()) / 1000,
  mode,
  machine: {
    cpu: os.cpus()[0]?.model ?? null,
    cores: os.availableParallelism(),
    memoryGB: os.totalmem() / 1024 ** 3,
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    loadAverageBefore: loadBefore,
    loadAverageAfter: os.loadavg(),
    pinning,
  },
  git: { commit: gitCommit, dirty: gitDirty },
  sections,
  errors,
  figures: context.figures,
  unmeasured: context.unmeasured,
  verdicts,
}
fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
log(`\nWrote bench/results.json (${results.seconds.toFixed(0)} s)`)

const counts = (status: Verdict['status']) =>
  verdicts.filter((v) => !v.stretch && v.status === status).length
log(
  `Budgets: ${counts('PASS')} pass, ${counts('FAIL')} fail, ${counts('INCOMPLETE')} incomplete, ${counts('NOT MEASURED')} not measured`,
)
if (Object.keys(errors).length > 0) log(`Sections that failed: ${Object.keys(errors).join(', ')}`)
if (flag('check') && !checkPassed(verdicts)) process.exit(1)
if (flag('check') && Object.keys(errors).length > 0) process.exit(1)

/**
 * The budgets of /work/shared/docs/performance-goals.md section 6, goal by goal (a–f, the letters
 * of that section), and the pure check that turns measured figures into verdicts.
 *
 * A figure is a number in a flat map keyed by name (the sections of bench/run.ts fill it). A
 * missing figure is never a pass: it is NOT MEASURED, with the reason the section recorded.
 */

export type Op = '<=' | '>=' | '=='
export type Status = 'PASS' | 'FAIL' | 'INCOMPLETE' | 'NOT MEASURED'

export type Budget = {
  id: string
  /** Goal letter in performance-goals.md section 6. */
  goal: 'a' | 'b' | 'c' | 'd' | 'e' | 'f'
  text: string
  figure: string
  op: Op
  limit: number
  unit: string
  /** Stretch goals are reported but never fail `--check`. */
  stretch?: boolean
  /** A pass only counts as complete when this also holds (e.g. enough repeated runs). */
  requires?: { figure: string; op: Op; limit: number; why: string }
}

export type Figures = Record<string, number | null | undefined>
/** Why a figure could not be measured, by figure name. */
export type Unmeasured = Record<string, string>

export type Verdict = {
  id: string
  goal: Budget['goal']
  text: string
  figure: number | null
  limit: string
  status: Status
  stretch: boolean
  note: string
}

export const BUDGETS: Budget[] = [
  // (a) Booking page SSR, real loader, server on one core and the load generator on the other.
  {
    id: 'a1',
    goal: 'a',
    text: 'booking page /book/time c=10 p50',
    figure: 'page.bookTime.c10.p50Ms',
    op: '<=',
    limit: 8,
    unit: 'ms',
  },
  {
    id: 'a2',
    goal: 'a',
    text: 'booking page /book/time c=10 p99',
    figure: 'page.bookTime.c10.p99Ms',
    op: '<=',
    limit: 30,
    unit: 'ms',
  },
  {
    id: 'a3',
    goal: 'a',
    text: 'booking page /book/time c=10 throughput',
    figure: 'page.bookTime.c10.reqPerSec',
    op: '>=',
    limit: 1200,
    unit: 'req/s',
  },
  {
    id: 'a4',
    goal: 'a',
    text: 'booking page c=10 throughput / hello-world',
    figure: 'page.bookTime.c10.ratioToHelloPct',
    op: '>=',
    limit: 1.3,
    unit: '%',
  },
  {
    id: 'a5',
    goal: 'a',
    text: 'booking page /book/time c=50 p99',
    figure: 'page.bookTime.c50.p99Ms',
    op: '<=',
    limit: 100,
    unit: 'ms',
  },
  {
    id: 'a6',
    goal: 'a',
    text: 'booking page c=10 throughput / hello-world',
    figure: 'page.bookTime.c10.ratioToHelloPct',
    op: '>=',
    limit: 1.7,
    unit: '%',
    stretch: true,
  },
  {
    id: 'a7',
    goal: 'a',
    text: 'booking page /book/time c=10 p99',
    figure: 'page.bookTime.c10.p99Ms',
    op: '<=',
    limit: 20,
    unit: 'ms',
    stretch: true,
  },
  // (b) Slot search, 50 practitioners × 90 days × 10,000 bookings.
  {
    id: 'b1',
    goal: 'b',
    text: 'slot search 50×90d×10k, fetch + compute, p50',
    figure: 'search.full.serverP50Ms',
    op: '<=',
    limit: 15,
    unit: 'ms',
  },
  {
    id: 'b2',
    goal: 'b',
    text: 'slot search 50×90d×10k, fetch + compute, p99',
    figure: 'search.full.serverP99Ms',
    op: '<=',
    limit: 40,
    unit: 'ms',
  },
  {
    id: 'b3',
    goal: 'b',
    text: 'slot search 50×90d×10k, compute alone, p50',
    figure: 'search.full.computeP50Ms',
    op: '<=',
    limit: 5,
    unit: 'ms',
  },
  {
    id: 'b4',
    goal: 'b',
    text: 'growth exponent, practitioners 1×→10× (time)',
    figure: 'search.slope.practitioners.time',
    op: '<=',
    limit: 1.15,
    unit: '',
  },
  {
    id: 'b5',
    goal: 'b',
    text: 'growth exponent, days 1×→10× (time)',
    figure: 'search.slope.days.time',
    op: '<=',
    limit: 1.15,
    unit: '',
  },
  {
    id: 'b6',
    goal: 'b',
    text: 'growth exponent, bookings 1×→10× (time)',
    figure: 'search.slope.bookings.time',
    op: '<=',
    limit: 1.15,
    unit: '',
  },
  {
    id: 'b7',
    goal: 'b',
    text: 'growth exponent of comparisons, worst dimension',
    figure: 'search.slope.maxComparisons',
    op: '<=',
    limit: 1.15,
    unit: '',
  },
  {
    id: 'b8',
    goal: 'b',
    text: 'common query 1 practitioner × 7 days, p99',
    figure: 'search.common.serverP99Ms',
    op: '<=',
    limit: 2,
    unit: 'ms',
  },
  {
    id: 'b9',
    goal: 'b',
    text: 'slot search 50×90d×10k, fetch + compute, p99',
    figure: 'search.full.serverP99Ms',
    op: '<=',
    limit: 20,
    unit: 'ms',
    stretch: true,
  },
  // (c) N concurrent attempts on one slot.
  {
    id: 'c1',
    goal: 'c',
    text: 'one-slot race (browser and form runs): a double booking, a 5xx, no winner or a lost retry',
    figure: 'race.unsafeRuns',
    op: '==',
    limit: 0,
    unit: 'runs',
    requires: {
      figure: 'race.runs',
      op: '>=',
      limit: 20,
      why: '20 runs of each client, 2,000 at c=200 (--full)',
    },
  },
  {
    id: 'c2',
    goal: 'c',
    text: 'one-slot race (browser and form runs): not exactly 1 winner and N−1 × 409 (timeouts count)',
    figure: 'race.failedRuns',
    op: '==',
    limit: 0,
    unit: 'runs',
    requires: {
      figure: 'race.runs',
      op: '>=',
      limit: 20,
      why: '20 runs of each client, 2,000 at c=200 (--full)',
    },
  },
  {
    id: 'c3',
    goal: 'c',
    text: 'one-slot race p99 latency, worst browser run (POST /book/time.data)',
    figure: 'race.worstP99Ms',
    op: '<=',
    limit: 250,
    unit: 'ms',
  },
  {
    id: 'c4',
    goal: 'c',
    text: 'one-slot race p99 latency, worst browser run',
    figure: 'race.worstP99Ms',
    op: '<=',
    limit: 150,
    unit: 'ms',
    stretch: true,
  },
  {
    // Reported beside c3, never failing: a form post without JavaScript that loses the race
    // gets the whole page rendered again, so its storm latency is that render times C.
    id: 'c5',
    goal: 'c',
    text: 'one-slot race p99, worst form run without JavaScript (reported)',
    figure: 'race.form.worstP99Ms',
    op: '<=',
    limit: 250,
    unit: 'ms',
    stretch: true,
  },
  // (d) JavaScript shipped per page, gzip (1 KB = 1,024 bytes, as LHCI's 112,640-byte budget).
  {
    id: 'd1',
    goal: 'd',
    text: 'booking page /book/time total JS, gzip',
    figure: 'js.bookTime.totalGzipKB',
    op: '<=',
    limit: 110,
    unit: 'KB',
  },
  {
    id: 'd2',
    goal: 'd',
    text: 'largest route-own chunk, gzip',
    figure: 'js.maxRouteChunkGzipKB',
    op: '<=',
    limit: 20,
    unit: 'KB',
  },
  {
    id: 'd3',
    goal: 'd',
    text: 'third-party scripts on public pages',
    figure: 'js.thirdPartyScripts',
    op: '==',
    limit: 0,
    unit: '',
  },
  {
    id: 'd4',
    goal: 'd',
    text: 'booking page HTML document, gzip',
    figure: 'js.bookTime.htmlGzipKB',
    op: '<=',
    limit: 5,
    unit: 'KB',
    stretch: true,
  },
  // (e) Lighthouse, mobile preset, median of the runs (npm run lighthouse writes the figures).
  {
    id: 'e1',
    goal: 'e',
    text: 'Lighthouse performance, lowest public page',
    figure: 'lighthouse.performanceMin',
    op: '>=',
    limit: 95,
    unit: '',
  },
  {
    id: 'e2',
    goal: 'e',
    text: 'Lighthouse accessibility, lowest public page',
    figure: 'lighthouse.accessibilityMin',
    op: '>=',
    limit: 100,
    unit: '',
  },
  {
    id: 'e3',
    goal: 'e',
    text: 'Lighthouse best practices, lowest public page',
    figure: 'lighthouse.bestPracticesMin',
    op: '>=',
    limit: 95,
    unit: '',
  },
  {
    id: 'e4',
    goal: 'e',
    text: 'Lighthouse SEO, lowest public page',
    figure: 'lighthouse.seoMin',
    op: '>=',
    limit: 90,
    unit: '',
  },
  {
    id: 'e5',
    goal: 'e',
    text: 'lab LCP, slowest public page',
    figure: 'lighthouse.lcpMaxMs',
    op: '<=',
    limit: 1800,
    unit: 'ms',
  },
  {
    id: 'e6',
    goal: 'e',
    text: 'lab TBT, slowest public page',
    figure: 'lighthouse.tbtMaxMs',
    op: '<=',
    limit: 100,
    unit: 'ms',
  },
  {
    id: 'e7',
    goal: 'e',
    text: 'lab CLS, worst public page',
    figure: 'lighthouse.clsMax',
    op: '<=',
    limit: 0.02,
    unit: '',
  },
  {
    id: 'e8',
    goal: 'e',
    text: 'server response time (Lighthouse), slowest public page',
    figure: 'lighthouse.serverResponseMaxMs',
    op: '<=',
    limit: 50,
    unit: 'ms',
  },
  {
    id: 'e9',
    goal: 'e',
    text: 'Lighthouse performance, lowest public page',
    figure: 'lighthouse.performanceMin',
    op: '>=',
    limit: 100,
    unit: '',
    stretch: true,
  },
  {
    id: 'e10',
    goal: 'e',
    text: 'lab TBT, slowest public page',
    figure: 'lighthouse.tbtMaxMs',
    op: '<=',
    limit: 50,
    unit: 'ms',
    stretch: true,
  },
  // (f) Booking writes against raw better-sqlite3 single-row inserts (same file, same pragmas).
  {
    id: 'f1',
    goal: 'f',
    text: 'in-process holdSlot txn/s ÷ raw insert/s',
    figure: 'writes.inProcessRatio',
    op: '>=',
    limit: 0.8,
    unit: '×',
  },
  {
    id: 'f2',
    goal: 'f',
    text: 'HTTP POST /book/time holds/s (c=50) ÷ raw insert/s',
    figure: 'writes.httpRatio',
    op: '>=',
    limit: 0.5,
    unit: '×',
  },
  {
    id: 'f3',
    goal: 'f',
    text: 'HTTP POST /book/time p99 at c=50',
    figure: 'writes.httpP99Ms',
    op: '<=',
    limit: 20,
    unit: 'ms',
  },
  {
    id: 'f4',
    goal: 'f',
    text: 'in-process holdSlot txn/s ÷ raw insert/s',
    figure: 'writes.inProcessRatio',
    op: '>=',
    limit: 0.95,
    unit: '×',
    stretch: true,
  },
  {
    id: 'f5',
    goal: 'f',
    text: 'HTTP POST /book/time holds/s (c=50) ÷ raw insert/s',
    figure: 'writes.httpRatio',
    op: '>=',
    limit: 0.7,
    unit: '×',
    stretch: true,
  },
]

export function compare(value: number, op: Op, limit: number): boolean {
  if (op === '<=') return value <= limit
  if (op === '>=') return value >= limit
  return value === limit
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function describeLimit(budget: Budget): string {
  const unit = budget.unit ? ` ${budget.unit}` : ''
  const op = budget.op === '<=' ? '≤' : budget.op === '>=' ? '≥' : '='
  return `${op} ${budget.limit}${unit}`
}

/** One verdict per budget, in the order given. Pure: no clock, no I/O. */
export function checkBudgets(
  figures: Figures,
  unmeasured: Unmeasured = {},
  budgets: readonly Budget[] = BUDGETS,
): Verdict[] {
  return budgets.map((budget) => {
    const value = figures[budget.figure]
    const base = {
      id: budget.id,
      goal: budget.goal,
      text: budget.text,
      limit: describeLimit(budget),
      stretch: budget.stretch ?? false,
    }
    if (!isNumber(value)) {
      return {
        ...base,
        figure: null,
        status: 'NOT MEASURED' as const,
        note: unmeasured[budget.figure] ?? 'no figure was recorded for this budget',
      }
    }
    if (!compare(value, budget.op, budget.limit))
      return { ...base, figure: value, status: 'FAIL' as const, note: '' }
    const requires = budget.requires
    if (requires) {
      const required = figures[requires.figure]
      if (!isNumber(required) || !compare(required, requires.op, requires.limit)) {
        return {
          ...base,
          figure: value,
          status: 'INCOMPLETE' as const,
          note: `passed so far, but the budget asks for ${requires.why} (have ${isNumber(required) ? required : 'none'})`,
        }
      }
    }
    return { ...base, figure: value, status: 'PASS' as const, note: '' }
  })
}

/** `--check` fails when any budget that is not a stretch goal failed. */
export function checkPassed(verdicts: readonly Verdict[]): boolean {
  return verdicts.every((verdict) => verdict.stretch || verdict.status !== 'FAIL')
}

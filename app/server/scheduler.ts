import {
  createMailTransport,
  dispatchDueEmails,
  type DispatchReport,
  type MailTransport,
} from '#app/domain/email/dispatcher.server.ts'
import { purgeExpiredSessions } from '#app/domain/auth/sessions.server.ts'
import { expireAllLapsedHolds } from '#app/domain/booking/booking-state.server.ts'
import { queueFormsReminders } from '#app/domain/booking/staff-booking.server.ts'
import { purgeLapsedCounters } from '#app/domain/limits/limits.server.ts'
import { purgeExpiredPatientSessions } from '#app/domain/patient/patient-sessions.server.ts'
import { queueDueClinicalMessages } from '#app/domain/treatment/scheduled-messages.server.ts'
import { purgeAbandonedSubmissions } from '#app/domain/screening/screening.server.ts'
import { offerFreedTimes } from '#app/domain/waitlist/waitlist-offers.server.ts'
import { RETENTION_EVERY_MS } from '#app/domain/privacy/retention.rules.ts'
import { runRetentionJobs } from '#app/domain/privacy/retention.server.ts'
import { type Env, getEnv } from '#app/utils/env.server.ts'
import { logger } from '#app/utils/logger.server.ts'

/**
 * The in-process scheduler (docs/decisions/013-email.md): one timer that runs named periodic jobs,
 * one tick at a time. Jobs keep their own state in the database, so a restart loses nothing: the
 * next process simply finds the same due work. To add a job (reminders 48 hours before a visit,
 * say), write it as a `ScheduledJob` and add it in `buildScheduledJobs`.
 */

/** Counts only: the scheduler logs them, so they must never name a patient or a health detail. */
export type JobCounts = Record<string, number>

export type ScheduledJob = {
  /** Unique; it is what the logs show. */
  name: string
  /** How often to run; rounded up to whole ticks. */
  everyMs: number
  /**
   * Does the due work as of `now`. It must be safe to run again after a crash half-way (claim
   * rows in the database, as the email dispatcher does), and it should not throw for one bad row.
   */
  run: (now: Date) => Promise<JobCounts | void>
}

type SchedulerLog = {
  info: (fields: object, message: string) => void
  error: (fields: object, message: string) => void
}

export type Scheduler = {
  readonly jobs: readonly ScheduledJob[]
  /** Adds a job; names are unique. */
  register: (job: ScheduledJob) => void
  /** Starts ticking every `tickMs`; the first tick runs at once. */
  start: () => void
  /** Runs every due job once, in registration order. A tick already running is not doubled. */
  tick: (now?: Date) => Promise<void>
  /** Stops ticking; resolves when the tick in progress has finished. */
  stop: () => Promise<void>
}

/** Only the error's kind: messages may quote SQL parameters or a recipient's address. */
function errorKind(error: unknown): { errorName: string; errorCode?: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code
    return { errorName: error.name, ...(typeof code === 'string' ? { errorCode: code } : {}) }
  }
  return { errorName: typeof error }
}

export function createScheduler(options: {
  tickMs: number
  jobs?: ScheduledJob[]
  log?: SchedulerLog
}): Scheduler {
  const log = options.log ?? logger
  const jobs: ScheduledJob[] = []
  const lastRunAt = new Map<string, number>()
  let running: Promise<void> | null = null
  let timer: NodeJS.Timeout | undefined
  let started = false

  function register(job: ScheduledJob) {
    if (jobs.some((existing) => existing.name === job.name))
      throw new Error(`A scheduled job named ${job.name} already exists`)
    if (!(job.everyMs > 0)) throw new Error(`Job ${job.name} needs a positive interval`)
    jobs.push(job)
  }

  async function runDueJobs(now: Date) {
    for (const job of jobs) {
      const last = lastRunAt.get(job.name)
      if (last !== undefined && now.getTime() - last < job.everyMs) continue
      // Counted from the start of the run, failed or not: a failing job waits its interval.
      lastRunAt.set(job.name, now.getTime())
      const startedAt = Date.now()
      try {
        const counts = await job.run(now)
        if (counts && Object.values(counts).some((value) => value !== 0))
          log.info({ job: job.name, ...counts, ms: Date.now() - startedAt }, 'scheduled job ran')
      } catch (error) {
        log.error({ job: job.name, ...errorKind(error) }, 'scheduled job failed')
      }
    }
  }

  function tick(now = new Date()): Promise<void> {
    // Never overlap: a tick that comes while one runs waits for that one instead.
    running ??= runDueJobs(now).finally(() => {
      running = null
    })
    return running
  }

  function scheduleNext() {
    if (!started) return
    timer = setTimeout(() => {
      void tick().finally(scheduleNext)
    }, options.tickMs)
    // The HTTP server keeps the process alive; the scheduler alone should not.
    timer.unref()
  }

  for (const job of options.jobs ?? []) register(job)

  return {
    jobs,
    register,
    tick,
    start() {
      if (started) return
      started = true
      void tick().finally(scheduleNext)
    },
    async stop() {
      started = false
      clearTimeout(timer)
      await running
    },
  }
}

/** Batches the email job sends per run before it lets other jobs have a turn. */
const EMAIL_BATCHES_PER_RUN = 10

/** Sends what is due in the outbox, batch after batch, until nothing is left or its turn is up. */
export function createEmailDispatchJob(transport: MailTransport, everyMs: number): ScheduledJob {
  return {
    name: 'email-outbox',
    everyMs,
    async run(now) {
      const startedAt = Date.now()
      const totals: Omit<DispatchReport, 'claimed'> = {
        reclaimed: 0,
        sent: 0,
        retrying: 0,
        failed: 0,
        stalled: 0,
        superseded: 0,
      }
      for (let batch = 0; batch < EMAIL_BATCHES_PER_RUN; batch++) {
        const { claimed, ...report } = await dispatchDueEmails({
          transport,
          now: new Date(now.getTime() + (Date.now() - startedAt)),
        })
        for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += report[key]
        if (claimed === 0) break
      }
      return totals
    },
  }
}

/** How often lapsed holds are marked expired and timed-out sessions removed. */
const HOUSEKEEPING_EVERY_MS = 60_000

/**
 * Lapsed holds, dead sessions, and screening answers that never became part of a booking.
 * Nothing depends on it for correctness: writes check themselves.
 */
export function createHousekeepingJob(everyMs = HOUSEKEEPING_EVERY_MS): ScheduledJob {
  return {
    name: 'housekeeping',
    everyMs,
    async run(now) {
      return {
        holdsExpired: expireAllLapsedHolds(now),
        staffSessionsPurged: purgeExpiredSessions(now),
        patientSessionsPurged: purgeExpiredPatientSessions(now),
        screeningAnswersPurged: purgeAbandonedSubmissions(now),
        limitCountersPurged: purgeLapsedCounters(now),
      }
    },
  }
}

/** How often reminders, aftercare messages and course prompts are looked for. */
const CLINICAL_MESSAGES_EVERY_MS = 60_000

/** Queues the 48-hour reminders, day 1/3/7 aftercare and course prompts that are due. */
export function createClinicalMessagesJob(everyMs = CLINICAL_MESSAGES_EVERY_MS): ScheduledJob {
  return { name: 'clinical-messages', everyMs, run: async (now) => queueDueClinicalMessages(now) }
}

/** How often the waitlist looks for freed times and lapsed offers (ADR 044). */
const WAITLIST_EVERY_MS = 30_000

/** Lapses offers past their time and offers freed times to the waitlist, first joined first. */
export function createWaitlistJob(everyMs = WAITLIST_EVERY_MS): ScheduledJob {
  return { name: 'waitlist-offers', everyMs, run: async (now) => offerFreedTimes(now) }
}

/** How often visits booked by staff are checked for missing forms. */
const FORMS_REMINDERS_EVERY_MS = 60_000

/**
 * Emails the patient 72 and 24 hours before a visit staff booked when the health answers or the
 * consent are still missing (ADR 042). Each reminder once: the outbox key survives restarts.
 */
export function createFormsRemindersJob(everyMs = FORMS_REMINDERS_EVERY_MS): ScheduledJob {
  return { name: 'forms-reminders', everyMs, run: async (now) => queueFormsReminders(now) }
}

/**
 * Deletes or reduces what is past its retention period (ADR 049): abandoned drafts, unverified
 * patients no one refers to, expired email codes, old outbox bodies. Each job records its run.
 */
export function createRetentionJob(everyMs = RETENTION_EVERY_MS): ScheduledJob {
  return { name: 'retention', everyMs, run: async (now) => runRetentionJobs(now) }
}

/** Every periodic job this deployment runs. Add new ones here. */
export function buildScheduledJobs(env: Env): ScheduledJob[] {
  const jobs: ScheduledJob[] = [
    createHousekeepingJob(),
    createClinicalMessagesJob(),
    createWaitlistJob(),
    createFormsRemindersJob(),
    createRetentionJob(),
  ]
  const transport = createMailTransport(env.SMTP_URL)
  if (transport) jobs.push(createEmailDispatchJob(transport, env.SCHEDULER_TICK_MS))
  return jobs
}

/** Starts the scheduler when SCHEDULER is on. Returns null when it did not start. */
export function startScheduler(env: Env = getEnv()): Scheduler | null {
  if (!env.SMTP_URL) logger.info({}, 'no mail server (SMTP_URL): emails stay in the outbox')
  if (!env.SCHEDULER) return null
  const jobs = buildScheduledJobs(env)
  if (jobs.length === 0) return null
  const scheduler = createScheduler({ tickMs: env.SCHEDULER_TICK_MS, jobs })
  scheduler.start()
  logger.info(
    { jobs: jobs.map((job) => job.name), tickMs: env.SCHEDULER_TICK_MS },
    'scheduler started',
  )
  return scheduler
}

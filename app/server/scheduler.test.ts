import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, test } from 'vitest'
import { createMailTransport } from '#app/domain/email/dispatcher.server.ts'
import { enqueueEmail } from '#app/domain/email/outbox.server.ts'
import { getEnv, resetEnvCache } from '#app/utils/env.server.ts'
import { getDb } from '#db/client.server.ts'
import { emailOutbox } from '#db/schema/index.ts'
import { startSmtpSink } from '#tests/setup/smtp-sink.mjs'
import {
  buildScheduledJobs,
  createEmailDispatchJob,
  createScheduler,
  type ScheduledJob,
  type Scheduler,
  startScheduler,
} from './scheduler.ts'

const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop()
})

function recordingLog() {
  const lines: { level: 'info' | 'error'; fields: object; message: string }[] = []
  return {
    lines,
    info: (fields: object, message: string) => lines.push({ level: 'info', fields, message }),
    error: (fields: object, message: string) => lines.push({ level: 'error', fields, message }),
  }
}

function counting(name: string, everyMs: number) {
  const runs: number[] = []
  const job: ScheduledJob = {
    name,
    everyMs,
    run: async (now) => {
      runs.push(now.getTime())
    },
  }
  return { job, runs }
}

function started(scheduler: Scheduler) {
  scheduler.start()
  stops.push(() => scheduler.stop())
  return scheduler
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('scheduler', () => {
  test('runs each job at its own interval', async () => {
    const often = counting('often', 1_000)
    const rarely = counting('rarely', 3_000)
    const scheduler = createScheduler({ tickMs: 1_000, jobs: [often.job, rarely.job] })
    const t0 = Date.UTC(2026, 10, 25, 9)
    for (let i = 0; i <= 6; i++) await scheduler.tick(new Date(t0 + i * 1_000))
    expect(often.runs).toHaveLength(7)
    expect(rarely.runs).toEqual([t0, t0 + 3_000, t0 + 6_000])
  })

  test('a failing job is logged by kind only, and neither stops the loop nor the other jobs', async () => {
    const log = recordingLog()
    let calls = 0
    const failing: ScheduledJob = {
      name: 'failing',
      everyMs: 1,
      run: async () => {
        calls += 1
        throw Object.assign(new Error('Failed query: … params: patient@example.com'), {
          code: 'SQLITE_BUSY',
        })
      },
    }
    const healthy = counting('healthy', 1)
    const scheduler = started(createScheduler({ tickMs: 10, jobs: [failing, healthy.job], log }))
    await expect.poll(() => calls).toBeGreaterThanOrEqual(3)
    expect(healthy.runs.length).toBeGreaterThanOrEqual(3)
    await scheduler.stop()
    const errors = log.lines.filter((line) => line.level === 'error')
    expect(errors[0]).toEqual({
      level: 'error',
      fields: { job: 'failing', errorName: 'Error', errorCode: 'SQLITE_BUSY' },
      message: 'scheduled job failed',
    })
    expect(JSON.stringify(log.lines)).not.toContain('patient@example.com')
  })

  test('never overlaps itself, and stop waits for the run in progress', async () => {
    let active = 0
    let maxActive = 0
    let finished = 0
    const slow: ScheduledJob = {
      name: 'slow',
      everyMs: 1,
      run: async () => {
        active += 1
        maxActive = Math.max(maxActive, active)
        await sleep(60)
        active -= 1
        finished += 1
      },
    }
    const scheduler = started(createScheduler({ tickMs: 5, jobs: [slow] }))
    // Extra ticks while one runs join it instead of starting another.
    await Promise.all([scheduler.tick(), scheduler.tick(), scheduler.tick()])
    await sleep(200)
    await scheduler.stop()
    expect(maxActive).toBe(1)
    expect(active).toBe(0)
    const after = finished
    await sleep(100)
    expect(finished).toBe(after)
  })

  test('job names are unique', () => {
    const scheduler = createScheduler({ tickMs: 1_000, jobs: [counting('a', 1).job] })
    expect(() => scheduler.register(counting('a', 5).job)).toThrow(/already exists/)
  })
})

describe('email job', () => {
  test('the scheduler sends the outbox and logs counts only', async () => {
    const sink = await startSmtpSink()
    stops.push(() => sink.close())
    enqueueEmail(getDb(), {
      dedupeKey: 'scheduler:1',
      to: 'someone@example.com',
      subject: 'Booking confirmed: DD-SCHED1',
      text: 'Dear Someone,',
    })
    const transport = createMailTransport(`smtp://127.0.0.1:${sink.port}`)
    if (!transport) throw new Error('no transport')
    const log = recordingLog()
    started(createScheduler({ tickMs: 50, jobs: [createEmailDispatchJob(transport, 50)], log }))

    await sink.waitFor(1)
    await expect
      .poll(
        () =>
          getDb()
            .select({ status: emailOutbox.status })
            .from(emailOutbox)
            .where(eq(emailOutbox.dedupeKey, 'scheduler:1'))
            .get()?.status,
      )
      .toBe('sent')
    await expect.poll(() => log.lines.length).toBeGreaterThan(0)
    expect(log.lines[0]).toMatchObject({
      level: 'info',
      fields: { job: 'email-outbox', sent: 1, retrying: 0, failed: 0 },
    })
    expect(JSON.stringify(log.lines)).not.toContain('someone@example.com')
    expect(JSON.stringify(log.lines)).not.toContain('DD-SCHED1')
  })

  test('starts only with SCHEDULER on; sends mail only with a mail server configured', async () => {
    try {
      process.env.SMTP_URL = 'smtp://127.0.0.1:1'
      process.env.SCHEDULER = 'false'
      resetEnvCache()
      expect(startScheduler(getEnv())).toBeNull()
      expect(buildScheduledJobs(getEnv()).map((job) => job.name)).toEqual([
        'housekeeping',
        'clinical-messages',
        'waitlist-offers',
        'forms-reminders',
        'retention',
        'email-outbox',
      ])

      delete process.env.SMTP_URL
      process.env.SCHEDULER = 'true'
      resetEnvCache()
      expect(buildScheduledJobs(getEnv()).map((job) => job.name)).toEqual([
        'housekeeping',
        'clinical-messages',
        'waitlist-offers',
        'forms-reminders',
        'retention',
      ])
      const scheduler = startScheduler(getEnv())
      expect(scheduler?.jobs.map((job) => job.name)).toEqual([
        'housekeeping',
        'clinical-messages',
        'waitlist-offers',
        'forms-reminders',
        'retention',
      ])
      await scheduler?.stop()
    } finally {
      delete process.env.SMTP_URL
      delete process.env.SCHEDULER
      resetEnvCache()
    }
  })
})

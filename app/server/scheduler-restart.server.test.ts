import { like } from 'drizzle-orm'
import { simpleParser } from 'mailparser'
import { afterEach, expect, test } from 'vitest'
import { SENDING_LEASE_MS } from '#app/domain/email/outbox.rules.ts'
import { getDb } from '#db/client.server.ts'
import { emailOutbox } from '#db/schema/index.ts'
import { startSmtpSink } from '#tests/setup/smtp-sink.mjs'
import { fixtureProcess } from '#tests/support/fixture-process.ts'
import { bookForPatient, firstFreeSlot, PATIENT } from '#tests/support/booking-fixtures.ts'
import { completeBookingForTest } from '#tests/support/treatment-fixtures.ts'

const FIXTURE = 'tests/fixtures/scheduler-process.ts'
const HOUR = 3600_000
const DAY = 24 * HOUR
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** The scheduler (clinical messages + outbox) in another process, at a chosen clock. */
function schedulerProcess(env: Record<string, string>) {
  return fixtureProcess<Record<string, number>>(FIXTURE, { LOG_LEVEL: 'silent', ...env }, cleanups)
}

function outbox() {
  return getDb().select().from(emailOutbox).orderBy(emailOutbox.dedupeKey).all()
}

test('a scheduler killed mid-run and restarted delivers every due message exactly once', async () => {
  // Five patients treated the same afternoon; "now" is the next day, when aftercare day 1 is due.
  const base = new Date(Date.now() + 3 * DAY)
  const visits: { reference: string; startAt: number }[] = []
  for (let i = 0; i < 5; i++) {
    const slot = firstFreeSlot('medical-face', new Date(base.getTime() + i * 2 * HOUR))
    const { reference } = await bookForPatient('medical-face', slot, new Date(), {
      ...PATIENT,
      email: `restart.${i}@example.com`,
    })
    visits.push({ reference, startAt: slot.startAt })
  }
  const completedAt = Math.max(...visits.map((v) => v.startAt)) + HOUR
  for (const visit of visits) completeBookingForTest(visit.reference, new Date(completedAt))
  const now = completedAt + DAY + HOUR

  // The mail server accepts three messages, then never answers the fourth: the process dies
  // while that one is in flight, before the server accepted it.
  let mode: 'count' | 'accept' = 'count'
  let accepted = 0
  let reachedHang: () => void = () => {}
  const hung = new Promise<void>((resolve) => (reachedHang = resolve))
  const smtp = await startSmtpSink({
    respond: () => {
      if (mode === 'accept') return 'accept'
      if (accepted < 3) {
        accepted += 1
        return 'accept'
      }
      reachedHang()
      return 'hang'
    },
  })
  cleanups.push(() => smtp.close())
  const SMTP_URL = `smtp://127.0.0.1:${smtp.port}`

  const first = schedulerProcess({ SMTP_URL, CLOCK_START: String(now) })
  await Promise.race([
    hung,
    first.exited.then(() => {
      throw new Error(`the scheduler process ended before the kill: ${first.stderr()}`)
    }),
  ])
  first.child.kill('SIGKILL')
  expect((await first.exited).signal).toBe('SIGKILL')
  mode = 'accept'

  // Mid-run: the day-1 messages are queued, three messages went out, and the rest of the batch
  // is still claimed (leased) by the dead process, one of them half-sent.
  const aftercare = getDb()
    .select({ key: emailOutbox.dedupeKey })
    .from(emailOutbox)
    .where(like(emailOutbox.dedupeKey, '%:aftercare_day1'))
    .all()
  expect(aftercare).toHaveLength(5)
  const statuses = outbox().map((row) => row.status)
  expect(statuses.filter((s) => s === 'sent')).toHaveLength(3)
  const leased = statuses.filter((s) => s === 'sending').length
  expect(leased).toBe(statuses.length - 3)
  expect(leased).toBeGreaterThanOrEqual(5)
  expect(smtp.messages).toHaveLength(3)

  // Restarted (a little later than the dead process's lease), the scheduler queues nothing again
  // and sends everything left once the dead process's lease is over, the interrupted one included.
  const second = schedulerProcess({
    SMTP_URL,
    CLOCK_START: String(now + SENDING_LEASE_MS + 60_000),
  })
  const report = await second.report()
  expect(report.queued ?? 0).toBe(0)
  expect(report.reclaimed).toBe(leased)

  const rows = outbox()
  expect(rows.every((row) => row.status === 'sent')).toBe(true)
  const received = await Promise.all(smtp.messages.map((m) => simpleParser(m.raw)))
  const ids = received.map((m) => m.messageId)
  // Every message exactly once: as many deliveries as rows, each row's Message-ID once.
  expect(ids).toHaveLength(rows.length)
  expect(new Set(ids)).toEqual(new Set(rows.map((row) => row.messageId)))
  const day1 = received.filter((m) => m.subject === 'Your skin after the treatment: day 1')
  expect(day1.map((m) => m.to && !Array.isArray(m.to) && m.to.text).sort()).toEqual(
    [0, 1, 2, 3, 4].map((i) => `restart.${i}@example.com`),
  )
})

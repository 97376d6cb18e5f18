import { eq } from 'drizzle-orm'
import { simpleParser } from 'mailparser'
import { afterEach, describe, expect, test } from 'vitest'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { getDatabasePath, getDb, openDatabase } from '#db/client.server.ts'
import { clinicSettings, emailOutbox } from '#db/schema/index.ts'
import { startSmtpSink } from '#tests/setup/smtp-sink.mjs'
import { fixtureProcess } from '#tests/support/fixture-process.ts'
import { buildAppointmentIcs } from './calendar.server.ts'
import {
  createMailTransport,
  dispatchDueEmails,
  type DispatchReport,
  type MailTransport,
} from './dispatcher.server.ts'
import { enqueueEmail, type OutgoingEmail } from './outbox.server.ts'
import { MAX_DELIVERY_ATTEMPTS, RETRY_BACKOFF_MS, SENDING_LEASE_MS } from './outbox.rules.ts'

type Sink = Awaited<ReturnType<typeof startSmtpSink>>
type SinkResponse = 'accept' | 'refuse' | 'hang'

const FIXTURE = 'tests/fixtures/dispatcher-process.ts'
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function sink(respond?: (message: { raw: Buffer }) => SinkResponse | Promise<SinkResponse>) {
  const started = await startSmtpSink({ respond })
  cleanups.push(() => started.close())
  return started
}

function transportFor(smtp: Sink): MailTransport {
  const transport = createMailTransport(`smtp://127.0.0.1:${smtp.port}`)
  if (!transport) throw new Error('no transport')
  return transport
}

function email(n: number, overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    dedupeKey: `test:${n}`,
    to: `patient${n}@example.com`,
    subject: `Booking confirmed: DD-TEST${String(n).padStart(2, '0')}`,
    text: `Dear Patient ${n},\nYour appointment is booked.`,
    html: `<p>Dear Patient ${n},</p><p>Your appointment is booked.</p>`,
    ...overrides,
  }
}

function enqueue(count: number, now = new Date()) {
  for (let n = 1; n <= count; n++) enqueueEmail(getDb(), email(n), now)
}

function rows() {
  return getDb().select().from(emailOutbox).orderBy(emailOutbox.dedupeKey).all()
}

function row(dedupeKey: string) {
  const found = getDb().select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, dedupeKey)).get()
  if (!found) throw new Error(`no row ${dedupeKey}`)
  return found
}

async function messageIdsAt(smtp: Sink) {
  const parsed = await Promise.all(smtp.messages.map((m) => simpleParser(m.raw)))
  return parsed.map((m) => m.messageId)
}

/** Runs a dispatcher until it finds nothing more to do, adding up its reports. */
async function drain(options: Parameters<typeof dispatchDueEmails>[0]) {
  const totals = { claimed: 0, sent: 0, superseded: 0 }
  for (;;) {
    const report = await dispatchDueEmails(options)
    totals.claimed += report.claimed
    totals.sent += report.sent
    totals.superseded += report.superseded
    if (report.claimed === 0) return totals
  }
}

/** A calendar file for a 10:00 appointment; each test names its own booking. */
function appointmentIcs(
  booking: Pick<Parameters<typeof buildAppointmentIcs>[0], 'uid' | 'description'> &
    Partial<Parameters<typeof buildAppointmentIcs>[0]>,
) {
  return buildAppointmentIcs({
    sequence: 0,
    startAt: new Date('2026-12-01T09:00:00Z'),
    endAt: new Date('2026-12-01T10:00:00Z'),
    title: 'Appointment at Dermadesk',
    location: 'Via Roma 1, Milano',
    url: 'http://localhost:3000/bookings',
    ...booking,
  })
}

/** A dispatcher in another process, on this test's database. */
function dispatcherProcess(env: Record<string, string>) {
  return fixtureProcess<Record<keyof DispatchReport, number>>(FIXTURE, env, cleanups)
}

describe('sending', () => {
  test('a message goes out through SMTP with its stable Message-ID and calendar file', async () => {
    const smtp = await sink()
    const ics = appointmentIcs({
      uid: 'booking-1@dermadesk.test',
      description: 'Booking DD-TEST01',
    })
    enqueueEmail(getDb(), email(1, { calendar: { filename: 'appointment.ics', content: ics } }))
    const queued = row('test:1')

    const report = await dispatchDueEmails({ transport: transportFor(smtp) })

    expect(report).toMatchObject({ claimed: 1, sent: 1, retrying: 0, failed: 0 })
    expect(smtp.messages).toHaveLength(1)
    expect(smtp.messages[0]!.to).toEqual(['patient1@example.com'])
    const parsed = await simpleParser(smtp.messages[0]!.raw)
    expect(parsed.messageId).toBe(queued.messageId)
    // From the clinic by name, on the sending address; replies go to the clinic's own address.
    const clinic = getDb().select().from(clinicSettings).get()!
    expect(parsed.from?.value).toEqual([{ name: clinic.name, address: 'no-reply@dermadesk.local' }])
    expect(parsed.replyTo?.value).toEqual([{ name: '', address: clinic.email }])
    expect(parsed.subject).toBe('Booking confirmed: DD-TEST01')
    expect(parsed.text?.trim()).toBe('Dear Patient 1,\nYour appointment is booked.')
    expect(parsed.html).toContain('<p>Your appointment is booked.</p>')
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated')
    expect(parsed.attachments).toHaveLength(1)
    const attachment = parsed.attachments[0]!
    expect(attachment.filename).toBe('appointment.ics')
    expect(attachment.contentType).toBe('text/calendar')
    expect(attachment.headers.get('content-type')).toMatchObject({
      params: expect.objectContaining({ method: 'PUBLISH' }),
    })
    expect(attachment.content.toString('utf8')).toBe(ics)

    const sent = row('test:1')
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null })
    expect(sent.sentAt).toBeInstanceOf(Date)
  })

  test('a cancelling calendar file is sent as METHOD:CANCEL', async () => {
    const smtp = await sink()
    const ics = appointmentIcs({
      uid: 'booking-2@dermadesk.test',
      sequence: 2,
      description: 'Cancelled',
      cancelled: true,
    })
    enqueueEmail(getDb(), email(2, { calendar: { filename: 'cancelled.ics', content: ics } }))
    await dispatchDueEmails({ transport: transportFor(smtp) })
    const parsed = await simpleParser(smtp.messages[0]!.raw)
    expect(parsed.attachments[0]!.headers.get('content-type')).toMatchObject({
      value: 'text/calendar',
      params: expect.objectContaining({ method: 'CANCEL' }),
    })
  })

  test('nothing is due in the future, and nothing is sent without a mail server', async () => {
    const now = new Date()
    enqueueEmail(getDb(), email(1), new Date(now.getTime() + 60_000))
    const smtp = await sink()
    expect(await dispatchDueEmails({ transport: transportFor(smtp), now })).toMatchObject({
      claimed: 0,
    })

    delete process.env.SMTP_URL
    resetEnvCache()
    expect(createMailTransport()).toBeNull()
  })
})

describe('retries', () => {
  test('a refusing server is retried with backoff until it accepts', async () => {
    let refusals = 2
    const smtp = await sink(() => (refusals-- > 0 ? 'refuse' : 'accept'))
    const transport = transportFor(smtp)
    const start = new Date()
    enqueue(1, start)

    expect(await dispatchDueEmails({ transport, now: start })).toMatchObject({ retrying: 1 })
    let state = row('test:1')
    expect(state).toMatchObject({ status: 'pending', attempts: 1 })
    expect(state.lastError).toMatch(/451 Mailbox busy/)
    const firstRetryAt = state.nextAttemptAt.getTime()
    expect(firstRetryAt - start.getTime()).toBeGreaterThanOrEqual(RETRY_BACKOFF_MS[0])
    expect(firstRetryAt - start.getTime()).toBeLessThan(RETRY_BACKOFF_MS[0] + 5_000)

    // Not due yet: nothing happens.
    expect(
      await dispatchDueEmails({ transport, now: new Date(firstRetryAt - 1_000) }),
    ).toMatchObject({ claimed: 0 })

    expect(await dispatchDueEmails({ transport, now: new Date(firstRetryAt) })).toMatchObject({
      retrying: 1,
    })
    state = row('test:1')
    expect(state).toMatchObject({ status: 'pending', attempts: 2 })
    const secondRetryAt = state.nextAttemptAt.getTime()
    expect(secondRetryAt - firstRetryAt).toBeGreaterThanOrEqual(RETRY_BACKOFF_MS[1])
    expect(secondRetryAt - firstRetryAt).toBeLessThan(RETRY_BACKOFF_MS[1] + 5_000)

    expect(await dispatchDueEmails({ transport, now: new Date(secondRetryAt) })).toMatchObject({
      sent: 1,
    })
    expect(row('test:1')).toMatchObject({ status: 'sent', attempts: 3 })
    expect(smtp.messages).toHaveLength(1)
  })

  test('after the last attempt the message has failed for good, with the SMTP reply only', async () => {
    const smtp = await sink(() => 'refuse')
    const transport = transportFor(smtp)
    enqueue(1)
    let now = new Date()
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      const report = await dispatchDueEmails({ transport, now })
      expect(report).toMatchObject(
        attempt < MAX_DELIVERY_ATTEMPTS ? { retrying: 1 } : { failed: 1, retrying: 0 },
      )
      now = row('test:1').nextAttemptAt
    }
    const failed = row('test:1')
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS })
    expect(failed.lastError).toMatch(/451 Mailbox busy, try again later/)
    expect(failed.lastError).not.toContain('Dear Patient')
    expect(failed.lastError).not.toContain('appointment')

    const muchLater = new Date(Date.now() + 365 * 24 * 60 * 60_000)
    expect(await dispatchDueEmails({ transport, now: muchLater })).toMatchObject({ claimed: 0 })
    expect(smtp.messages).toHaveLength(0)
  })

  test('a server that never answers is aborted and retried later', async () => {
    const smtp = await sink(() => 'hang')
    enqueue(1)
    const report = await dispatchDueEmails({ transport: transportFor(smtp), sendTimeoutMs: 300 })
    expect(report).toMatchObject({ retrying: 1 })
    expect(row('test:1')).toMatchObject({ status: 'pending', attempts: 1 })
    expect(row('test:1').lastError).toMatch(/Timed out/)
  })

  test('a transport that ignores the abort does not hold the dispatcher; its late result still counts', async () => {
    let finish: (() => void) | undefined
    const stuck: MailTransport = {
      sendMail: () => new Promise((resolve) => (finish = () => resolve({}))),
    }
    enqueue(1)
    const report = await dispatchDueEmails({ transport: stuck, sendTimeoutMs: 100 })
    expect(report).toMatchObject({ claimed: 1, stalled: 1 })
    expect(row('test:1')).toMatchObject({ status: 'sending', attempts: 1 })

    // The send finishes after all, within the lease: it is recorded, once.
    finish?.()
    await expect.poll(() => row('test:1').status).toBe('sent')
  })
})

describe('exactly once while nothing crashes', () => {
  test('a rolled-back transaction enqueues nothing', async () => {
    expect(() =>
      getDb().transaction((tx) => {
        enqueueEmail(tx, email(1))
        throw new Error('the booking insert failed')
      }),
    ).toThrow('the booking insert failed')
    expect(rows()).toHaveLength(0)
    const smtp = await sink()
    expect(await dispatchDueEmails({ transport: transportFor(smtp) })).toMatchObject({
      claimed: 0,
    })
  })

  test('the same dedupe key never makes a second row', async () => {
    enqueueEmail(getDb(), email(1))
    enqueueEmail(getDb(), email(1, { subject: 'A second try at the same event' }))
    expect(rows()).toHaveLength(1)
    expect(rows()[0]!.subject).toBe('Booking confirmed: DD-TEST01')
    const smtp = await sink()
    await dispatchDueEmails({ transport: transportFor(smtp) })
    expect(smtp.messages).toHaveLength(1)
  })

  test('two dispatchers on two connections share the work and send each message once', async () => {
    const count = 24
    enqueue(count)
    // A little latency so that the two really interleave.
    const smtp = await sink(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      return 'accept' as const
    })
    const second = openDatabase(getDatabasePath())
    cleanups.push(() => {
      second.$client.close()
    })

    const [a, b] = await Promise.all([
      drain({ transport: transportFor(smtp), batchSize: 3 }),
      drain({ transport: transportFor(smtp), batchSize: 3, db: second }),
    ])

    expect(a.sent + b.sent).toBe(count)
    expect(a.sent).toBeGreaterThan(0)
    expect(b.sent).toBeGreaterThan(0)
    const ids = await messageIdsAt(smtp)
    expect(ids).toHaveLength(count)
    expect(new Set(ids).size).toBe(count)
    expect(rows().every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true)
  })

  test('two dispatcher processes racing send each message once', async () => {
    const count = 30
    enqueue(count)
    const smtp = await sink(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10))
      return 'accept' as const
    })
    const env = { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, BATCH_SIZE: '3' }
    const processes = [dispatcherProcess(env), dispatcherProcess(env)]
    const reports = await Promise.all(processes.map((p) => p.report()))

    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(count)
    const ids = await messageIdsAt(smtp)
    expect(ids).toHaveLength(count)
    expect(new Set(ids).size).toBe(count)
    expect(new Set(ids)).toEqual(new Set(rows().map((r) => r.messageId)))
    expect(rows().every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true)
  })
})

describe('restarts', () => {
  test('a dispatcher killed before the server accepted: after the lease every message arrives exactly once', async () => {
    let mode: 'hang' | 'accept' = 'hang'
    let reachedData: () => void = () => {}
    const dataReached = new Promise<void>((resolve) => (reachedData = resolve))
    const smtp = await sink(() => {
      if (mode === 'accept') return 'accept'
      reachedData()
      return 'hang'
    })
    enqueue(5)

    // Another process claims two rows and gets as far as sending the whole first message; the
    // server has not answered yet when the process dies.
    const doomed = dispatcherProcess({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      BATCH_SIZE: '2',
    })
    await Promise.race([
      dataReached,
      doomed.exited.then(() => {
        throw new Error(`the dispatcher process ended early: ${doomed.stderr()}`)
      }),
    ])
    doomed.child.kill('SIGKILL')
    expect((await doomed.exited).signal).toBe('SIGKILL')
    mode = 'accept'
    expect(smtp.messages).toHaveLength(0)
    expect(rows().map((r) => r.status)).toEqual([
      'sending',
      'sending',
      'pending',
      'pending',
      'pending',
    ])

    // The restarted app leaves the dead process's claims alone while their lease lasts…
    const transport = transportFor(smtp)
    const early = await dispatchDueEmails({ transport })
    expect(early).toMatchObject({ claimed: 3, sent: 3, reclaimed: 0 })
    expect(rows().filter((r) => r.status === 'sending')).toHaveLength(2)

    // …and takes them over once it has run out.
    const later = await dispatchDueEmails({
      transport,
      now: new Date(Date.now() + SENDING_LEASE_MS + 1_000),
    })
    expect(later).toMatchObject({ reclaimed: 2, claimed: 2, sent: 2 })

    const all = rows()
    expect(all).toHaveLength(5)
    expect(all.every((r) => r.status === 'sent')).toBe(true)
    expect(all.filter((r) => r.attempts === 2)).toHaveLength(2)
    const ids = await messageIdsAt(smtp)
    expect(ids.sort()).toEqual(all.map((r) => r.messageId).sort())
  })

  test('the at-least-once edge: a crash after the server accepted resends with the same Message-ID', async () => {
    const smtp = await sink()
    const real = transportFor(smtp)
    // Delivers, then "dies" before the dispatcher can record it.
    const diesAfterAcceptance: MailTransport = {
      sendMail: async (message) => {
        await real.sendMail(message)
        return new Promise(() => {})
      },
    }
    enqueue(1)
    void dispatchDueEmails({ transport: diesAfterAcceptance, sendTimeoutMs: 500 })
    await smtp.waitFor(1)
    expect(row('test:1').status).toBe('sending')

    await dispatchDueEmails({
      transport: real,
      now: new Date(Date.now() + SENDING_LEASE_MS + 1_000),
    })
    expect(row('test:1')).toMatchObject({ status: 'sent', attempts: 2 })
    const ids = await messageIdsAt(smtp)
    expect(ids).toHaveLength(2)
    expect(ids[0]).toBe(ids[1])
    expect(ids[0]).toBe(row('test:1').messageId)
  })

  test('a row interrupted on its last attempt fails instead of looping', async () => {
    enqueue(1)
    getDb()
      .update(emailOutbox)
      .set({
        status: 'sending',
        attempts: MAX_DELIVERY_ATTEMPTS,
        nextAttemptAt: new Date(Date.now() - 1_000),
      })
      .run()
    const smtp = await sink()
    expect(await dispatchDueEmails({ transport: transportFor(smtp) })).toMatchObject({
      reclaimed: 1,
      claimed: 0,
    })
    expect(row('test:1')).toMatchObject({ status: 'failed' })
    expect(row('test:1').lastError).toMatch(/interrupted on the last attempt/)
  })
})

import { and, asc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm'
import nodemailer, { type NodemailerError, type SendMailOptions } from 'nodemailer'
import { getClinicContact } from '#app/domain/clinic/clinic.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { type Db, getDb } from '#db/client.server.ts'
import { emailOutbox } from '#db/schema/index.ts'
import {
  calendarMethodOf,
  clinicSender,
  LAST_ERROR_MAX_LENGTH,
  MAX_DELIVERY_ATTEMPTS,
  retryDelayMs,
  type Sender,
  SENDING_LEASE_MS,
} from './outbox.rules.ts'

/**
 * Sends the outbox (docs/decisions/013-email.md). Each row is claimed in a BEGIN IMMEDIATE
 * transaction (status 'sending', attempts + 1, a lease in next_attempt_at) before any SMTP traffic,
 * so two dispatchers, in one process or two, never send the same row at the same time. Every later
 * write is fenced on the claim (status 'sending' and the attempt number it claimed): a dispatcher
 * that lost its lease cannot overwrite the state its successor wrote.
 *
 * Delivery is at least once. A crash after the mail server accepted a message but before we marked
 * it sent means it goes again after the lease; the stable Message-ID lets mail systems recognise
 * the copy. A crash before acceptance loses nothing and duplicates nothing.
 */

/** What the dispatcher needs from nodemailer; tests pass their own. */
export type MailTransport = {
  sendMail(message: SendMailOptions): Promise<unknown>
}

export const DEFAULT_BATCH_SIZE = 20

/**
 * A single send may take this long before we abort it (closing its SMTP connection). Shorter than
 * the lease, so nobody takes over a row whose send is still running.
 */
export const SEND_TIMEOUT_MS = 60_000

/**
 * If a transport ignores the abort, stop waiting for it this much later (at most). The row stays
 * 'sending' until its lease runs out, and the scheduler is not held up by one stuck connection.
 */
const STALLED_SEND_GRACE_MS = 5_000

const SMTP_CONNECTION_TIMEOUT_MS = 30_000
const SMTP_GREETING_TIMEOUT_MS = 30_000
const SMTP_SOCKET_TIMEOUT_MS = 60_000

const INTERRUPTED_ERROR =
  'Sending was interrupted (the app stopped or the send hung); it may have been delivered. Retrying with the same Message-ID.'
const INTERRUPTED_FINAL_ERROR =
  'Sending was interrupted on the last attempt (the app stopped or the send hung); it may or may not have been delivered.'

type OutboxRow = typeof emailOutbox.$inferSelect

/** A row this dispatcher has claimed: `attempts` is the claim's fencing number. */
export type ClaimedEmail = OutboxRow & { status: 'sending' }

export type DispatchReport = {
  /** Rows claimed for this run. */
  claimed: number
  /** Rows found in 'sending' with an expired lease, released for another try (or failed). */
  reclaimed: number
  sent: number
  /** Failed this time, waiting for the next try. */
  retrying: number
  /** Failed on the last attempt: given up. */
  failed: number
  /** The send neither finished nor aborted in time; the lease will release the row. */
  stalled: number
  /** Another dispatcher took the row over (our lease had run out); we wrote nothing. */
  superseded: number
}

type Outcome = 'sent' | 'retrying' | 'failed' | 'stalled' | 'superseded'

/**
 * A transport for SMTP_URL (smtp://, smtps://, with credentials if any), or null when no mail
 * server is configured: then nothing is sent and messages stay in the outbox for admins to read.
 */
export function createMailTransport(smtpUrl = getEnv().SMTP_URL): MailTransport | null {
  if (!smtpUrl) return null
  return nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: SMTP_CONNECTION_TIMEOUT_MS,
    greetingTimeout: SMTP_GREETING_TIMEOUT_MS,
    socketTimeout: SMTP_SOCKET_TIMEOUT_MS,
    // Messages carry their content inline; never let a field make nodemailer read a file or URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  })
}

export function isMailServerConfigured(): boolean {
  return Boolean(getEnv().SMTP_URL)
}

/**
 * Claims up to `limit` due rows in one BEGIN IMMEDIATE transaction. Rows left in 'sending' by a
 * dispatcher whose lease ran out (it crashed or hung) are released first: due again at once, or
 * failed for good if that was their last attempt. Claimed rows are 'sending', attempts + 1, and
 * their next_attempt_at holds the lease's end.
 */
export function claimDueEmails(
  db: Db,
  now: Date,
  limit: number,
): { rows: ClaimedEmail[]; reclaimed: number } {
  return db.transaction(
    (tx) => {
      const leaseExpired = and(
        eq(emailOutbox.status, 'sending'),
        lte(emailOutbox.nextAttemptAt, now),
      )
      const givenUp = tx
        .update(emailOutbox)
        .set({ status: 'failed', lastError: INTERRUPTED_FINAL_ERROR })
        .where(and(leaseExpired, gte(emailOutbox.attempts, MAX_DELIVERY_ATTEMPTS)))
        .run().changes
      // next_attempt_at (the old lease's end) is already past: the row is due straight away.
      const released = tx
        .update(emailOutbox)
        .set({ status: 'pending', lastError: INTERRUPTED_ERROR })
        .where(leaseExpired)
        .run().changes

      const due = tx
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(
          and(
            or(
              eq(emailOutbox.status, 'pending'),
              // 'failed' is final when the dispatcher writes it; a row marked failed with tries
              // left (by hand, or by a future "retry" action) is picked up again.
              and(
                eq(emailOutbox.status, 'failed'),
                lt(emailOutbox.attempts, MAX_DELIVERY_ATTEMPTS),
              ),
            ),
            lte(emailOutbox.nextAttemptAt, now),
          ),
        )
        .orderBy(asc(emailOutbox.nextAttemptAt), asc(emailOutbox.createdAt))
        .limit(limit)
        .all()
      if (due.length === 0) return { rows: [], reclaimed: givenUp + released }

      const rows = tx
        .update(emailOutbox)
        .set({
          status: 'sending',
          attempts: sql`${emailOutbox.attempts} + 1`,
          nextAttemptAt: new Date(now.getTime() + SENDING_LEASE_MS),
        })
        .where(
          inArray(
            emailOutbox.id,
            due.map((row) => row.id),
          ),
        )
        .returning()
        .all() as ClaimedEmail[]
      // Oldest first, as the patient would expect.
      rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      return { rows, reclaimed: givenUp + released }
    },
    { behavior: 'immediate' },
  )
}

/** Our claim on this row still holds: no other dispatcher has released or reclaimed it. */
function claimHolds(row: ClaimedEmail) {
  return and(
    eq(emailOutbox.id, row.id),
    eq(emailOutbox.status, 'sending'),
    eq(emailOutbox.attempts, row.attempts),
  )
}

/** Extends the lease just before sending; false when the row is no longer ours. */
function renewClaim(db: Db, row: ClaimedEmail, now: Date): boolean {
  return (
    db
      .update(emailOutbox)
      .set({ nextAttemptAt: new Date(now.getTime() + SENDING_LEASE_MS) })
      .where(claimHolds(row))
      .run().changes === 1
  )
}

function recordSent(db: Db, row: ClaimedEmail, now: Date): Outcome {
  const changes = db
    .update(emailOutbox)
    .set({ status: 'sent', sentAt: now })
    .where(claimHolds(row))
    .run().changes
  return changes === 1 ? 'sent' : 'superseded'
}

function recordFailure(db: Db, row: ClaimedEmail, now: Date, error: unknown): Outcome {
  const delay = retryDelayMs(row.attempts)
  const changes = db
    .update(emailOutbox)
    .set(
      delay === null
        ? { status: 'failed', lastError: describeSendError(error) }
        : {
            status: 'pending',
            nextAttemptAt: new Date(now.getTime() + delay),
            lastError: describeSendError(error),
          },
    )
    .where(claimHolds(row))
    .run().changes
  if (changes !== 1) return 'superseded'
  return delay === null ? 'failed' : 'retrying'
}

/**
 * The error as an admin may read it: the SMTP server's reply or the connection problem, never the
 * message itself (nodemailer's errors do not quote the body).
 */
export function describeSendError(error: unknown): string {
  let text: string
  if (error && typeof error === 'object') {
    const e = error as NodemailerError
    if (e.code === 'EABORT')
      text = 'Timed out and aborted; the mail server may still have accepted it.'
    else {
      const detail = e.response ?? e.message ?? 'Unknown error'
      text = e.code ? `${e.code}: ${detail}` : detail
    }
  } else {
    text = String(error)
  }
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > LAST_ERROR_MAX_LENGTH
    ? `${oneLine.slice(0, LAST_ERROR_MAX_LENGTH - 1)}…`
    : oneLine
}

/** The message as the mail server receives it. */
export function buildMailOptions(row: OutboxRow, sender: Sender): SendMailOptions {
  return {
    from: sender.from,
    ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
    to: row.toAddress,
    subject: row.subject,
    text: row.textBody,
    html: row.htmlBody ?? undefined,
    // Set at enqueue and never changed: a resend after a crash carries the same Message-ID.
    messageId: row.messageId,
    // RFC 3834: keeps out-of-office replies from answering a no-reply address.
    headers: { 'Auto-Submitted': 'auto-generated' },
    attachments: row.icsContent
      ? [
          {
            filename: row.icsFilename ?? 'appointment.ics',
            content: row.icsContent,
            contentType: `text/calendar; charset=utf-8; method=${calendarMethodOf(row.icsContent)}`,
          },
        ]
      : [],
  }
}

async function deliver(
  db: Db,
  row: ClaimedEmail,
  options: { transport: MailTransport; sender: Sender; sendTimeoutMs: number; clock: () => Date },
): Promise<Outcome> {
  const abort = new AbortController()
  const abortTimer = setTimeout(() => abort.abort(), options.sendTimeoutMs)
  // The outcome is written whenever the send settles, even after we stopped waiting for it; the
  // fence makes a late write harmless once another dispatcher has taken the row over.
  const settled = Promise.resolve()
    .then(() =>
      options.transport.sendMail({
        ...buildMailOptions(row, options.sender),
        signal: abort.signal,
      }),
    )
    .then(
      () => recordSent(db, row, options.clock()),
      (error: unknown) => recordFailure(db, row, options.clock(), error),
    )
    // A write that fails (database closed at shutdown, busy beyond the timeout) leaves the row in
    // 'sending': its lease runs out and it is tried again.
    .catch((): Outcome => 'stalled')
    .finally(() => clearTimeout(abortTimer))
  let stallTimer: NodeJS.Timeout | undefined
  const stalled = new Promise<Outcome>((resolve) => {
    stallTimer = setTimeout(
      () => resolve('stalled'),
      options.sendTimeoutMs + Math.min(STALLED_SEND_GRACE_MS, options.sendTimeoutMs),
    )
  })
  try {
    return await Promise.race([settled, stalled])
  } finally {
    clearTimeout(stallTimer)
  }
}

export type DispatchOptions = {
  transport: MailTransport
  /** The time this run starts at; later writes add the real time elapsed since. */
  now?: Date
  batchSize?: number
  /** Defaults to MAIL_FROM. */
  from?: string
  sendTimeoutMs?: number
  /** Defaults to the process's connection; tests pass a second one to act as another process. */
  db?: Db
}

/**
 * Claims the due messages and sends them one by one. Safe to run from several places at once:
 * no row is ever sent by two runs at the same time, and no row is lost if a run dies half-way.
 */
export async function dispatchDueEmails(options: DispatchOptions): Promise<DispatchReport> {
  const db = options.db ?? getDb()
  const startedAt = Date.now()
  const base = (options.now ?? new Date()).getTime()
  const clock = () => new Date(base + (Date.now() - startedAt))
  const { rows, reclaimed } = claimDueEmails(db, clock(), options.batchSize ?? DEFAULT_BATCH_SIZE)
  const report: DispatchReport = {
    claimed: rows.length,
    reclaimed,
    sent: 0,
    retrying: 0,
    failed: 0,
    stalled: 0,
    superseded: 0,
  }
  const deliveryOptions = {
    transport: options.transport,
    // Read once per batch: an admin's change of the clinic's name or email applies to the next.
    sender: clinicSender(getClinicContact(), options.from ?? getEnv().MAIL_FROM),
    sendTimeoutMs: options.sendTimeoutMs ?? SEND_TIMEOUT_MS,
    clock,
  }
  for (const row of rows) {
    // Sends are one after another: a row late in the batch may have outlived its first lease.
    if (!renewClaim(db, row, clock())) {
      report.superseded += 1
      continue
    }
    report[await deliver(db, row, deliveryOptions)] += 1
  }
  return report
}

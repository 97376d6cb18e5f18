import { count, desc, eq } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getDb } from '#db/client.server.ts'
import { bookings, emailOutbox } from '#db/schema/index.ts'
import { isMailServerConfigured } from './dispatcher.server.ts'
import { OUTBOX_PAGE_SIZE } from './email.schema.ts'

/**
 * What admins read about outgoing mail (the "Sent emails" pages). Messages name patients, so every
 * read of a message's content is audited ('email.viewed'), in the same transaction as the read.
 */

/** One page of the outbox, newest first, with the clinic's zone for showing times. */
export function listOutboxEmails(input: { page: number }) {
  const db = getDb()
  const total = db.select({ n: count() }).from(emailOutbox).get()?.n ?? 0
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE))
  const emails = db
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      nextAttemptAt: emailOutbox.nextAttemptAt,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((input.page - 1) * OUTBOX_PAGE_SIZE)
    .all()
  return {
    emails,
    page: input.page,
    pageCount,
    total,
    timeZone: getClinicSettings().timeZone,
    mailServerConfigured: isMailServerConfigured(),
  }
}

/** One message with its delivery history, or null. Records that `actor` read it. */
export function getOutboxEmailForAdmin(input: { emailId: string; actor: AuditActor }) {
  const db = getDb()
  const email = db.transaction(
    (tx) => {
      const row = tx
        .select({
          email: emailOutbox,
          bookingReference: bookings.reference,
          patientId: bookings.patientId,
        })
        .from(emailOutbox)
        .leftJoin(bookings, eq(bookings.id, emailOutbox.bookingId))
        .where(eq(emailOutbox.id, input.emailId))
        .get()
      if (!row) return null
      recordAuditEvent(tx, {
        action: 'email.viewed',
        actor: input.actor,
        subjectType: 'email',
        subjectId: row.email.id,
        patientId: row.patientId,
        details: { part: 'message' },
      })
      return { ...row.email, bookingReference: row.bookingReference }
    },
    { behavior: 'immediate' },
  )
  if (!email) return null
  return {
    email,
    from: getEnv().MAIL_FROM,
    timeZone: getClinicSettings().timeZone,
    mailServerConfigured: isMailServerConfigured(),
  }
}

/** A message's calendar file, or null when there is no such message or it has none. Audited. */
export function getOutboxCalendarForAdmin(input: { emailId: string; actor: AuditActor }) {
  return getDb().transaction(
    (tx) => {
      const row = tx
        .select({
          id: emailOutbox.id,
          icsContent: emailOutbox.icsContent,
          icsFilename: emailOutbox.icsFilename,
          patientId: bookings.patientId,
        })
        .from(emailOutbox)
        .leftJoin(bookings, eq(bookings.id, emailOutbox.bookingId))
        .where(eq(emailOutbox.id, input.emailId))
        .get()
      if (!row?.icsContent) return null
      recordAuditEvent(tx, {
        action: 'email.viewed',
        actor: input.actor,
        subjectType: 'email',
        subjectId: row.id,
        patientId: row.patientId,
        details: { part: 'calendar' },
      })
      return {
        content: row.icsContent,
        // Only safe characters reach the Content-Disposition header.
        filename: (row.icsFilename ?? 'appointment.ics').replace(/[^A-Za-z0-9._-]/g, '_'),
      }
    },
    { behavior: 'immediate' },
  )
}

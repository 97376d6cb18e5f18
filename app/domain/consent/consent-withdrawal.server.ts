import { ownedBookingCondition } from '#app/domain/booking/index.server.ts'
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server.ts'
import {
  bookings,
  clinicSettings,
  consentRecords,
  consentWithdrawals,
  patients,
  services,
  users,
} from '#db/schema/index.ts'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { enqueueEmail } from '#app/domain/email/outbox.server.ts'
import { consentWithdrawnEmail } from '#app/domain/email/staff-emails.rules.ts'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { sha256Hex } from './consent-documents.server.ts'
import { consentStatusOfBooking } from './consent-status.server.ts'
import { canonicalWithdrawal } from './consent.rules.ts'

export type WithdrawResult =
  | { ok: true; withdrawalId: string }
  | { ok: false; reason: 'not-found' | 'not-upcoming' | 'nothing-to-withdraw' }

/**
 * The patient takes back their consent before the treatment, from the booking page. A withdrawal
 * row is appended (the signed record stays as it was), the clinic is emailed — without any health
 * detail, only the booking's reference and time and a link — and the patient may sign again.
 * The booking itself stays: whether to keep or cancel it is a separate choice.
 */
export function withdrawConsent(input: {
  session: PatientSession | null
  reference: string
  reason: string | null
  now: Date
  ipAddress: string | null
  userAgent: string | null
  requestId: string | null
}): WithdrawResult {
  const owned = ownedBookingCondition(input.session, input.reference)
  if (!owned) return { ok: false, reason: 'not-found' }
  return getDb().transaction(
    (tx): WithdrawResult => {
      const row = tx
        .select({ booking: bookings, patientId: patients.id, kind: services.kind })
        .from(bookings)
        .innerJoin(patients, eq(patients.id, bookings.patientId))
        .innerJoin(services, eq(services.id, bookings.serviceId))
        .where(owned)
        .get()
      if (!row) return { ok: false, reason: 'not-found' }
      const { booking } = row
      const upcoming =
        (booking.status === 'confirmed' || booking.status === 'pending_review') &&
        booking.startAt.getTime() > input.now.getTime()
      if (!upcoming) return { ok: false, reason: 'not-upcoming' }
      const status = consentStatusOfBooking(tx, booking.id)
      if (!status?.recordId || (status.status !== 'signed' && status.status !== 'countersigned'))
        return { ok: false, reason: 'nothing-to-withdraw' }
      const record = tx
        .select({ id: consentRecords.id, recordSha256: consentRecords.recordSha256 })
        .from(consentRecords)
        .where(eq(consentRecords.id, status.recordId))
        .get()!
      const id = randomUUID()
      const fields = {
        id,
        consentRecordId: record.id,
        consentRecordSha256: record.recordSha256,
        bookingId: booking.id,
        patientId: row.patientId,
        withdrawnAt: input.now.getTime(),
        reason: input.reason,
        ipAddress: input.ipAddress,
        userAgent: input.userAgent?.slice(0, 500) ?? null,
        emailProvenBy: input.session?.provenBy ?? 'email_code',
      }
      const recordSha256 = sha256Hex(canonicalWithdrawal(fields))
      tx.insert(consentWithdrawals)
        .values({
          id,
          consentRecordId: record.id,
          bookingId: booking.id,
          patientId: row.patientId,
          withdrawnAt: input.now,
          reason: fields.reason,
          ipAddress: fields.ipAddress,
          userAgent: fields.userAgent,
          emailProvenBy: fields.emailProvenBy,
          recordSha256,
        })
        .run()
      recordAuditEvent(tx, {
        action: 'consent.withdrawn',
        actor: {
          type: 'patient',
          id: row.patientId,
          ipAddress: input.ipAddress,
          requestId: input.requestId,
        },
        subjectType: 'consent_record',
        subjectId: record.id,
        patientId: row.patientId,
        details: { bookingId: booking.id, withdrawalId: id, recordSha256 },
        at: input.now,
      })
      const clinic = tx
        .select({
          name: clinicSettings.name,
          email: clinicSettings.email,
          defaultLocale: clinicSettings.defaultLocale,
        })
        .from(clinicSettings)
        .get()
      if (clinic) {
        // The clinic's address reads the clinic's language, unless it is a staff member's own
        // address, whose profile language then wins.
        const reader = tx
          .select({ locale: users.locale })
          .from(users)
          .where(eq(users.email, clinic.email.toLowerCase()))
          .get()
        const { subject, text } = consentWithdrawnEmail(
          {
            reference: booking.reference,
            startAt: booking.startAt,
            timeZone: booking.timeZone,
            link: `${getEnv().APP_ORIGIN}/staff/bookings/${booking.id}/consent`,
            clinicName: clinic.name,
          },
          reader?.locale ?? clinic.defaultLocale,
        )
        enqueueEmail(
          tx,
          {
            dedupeKey: `consent:${id}:withdrawn`,
            to: clinic.email,
            subject,
            text,
            bookingId: booking.id,
          },
          input.now,
        )
      }
      return { ok: true, withdrawalId: id }
    },
    { behavior: 'immediate' },
  )
}

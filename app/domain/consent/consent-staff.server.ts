import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { getDb, type Db, type Tx } from '#db/client.server.ts'
import {
  bookings,
  consentCountersignatures,
  consentRecords,
  patients,
  practitioners,
  services,
} from '#db/schema/index.ts'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type BookingStatus } from '#app/domain/booking/index.server.ts'
import { type ServiceTier } from '#app/domain/clinic/clinic.schema.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { sha256Hex } from './consent-documents.server.ts'
import { auditView, clinicIdentity } from './consent-patient.server.ts'
import { renderConsentPdf } from './consent-pdf.server.ts'
import {
  consentRecordIdForBooking,
  type ConsentRecordView,
  loadConsentRecordView,
} from './consent-records.server.ts'
import { consentStatusOfBooking } from './consent-status.server.ts'
import { canonicalCountersignature, type ConsentStatusResult } from './consent.rules.ts'

/** The clinic's side: a booking's consent for clinicians, and the countersignature at the visit. */

export type StaffActor = { userId: string; ipAddress: string | null; requestId: string | null }

/** Bookings whose consent can still be countersigned: not cancelled, declined or lapsed. */
const COUNTERSIGNABLE: readonly BookingStatus[] = ['pending_review', 'confirmed', 'completed']

function loadBooking(db: Db | Tx, bookingId: string) {
  return db
    .select({
      booking: bookings,
      patientId: patients.id,
      patientName: patients.fullName,
      patientDateOfBirth: patients.dateOfBirth,
      serviceName: services.name,
      tier: services.tier,
      kind: services.kind,
      practitionerName: practitioners.displayName,
      practitionerUserId: practitioners.userId,
    })
    .from(bookings)
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .where(eq(bookings.id, bookingId))
    .get()
}

/**
 * May this clinician countersign for this tier? They must be a practitioner here, and a medical
 * one for the medical tier (only medical practitioners perform it, docs/product.md section 4).
 */
function countersigningPractitioner(db: Db | Tx, userId: string, tier: ServiceTier) {
  const practitioner = db
    .select({
      id: practitioners.id,
      credential: practitioners.credential,
      isActive: practitioners.isActive,
    })
    .from(practitioners)
    .where(eq(practitioners.userId, userId))
    .get()
  if (!practitioner?.isActive) return null
  if (tier === 'medical' && practitioner.credential !== 'medical') return null
  return practitioner
}

export type StaffConsentPage = {
  booking: {
    id: string
    reference: string
    status: BookingStatus
    serviceName: string
    tier: ServiceTier
    startAt: number
    endAt: number
    timeZone: string
    practitionerName: string
    patientName: string
    patientDateOfBirth: string
  }
  status: ConsentStatusResult['status']
  resignReason: ConsentStatusResult['resignReason']
  record: ConsentRecordView | null
  /** Whether this clinician may countersign now, and if not, why. */
  countersign:
    | { allowed: true; isBookedPractitioner: boolean }
    | { allowed: false; reason: 'not-signed' | 'already' | 'not-qualified' | 'not-active' }
}

/** A booking's consent for a clinician (audited), or null when there is no such booking. */
export function getStaffConsentPage(input: {
  bookingId: string
  actor: StaffActor
  /** Also read the signed version in this language (a translation for reference). */
  readIn?: Locale
}): StaffConsentPage | null {
  const db = getDb()
  const row = loadBooking(db, input.bookingId)
  if (!row) return null
  const status = consentStatusOfBooking(db, row.booking.id)!
  const recordId = consentRecordIdForBooking(db, row.booking.id, status.recordId)
  const record = recordId ? loadConsentRecordView(db, recordId, input.readIn) : null
  if (record)
    auditView(
      db,
      record,
      row.patientId,
      {
        type: 'staff',
        id: input.actor.userId,
        ipAddress: input.actor.ipAddress,
        requestId: input.actor.requestId,
      },
      'page',
    )
  const qualified = countersigningPractitioner(db, input.actor.userId, row.tier)
  const countersign: StaffConsentPage['countersign'] =
    status.status === 'countersigned'
      ? { allowed: false, reason: 'already' }
      : status.status !== 'signed'
        ? { allowed: false, reason: 'not-signed' }
        : !COUNTERSIGNABLE.includes(row.booking.status)
          ? { allowed: false, reason: 'not-active' }
          : !qualified
            ? { allowed: false, reason: 'not-qualified' }
            : { allowed: true, isBookedPractitioner: qualified.id === row.booking.practitionerId }
  return {
    booking: {
      id: row.booking.id,
      reference: row.booking.reference,
      status: row.booking.status,
      serviceName: row.serviceName,
      tier: row.tier,
      startAt: row.booking.startAt.getTime(),
      endAt: row.booking.endAt.getTime(),
      timeZone: row.booking.timeZone,
      practitionerName: row.practitionerName,
      patientName: row.patientName,
      patientDateOfBirth: row.patientDateOfBirth,
    },
    status: status.status,
    resignReason: status.resignReason,
    record,
    countersign,
  }
}

/** The signed consent of a booking as a PDF for clinicians (audited), or null. */
export async function getStaffConsentPdf(input: {
  bookingId: string
  actor: StaffActor
  now: Date
}): Promise<{ bytes: Uint8Array; filename: string } | null> {
  const db = getDb()
  const row = loadBooking(db, input.bookingId)
  if (!row) return null
  const status = consentStatusOfBooking(db, row.booking.id)!
  const recordId = consentRecordIdForBooking(db, row.booking.id, status.recordId)
  const record = recordId ? loadConsentRecordView(db, recordId) : null
  if (!record) return null
  auditView(
    db,
    record,
    row.patientId,
    {
      type: 'staff',
      id: input.actor.userId,
      ipAddress: input.actor.ipAddress,
      requestId: input.actor.requestId,
    },
    'pdf',
  )
  const bytes = await renderConsentPdf(record, {
    clinic: clinicIdentity(db),
    reference: row.booking.reference,
    appointmentStartAt: row.booking.startAt.getTime(),
    timeZone: row.booking.timeZone,
    generatedAt: input.now,
  })
  return { bytes, filename: `consent-${row.booking.reference}.pdf` }
}

export type CountersignResult =
  | { ok: true; countersignatureId: string; alreadyCountersigned: boolean }
  | {
      ok: false
      reason:
        'not-found' | 'not-signed' | 'withdrawn' | 'not-required' | 'not-active' | 'not-qualified'
    }

/**
 * The treating clinician countersigns the patient's consent at the visit: who and when, appended
 * (never changed). Countersigning twice is harmless: the first countersignature stands.
 */
export function countersignConsent(input: {
  bookingId: string
  clinicianUserId: string
  now: Date
  ipAddress?: string | null
  userAgent?: string | null
  requestId?: string | null
}): CountersignResult {
  return getDb().transaction(
    (tx): CountersignResult => {
      const row = loadBooking(tx, input.bookingId)
      if (!row) return { ok: false, reason: 'not-found' }
      const status = consentStatusOfBooking(tx, row.booking.id)!
      if (status.status === 'countersigned')
        return {
          ok: true,
          countersignatureId: status.countersignatureId!,
          alreadyCountersigned: true,
        }
      if (status.status === 'not_required') return { ok: false, reason: 'not-required' }
      if (status.status === 'withdrawn') return { ok: false, reason: 'withdrawn' }
      if (status.status !== 'signed' || !status.recordId) return { ok: false, reason: 'not-signed' }
      if (!COUNTERSIGNABLE.includes(row.booking.status)) return { ok: false, reason: 'not-active' }
      const practitioner = countersigningPractitioner(tx, input.clinicianUserId, row.tier)
      if (!practitioner) return { ok: false, reason: 'not-qualified' }
      const record = tx
        .select({ id: consentRecords.id, recordSha256: consentRecords.recordSha256 })
        .from(consentRecords)
        .where(eq(consentRecords.id, status.recordId))
        .get()!
      const fields = {
        id: randomUUID(),
        consentRecordId: record.id,
        consentRecordSha256: record.recordSha256,
        bookingId: row.booking.id,
        clinicianUserId: input.clinicianUserId,
        practitionerId: practitioner.id,
        countersignedAt: input.now.getTime(),
        ipAddress: input.ipAddress ?? null,
        userAgent: input.userAgent?.slice(0, 500) ?? null,
      }
      const recordSha256 = sha256Hex(canonicalCountersignature(fields))
      tx.insert(consentCountersignatures)
        .values({
          id: fields.id,
          consentRecordId: record.id,
          bookingId: row.booking.id,
          clinicianUserId: input.clinicianUserId,
          practitionerId: practitioner.id,
          countersignedAt: input.now,
          ipAddress: fields.ipAddress,
          userAgent: fields.userAgent,
          recordSha256,
        })
        .run()
      recordAuditEvent(tx, {
        action: 'consent.countersigned',
        actor: {
          type: 'staff',
          id: input.clinicianUserId,
          ipAddress: input.ipAddress ?? null,
          requestId: input.requestId ?? null,
        },
        subjectType: 'consent_record',
        subjectId: record.id,
        patientId: row.patientId,
        details: { bookingId: row.booking.id, countersignatureId: fields.id, recordSha256 },
        at: input.now,
      })
      return { ok: true, countersignatureId: fields.id, alreadyCountersigned: false }
    },
    { behavior: 'immediate' },
  )
}

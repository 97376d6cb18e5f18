import { ownedBookingCondition } from '#app/domain/booking/index.server.ts'
import { eq } from 'drizzle-orm'
import { getDb, type Db } from '#db/client.server.ts'
import { bookings, clinicSettings, patients, services } from '#db/schema/index.ts'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { type ClinicIdentity, renderConsentPdf } from './consent-pdf.server.ts'
import {
  consentRecordIdForBooking,
  type ConsentRecordView,
  loadConsentRecordView,
} from './consent-records.server.ts'
import {
  getConsentSigningPage,
  type SigningContext,
  type SigningPage,
} from './consent-signing.server.ts'
import { consentStatusOfBooking } from './consent-status.server.ts'
import { type ConsentStatusResult } from './consent.rules.ts'

/** The patient's side after booking: their consent for a booking, as a page and as a PDF. */

function ownedBooking(db: Db, session: PatientSession | null, reference: string) {
  const owned = ownedBookingCondition(session, reference)
  if (!owned) return undefined
  return db
    .select({
      booking: bookings,
      patient: patients,
      kind: services.kind,
      serviceName: services.name,
    })
    .from(bookings)
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(owned)
    .get()
}

export type PatientConsentPage = {
  booking: {
    reference: string
    serviceName: string
    startAt: number
    endAt: number
    timeZone: string
    isUpcoming: boolean
  }
  status: ConsentStatusResult['status']
  resignReason: ConsentStatusResult['resignReason']
  record: ConsentRecordView | null
  /** When the patient should sign (again): everything the signing forms need. */
  signing: SigningPage | null
}

/**
 * A booking's consent as its patient sees it: the signed text with its details, and, when the
 * booking needs a (new) signature, the forms to read, check and sign. Viewing a record is audited.
 * Null when this session may not see the booking (another patient's is "not found").
 */
export function getPatientConsentPage(input: {
  ctx: SigningContext
  reference: string
}): PatientConsentPage | null {
  const db = getDb()
  const { ctx } = input
  const owned = ownedBooking(db, ctx.session, input.reference)
  if (!owned) return null
  const { booking } = owned
  const status = consentStatusOfBooking(db, booking.id)!
  const recordId = consentRecordIdForBooking(db, booking.id, status.recordId)
  const record = recordId ? loadConsentRecordView(db, recordId) : null
  if (record) auditView(db, record, owned.patient.id, actorOf(ctx, owned.patient.id), 'page')
  const isUpcoming =
    (booking.status === 'confirmed' || booking.status === 'pending_review') &&
    booking.startAt.getTime() > ctx.now.getTime()
  const needsSignature = status.status === 'missing' || status.status === 'withdrawn'
  const signingPage =
    owned.kind === 'treatment' && isUpcoming && needsSignature
      ? getConsentSigningPage({ ctx, target: { kind: 'booking', reference: booking.reference } })
      : null
  return {
    booking: {
      reference: booking.reference,
      serviceName: owned.serviceName,
      startAt: booking.startAt.getTime(),
      endAt: booking.endAt.getTime(),
      timeZone: booking.timeZone,
      isUpcoming,
    },
    status: status.status,
    resignReason: status.resignReason,
    record,
    signing: signingPage?.ok ? signingPage.page : null,
  }
}

function actorOf(ctx: SigningContext, patientId: string): AuditActor {
  return { type: 'patient', id: patientId, ipAddress: ctx.ipAddress, requestId: ctx.requestId }
}

export function auditView(
  db: Db,
  record: Pick<ConsentRecordView, 'id' | 'bookingId'>,
  patientId: string,
  actor: AuditActor,
  format: 'page' | 'pdf',
) {
  recordAuditEvent(db, {
    action: format === 'pdf' ? 'consent.downloaded' : 'consent.viewed',
    actor,
    subjectType: 'consent_record',
    subjectId: record.id,
    patientId,
    details: { bookingId: record.bookingId, format },
  })
}

/** Who the clinic is, from its settings, for the signed PDF. */
export function clinicIdentity(db: Db): ClinicIdentity {
  return (
    db
      .select({
        name: clinicSettings.name,
        address: clinicSettings.address,
        phone: clinicSettings.phone,
        email: clinicSettings.email,
      })
      .from(clinicSettings)
      .get() ?? { name: 'Dermadesk', address: '', phone: '', email: '' }
  )
}

/** The signed consent of a booking as a PDF for its patient (audited), or null. */
export async function getPatientConsentPdf(input: {
  session: PatientSession | null
  reference: string
  actor: Omit<AuditActor, 'type' | 'id'>
  now: Date
}): Promise<{ bytes: Uint8Array; filename: string } | null> {
  const db = getDb()
  const owned = ownedBooking(db, input.session, input.reference)
  if (!owned) return null
  const status = consentStatusOfBooking(db, owned.booking.id)!
  const recordId = consentRecordIdForBooking(db, owned.booking.id, status.recordId)
  const record = recordId ? loadConsentRecordView(db, recordId) : null
  if (!record) return null
  auditView(
    db,
    record,
    owned.patient.id,
    { ...input.actor, type: 'patient', id: owned.patient.id },
    'pdf',
  )
  const bytes = await renderConsentPdf(record, {
    clinic: clinicIdentity(db),
    reference: owned.booking.reference,
    appointmentStartAt: owned.booking.startAt.getTime(),
    timeZone: owned.booking.timeZone,
    generatedAt: input.now,
  })
  return { bytes, filename: `consent-${owned.booking.reference}.pdf` }
}

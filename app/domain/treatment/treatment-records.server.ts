import { eq } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { changeBookingStatus } from '#app/domain/booking/booking-state.server.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import {
  auditActorOf,
  bookingActorOf,
  type StaffActor,
} from '#app/domain/clinic/stranding.server.ts'
import { getDb, type Tx } from '#db/client.server.ts'
import { treatmentRecords } from '#db/schema/index.ts'
import { treatmentProductsOf } from './skin-products.rules.ts'
import { depthLimitProblems, treatmentBlockers } from './treatment.rules.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { type TreatmentRecordInput } from './treatment.schema.ts'
import { latestCheckIn, loadVisit, type Visit, visitFacts } from './visit.server.ts'

export type RecordTreatmentResult =
  | { ok: true; recordId: string }
  | { ok: false; reason: 'not-found' }
  /** Something must happen first (check-in, review, consent…): one sentence each. */
  | { ok: false; reason: 'blocked'; blockers: string[] }
  /** A depth above the service's or the practitioner's maximum, keyed by form field. */
  | { ok: false; reason: 'depth'; fieldErrors: Record<string, string> }
  | { ok: false; reason: 'bad-correction' }

/**
 * Records what was done at a session and completes the booking, in one transaction. Refused
 * unless the patient is checked in, the screening is clear or approved and still valid, and the
 * consent is signed, countersigned and not withdrawn; refused for any depth above the service's
 * or the practitioner's maximum. A correction (`correctsRecordId`) is a new record that points at
 * the one it corrects, on a completed visit: records are never edited.
 */
export function recordTreatment(input: {
  bookingId: string
  record: TreatmentRecordInput
  actor: StaffActor
  now: Date
  /** The language of the messages it refuses with. */
  locale?: Locale
}): RecordTreatmentResult {
  const locale = input.locale ?? 'en'
  return getDb().transaction(
    (tx): RecordTreatmentResult => {
      const visit = loadVisit(tx, input.bookingId)
      if (!visit) return { ok: false, reason: 'not-found' }
      const correcting = input.record.correctsRecordId
      if (correcting) {
        if (visit.booking.status !== 'completed' || !isLatestRecord(tx, visit, correcting))
          return { ok: false, reason: 'bad-correction' }
      } else {
        const blockers = treatmentBlockers(visitFacts(tx, visit), locale)
        if (blockers.length > 0) return { ok: false, reason: 'blocked', blockers }
      }
      const fieldErrors = depthLimitProblems(
        input.record.areas,
        {
          serviceMaxUm: visit.service.maxNeedleDepthUm,
          practitionerMaxUm: visit.practitioner.maxNeedleDepthUm,
        },
        locale,
      )
      if (Object.keys(fieldErrors).length > 0) return { ok: false, reason: 'depth', fieldErrors }

      const { record } = input
      const { id } = tx
        .insert(treatmentRecords)
        .values({
          bookingId: visit.booking.id,
          practitionerId: visit.practitioner.id,
          recordedByUserId: input.actor.userId,
          areas: JSON.stringify(record.areas),
          maxDepthUm: Math.max(...record.areas.map((area) => area.depthUm)),
          device: record.device,
          cartridgeLot: record.cartridgeLot,
          anaesthetic: record.anaesthetic,
          anaestheticMinutes: record.anaestheticMinutes,
          rednessGrade: record.rednessGrade,
          bleeding: record.bleeding,
          notes: record.notes,
          passes: record.passes,
          skinProducts: JSON.stringify(record.skinProducts),
          skinProductOther: record.skinProductOther,
          skinProductReason: record.skinProductReason,
          aftercareProduct: record.aftercareProduct,
          aftercareProductName: record.aftercareProductName,
          correctsRecordId: correcting,
          recordedAt: input.now,
        })
        .returning({ id: treatmentRecords.id })
        .get()
      recordAuditEvent(tx, {
        action: correcting ? 'treatment.corrected' : 'treatment.recorded',
        actor: auditActorOf(input.actor),
        subjectType: 'treatment_record',
        subjectId: id,
        patientId: visit.booking.patientId,
        details: { bookingId: visit.booking.id, correctsRecordId: correcting },
        at: input.now,
      })
      if (!correcting) completeVisit(tx, visit, input.actor, input.now)
      return { ok: true, recordId: id }
    },
    { behavior: 'immediate' },
  )
}

/** The visit took place: the booking is completed (which starts the aftercare messages). */
function completeVisit(tx: Tx, visit: Visit, actor: StaffActor, now: Date) {
  changeBookingStatus(tx, {
    booking: visit.booking,
    to: 'completed',
    actor: bookingActorOf(actor),
    action: 'completed',
    at: now,
    set: { completedAt: now },
  })
}

/** Only the newest entry of a booking's record can be corrected (a chain, never a fork). */
function isLatestRecord(tx: Tx, visit: Visit, recordId: string): boolean {
  const rows = tx
    .select({ id: treatmentRecords.id, correctsRecordId: treatmentRecords.correctsRecordId })
    .from(treatmentRecords)
    .where(eq(treatmentRecords.bookingId, visit.booking.id))
    .all()
  const target = rows.find((row) => row.id === recordId)
  return target !== undefined && !rows.some((row) => row.correctsRecordId === recordId)
}

export type VisitOutcomeResult =
  | { ok: true }
  | { ok: false; reason: 'not-found' | 'not-open' | 'too-early' | 'checked-in' | 'not-checked-in' }

/**
 * The patient did not come. Only once the appointment has started, and not for a patient who
 * was checked in. No message is sent: the clinic calls the patient.
 */
export function markNoShow(input: {
  bookingId: string
  actor: StaffActor
  now: Date
}): VisitOutcomeResult {
  return getDb().transaction(
    (tx): VisitOutcomeResult => {
      const visit = loadVisit(tx, input.bookingId)
      if (!visit) return { ok: false, reason: 'not-found' }
      const { booking } = visit
      if (booking.status !== 'confirmed' && booking.status !== 'pending_review')
        return { ok: false, reason: 'not-open' }
      if (input.now.getTime() < booking.startAt.getTime()) return { ok: false, reason: 'too-early' }
      if (latestCheckIn(tx, booking.id)) return { ok: false, reason: 'checked-in' }
      changeBookingStatus(tx, {
        booking,
        to: 'no_show',
        actor: bookingActorOf(input.actor),
        action: 'no_show',
        at: input.now,
      })
      return { ok: true }
    },
    { behavior: 'immediate' },
  )
}

/** A consultation took place (nothing is needled, so there is no treatment record). */
export function completeConsultation(input: {
  bookingId: string
  actor: StaffActor
  now: Date
}): VisitOutcomeResult {
  return getDb().transaction(
    (tx): VisitOutcomeResult => {
      const visit = loadVisit(tx, input.bookingId)
      if (!visit || visit.service.kind !== 'consultation') return { ok: false, reason: 'not-found' }
      if (visit.booking.status !== 'confirmed') return { ok: false, reason: 'not-open' }
      if (!latestCheckIn(tx, visit.booking.id)) return { ok: false, reason: 'not-checked-in' }
      completeVisit(tx, visit, input.actor, input.now)
      return { ok: true }
    },
    { behavior: 'immediate' },
  )
}

/**
 * What the treatment form needs: the visit, its depth limits, what still blocks recording, and
 * (for a correction) the entry being corrected, whose values the form starts from. Showing that
 * entry is a view of the treatment record: audited.
 */
export function getTreatmentFormView(input: {
  bookingId: string
  correctsRecordId: string | null
  actor: StaffActor
  now: Date
  locale?: Locale
}) {
  const db = getDb()
  const visit = loadVisit(db, input.bookingId)
  if (!visit || visit.service.kind !== 'treatment') return null
  const corrected = input.correctsRecordId
    ? db
        .select()
        .from(treatmentRecords)
        .where(eq(treatmentRecords.id, input.correctsRecordId))
        .get()
    : undefined
  if (input.correctsRecordId && corrected?.bookingId !== visit.booking.id) return null
  if (corrected) {
    recordAuditEvent(db, {
      action: 'treatment.viewed',
      actor: auditActorOf(input.actor),
      subjectType: 'treatment_record',
      subjectId: corrected.id,
      patientId: visit.booking.patientId,
      details: { bookingId: visit.booking.id, purpose: 'correction' },
      at: input.now,
    })
  }
  return {
    booking: {
      id: visit.booking.id,
      reference: visit.booking.reference,
      startAt: visit.booking.startAt.getTime(),
      endAt: visit.booking.endAt.getTime(),
      serviceName: visit.service.name,
      practitionerName: visit.practitioner.displayName,
      patientName: visit.patient.fullName,
    },
    timeZone: getClinicSettings().timeZone,
    limits: {
      serviceMaxUm: visit.service.maxNeedleDepthUm,
      practitionerMaxUm: visit.practitioner.maxNeedleDepthUm,
    },
    blockers: corrected ? [] : treatmentBlockers(visitFacts(db, visit), input.locale),
    corrected: corrected
      ? {
          id: corrected.id,
          areas: JSON.parse(corrected.areas) as TreatmentRecordInput['areas'],
          device: corrected.device,
          cartridgeLot: corrected.cartridgeLot,
          anaesthetic: corrected.anaesthetic,
          anaestheticMinutes: corrected.anaestheticMinutes,
          rednessGrade: corrected.rednessGrade,
          bleeding: corrected.bleeding,
          notes: corrected.notes,
          ...treatmentProductsOf(corrected),
        }
      : null,
  }
}

import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { auditActorOf, type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { confirmScreeningUnchangedInTx } from '#app/domain/screening/screening-visit.server.ts'
import { getDb } from '#db/client.server.ts'
import { checkIns } from '#db/schema/index.ts'
import { type IdentityMethod } from './treatment.schema.ts'
import { loadVisit, visitFacts } from './visit.server.ts'
import { visitTiming } from './treatment.rules.ts'

export type CheckInResult =
  | { ok: true; checkInId: string; next: 'visit' | 'update-answers' }
  | {
      ok: false
      reason: 'not-found' | 'not-open' | 'not-today' | 'renewal-due' | 'no-screening'
    }

/**
 * The patient is at the clinic: the clinician confirmed who they are and asked whether anything
 * about their health changed since they answered. "Nothing changed" is recorded against the
 * answers (screening's confirmation); "changed" sends the clinician to enter the new answers, and
 * the rules run again. A check-in is an append-only row; checking in twice adds a second one.
 */
export function checkInPatient(input: {
  bookingId: string
  identityMethod: IdentityMethod
  healthUnchanged: boolean
  actor: StaffActor
  now: Date
}): CheckInResult {
  return getDb().transaction(
    (tx): CheckInResult => {
      const visit = loadVisit(tx, input.bookingId)
      if (!visit) return { ok: false, reason: 'not-found' }
      const { booking, service } = visit
      if (booking.status !== 'confirmed' && booking.status !== 'pending_review')
        return { ok: false, reason: 'not-open' }
      const zone = getClinicSettings().timeZone
      if (localDateOf(booking.startAt.getTime(), zone) !== localDateOf(input.now.getTime(), zone))
        return { ok: false, reason: 'not-today' }
      const isTreatment = service.kind === 'treatment'
      if (isTreatment && input.healthUnchanged) {
        const confirmed = confirmScreeningUnchangedInTx(tx, booking.id, input.actor, input.now)
        if (!confirmed.ok) {
          if (confirmed.reason === 'renewal-due' || confirmed.reason === 'no-screening')
            return { ok: false, reason: confirmed.reason }
          return { ok: false, reason: 'not-open' }
        }
      }
      const { id } = tx
        .insert(checkIns)
        .values({
          bookingId: booking.id,
          clinicianUserId: input.actor.userId,
          identityMethod: input.identityMethod,
          healthUnchanged: input.healthUnchanged,
          checkedInAt: input.now,
        })
        .returning({ id: checkIns.id })
        .get()
      recordAuditEvent(tx, {
        action: 'visit.checked_in',
        actor: auditActorOf(input.actor),
        subjectType: 'booking',
        subjectId: booking.id,
        patientId: booking.patientId,
        details: {
          checkInId: id,
          identityMethod: input.identityMethod,
          healthUnchanged: input.healthUnchanged,
        },
        at: input.now,
      })
      return {
        ok: true,
        checkInId: id,
        next: isTreatment && !input.healthUnchanged ? 'update-answers' : 'visit',
      }
    },
    { behavior: 'immediate' },
  )
}

/**
 * What the check-in page shows: who is expected when, and where screening and consent stand (no
 * answers, so not a view of the health record).
 */
export function getCheckInView(bookingId: string, now: Date) {
  const db = getDb()
  const visit = loadVisit(db, bookingId)
  if (!visit) return null
  const { booking, service, patient, practitioner } = visit
  return {
    booking: {
      id: booking.id,
      reference: booking.reference,
      status: booking.status,
      startAt: booking.startAt.getTime(),
      endAt: booking.endAt.getTime(),
      serviceName: service.name,
      isTreatment: service.kind === 'treatment',
      practitionerName: practitioner.displayName,
    },
    timeZone: getClinicSettings().timeZone,
    timing: visitTiming(booking.startAt.getTime(), now.getTime(), getClinicSettings().timeZone),
    patient: { fullName: patient.fullName, dateOfBirth: patient.dateOfBirth },
    facts: visitFacts(db, visit),
  }
}

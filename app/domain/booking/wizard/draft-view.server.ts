import { eq, sql } from 'drizzle-orm'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { consentCoversSession } from '#app/domain/consent/consent-status.server.ts'
import {
  codeProvenEmail,
  type PatientSession,
} from '#app/domain/patient/patient-sessions.server.ts'
import {
  draftScreeningState,
  isScreeningDone,
  waitUntilInstant,
} from '#app/domain/screening/screening.server.ts'
import { getDb } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { bookings, practitioners, services } from '#db/schema/index.ts'
import { type PatientDetails } from '../booking.schema.ts'
import { isLiveHold } from '../booking.rules.ts'
import { earliestNeedlingStartFor, findPatient } from '../patients.server.ts'
import { getDraftRow } from './draft.server.ts'
import { type WizardProgress } from './steps.ts'

// The draft view's reads, on every wizard page.
const draftServiceQuery = preparedStatement((db) =>
  db
    .select({
      id: services.id,
      name: services.name,
      kind: services.kind,
      tier: services.tier,
      durationMinutes: services.durationMinutes,
      priceCents: services.priceCents,
    })
    .from(services)
    .where(eq(services.id, sql.placeholder('id')))
    .prepare(),
)
const heldBookingQuery = preparedStatement((db) =>
  db
    .select({ booking: bookings, practitionerName: practitioners.displayName })
    .from(bookings)
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .where(eq(bookings.id, sql.placeholder('id')))
    .prepare(),
)
const bookingReferenceQuery = preparedStatement((db) =>
  db
    .select({ reference: bookings.reference })
    .from(bookings)
    .where(eq(bookings.id, sql.placeholder('id')))
    .prepare(),
)

export type DraftView = {
  service: {
    id: string
    name: string
    kind: string
    tier: string
    durationMinutes: number
    priceCents: number | null
  }
  hold: {
    bookingId: string
    reference: string
    practitionerId: string
    practitionerName: string
    startAt: number
    endAt: number
    expiresAt: number | null
    live: boolean
  } | null
  details: PatientDetails | null
  completedBooking: { reference: string } | null
  timeZone: string
  progress: WizardProgress
  /**
   * The first instant this patient may be booked: the later of the gap after their last needling
   * session (once they are known) and the screening's waiting windows.
   */
  earliestStartAt: number | null
  /** The screening's answers as far as the booking pages need them (never the answers). */
  screening: {
    outcome: string
    /** Start of the first day the waiting windows allow, or null. */
    waitUntilAt: number | null
    dateOfBirth: string
  } | null
}

/** Everything the wizard pages show about this session's draft, or null when there is none. */
export function getDraftView(session: PatientSession | null, now = new Date()): DraftView | null {
  if (!session) return null
  const db = getDb()
  const draft = getDraftRow(db, session.tokenHash)
  if (!draft) return null
  const service = draftServiceQuery(db).get({ id: draft.serviceId })
  if (!service) return null
  const held = draft.heldBookingId
    ? heldBookingQuery(db).get({ id: draft.heldBookingId })
    : undefined
  const completed = draft.completedBookingId
    ? bookingReferenceQuery(db).get({ id: draft.completedBookingId })
    : undefined
  const details =
    draft.fullName && draft.email && draft.phone && draft.dateOfBirth
      ? {
          fullName: draft.fullName,
          email: draft.email,
          phone: draft.phone,
          dateOfBirth: draft.dateOfBirth,
        }
      : null
  const settings = getClinicSettings()
  const heldStatus = held?.booking.status
  const holdUsable = heldStatus === 'held' || heldStatus === 'expired'
  const patient =
    details && codeProvenEmail(session) === details.email
      ? findPatient(db, details.email, details.dateOfBirth)
      : undefined
  const needsConsent = service.kind === 'treatment'
  // Only for a proved address: whether someone has signed a consent is nobody else's business.
  const hasConsent =
    needsConsent && Boolean(patient && held && holdUsable)
      ? consentCoversSession(db, {
          patientId: patient!.id,
          tier: service.tier,
          startAt: held!.booking.startAt.getTime(),
        })
      : false
  const screening = draftScreeningState(db, {
    serviceKind: service.kind,
    submissionId: draft.screeningSubmissionId,
  })
  const screeningWaitAt = waitUntilInstant(
    screening.submission?.waitUntil ?? null,
    settings.timeZone,
  )
  const needlingEarliest =
    patient && service.kind === 'treatment'
      ? earliestNeedlingStartFor(db, {
          patientId: patient.id,
          minDays: settings.minDaysBetweenNeedling,
          excludeBookingId: draft.heldBookingId,
        })
      : null
  return {
    service,
    hold:
      held && holdUsable
        ? {
            bookingId: held.booking.id,
            reference: held.booking.reference,
            practitionerId: held.booking.practitionerId,
            practitionerName: held.practitionerName,
            startAt: held.booking.startAt.getTime(),
            endAt: held.booking.endAt.getTime(),
            expiresAt: held.booking.holdExpiresAt?.getTime() ?? null,
            live: isLiveHold(
              {
                status: held.booking.status,
                holdExpiresAt: held.booking.holdExpiresAt?.getTime() ?? null,
              },
              now.getTime(),
            ),
          }
        : null,
    details,
    completedBooking: completed ?? null,
    timeZone: settings.timeZone,
    progress: {
      hasService: true,
      needsScreening: screening.needed,
      screeningDone: isScreeningDone(screening),
      hasHold: Boolean(held && holdUsable),
      hasDetails: details !== null,
      emailVerified: details !== null && codeProvenEmail(session) === details.email,
      needsConsent,
      hasConsent,
      isBooked: Boolean(completed),
    },
    earliestStartAt: latest(needlingEarliest, screeningWaitAt),
    screening: screening.submission
      ? {
          outcome: screening.submission.outcome,
          waitUntilAt: screeningWaitAt,
          dateOfBirth: screening.submission.dateOfBirth,
        }
      : null,
  }
}

function latest(a: number | null, b: number | null): number | null {
  if (a === null) return b
  if (b === null) return a
  return Math.max(a, b)
}

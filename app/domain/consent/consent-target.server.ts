import { eq } from 'drizzle-orm'
import { type Db, type Tx } from '#db/client.server.ts'
import { bookings, patients, services } from '#db/schema/index.ts'
import { type EmailProof } from '#app/domain/patient/patient.schema.ts'
import {
  findPatient,
  getWizardDraft,
  ownedBookingCondition,
  type WizardDraft,
} from '#app/domain/booking/index.server.ts'
import { type ServiceTier } from '#app/domain/clinic/clinic.schema.ts'
import { type Locale } from '#app/i18n/locales.ts'
import {
  codeProvenEmail,
  type PatientSession,
} from '#app/domain/patient/patient-sessions.server.ts'

/**
 * Whose consent, for which session: in the booking wizard the held booking and the draft's
 * details (the patient may not exist yet); on the booking page an upcoming booking of the
 * patient who proved the email. Ownership is part of the query (another patient's booking is
 * "not found", security goal C2).
 */

export type SigningTarget = { kind: 'wizard' } | { kind: 'booking'; reference: string }

export type SigningContext = {
  session: PatientSession
  now: Date
  ipAddress: string | null
  userAgent: string | null
  requestId: string | null
  /** The language of the page: the form is read, checked and signed in it (English if absent). */
  locale?: Locale
}

export type Resolved = {
  booking: typeof bookings.$inferSelect
  tier: ServiceTier
  /** The patient, when they exist already (in the wizard they may be created at signing). */
  patient: typeof patients.$inferSelect | null
  draft: WizardDraft | null
  expectedName: string
  verifiedEmail: string
  provenBy: EmailProof
}

export type TargetProblem =
  'not-found' | 'no-draft' | 'not-verified' | 'already-booked' | 'not-needed' | 'not-upcoming'

export function resolveTarget(
  db: Tx | Db,
  ctx: SigningContext,
  target: SigningTarget,
): { ok: true; value: Resolved } | { ok: false; reason: TargetProblem } {
  const { session } = ctx
  if (target.kind === 'wizard') {
    const draft = getWizardDraft(db, session.tokenHash)
    if (!draft) return { ok: false, reason: 'no-draft' }
    if (draft.completedBookingId) return { ok: false, reason: 'already-booked' }
    if (
      !draft.email ||
      !draft.fullName ||
      !draft.phone ||
      !draft.dateOfBirth ||
      !draft.heldBookingId
    )
      return { ok: false, reason: 'no-draft' }
    if (codeProvenEmail(session) !== draft.email) return { ok: false, reason: 'not-verified' }
    const row = db
      .select({ booking: bookings, kind: services.kind, tier: services.tier })
      .from(bookings)
      .innerJoin(services, eq(services.id, bookings.serviceId))
      .where(eq(bookings.id, draft.heldBookingId))
      .get()
    if (!row || (row.booking.status !== 'held' && row.booking.status !== 'expired'))
      return { ok: false, reason: 'no-draft' }
    if (row.kind !== 'treatment') return { ok: false, reason: 'not-needed' }
    return {
      ok: true,
      value: {
        booking: row.booking,
        tier: row.tier,
        patient: findPatient(db, draft.email, draft.dateOfBirth) ?? null,
        draft,
        expectedName: draft.fullName,
        verifiedEmail: draft.email,
        provenBy: session.provenBy ?? 'email_code',
      },
    }
  }
  const owned = ownedBookingCondition(session, target.reference)
  if (!owned || !session.verifiedEmail) return { ok: false, reason: 'not-found' }
  // Ownership is in the query: another address's booking is simply not found (goal C2).
  const row = db
    .select({ booking: bookings, patient: patients, kind: services.kind, tier: services.tier })
    .from(bookings)
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(owned)
    .get()
  if (!row) return { ok: false, reason: 'not-found' }
  if (row.kind !== 'treatment') return { ok: false, reason: 'not-needed' }
  const upcoming =
    (row.booking.status === 'confirmed' || row.booking.status === 'pending_review') &&
    row.booking.startAt.getTime() > ctx.now.getTime()
  if (!upcoming) return { ok: false, reason: 'not-upcoming' }
  return {
    ok: true,
    value: {
      booking: row.booking,
      tier: row.tier,
      patient: row.patient,
      draft: null,
      expectedName: row.patient.fullName,
      verifiedEmail: session.verifiedEmail,
      provenBy: session.provenBy ?? 'email_code',
    },
  }
}

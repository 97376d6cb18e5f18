import { desc, eq } from 'drizzle-orm'
import { findAvailableSlots } from '#app/domain/availability/availability.server.ts'
import { type Slot } from '#app/domain/availability/slots.rules.ts'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { submitDraftScreening } from '#app/domain/booking/wizard/draft-screening.server.ts'
import { saveDraftDetails } from '#app/domain/booking/wizard/details.server.ts'
import { startBookingDraft } from '#app/domain/booking/wizard/draft.server.ts'
import { holdSlot } from '#app/domain/booking/wizard/hold.server.ts'
import { verifyBookingEmail } from '#app/domain/booking/wizard/verify.server.ts'
import { type ScreeningAnswers } from '#app/domain/screening/screening.schema.ts'
import {
  createPatientSession,
  getPatientSession,
  type PatientSession,
} from '#app/domain/patient/patient-sessions.server.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { getDb } from '#db/client.server.ts'
import { emailOutbox, services } from '#db/schema/index.ts'
import { passCheckAndSign, signingContext } from './consent-fixtures.ts'

/** Integration-test helpers for the booking wizard (on the demo clinic). */

export const PATIENT = {
  fullName: 'Chiara Esposito',
  email: 'chiara.esposito@example.com',
  phone: '+393331234567',
  dateOfBirth: '1988-03-14',
} as const

export const patientActor = { type: 'patient' as const, ipAddress: '127.0.0.1', requestId: 'test' }

/** Health answers with nothing to flag (for the demo patient, born 1988-03-14). */
export const CLEAR_ANSWERS: ScreeningAnswers = {
  dateOfBirth: PATIENT.dateOfBirth,
  areas: ['face'],
  skinType: 'III',
  skinNow: [],
  history: [],
  medicines: [],
  allergies: [],
  pregnancy: 'no',
  procedures: [],
}

export function serviceIdBySlug(slug: string): string {
  const row = getDb()
    .select({ id: services.id })
    .from(services)
    .where(eq(services.slug, slug))
    .get()
  if (!row) throw new Error(`No service ${slug}`)
  return row.id
}

export function newPatientSession(now: Date): PatientSession {
  const { token } = createPatientSession(now)
  return getPatientSession(token, now)!
}

/**
 * A fresh session with a draft for the service. For a treatment the health questions are
 * answered too (clear answers unless given; null leaves them unanswered).
 */
export function sessionWithDraft(
  slug: string,
  now: Date,
  answers: ScreeningAnswers | null = CLEAR_ANSWERS,
  /** The language of the page the booking starts on (the booking and its emails keep it). */
  locale?: Locale,
): PatientSession {
  const session = newPatientSession(now)
  const started = startBookingDraft({
    session,
    serviceId: serviceIdBySlug(slug),
    now,
    ...(locale ? { locale } : {}),
  })
  if (!started.ok) throw new Error('could not start a draft')
  if (answers && slug !== 'consultation') {
    const screened = submitDraftScreening({ session, answers, now, actor: patientActor })
    if (!screened.ok) throw new Error(`screening failed: ${screened.reason}`)
  }
  return session
}

/** The first free slot for a service from `now` on (searching up to five weeks). */
export function firstFreeSlot(
  slug: string,
  now: Date,
  practitionerId: string | 'any' = 'any',
): Slot {
  const result = findAvailableSlots({
    serviceId: serviceIdBySlug(slug),
    practitionerId,
    fromDate: localDateOf(now.getTime(), 'Europe/Rome'),
    days: 31,
    now,
  })
  const slot = result.days.flatMap((day) => day.slots)[0]
  if (!slot) throw new Error(`No free slot for ${slug}`)
  return slot
}

/** The code in the newest verification email to an address (as the patient would read it). */
export function latestCodeSentTo(email: string): string {
  const row = getDb()
    .select({ text: emailOutbox.textBody, key: emailOutbox.dedupeKey })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, email))
    .orderBy(desc(emailOutbox.createdAt))
    .all()
    .find((r) => r.key.startsWith('verification:'))
  // In either language: "Your code is 123456", "Il tuo codice è 123456".
  const code = row && /(?:Your code is|Il tuo codice è) (\d{6})/.exec(row.text)?.[1]
  if (!code) throw new Error(`No code was emailed to ${email}`)
  return code
}

/** Books a slot for the demo patient through the wizard; returns the session and reference. */
export async function bookForPatient(
  slug: string,
  slot: Slot,
  now: Date,
  details: { fullName: string; email: string; phone: string; dateOfBirth: string } = PATIENT,
  answers: ScreeningAnswers = { ...CLEAR_ANSWERS, dateOfBirth: details.dateOfBirth },
  locale?: Locale,
): Promise<{ session: PatientSession; reference: string }> {
  const session = sessionWithDraft(slug, now, answers, locale)
  const held = holdSlot({ session, ...slot, now, actor: patientActor })
  if (!held.ok) throw new Error(`hold failed: ${held.reason}`)
  saveDraftDetails({ session, details, now, actor: patientActor })
  const result = verifyBookingEmail({
    session,
    code: latestCodeSentTo(details.email),
    now,
    actor: patientActor,
  })
  if (!result.ok) throw new Error(`booking failed: ${JSON.stringify(result)}`)
  const verified = sessionAfter(session, result.sessionToken, now)
  let reference = result.reference
  if (!reference) {
    // A treatment: the consent step is the last one before the booking is made.
    const signed = await passCheckAndSign(signingContext(verified, now))
    reference = signed.bookedReference
  }
  if (!reference) throw new Error('booking failed: not booked after signing the consent')
  return { session: verified, reference }
}

/**
 * Goes through the wizard: hold, details, code and, for a treatment, the consent (the last step
 * before the booking is made). Answers like verifyBookingEmail does.
 */
export async function bookThroughWizard(
  session: PatientSession,
  slot: { practitionerId: string; startAt: number },
  at: Date,
  details: { fullName: string; email: string; phone: string; dateOfBirth: string } = PATIENT,
) {
  const held = holdSlot({ session, ...slot, now: at, actor: patientActor })
  if (!held.ok) throw new Error(`hold failed: ${held.reason}`)
  const saved = saveDraftDetails({ session, details, now: at, actor: patientActor })
  if (!saved.ok) throw new Error(`details failed: ${saved.reason}`)
  const verified = verifyBookingEmail({
    session,
    code: latestCodeSentTo(details.email),
    now: at,
    actor: patientActor,
  })
  // The browser now holds the session's new token (proving the email replaced it).
  const current = sessionAfter(session, verified.sessionToken, at)
  if (!verified.ok || verified.reference) return { ...verified, session: current }
  const signed = await passCheckAndSign(signingContext(current, at))
  if (signed.bookingProblem?.reason === 'too-close')
    return {
      ok: false as const,
      reason: 'too-close' as const,
      earliestStartAt: signed.bookingProblem.earliestStartAt,
      session: current,
    }
  if (signed.bookingProblem)
    return { ok: false as const, reason: 'slot-taken' as const, session: current }
  return { ok: true as const, reference: signed.bookedReference, session: current }
}

/**
 * The session the browser holds after a step: the new one when proving the email replaced its
 * token (as the Set-Cookie would), else the same one re-read.
 */
export function sessionAfter(
  session: PatientSession,
  newToken: string | null | undefined,
  now: Date,
): PatientSession {
  return newToken ? getPatientSession(newToken, now)! : reloadSession(session)
}

/** The session as the next request would read it (it may have been verified meanwhile). */
export function reloadSession(session: PatientSession): PatientSession {
  const row = getDb()
    .$client.prepare(
      'SELECT verified_email AS verifiedEmail, proven_by AS provenBy, proven_booking_id AS provenBookingId FROM patient_sessions WHERE token_hash = ?',
    )
    .get(session.tokenHash) as {
    verifiedEmail: string | null
    provenBy: PatientSession['provenBy']
    provenBookingId: string | null
  }
  return { tokenHash: session.tokenHash, ...row }
}

/** The manage-link token in the newest booking email to an address. */
export function latestManageTokenSentTo(email: string): string {
  const rows = getDb()
    .select({ text: emailOutbox.textBody })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, email))
    .orderBy(desc(emailOutbox.createdAt))
    .all()
  for (const row of rows) {
    const token = /\/bookings\/manage\?token=([A-Za-z0-9_-]{43})/.exec(row.text)?.[1]
    if (token) return token
  }
  throw new Error(`No manage link was emailed to ${email}`)
}

/**
 * A patient in the booking wizard at the consent step: a slot held, details given, email proved.
 * Returns the (verified) session.
 */
export async function wizardAtConsent(
  slug: string,
  now: Date,
  details: { fullName: string; email: string; phone: string; dateOfBirth: string },
  slot?: { practitionerId: string; startAt: number },
): Promise<PatientSession> {
  const session = sessionWithDraft(slug, now)
  const held = holdSlot({
    session,
    ...(slot ?? firstFreeSlot(slug, now)),
    now,
    actor: patientActor,
  })
  if (!held.ok) throw new Error(`hold failed: ${held.reason}`)
  const saved = saveDraftDetails({ session, details, now, actor: patientActor })
  if (!saved.ok) throw new Error(`details failed: ${saved.reason}`)
  if (saved.next === 'verify') {
    const verified = verifyBookingEmail({
      session,
      code: latestCodeSentTo(details.email),
      now,
      actor: patientActor,
    })
    if (!verified.ok) throw new Error(`verify failed: ${JSON.stringify(verified)}`)
    return sessionAfter(session, verified.sessionToken, now)
  }
  return reloadSession(session)
}

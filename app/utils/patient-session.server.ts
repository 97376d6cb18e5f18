import {
  createPatientSession,
  getPatientSession,
  PATIENT_SESSION_ABSOLUTE_MS,
  type PatientSession,
} from '#app/domain/patient/patient-sessions.server.ts'
import { readToken, tokenCookie } from './token-cookie.server.ts'

/**
 * The patient session cookie: an opaque token for the booking wizard and, after an email code or
 * an emailed link, for that address's bookings. Same flags as the staff cookie (goal B1).
 */
function patientCookie() {
  return tokenCookie('dermadesk_patient', PATIENT_SESSION_ABSOLUTE_MS)
}

/** The patient session of this request, if the browser has a live one. */
export async function getPatientSessionFromRequest(
  request: Request,
): Promise<PatientSession | null> {
  const token = await readToken(patientCookie(), request)
  return token ? getPatientSession(token) : null
}

/**
 * The patient session of this request, creating one when there is none. `setCookie` is the header
 * to send when a session was created (null otherwise).
 */
export async function ensurePatientSession(
  request: Request,
): Promise<{ session: PatientSession; setCookie: string | null }> {
  const existing = await getPatientSessionFromRequest(request)
  if (existing) return { session: existing, setCookie: null }
  const { token, tokenHash } = createPatientSession(new Date())
  return {
    session: { tokenHash, verifiedEmail: null, provenBy: null, provenBookingId: null },
    setCookie: await patientCookie().serialize(token),
  }
}

/** The Set-Cookie header for a session token, after the session's token was replaced. */
export function patientSessionCookie(token: string): Promise<string> {
  return patientCookie().serialize(token)
}

/** The patient cookie's token of this request (checked for shape only), or null. */
export function readPatientToken(request: Request): Promise<string | null> {
  return readToken(patientCookie(), request)
}

/** The Set-Cookie header that removes the patient cookie (a clinic tablet given back). */
export function expiredPatientSessionCookie(): Promise<string> {
  return patientCookie().serialize('', { maxAge: 0 })
}

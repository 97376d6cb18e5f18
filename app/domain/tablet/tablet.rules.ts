import { type ConsentStatus } from '#app/domain/consent/consent.schema.ts'
import { type ScreeningClearance } from '#app/domain/treatment/treatment.rules.ts'

/**
 * Clinic tablet mode (docs/decisions/045-clinic-tablet-mode.md): at check-in, staff hand their
 * signed-in browser to the patient, who answers the health questions and signs the consent of
 * that one booking. These are the rules; tablet.server.ts keeps the state.
 */

/** A locked tablet goes back to its staff member this long after the hand-over at most. */
export const TABLET_LOCK_MAX_MS = 2 * 60 * 60_000

/** The pages of the hand-over itself: the patient's screen, the lock and the unlock form. */
export const TABLET_HOME = '/tablet'

/** What the patient still has to do on the tablet, in order. */
export type TabletStep = 'screening' | 'consent' | 'done'

/**
 * The step the patient is on: health questions first (none yet, or old ones to renew), then the
 * consent (missing or withdrawn), then nothing. Answers a clinician must look at or a refusal do
 * not ask the patient anything more here; the clinician takes it from there.
 */
export function tabletStep(facts: {
  screening: ScreeningClearance
  consent: ConsentStatus
}): TabletStep {
  if (facts.screening === 'missing' || facts.screening === 'renewal_due') return 'screening'
  if (facts.consent === 'missing' || facts.consent === 'withdrawn') return 'consent'
  return 'done'
}

/** Whether handing the tablet over would ask the patient for anything (the button shows then). */
export function tabletHelps(facts: {
  status: string
  screening: ScreeningClearance
  consent: ConsentStatus
}): boolean {
  if (facts.status !== 'confirmed' && facts.status !== 'pending_review') return false
  return tabletStep(facts) !== 'done'
}

/**
 * The addresses a locked tablet may open: its own screen and lock, the language switch, Remix's
 * route manifest, and the
 * health questions and consent of its booking. Everything else (another booking, /book, /staff,
 * /admin, the home page) shows the lock screen instead. `pathname` may be a Remix data request
 * (`….data`).
 */
export function tabletAllows(pathname: string, reference: string): boolean {
  const path = pageOf(pathname)
  if (path === TABLET_HOME || path.startsWith(`${TABLET_HOME}/`)) return true
  // The language switch, and Remix's route manifest (which routes exist; no data).
  if (path === '/language' || path === '/__manifest') return true
  const booking = `/bookings/${reference}`
  if (path === `${booking}/consent`) return true
  return path === `${booking}/screening` || path.startsWith(`${booking}/screening/`)
}

/** The page a request is for: a single-fetch data request `/x.data` is for `/x`, `/_root.data` for `/`. */
export function pageOf(pathname: string): string {
  if (pathname === '/_root.data') return '/'
  const page = pathname.endsWith('.data') ? pathname.slice(0, -'.data'.length) : pathname
  return page.length > 1 && page.endsWith('/') ? page.slice(0, -1) : page
}

/** Whether a request is a Remix single-fetch data request (it needs a redirect Remix can read). */
export function isDataRequest(pathname: string): boolean {
  return pathname.endsWith('.data')
}

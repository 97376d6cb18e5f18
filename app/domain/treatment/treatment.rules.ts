import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { type BookingStatus } from '#app/domain/booking/booking.schema.ts'
import { type ConsentStatus } from '#app/domain/consent/consent.schema.ts'
import { type ScreeningOutcome } from '#app/domain/screening/screening.schema.ts'
import { formatDepthMm } from '#app/utils/format.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { agendaMessages, visitMessages } from '#app/i18n/messages/index.ts'
import { type TreatmentArea } from './treatment.schema.ts'

/**
 * A recorded depth may never exceed the service's maximum or the practitioner's (docs/product.md
 * section 4). Returns one message per offending area, keyed like the form field.
 */
export function depthLimitProblems(
  areas: { area: TreatmentArea; depthUm: number }[],
  limits: { serviceMaxUm: number | null; practitionerMaxUm: number },
  locale: Locale = 'en',
): Record<string, string> {
  // The lower limit applies; the message names the one that is lower (the service's on a tie).
  const serviceMax = limits.serviceMaxUm ?? 0
  const t = translator(visitMessages, locale)
  const message =
    serviceMax <= limits.practitionerMaxUm
      ? t('aboveServiceLimit', { depth: formatDepthMm(serviceMax, locale) })
      : t('abovePractitionerLimit', { depth: formatDepthMm(limits.practitionerMaxUm, locale) })
  const limit = Math.min(serviceMax, limits.practitionerMaxUm)
  const problems: Record<string, string> = {}
  for (const { area, depthUm } of areas) {
    if (depthUm > limit) problems[`depth_${area}`] = message
  }
  return problems
}

/** "Session 2 of 3", "Single visit", or a maintenance session after the course. */
export function coursePosition(
  input: { courseSessionNumber: number; courseSessions: number },
  locale: Locale = 'en',
): {
  label: string
  isLast: boolean
} {
  const { courseSessionNumber: n, courseSessions: total } = input
  const t = translator(agendaMessages, locale)
  if (total <= 1) return { label: t(n > 1 ? 'courseRepeat' : 'courseSingle'), isLast: true }
  if (n > total) return { label: t('courseMaintenance', { total }), isLast: true }
  return { label: t('courseSession', { n, total }), isLast: n >= total }
}

/** Where a treatment's screening stands for the visit (consultations have none). */
export type ScreeningClearance =
  'not_required' | 'missing' | 'clear' | 'approved' | 'needs_review' | 'declined' | 'renewal_due'

/**
 * The screening of a booking as the clinician needs it at the visit: the latest answers' outcome,
 * and the last clinician decision made after those answers. Answers older than 30 days before the
 * appointment need renewing whatever they say.
 */
export function screeningClearance(input: {
  required: boolean
  outcome: ScreeningOutcome | null
  validity: 'valid' | 'renewal_due' | null
  /** approved/declined decisions made after the latest answers, oldest first. */
  decisionsSinceAnswers: readonly ('approved' | 'declined')[]
  /** The answers set a waiting window that ends after the visit's day. */
  windowEndsAfterVisit: boolean
}): ScreeningClearance {
  if (!input.required) return 'not_required'
  if (input.outcome === null) return 'missing'
  if (input.validity === 'renewal_due') return 'renewal_due'
  const decision = input.decisionsSinceAnswers.at(-1)
  if (decision === 'declined' || input.outcome === 'not_eligible') return 'declined'
  // Eligible in general is not enough when a waiting window still runs on the visit's day (new
  // answers given after booking): a clinician must look, as for a "review" outcome.
  if (input.outcome === 'eligible' && !input.windowEndsAfterVisit) return 'clear'
  return decision === 'approved' ? 'approved' : 'needs_review'
}

/** Does a waiting window ("no treatment before <date>") still run on the visit's day? */
export function windowEndsAfter(
  waitUntil: string | null,
  visitStartAt: number,
  timeZone: string,
): boolean {
  return waitUntil !== null && waitUntil > localDateOf(visitStartAt, timeZone)
}

export type VisitFacts = {
  status: BookingStatus
  isConsultation: boolean
  checkedIn: boolean
  screening: ScreeningClearance
  consent: ConsentStatus
}

/**
 * What still stands between this visit and recording a treatment (docs/product.md sections 5–7): each
 * item is a sentence for the clinician. Empty means the session may be recorded as treated.
 */
export function treatmentBlockers(facts: VisitFacts, locale: Locale = 'en'): string[] {
  const t = translator(visitMessages, locale)
  if (facts.status === 'completed') return [t('blockCompleted')]
  if (facts.status !== 'confirmed' && facts.status !== 'pending_review') return [t('blockNotOpen')]
  if (facts.isConsultation) return [t('blockConsultation')]
  const blockers: string[] = []
  if (!facts.checkedIn) blockers.push(t('checkInFirst'))
  const screening: Record<ScreeningClearance, string | null> = {
    not_required: null,
    clear: null,
    approved: null,
    missing: t('blockNoAnswers'),
    needs_review: t('blockNeedsReview'),
    declined: t('blockDeclined'),
    renewal_due: t('blockRenewal'),
  }
  // A booking waiting for a clinician's decision is never treated, whatever the answers say.
  const screeningProblem =
    facts.status === 'pending_review' ? screening.needs_review : screening[facts.screening]
  if (screeningProblem) blockers.push(screeningProblem)
  const consent: Record<ConsentStatus, string | null> = {
    countersigned: null,
    not_required: null,
    signed: t('blockCountersign'),
    missing: t('blockNoConsent'),
    withdrawn: t('blockWithdrawn'),
  }
  const consentProblem = consent[facts.consent]
  if (consentProblem) blockers.push(consentProblem)
  return blockers
}

/**
 * What the clock allows at a visit: check-in opens on the appointment's day (clinic time) and
 * a no-show can be recorded once the start time has passed. Staff pages show a blocked action
 * with this reason instead of a live button that then refuses.
 */
export type VisitTiming = {
  checkIn: 'open' | 'not-yet' | 'day-passed'
  /** The appointment's calendar day in the clinic's zone. */
  visitDate: string
  hasStarted: boolean
}

export function visitTiming(startAt: number, now: number, zone: string): VisitTiming {
  const visitDate = localDateOf(startAt, zone)
  const today = localDateOf(now, zone)
  return {
    checkIn: today === visitDate ? 'open' : today < visitDate ? 'not-yet' : 'day-passed',
    visitDate,
    hasStarted: now >= startAt,
  }
}

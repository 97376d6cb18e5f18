import { addDays, localDateOf, weekdayOf } from '#app/domain/shared/calendar.rules.ts'
import { type ConsentStatus } from '#app/domain/consent/consent.schema.ts'
import { screeningValidity } from '#app/domain/screening/screening.rules.ts'
import { type ScreeningOutcome } from '#app/domain/screening/screening.schema.ts'
import {
  type ScreeningClearance,
  screeningClearance,
  windowEndsAfter,
} from '#app/domain/treatment/treatment.rules.ts'
import { type MessageKey, translate } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { agendaMessages } from '#app/i18n/messages/index.ts'
import { type AgendaView } from './agenda.schema.ts'

export { AGENDA_VIEWS, type AgendaView } from './agenda.schema.ts'

/** The calendar dates an agenda view covers: one day, or Monday to Sunday of that date's week. */
export function agendaDates(view: AgendaView, date: string): string[] {
  if (view === 'day') return [date]
  const monday = addDays(date, 1 - weekdayOf(date))
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index))
}

/** The dates the "previous" and "next" links go to. */
export function agendaNeighbours(
  view: AgendaView,
  date: string,
): { previous: string; next: string } {
  const step = view === 'day' ? 1 : 7
  return { previous: addDays(date, -step), next: addDays(date, step) }
}

// Badges --------------------------------------------------------------------------------------

/** A badge says what it means in words; the tone only repeats it in colour. */
export type BadgeTone = 'ok' | 'warn' | 'bad' | 'neutral'
export type Badge = { label: string; tone: BadgeTone }

/** Booking states the agenda lists: coming, done or missed (never holds or cancellations). */
export const AGENDA_STATUSES = ['pending_review', 'confirmed', 'completed', 'no_show'] as const
export type AgendaStatus = (typeof AGENDA_STATUSES)[number]

/** One appointment as the agenda shows it (built by agenda.server.ts). */
export type AgendaAppointment = {
  bookingId: string
  reference: string
  status: AgendaStatus
  startAt: number
  endAt: number
  practitionerId: string
  practitionerName: string
  patientName: string
  serviceName: string
  tier: 'medical' | 'cosmetic'
  isConsultation: boolean
  /** "Session 2 of 3", "Single visit"… */
  course: string
  /** No completed visit of this patient before this appointment. */
  firstVisit: boolean
  screening: ScreeningBadge
  /** The clinician asked the patient a question that is not answered yet. */
  openQuestion: boolean
  consent: ConsentStatus
  /** Staff booked it and the patient has not yet answered or signed (ADR 042). */
  awaitingForms: boolean
}

/** Where a treatment's screening stands: the same states the appointment detail page shows. */
export const SCREENING_BADGES = [
  'not_required',
  'missing',
  'clear',
  'needs_review',
  'approved',
  'declined',
  'renewal_due',
] as const satisfies readonly ScreeningClearance[]
export type ScreeningBadge = ScreeningClearance

export type ScreeningFacts = {
  /** Consultations have no screening. */
  required: boolean
  startAt: number
  /** The booking's latest answers, if any. */
  latest: { outcome: ScreeningOutcome; submittedAt: number; waitUntil: string | null } | null
  timeZone: string
  /** The clinician's approve and decline events, oldest first. */
  decisions: readonly { kind: 'approved' | 'declined'; at: number }[]
}

/**
 * A booking's screening badge, by the rule the visit pages use (screeningClearance): answers
 * older than 30 days before the visit are due for renewal; then a decline or "not eligible";
 * eligible answers are clear; otherwise approved when a clinician approved them since, else they
 * need review. Only decisions made after the latest answers count.
 */
export function screeningBadgeOf(facts: ScreeningFacts): ScreeningBadge {
  const latest = facts.latest
  return screeningClearance({
    required: facts.required,
    outcome: latest?.outcome ?? null,
    validity: latest ? screeningValidity(latest, facts.startAt) : null,
    decisionsSinceAnswers: latest
      ? facts.decisions.filter((d) => d.at > latest.submittedAt).map((d) => d.kind)
      : [],
    windowEndsAfterVisit: windowEndsAfter(latest?.waitUntil ?? null, facts.startAt, facts.timeZone),
  })
}

type AgendaKey = MessageKey<typeof agendaMessages>
const label = (key: AgendaKey, locale: Locale) => translate(agendaMessages, locale, key)

const SCREENING_LABELS: Record<ScreeningBadge, { key: AgendaKey; tone: BadgeTone }> = {
  not_required: { key: 'screeningNotRequired', tone: 'neutral' },
  missing: { key: 'screeningMissing', tone: 'bad' },
  clear: { key: 'screeningClear', tone: 'ok' },
  needs_review: { key: 'screeningNeedsReview', tone: 'warn' },
  approved: { key: 'screeningApproved', tone: 'ok' },
  declined: { key: 'screeningDeclined', tone: 'bad' },
  renewal_due: { key: 'screeningRenewalDue', tone: 'warn' },
}

export function screeningBadge(
  kind: ScreeningBadge,
  openQuestion = false,
  locale: Locale = 'en',
): Badge {
  if (kind === 'needs_review' && openQuestion)
    return { label: label('screeningQuestionSent', locale), tone: 'warn' }
  const { key, tone } = SCREENING_LABELS[kind]
  return { label: label(key, locale), tone }
}

const CONSENT_LABELS: Record<ConsentStatus, { key: AgendaKey; tone: BadgeTone }> = {
  not_required: { key: 'consentNotRequired', tone: 'neutral' },
  missing: { key: 'consentMissing', tone: 'bad' },
  signed: { key: 'consentSigned', tone: 'warn' },
  countersigned: { key: 'consentCountersigned', tone: 'ok' },
  withdrawn: { key: 'consentWithdrawn', tone: 'bad' },
}

/** Signed but not countersigned is a warning: the clinician countersigns at the visit. */
export function consentBadge(status: ConsentStatus, locale: Locale = 'en'): Badge {
  const { key, tone } = CONSENT_LABELS[status]
  return { label: label(key, locale), tone }
}

const STATUS_LABELS: Record<AgendaStatus, { key: AgendaKey; tone: BadgeTone }> = {
  pending_review: { key: 'statusPendingReview', tone: 'warn' },
  confirmed: { key: 'statusConfirmed', tone: 'ok' },
  completed: { key: 'statusCompleted', tone: 'neutral' },
  no_show: { key: 'statusNoShow', tone: 'bad' },
}

export function statusBadge(status: AgendaStatus, locale: Locale = 'en'): Badge {
  const { key, tone } = STATUS_LABELS[status]
  return { label: label(key, locale), tone }
}

// Grouping ------------------------------------------------------------------------------------

/**
 * The appointments under each date of the view, in the clinic's zone, each day in time order.
 * Every date of the view is present, with an empty list when nothing is booked.
 */
export function groupByDay<T extends { startAt: number }>(
  appointments: readonly T[],
  dates: readonly string[],
  timeZone: string,
): { date: string; appointments: T[] }[] {
  const byDate = new Map<string, T[]>(dates.map((date) => [date, []]))
  for (const appointment of appointments)
    byDate.get(localDateOf(appointment.startAt, timeZone))?.push(appointment)
  return dates.map((date) => ({
    date,
    appointments: byDate.get(date)!.sort((a, b) => a.startAt - b.startAt),
  }))
}

// What else the day holds ----------------------------------------------------------------------

/** A whole-clinic closure on one of the agenda's dates. */
export type AgendaClosure = { date: string; reason: string }

/** A practitioner's time off on one of the agenda's dates: the whole day when minutes are null. */
export type AgendaTimeOff = {
  date: string
  practitionerId: string
  practitionerName: string
  startMinute: number | null
  endMinute: number | null
}

/**
 * What staff should know about a day before its appointments: the clinic is closed, or someone
 * is off. The private note an admin wrote with the time off is never shown here.
 */
export function dayNotices(
  date: string,
  closures: readonly AgendaClosure[],
  timeOff: readonly AgendaTimeOff[],
  formatMinute: (minute: number) => string,
  locale: Locale = 'en',
): string[] {
  const notices: string[] = []
  const closure = closures.find((c) => c.date === date)
  if (closure) notices.push(translate(agendaMessages, locale, 'closed', { reason: closure.reason }))
  for (const off of timeOff.filter((t) => t.date === date)) {
    const name = off.practitionerName
    notices.push(
      off.startMinute === null || off.endMinute === null
        ? translate(agendaMessages, locale, 'timeOffAllDay', { name })
        : translate(agendaMessages, locale, 'timeOff', {
            name,
            from: formatMinute(off.startMinute),
            to: formatMinute(off.endMinute),
          }),
    )
  }
  return notices
}

/** The day's appointments per practitioner, in the order of their first appointment. */
export function groupByPractitioner<T extends { practitionerId: string; practitionerName: string }>(
  appointments: readonly T[],
): { practitionerId: string; practitionerName: string; appointments: T[] }[] {
  const groups = new Map<
    string,
    { practitionerId: string; practitionerName: string; appointments: T[] }
  >()
  for (const a of appointments) {
    const group = groups.get(a.practitionerId) ?? {
      practitionerId: a.practitionerId,
      practitionerName: a.practitionerName,
      appointments: [],
    }
    group.appointments.push(a)
    groups.set(a.practitionerId, group)
  }
  return [...groups.values()]
}

import { type BookingStatus } from '#app/domain/booking/booking.schema.ts'
import { earliestAllowedAfter } from '#app/domain/booking/needling-gap.rules.ts'
import { type ConsentStatus } from '#app/domain/consent/consent.schema.ts'
import { type ScreeningBadge } from '#app/domain/agenda/agenda.rules.ts'
import { type CoursePlan } from '#app/domain/clinical-content/tier-content.ts'

/**
 * One patient's chart (issue 17): everything that happened, newest first, and where their
 * course stands. Entries name what happened and when, never what was answered or written: the
 * chart links to the pages that hold the clinical detail, which check their own roles.
 * Client-safe: pure functions.
 */

export type ChartEntry =
  | { kind: 'booked'; at: number; bookingId: string; reference: string; by: 'patient' | 'staff' }
  | {
      kind: 'status_changed'
      at: number
      bookingId: string
      reference: string
      to: BookingStatus
      by: 'patient' | 'staff' | 'system'
    }
  | { kind: 'moved'; at: number; bookingId: string; reference: string }
  | {
      kind: 'screening'
      at: number
      bookingId: string
      reference: string
      outcome: 'eligible' | 'review' | 'not_eligible'
    }
  | { kind: 'consent_signed'; at: number; bookingId: string; reference: string; version: number }
  | { kind: 'consent_countersigned'; at: number; bookingId: string; reference: string }
  | { kind: 'consent_withdrawn'; at: number; bookingId: string; reference: string }
  | { kind: 'checked_in'; at: number; bookingId: string; reference: string }
  | { kind: 'treatment_recorded'; at: number; bookingId: string; reference: string }
  | { kind: 'message'; at: number; subject: string; sent: boolean }

/** Newest first; entries at the same moment keep the order they were given in. */
export function chartTimeline(entries: readonly ChartEntry[]): ChartEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.at - a.entry.at || a.index - b.index)
    .map(({ entry }) => entry)
}

/** What stands between a booked session and its treatment today. */
export type SessionBlocker = 'screening' | 'consent' | 'too_soon'

export function sessionBlockers(session: {
  screening: ScreeningBadge
  consent: ConsentStatus
  /** The earliest start the healing gap allows after the sessions before it, if any. */
  earliestAllowed: number | null
  startAt: number
}): SessionBlocker[] {
  const blockers: SessionBlocker[] = []
  if (!['clear', 'approved', 'not_required'].includes(session.screening)) blockers.push('screening')
  if (!['signed', 'countersigned', 'not_required'].includes(session.consent))
    blockers.push('consent')
  if (session.earliestAllowed !== null && session.startAt < session.earliestAllowed)
    blockers.push('too_soon')
  return blockers
}

export type CourseProgress = {
  tier: 'medical' | 'cosmetic'
  /** Treatments of the tier done (completed sessions). */
  done: number
  plan: CoursePlan['sessions']
  intervalWeeks: number
  /** Sessions of the tier booked ahead. */
  booked: number
  /** When the next session may be, by the clinic's healing gap; null when nothing was done. */
  nextFrom: number | null
}

/**
 * Where a course stands for one tier: how many sessions were done and are booked against the
 * course plan, and the first day the healing gap allows another one after the latest done or
 * booked session.
 */
export function courseProgress(input: {
  tier: 'medical' | 'cosmetic'
  plan: CoursePlan
  doneStarts: readonly number[]
  bookedStarts: readonly number[]
  minGapDays: number
}): CourseProgress {
  return {
    tier: input.tier,
    done: input.doneStarts.length,
    plan: input.plan.sessions,
    intervalWeeks: input.plan.intervalWeeks,
    booked: input.bookedStarts.length,
    nextFrom: earliestAllowedAfter([...input.doneStarts, ...input.bookedStarts], input.minGapDays),
  }
}

import { asc } from 'drizzle-orm'
import { listPublishedVersionRefs } from '#app/domain/consent/consent-documents.server.ts'
import { consentStatusFor, requiredVersionFor } from '#app/domain/consent/consent.rules.ts'
import { type ConsentStatus } from '#app/domain/consent/consent.schema.ts'
import { loadConsentFactsOfPatients } from '#app/domain/consent/consent-status.server.ts'
import {
  openQuestionOf,
  type ReviewEventLite,
} from '#app/domain/screening/screening-review.rules.ts'
import { type Db } from '#db/client.server.ts'
import { inJsonList, preparedStatement } from '#db/prepared.server.ts'
import { screeningReviewEvents, screeningSubmissions } from '#db/schema/index.ts'
import {
  type AgendaStatus,
  type ScreeningBadge,
  screeningBadgeOf,
  type ScreeningFacts,
} from './agenda.rules.ts'

/**
 * The agenda's badges for a whole page of bookings in a fixed number of queries (not three per
 * appointment): the same answers as getBookingScreeningStatus and getConsentStatus give for one.
 */

export type BookingForBadges = {
  id: string
  patientId: string
  status: AgendaStatus
  startAt: number
  timeZone: string
  kind: string
  tier: 'medical' | 'cosmetic'
}

// Prepared once per connection (docs/decisions/025-request-cost.md); the booking ids are bound as
// one JSON array (inJsonList).
const submissionsQuery = preparedStatement((db) =>
  db
    .select({
      bookingId: screeningSubmissions.bookingId,
      version: screeningSubmissions.bookingVersion,
      outcome: screeningSubmissions.outcome,
      submittedAt: screeningSubmissions.submittedAt,
      waitUntil: screeningSubmissions.waitUntil,
    })
    .from(screeningSubmissions)
    .where(inJsonList(screeningSubmissions.bookingId, 'bookingIds'))
    .prepare(),
)
const reviewEventsQuery = preparedStatement((db) =>
  db
    .select({
      bookingId: screeningReviewEvents.bookingId,
      kind: screeningReviewEvents.kind,
      occurredAt: screeningReviewEvents.occurredAt,
      message: screeningReviewEvents.message,
    })
    .from(screeningReviewEvents)
    .where(inJsonList(screeningReviewEvents.bookingId, 'bookingIds'))
    .orderBy(asc(screeningReviewEvents.occurredAt), asc(screeningReviewEvents.createdAt))
    .prepare(),
)

/** Screening badges of many bookings: two queries (latest answers, review events). */
export function screeningBadgesOf(
  db: Db,
  rows: readonly BookingForBadges[],
): Map<string, { badge: ScreeningBadge; openQuestion: boolean }> {
  const ids = rows.filter((row) => row.kind === 'treatment').map((row) => row.id)
  const latest = new Map<string, ScreeningFacts['latest'] & { version: number }>()
  const events = new Map<string, (ReviewEventLite & { kind: string })[]>()
  if (ids.length) {
    const bookingIds = JSON.stringify(ids)
    for (const s of submissionsQuery(db).all({ bookingIds })) {
      const current = latest.get(s.bookingId!)
      if (!current || (s.version ?? 0) > current.version)
        latest.set(s.bookingId!, {
          version: s.version ?? 0,
          outcome: s.outcome,
          submittedAt: s.submittedAt.getTime(),
          waitUntil: s.waitUntil,
        })
    }
    for (const e of reviewEventsQuery(db).all({ bookingIds })) {
      const list = events.get(e.bookingId) ?? []
      list.push({ kind: e.kind, occurredAt: e.occurredAt.getTime(), message: e.message })
      events.set(e.bookingId, list)
    }
  }
  return new Map(
    rows.map((row) => {
      const lite = events.get(row.id) ?? []
      const openQuestion = openQuestionOf(lite) !== null
      const badge = screeningBadgeOf({
        required: row.kind === 'treatment',
        startAt: row.startAt,
        timeZone: row.timeZone,
        latest: latest.get(row.id) ?? null,
        decisions: lite.flatMap((e) =>
          e.kind === 'approved' || e.kind === 'declined'
            ? [{ kind: e.kind, at: e.occurredAt }]
            : [],
        ),
      })
      return [row.id, { badge, openQuestion: row.kind === 'treatment' && openQuestion }]
    }),
  )
}

/** Consent statuses of many bookings: one query for the records, one per tier for versions. */
export function consentStatusesOf(
  db: Db,
  rows: readonly BookingForBadges[],
): Map<string, ConsentStatus> {
  const facts = loadConsentFactsOfPatients(db, [...new Set(rows.map((row) => row.patientId))])
  const versions = {
    medical: listPublishedVersionRefs(db, 'medical'),
    cosmetic: listPublishedVersionRefs(db, 'cosmetic'),
  }
  return new Map(
    rows.map((row) => {
      const needsConsent = row.kind === 'treatment'
      const status = consentStatusFor(
        (facts.get(row.patientId) ?? []).filter((record) => record.tier === row.tier),
        {
          tier: row.tier,
          needsConsent,
          startAt: row.startAt,
          requiredVersionId: needsConsent
            ? (requiredVersionFor(versions[row.tier], row.startAt)?.id ?? null)
            : null,
        },
      ).status
      return [row.id, status]
    }),
  )
}

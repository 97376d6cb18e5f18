import { type Locale } from '#app/i18n/locales.ts'
import { and, desc, eq, inArray, isNotNull, isNull, lt, max, sql } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { instantAt, localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import { preparedStatement } from '#db/prepared.server.ts'
import { bookingDrafts, screeningRuleSets, screeningSubmissions } from '#db/schema/index.ts'
import { evaluateScreening, type Finding } from './screening.rules.ts'
import {
  type ScreeningAnswers,
  type ScreeningOutcome,
  parseStoredAnswers,
  SCREENING_QUESTIONNAIRE_VERSION,
  type SubmissionSource,
} from './screening.schema.ts'
import { type ScreeningSettings, StoredSettingsSchema } from './screening-settings.schema.ts'

/**
 * Screening records: judging answers with the current rule-set version and storing them, once.
 * A stored outcome is never recomputed; a later rule-set version judges only later answers.
 * Other modules call these inside their own transactions (wizard, manage page, review queue).
 */

export type RuleSet = { id: string; version: number; settings: ScreeningSettings }

export function parseSettings(json: string): ScreeningSettings {
  return StoredSettingsSchema.parse(JSON.parse(json))
}

/** The newest published rule-set version (version 1 ships with the migrations). */
export function getCurrentRuleSet(db: Db | Tx = getDb()): RuleSet {
  const row = db
    .select()
    .from(screeningRuleSets)
    .orderBy(desc(screeningRuleSets.version))
    .limit(1)
    .get()
  if (!row) throw new Error('No screening rule set: run the migrations.')
  return { id: row.id, version: row.version, settings: parseSettings(row.settings) }
}

export type SubmissionRow = typeof screeningSubmissions.$inferSelect

export type Submission = {
  id: string
  questionnaireVersion: number
  ruleSetVersion: number
  answers: ScreeningAnswers
  outcome: ScreeningOutcome
  waitUntil: string | null
  findings: Finding[]
  source: SubmissionSource
  submittedAt: number
  patientId: string | null
  bookingId: string | null
  bookingVersion: number | null
}

/** A stored submission with its answers and findings parsed (health data: callers audit views). */
export function readSubmission(row: SubmissionRow): Submission {
  return {
    id: row.id,
    questionnaireVersion: row.questionnaireVersion,
    ruleSetVersion: row.ruleSetVersion,
    // Throws for a questionnaire version the app never had.
    answers: parseStoredAnswers(row.questionnaireVersion, JSON.parse(row.answers)),
    outcome: row.outcome,
    waitUntil: row.waitUntil,
    findings: JSON.parse(row.findings) as Finding[],
    source: row.source,
    submittedAt: row.submittedAt.getTime(),
    patientId: row.patientId,
    bookingId: row.bookingId,
    bookingVersion: row.bookingVersion,
  }
}

export function getSubmissionRow(db: Db | Tx, id: string): SubmissionRow | undefined {
  return db.select().from(screeningSubmissions).where(eq(screeningSubmissions.id, id)).get()
}

// Read on every view of a booking page and in every screening transaction: prepared once per
// connection (docs/decisions/025-request-cost.md).
const latestBookingSubmissionQuery = preparedStatement((db) =>
  db
    .select()
    .from(screeningSubmissions)
    .where(eq(screeningSubmissions.bookingId, sql.placeholder('bookingId')))
    .orderBy(desc(screeningSubmissions.bookingVersion))
    .limit(1)
    .prepare(),
)

/** The booking's current answers: its latest submission version. */
export function latestBookingSubmission(db: Db | Tx, bookingId: string): SubmissionRow | undefined {
  return latestBookingSubmissionQuery(db).get({ bookingId })
}

function nextBookingVersion(tx: Tx, bookingId: string): number {
  const row = tx
    .select({ version: max(screeningSubmissions.bookingVersion) })
    .from(screeningSubmissions)
    .where(eq(screeningSubmissions.bookingId, bookingId))
    .get()
  return (row?.version ?? 0) + 1
}

/** The clinic's calendar date at `now`: the day answers are judged on. */
export function clinicToday(now: Date): string {
  return localDateOf(now.getTime(), getClinicSettings().timeZone)
}

/** The first instant of a waiting window's day in the clinic's zone (null: no window). */
export function waitUntilInstant(waitUntil: string | null, timeZone: string): number | null {
  return waitUntil ? instantAt(waitUntil, 0, timeZone) : null
}

/**
 * Judges the answers with the current rule-set version on the clinic's date and stores the
 * submission, linked to a booking (a new version of its answers) or not yet (the wizard).
 */
export function recordSubmission(
  tx: Tx,
  input: {
    answers: ScreeningAnswers
    source: SubmissionSource
    now: Date
    patientId?: string | null
    bookingId?: string | null
    enteredByUserId?: string | null
    /** The language the questions were asked in (the page's). */
    locale?: Locale
    /** The privacy notice version the patient was shown, verified by the caller (ADR 050). */
    privacyNoticeVersionId?: string | null
  },
): SubmissionRow {
  const ruleSet = getCurrentRuleSet(tx)
  const result = evaluateScreening(input.answers, ruleSet.settings, clinicToday(input.now))
  return tx
    .insert(screeningSubmissions)
    .values({
      questionnaireVersion: SCREENING_QUESTIONNAIRE_VERSION,
      ruleSetId: ruleSet.id,
      ruleSetVersion: ruleSet.version,
      answers: JSON.stringify(input.answers),
      outcome: result.outcome,
      waitUntil: result.waitUntil,
      findings: JSON.stringify(result.findings),
      source: input.source,
      enteredByUserId: input.enteredByUserId ?? null,
      patientId: input.patientId ?? null,
      bookingId: input.bookingId ?? null,
      bookingVersion: input.bookingId ? nextBookingVersion(tx, input.bookingId) : null,
      submittedAt: input.now,
      locale: input.locale ?? 'en',
      privacyNoticeVersionId: input.privacyNoticeVersionId ?? null,
    })
    .returning()
    .get()
}

/** Makes a wizard submission the first answers of the booking it became (written once). */
export function linkSubmissionToBooking(
  tx: Tx,
  input: { submissionId: string; patientId: string; bookingId: string },
): void {
  tx.update(screeningSubmissions)
    .set({
      patientId: input.patientId,
      bookingId: input.bookingId,
      bookingVersion: nextBookingVersion(tx, input.bookingId),
    })
    .where(
      and(eq(screeningSubmissions.id, input.submissionId), isNull(screeningSubmissions.bookingId)),
    )
    .run()
}

export type DraftScreeningState = {
  /** Treatments need screening; consultations do not. */
  needed: boolean
  submission: {
    id: string
    outcome: ScreeningOutcome
    waitUntil: string | null
    dateOfBirth: string
  } | null
}

/** Where a booking draft stands with its screening. */
export function draftScreeningState(
  db: Db | Tx,
  input: { serviceKind: string; submissionId: string | null },
): DraftScreeningState {
  const needed = input.serviceKind === 'treatment'
  const row = needed && input.submissionId ? getSubmissionRow(db, input.submissionId) : undefined
  return {
    needed,
    submission: row
      ? {
          id: row.id,
          outcome: row.outcome,
          waitUntil: row.waitUntil,
          dateOfBirth: readSubmission(row).answers.dateOfBirth,
        }
      : null,
  }
}

/** Screening lets the wizard go on: not needed, or answered without a "not eligible". */
export function isScreeningDone(state: DraftScreeningState): boolean {
  return !state.needed || (state.submission !== null && state.submission.outcome !== 'not_eligible')
}

/** An audit row about screening data: never the answers themselves. */
export function auditScreening(
  db: Db | Tx,
  input: {
    action: `screening.${string}`
    actor: AuditActor
    subjectType: 'screening_submission' | 'booking'
    subjectId: string
    patientId: string | null
    details?: Record<string, unknown>
    at: Date
  },
): void {
  recordAuditEvent(db, input)
}

/** Answers kept this long without becoming part of a booking are purged (patient sessions last 12 h). */
export const UNLINKED_SUBMISSION_MAX_AGE_MS = 24 * 3600_000

/**
 * Housekeeping (data minimisation): answers that never became part of a booking, that no live
 * booking draft uses, are deleted a day after they were given. Linked ones are never deleted.
 */
export function purgeAbandonedSubmissions(now: Date): number {
  const db = getDb()
  return db.transaction(
    (tx) => {
      const inUse = tx
        .select({ id: bookingDrafts.screeningSubmissionId })
        .from(bookingDrafts)
        .where(isNotNull(bookingDrafts.screeningSubmissionId))
        .all()
        .map((row) => row.id!)
      const stale = tx
        .select({ id: screeningSubmissions.id })
        .from(screeningSubmissions)
        .where(
          and(
            isNull(screeningSubmissions.bookingId),
            lt(
              screeningSubmissions.submittedAt,
              new Date(now.getTime() - UNLINKED_SUBMISSION_MAX_AGE_MS),
            ),
          ),
        )
        .all()
        .map((row) => row.id)
        .filter((id) => !inUse.includes(id))
      if (stale.length === 0) return 0
      tx.delete(screeningSubmissions).where(inArray(screeningSubmissions.id, stale)).run()
      auditScreening(tx, {
        action: 'screening.purged',
        actor: { type: 'system' },
        subjectType: 'screening_submission',
        subjectId: 'unlinked',
        patientId: null,
        details: { count: stale.length },
        at: now,
      })
      return stale.length
    },
    { behavior: 'immediate' },
  )
}

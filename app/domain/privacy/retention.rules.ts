/**
 * How long the app keeps what it keeps (issue 19, docs/decisions/049-retention.md). The periods
 * are the product's policy, stated here once: the retention jobs (retention.server.ts) and the
 * admin retention page both read them. Nothing here is editable from the app.
 */

const DAY_MS = 24 * 60 * 60_000

/**
 * Abandoned booking drafts, and the links to holds that lapsed: 7 days after the draft was last
 * touched (and its hold, if any, lapsed). A patient session lives 12 hours at most, so no one can
 * come back to a draft after that; the week leaves room to look into a problem someone reported.
 * Drafts hold the typed name, email, phone and date of birth, so they must not linger.
 */
export const DRAFT_RETENTION_DAYS = 7

/**
 * Patients with no booking, no consent, no health answers and no photo (nothing references them):
 * 30 days after the record was created. Such a record never became a patient of the clinic; a
 * month covers the follow-up of a booking that failed half-way.
 */
export const UNVERIFIED_PATIENT_RETENTION_DAYS = 30

/**
 * Email codes: 1 day after they expired (a code lives 10 minutes). The day keeps the evidence
 * of a burst of guesses for a support question; after that the row is useless.
 */
export const EMAIL_CODE_RETENTION_DAYS = 1

/**
 * Sent emails: 90 days after sending, the text, HTML and calendar bodies are cleared and only the
 * headers kept (to, subject, dedupe key, status, dates): enough to answer "did you write to me?",
 * while the bodies (times, services, names) are not kept longer than a patient could need them.
 * Emails that finally failed count from when they were written.
 */
export const OUTBOX_BODY_RETENTION_DAYS = 90

/** The jobs, in the order they run; each records its runs under this name. */
export const RETENTION_JOBS = [
  'drafts',
  'unverified_patients',
  'email_codes',
  'outbox_bodies',
] as const
export type RetentionJob = (typeof RETENTION_JOBS)[number]

/** How often the scheduler runs the retention jobs. Periods are days: an hour is plenty. */
export const RETENTION_EVERY_MS = 60 * 60_000

/** Run records older than this are dropped by the next run: counts only, the page shows the last. */
export const RETENTION_RUN_HISTORY_DAYS = 90

/** The period of each job, in days. */
export const RETENTION_DAYS: Record<RetentionJob, number> = {
  drafts: DRAFT_RETENTION_DAYS,
  unverified_patients: UNVERIFIED_PATIENT_RETENTION_DAYS,
  email_codes: EMAIL_CODE_RETENTION_DAYS,
  outbox_bodies: OUTBOX_BODY_RETENTION_DAYS,
}

/** The instant before which (inclusive) a job's rows are past their period as of `now`. */
export function retentionCutoff(job: RetentionJob, now: Date): Date {
  return new Date(now.getTime() - RETENTION_DAYS[job] * DAY_MS)
}

/** The rules as the admin page lists them: every job, then what is never deleted. */
export type RetentionRule =
  | { key: RetentionJob; days: number; job: RetentionJob }
  | { key: 'clinical_records'; years: number; job: null }

/**
 * Every job's rule, then the clinical records (signed consents, health answers, treatment records,
 * photos, check-ins), which no job deletes: the law asks the clinic to keep them for the years it
 * sets (`clinic_settings.clinical_record_retention_years`, ADR 051), and the database refuses to
 * delete them (append-only triggers).
 */
export function retentionRules(clinicalRecordYears: number): RetentionRule[] {
  return [
    ...RETENTION_JOBS.map((job) => ({ key: job, days: RETENTION_DAYS[job], job })),
    { key: 'clinical_records', years: clinicalRecordYears, job: null },
  ]
}

/** A run's counts as stored (JSON); anything unreadable counts as nothing. */
export function parseRunCounts(json: string): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(json)
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, number] =>
          typeof entry[1] === 'number' && Number.isInteger(entry[1]) && entry[1] >= 0,
      ),
    )
  } catch {
    return {}
  }
}

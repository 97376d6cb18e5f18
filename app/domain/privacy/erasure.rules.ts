/**
 * Erasure (GDPR Art. 17) against the clinic's duty to keep clinical records
 * (docs/decisions/051-patient-privacy-requests.md): pure rules over a summary of one patient's
 * data. The same plan is the admin's preview and what erasure.server.ts performs.
 */

/** What one patient (with every record merged into them) has in the database, counted. */
export type PatientDataSummary = {
  erasedAt: Date | null
  legalHoldReason: string | null
  restrictedAt: Date | null
  /** The newest clinical fact: a signed consent, a treatment, a photo, a completed visit. */
  lastClinicalAt: Date | null
  counts: {
    bookings: number
    completedVisits: number
    consents: number
    treatmentRecords: number
    photos: number
    screeningSubmissions: number
    drafts: number
    waitlistEntries: number
    emailCodes: number
    sessions: number
    emails: number
  }
}

export type ErasureCounts = PatientDataSummary['counts']

/** What an erasure removes, and what it keeps, by kind of data (the preview's lists). */
export type RemovedData =
  'contactDetails' | 'drafts' | 'waitlistEntries' | 'emailCodes' | 'sessions' | 'emails'
export type KeptData =
  | 'clinicalRecord'
  | 'contactDetailsRestricted'
  | 'bookings'
  | 'screeningAnswers'
  | 'requests'
  | 'auditLog'

export type ErasurePlan =
  | { outcome: 'refused'; reason: 'already-erased' | 'legal-hold' }
  | {
      outcome: 'granted'
      removes: RemovedData[]
      keeps: KeptData[]
    }
  | {
      outcome: 'partly_granted'
      removes: RemovedData[]
      keeps: KeptData[]
      /** The clinical record is kept until this day (the retention period after the last visit). */
      keepUntil: Date
    }

/** Whether the patient has a clinical record the clinic must keep: they came and were seen. */
export function hasClinicalRecord(summary: PatientDataSummary): boolean {
  const { consents, treatmentRecords, photos, completedVisits } = summary.counts
  return consents + treatmentRecords + photos + completedVisits > 0
}

/** The last day of the retention period: `years` after the newest clinical fact. */
export function retainedUntil(lastClinicalAt: Date, years: number): Date {
  const until = new Date(lastClinicalAt.getTime())
  until.setUTCFullYear(until.getUTCFullYear() + years)
  return until
}

/**
 * The plan for an erasure request:
 * - already erased, or under a legal hold: refused, nothing changes;
 * - a clinical record still inside its retention period: partly granted — the record and the
 *   contact details stay (restricted: only admins open them), everything else goes;
 * - otherwise (never came, or the period is over): granted — the contact details are blanked and
 *   everything that is not a clinical record goes. Bookings and screening answers stay (the
 *   database keeps them append-only) but no longer name anyone.
 */
export function planErasure(
  summary: PatientDataSummary,
  now: Date,
  retentionYears: number,
): ErasurePlan {
  if (summary.erasedAt) return { outcome: 'refused', reason: 'already-erased' }
  if (summary.legalHoldReason) return { outcome: 'refused', reason: 'legal-hold' }
  const nonClinical: RemovedData[] = ['drafts', 'waitlistEntries', 'emailCodes']
  if (hasClinicalRecord(summary) && summary.lastClinicalAt) {
    const keepUntil = retainedUntil(summary.lastClinicalAt, retentionYears)
    if (keepUntil.getTime() > now.getTime())
      return {
        outcome: 'partly_granted',
        removes: nonClinical,
        keeps: ['clinicalRecord', 'contactDetailsRestricted', 'bookings', 'requests', 'auditLog'],
        keepUntil,
      }
  }
  return {
    outcome: 'granted',
    removes: ['contactDetails', ...nonClinical, 'sessions', 'emails'],
    keeps: [
      ...(hasClinicalRecord(summary) ? (['clinicalRecord'] as const) : []),
      'bookings',
      ...(summary.counts.screeningSubmissions > 0 ? (['screeningAnswers'] as const) : []),
      'requests',
      'auditLog',
    ],
  }
}

/** The name an erased patient shows everywhere (the same in every language: a dash). */
export const ERASED_NAME = '—'

/**
 * The address an erased patient's row keeps: unique (the email and birth date are unique
 * together), lower case (a CHECK) and undeliverable (.invalid is reserved, RFC 2606).
 */
export function erasedEmail(patientId: string): string {
  return `erased-${patientId.toLowerCase()}@erased.invalid`
}

/**
 * Every table with a key to `patients` and what erasure does with it. A table added later with a
 * key to patients fails the test until it is declared here (erasure.server.test.ts).
 * - 'clinical': a clinical record, kept for the retention period (append-only in the database);
 * - 'kept': kept, but names no one once the patient row is blanked (bookings, requests);
 * - 'self': the patients table's own merge link.
 */
export const PATIENT_REFERENCES: Record<string, 'clinical' | 'kept' | 'self'> = {
  patients: 'self',
  bookings: 'kept',
  privacy_requests: 'kept',
  screening_submissions: 'clinical',
  consent_records: 'clinical',
  consent_withdrawals: 'clinical',
  consent_check_attempts: 'clinical',
  clinical_photos: 'clinical',
}

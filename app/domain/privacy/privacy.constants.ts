/**
 * The words of the privacy features (docs/decisions/050-privacy-notice.md, 051-patient-privacy-requests.md). Plain
 * constants, so the database schema can use them without importing anything else.
 */

/** A privacy notice version is edited as a draft, then published and never changed. */
export const PRIVACY_NOTICE_STATUSES = ['draft', 'published'] as const
export type PrivacyNoticeStatus = (typeof PRIVACY_NOTICE_STATUSES)[number]

/** What a patient may ask of the clinic about their data (GDPR Art. 16, 17, 18). */
export const PRIVACY_REQUEST_KINDS = ['correction', 'restriction', 'erasure'] as const
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number]

/**
 * Open until an admin decides. "partly_granted": an erasure that removed what could go and kept
 * the clinical record the law requires (the reason says which law).
 */
export const PRIVACY_REQUEST_STATUSES = ['open', 'granted', 'partly_granted', 'refused'] as const
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number]

/** How long the clinic keeps signed consents and treatment records unless it sets otherwise. */
export const DEFAULT_CLINICAL_RECORD_RETENTION_YEARS = 10

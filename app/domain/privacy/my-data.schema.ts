import * as z from 'zod'
import { LOCALES } from '#app/i18n/locales.ts'
import { PRIVACY_REQUEST_KINDS, PRIVACY_REQUEST_STATUSES } from './privacy.constants.ts'

/**
 * The shape of "my data" as JSON (issue 19, item 2; docs/my-data-format.md says each field in
 * plain words). The export is built by my-data.server.ts and checked against this schema before
 * it leaves the server, so the document and the file cannot drift apart. Times are ISO 8601 in
 * UTC; words meant for the patient (questions, answers, the consent's text) are in the language
 * of the export (`locale`); codes (statuses, kinds) stay the same in every language.
 */

/** Raised when a field is added, removed or changes meaning. */
export const MY_DATA_FORMAT_VERSION = 1

const instant = z.string().datetime()
const sha256 = z.string().regex(/^[0-9a-f]{64}$/)

const PersonSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  email: z.string(),
  phone: z.string(),
  dateOfBirth: z.string(),
  createdAt: instant,
  /** Set on a record an admin merged into another record of the same person. */
  mergedIntoPatientId: z.string().nullable(),
  restrictedAt: instant.nullable(),
  erasedAt: instant.nullable(),
})

const BookingSchema = z.object({
  reference: z.string(),
  patientId: z.string(),
  service: z.string(),
  kind: z.enum(['treatment', 'consultation']),
  practitioner: z.string(),
  startAt: instant,
  endAt: instant,
  timeZone: z.string(),
  status: z.string(),
  courseSession: z.number().int(),
  bookedAt: instant,
  bookedByStaff: z.boolean(),
  confirmedAt: instant.nullable(),
  completedAt: instant.nullable(),
  cancelledAt: instant.nullable(),
  cancellationReason: z.string().nullable(),
  history: z.array(z.object({ event: z.string(), at: instant })),
  /** Arrival at the visit, as the clinician recorded it. */
  checkIns: z.array(
    z.object({
      at: instant,
      clinician: z.string(),
      identityChecked: z.enum(['photo_id', 'known_to_clinic']),
      healthUnchanged: z.boolean(),
    }),
  ),
})

const ScreeningSchema = z.object({
  id: z.string(),
  bookingReference: z.string().nullable(),
  submittedAt: instant,
  source: z.string(),
  questionnaireVersion: z.number().int(),
  outcome: z.enum(['eligible', 'review', 'not_eligible']),
  waitUntil: z.string().nullable(),
  answers: z.array(z.object({ question: z.string(), answer: z.string() })),
  explanations: z.array(
    z.object({ kind: z.string(), text: z.string(), until: z.string().nullable() }),
  ),
  privacyNoticeVersionId: z.string().nullable(),
})

const ClinicMessageSchema = z.object({
  bookingReference: z.string(),
  kind: z.string(),
  from: z.enum(['clinic', 'you']),
  message: z.string().nullable(),
  at: instant,
})

const ConsentSchema = z.object({
  id: z.string(),
  bookingReference: z.string(),
  tier: z.string(),
  versionNumber: z.number().int(),
  locale: z.enum(LOCALES),
  title: z.string(),
  /** The exact text signed, as its SHA-256 was taken. */
  text: z.string(),
  textSha256: sha256,
  recordSha256: sha256,
  signedAt: instant,
  typedName: z.string(),
  /** The signature drawn on screen, as a PNG data URL; null when none was drawn. */
  drawnSignature: z.string().nullable(),
  photoClinical: z.boolean(),
  photoMarketing: z.boolean(),
  checkAnswers: z.array(z.object({ question: z.string(), answer: z.string() })),
  emailProvenBy: z.string(),
  verifiedEmail: z.string(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  countersignature: z.object({ clinicianName: z.string(), at: instant }).nullable(),
  withdrawal: z.object({ at: instant, reason: z.string().nullable() }).nullable(),
})

const TreatmentSchema = z.object({
  id: z.string(),
  bookingReference: z.string(),
  recordedAt: instant,
  recordedBy: z.string(),
  correctsRecordId: z.string().nullable(),
  areas: z.array(z.object({ area: z.string(), depth: z.string() })),
  maxDepth: z.string(),
  passes: z.number().int().nullable(),
  device: z.string(),
  cartridgeLot: z.string(),
  numbingCream: z.string(),
  numbingMinutes: z.number().int().nullable(),
  redness: z.string(),
  bleeding: z.string(),
  appliedToSkin: z.array(z.string()).nullable(),
  aftercareProduct: z.string().nullable(),
  notes: z.string(),
})

const PhotoSchema = z.object({
  id: z.string(),
  bookingReference: z.string(),
  area: z.string(),
  view: z.string(),
  stage: z.enum(['before', 'after']),
  takenAt: instant,
  width: z.number().int(),
  height: z.number().int(),
  displaySha256: sha256,
  thumbnailSha256: sha256,
  uploadSha256: sha256,
  marketingUse: z.boolean(),
  hiddenAfterWithdrawal: z.boolean(),
})

const WaitlistSchema = z.object({
  id: z.string(),
  service: z.string(),
  fromDate: z.string(),
  toDate: z.string(),
  timesOfDay: z.array(z.string()),
  fullName: z.string(),
  email: z.string(),
  status: z.string(),
  joinedAt: instant,
})

const EmailSchema = z.object({
  id: z.string(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  createdAt: instant,
  sentAt: instant.nullable(),
  status: z.string(),
  /** Null once the clinic reduced the message to its headers (after 90 days). */
  text: z.string().nullable(),
})

const PrivacyRequestSchema = z.object({
  id: z.string(),
  kind: z.enum(PRIVACY_REQUEST_KINDS),
  details: z.string(),
  status: z.enum(PRIVACY_REQUEST_STATUSES),
  requestedAt: instant,
  dueAt: instant,
  decidedAt: instant.nullable(),
  decisionReason: z.string().nullable(),
})

export const MyDataExportSchema = z.object({
  format: z.literal('dermadesk-my-data'),
  formatVersion: z.literal(MY_DATA_FORMAT_VERSION),
  generatedAt: instant,
  locale: z.enum(LOCALES),
  clinic: z.object({ name: z.string(), address: z.string(), phone: z.string(), email: z.string() }),
  /** The record the booking belongs to; merged records follow in `mergedRecords`. */
  patient: PersonSchema,
  mergedRecords: z.array(PersonSchema),
  bookings: z.array(BookingSchema),
  screenings: z.array(ScreeningSchema),
  clinicMessages: z.array(ClinicMessageSchema),
  consents: z.array(ConsentSchema),
  treatments: z.array(TreatmentSchema),
  photos: z.array(PhotoSchema),
  waitlist: z.array(WaitlistSchema),
  emails: z.array(EmailSchema),
  privacyRequests: z.array(PrivacyRequestSchema),
})

export type MyDataExport = z.infer<typeof MyDataExportSchema>
export type MyDataFormat = 'json' | 'pdf'

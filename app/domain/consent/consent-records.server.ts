import { randomUUID } from 'node:crypto'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { PDFDocument } from 'pdf-lib'
import { type Db, type Tx } from '#db/client.server.ts'
import {
  consentCheckAttempts,
  consentCountersignatures,
  consentRecords,
  consentWithdrawals,
  patients,
  users,
} from '#db/schema/index.ts'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { type EmailProof } from '#app/domain/patient/patient.schema.ts'
import { type ServiceTier } from '#app/domain/clinic/clinic.schema.ts'
import { type Locale } from '#app/i18n/locales.ts'
import {
  contentIn,
  getVersionById,
  type PublishedConsentVersion,
  renderVersionText,
  sha256Hex,
  toReading,
} from './consent-documents.server.ts'
import { canonicalConsentRecord, type ConsentRecordCanonicalFields } from './consent.rules.ts'
import { type RenderedSection } from './consent-text.rules.ts'
import { type ConsentTextValues } from './consent.schema.ts'

/**
 * Consent records: writing a signature with its hashes, and reading one back with proof that the
 * text and the record are what was signed (security goal E6).
 */

export type ConsentRecordRow = typeof consentRecords.$inferSelect

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const MAX_SIGNATURE_SIDE = 4000

/**
 * Is this data URL a PNG we can keep and print? The header is checked here; pdf-lib then decodes
 * the whole image, so a broken one is refused at signing, not when someone downloads the PDF.
 */
export async function isUsableSignaturePng(dataUrl: string): Promise<boolean> {
  const base64 = dataUrl.replace(/^data:image\/png;base64,/, '')
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.length < 33 || PNG_MAGIC.some((byte, i) => bytes[i] !== byte)) return false
  const width = bytes.readUInt32BE(16)
  const height = bytes.readUInt32BE(20)
  if (!width || !height || width > MAX_SIGNATURE_SIDE || height > MAX_SIGNATURE_SIDE) return false
  try {
    const pdf = await PDFDocument.create()
    await pdf.embedPng(bytes)
    return true
  } catch {
    return false
  }
}

/** The newest passed check of this browser session for this version that has not signed yet. */
export function unusedPassedAttempt(
  db: Tx | Db,
  sessionTokenHash: string,
  versionId: string,
): { id: string; answers: Record<string, number | null> } | null {
  const row = db
    .select({ id: consentCheckAttempts.id, answers: consentCheckAttempts.answers })
    .from(consentCheckAttempts)
    .leftJoin(consentRecords, eq(consentRecords.checkAttemptId, consentCheckAttempts.id))
    .where(
      and(
        eq(consentCheckAttempts.sessionTokenHash, sessionTokenHash),
        eq(consentCheckAttempts.documentVersionId, versionId),
        eq(consentCheckAttempts.passed, true),
        isNull(consentRecords.id),
      ),
    )
    .orderBy(desc(consentCheckAttempts.createdAt))
    .limit(1)
    .get()
  return row ? { id: row.id, answers: JSON.parse(row.answers) } : null
}

export type NewConsentRecord = {
  patientId: string
  bookingId: string
  tier: ServiceTier
  version: PublishedConsentVersion
  values: ConsentTextValues
  /** The language the patient read and signs in (English when the version has none in it). */
  locale?: Locale
  attempt: { id: string; answers: Record<string, number | null> }
  typedName: string
  drawnSignature: string | null
  photoClinical: boolean
  photoMarketing: boolean
  signedAt: Date
  ipAddress: string | null
  userAgent: string | null
  emailProvenBy: EmailProof
  verifiedEmail: string
  sessionTokenHash: string
  actor: AuditActor
}

/** The fields the record hash covers, from a stored row (or the row about to be stored). */
function canonicalFieldsOf(row: ConsentRecordRow): ConsentRecordCanonicalFields {
  return {
    id: row.id,
    patientId: row.patientId,
    bookingId: row.bookingId,
    documentVersionId: row.documentVersionId,
    tier: row.tier,
    ...(row.locale === 'en' ? {} : { locale: row.locale }),
    textSha256: row.textSha256,
    textValues: JSON.parse(row.textValues) as ConsentTextValues,
    checkAttemptId: row.checkAttemptId,
    checkAnswers: JSON.parse(row.checkAnswers) as Record<string, number | null>,
    typedName: row.typedName,
    drawnSignatureSha256: row.drawnSignature ? sha256Hex(row.drawnSignature) : null,
    intentConfirmed: row.intentConfirmed,
    photoClinical: row.photoClinical,
    photoMarketing: row.photoMarketing,
    signedAt: row.signedAt.getTime(),
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
    emailProvenBy: row.emailProvenBy,
    verifiedEmail: row.verifiedEmail,
    sessionTokenHash: row.sessionTokenHash,
  }
}

/** Appends a signed consent and its audit row, in the caller's transaction. */
export function insertConsentRecord(tx: Tx, input: NewConsentRecord): ConsentRecordRow {
  const locale = contentIn(input.version, input.locale ?? 'en').locale
  const textSha256 = sha256Hex(renderVersionText(input.version, input.values, locale))
  const row: ConsentRecordRow = {
    id: randomUUID(),
    patientId: input.patientId,
    bookingId: input.bookingId,
    documentVersionId: input.version.id,
    tier: input.tier,
    locale,
    textSha256,
    textValues: JSON.stringify(input.values),
    checkAttemptId: input.attempt.id,
    checkAnswers: JSON.stringify(input.attempt.answers),
    typedName: input.typedName,
    drawnSignature: input.drawnSignature,
    intentConfirmed: true,
    photoClinical: input.photoClinical,
    photoMarketing: input.photoMarketing,
    signedAt: input.signedAt,
    ipAddress: input.ipAddress,
    userAgent: input.userAgent,
    emailProvenBy: input.emailProvenBy,
    verifiedEmail: input.verifiedEmail,
    sessionTokenHash: input.sessionTokenHash,
    recordSha256: '',
  }
  row.recordSha256 = sha256Hex(canonicalConsentRecord(canonicalFieldsOf(row)))
  tx.insert(consentRecords).values(row).run()
  recordAuditEvent(tx, {
    action: 'consent.signed',
    actor: input.actor,
    subjectType: 'consent_record',
    subjectId: row.id,
    patientId: row.patientId,
    details: {
      bookingId: row.bookingId,
      documentVersionId: row.documentVersionId,
      versionNumber: input.version.versionNumber,
      locale,
      textSha256,
      recordSha256: row.recordSha256,
      drawnSignature: Boolean(row.drawnSignature),
      provenBy: row.emailProvenBy,
    },
    at: input.signedAt,
  })
  return row
}

export type ConsentRecordView = {
  id: string
  bookingId: string
  patientName: string
  /** The patient's date of birth, YYYY-MM-DD (printed on the signed PDF). */
  patientDateOfBirth: string
  versionId: string
  versionNumber: number
  tier: ServiceTier
  /** The language it was signed in: its text there is the legal record (absent: English). */
  locale?: Locale
  title: string
  sections: RenderedSection[]
  /** The exact signed text, as hashed. */
  text: string
  /**
   * The same version in another language, when asked for and the version has it: a translation
   * to read, never what was signed.
   */
  translation?: { locale: Locale; title: string; sections: RenderedSection[] } | null
  typedName: string
  drawnSignature: string | null
  photoClinical: boolean
  photoMarketing: boolean
  checkAnswers: { prompt: string; answer: string }[]
  signedAt: number
  ipAddress: string | null
  userAgent: string | null
  emailProvenBy: EmailProof
  verifiedEmail: string
  textSha256: string
  recordSha256: string
  /** Recomputed now from the stored version and fields: do they still match what was signed? */
  integrity: { textMatches: boolean; recordMatches: boolean }
  countersignature: { clinicianName: string; at: number; recordSha256: string } | null
  withdrawal: { at: number; recordSha256: string } | null
}

/** A consent record as it was signed, re-rendered from the stored version and checked. */
export function loadConsentRecordView(
  db: Tx | Db,
  recordId: string,
  /** Also give the version's text in this language, when it is not the signed one. */
  alsoIn?: Locale,
): ConsentRecordView | null {
  const row = db
    .select({
      record: consentRecords,
      patientName: patients.fullName,
      patientDateOfBirth: patients.dateOfBirth,
    })
    .from(consentRecords)
    .innerJoin(patients, eq(patients.id, consentRecords.patientId))
    .where(eq(consentRecords.id, recordId))
    .get()
  if (!row) return null
  const { record } = row
  const version = getVersionById(db, record.documentVersionId)
  if (!version) return null
  const values = JSON.parse(record.textValues) as ConsentTextValues
  const locale = record.locale
  const text = renderVersionText(version, values, locale)
  const reading = toReading(version, values, undefined, locale)
  const other = alsoIn && alsoIn !== locale ? toReading(version, values, undefined, alsoIn) : null
  const translation =
    other && other.locale === alsoIn
      ? { locale: alsoIn, title: other.title, sections: other.sections }
      : null
  const countersignature = db
    .select({
      at: consentCountersignatures.countersignedAt,
      name: users.name,
      recordSha256: consentCountersignatures.recordSha256,
    })
    .from(consentCountersignatures)
    .innerJoin(users, eq(users.id, consentCountersignatures.clinicianUserId))
    .where(eq(consentCountersignatures.consentRecordId, record.id))
    .get()
  const withdrawal = db
    .select({ at: consentWithdrawals.withdrawnAt, recordSha256: consentWithdrawals.recordSha256 })
    .from(consentWithdrawals)
    .where(eq(consentWithdrawals.consentRecordId, record.id))
    .get()
  const answers = JSON.parse(record.checkAnswers) as Record<string, number | null>
  return {
    id: record.id,
    bookingId: record.bookingId,
    patientName: row.patientName,
    patientDateOfBirth: row.patientDateOfBirth,
    versionId: version.id,
    versionNumber: version.versionNumber,
    tier: record.tier,
    locale,
    title: reading.title,
    sections: reading.sections,
    text,
    translation,
    typedName: record.typedName,
    drawnSignature: record.drawnSignature,
    photoClinical: record.photoClinical,
    photoMarketing: record.photoMarketing,
    checkAnswers: reading.questions.map((q) => {
      const chosen = answers[q.key]
      return {
        prompt: q.prompt,
        answer: chosen === null || chosen === undefined ? '—' : (q.options[chosen] ?? '—'),
      }
    }),
    signedAt: record.signedAt.getTime(),
    ipAddress: record.ipAddress,
    userAgent: record.userAgent,
    emailProvenBy: record.emailProvenBy,
    verifiedEmail: record.verifiedEmail,
    textSha256: record.textSha256,
    recordSha256: record.recordSha256,
    integrity: {
      textMatches: sha256Hex(text) === record.textSha256,
      recordMatches:
        sha256Hex(canonicalConsentRecord(canonicalFieldsOf(record))) === record.recordSha256,
    },
    countersignature: countersignature
      ? {
          clinicianName: countersignature.name,
          at: countersignature.at.getTime(),
          recordSha256: countersignature.recordSha256,
        }
      : null,
    withdrawal: withdrawal
      ? { at: withdrawal.at.getTime(), recordSha256: withdrawal.recordSha256 }
      : null,
  }
}

/**
 * The record a booking's consent page is about: the one that covers the session (whatever its
 * state), else the newest one signed for this booking.
 */
export function consentRecordIdForBooking(
  db: Tx | Db,
  bookingId: string,
  coveringRecordId: string | null,
): string | null {
  if (coveringRecordId) return coveringRecordId
  return (
    db
      .select({ id: consentRecords.id })
      .from(consentRecords)
      .where(eq(consentRecords.bookingId, bookingId))
      .orderBy(desc(consentRecords.signedAt))
      .limit(1)
      .get()?.id ?? null
  )
}

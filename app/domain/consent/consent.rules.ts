import {
  type ConsentQuestion,
  type ConsentStatus,
  type ConsentTextValues,
} from './consent.schema.ts'

/**
 * Pure consent rules: matching the typed name, scoring the comprehension check, deciding which
 * consent covers which session, and the canonical strings the record hashes are taken over.
 * Rendering the text is in consent-text.rules.ts.
 */

// Typed name ----------------------------------------------------------------------------------

/**
 * A name as compared for signing: accents dropped (NFD, combining marks removed), case folded,
 * apostrophes unified, runs of spaces made one. "  JOSÉ  d’Ávila " → "jose d'avila".
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

export function namesMatch(typed: string, expected: string): boolean {
  const a = normaliseName(typed)
  return a.length > 0 && a === normaliseName(expected)
}

// Comprehension check -------------------------------------------------------------------------

export type CheckScore = {
  passed: boolean
  /** Questions with no answer: the form is sent back without counting it as an attempt. */
  unanswered: string[]
  /** Questions answered wrongly: the page shows the section that answers each one. */
  wrong: string[]
}

export function scoreCheck(
  questions: ConsentQuestion[],
  answers: Record<string, number | null | undefined>,
): CheckScore {
  const unanswered: string[] = []
  const wrong: string[] = []
  for (const question of questions) {
    const answer = answers[question.key]
    if (answer === null || answer === undefined || answer >= question.options.length)
      unanswered.push(question.key)
    else if (answer !== question.answer) wrong.push(question.key)
  }
  return { passed: unanswered.length === 0 && wrong.length === 0, unanswered, wrong }
}

// Validity ------------------------------------------------------------------------------------

/** A consent covers the course for at most this many months from signing (docs/product.md 4). */
export const CONSENT_VALID_MONTHS = 12

/** The instant a consent stops covering sessions: the same day and time 12 calendar months on (UTC). */
export function consentExpiresAt(signedAt: number): number {
  const date = new Date(signedAt)
  const target = new Date(signedAt)
  target.setUTCMonth(date.getUTCMonth() + CONSENT_VALID_MONTHS)
  // 29 February + 12 months is 1 March in JavaScript; keep it inside February instead.
  if (target.getUTCDate() !== date.getUTCDate()) target.setUTCDate(0)
  return target.getTime()
}

export type PublishedVersionRef = { id: string; versionNumber: number; effectiveFrom: number }

/**
 * The version a session needs: the newest published version already in effect when the session
 * starts. Sessions before the first version took effect need the first version, or the newest
 * version published with the first one's date (a version that replaces the first from its own
 * date, as 0014_consent_v2.sql does, replaces it for every session).
 */
export function requiredVersionFor<V extends PublishedVersionRef>(
  versions: V[],
  sessionStartAt: number,
): V | null {
  const sorted = [...versions].sort((a, b) => a.versionNumber - b.versionNumber)
  const inEffect = sorted.filter((v) => v.effectiveFrom <= sessionStartAt)
  if (inEffect.length > 0) return inEffect[inEffect.length - 1]!
  const first = sorted[0]
  if (!first) return null
  return sorted.filter((v) => v.effectiveFrom === first.effectiveFrom).at(-1)!
}

export type ConsentRecordFacts = {
  id: string
  tier: string
  versionId: string
  signedAt: number
  withdrawnAt: number | null
  withdrawalId: string | null
  countersignatureId: string | null
}

export type SessionFacts = {
  tier: string
  needsConsent: boolean
  startAt: number
  requiredVersionId: string | null
}

/** Same tier and version, signed before the session, and the session within 12 months of signing. */
export function recordCoversSession(record: ConsentRecordFacts, session: SessionFacts): boolean {
  return (
    record.tier === session.tier &&
    record.versionId === session.requiredVersionId &&
    record.signedAt <= session.startAt &&
    session.startAt < consentExpiresAt(record.signedAt)
  )
}

export type ConsentStatusResult = {
  status: ConsentStatus
  /** The consent record the status is about (the newest one that covers the session). */
  recordId: string | null
  countersignatureId: string | null
  withdrawalId: string | null
  /** When nothing covers the session but the patient signed before: why they must sign again. */
  resignReason: 'new-version' | 'expired' | null
}

/**
 * The consent status of one session from the patient's consent records. The newest covering
 * record decides: withdrawn (before the session started), countersigned, or signed.
 */
export function consentStatusFor(
  records: ConsentRecordFacts[],
  session: SessionFacts,
): ConsentStatusResult {
  const none = { recordId: null, countersignatureId: null, withdrawalId: null }
  if (!session.needsConsent) return { status: 'not_required', ...none, resignReason: null }
  const covering = records
    .filter((record) => recordCoversSession(record, session))
    .sort((a, b) => b.signedAt - a.signedAt)[0]
  if (!covering) {
    const earlier = records
      .filter((r) => r.tier === session.tier && r.signedAt <= session.startAt && !r.withdrawnAt)
      .sort((a, b) => b.signedAt - a.signedAt)[0]
    const resignReason = !earlier
      ? null
      : earlier.versionId !== session.requiredVersionId
        ? 'new-version'
        : 'expired'
    return { status: 'missing', ...none, resignReason }
  }
  const ids = {
    recordId: covering.id,
    countersignatureId: covering.countersignatureId,
    withdrawalId: covering.withdrawalId,
  }
  if (covering.withdrawnAt !== null && covering.withdrawnAt <= session.startAt)
    return { status: 'withdrawn', ...ids, resignReason: null }
  return {
    status: covering.countersignatureId ? 'countersigned' : 'signed',
    ...ids,
    resignReason: null,
  }
}

// Record hashes -------------------------------------------------------------------------------

/** JSON with keys sorted at every level: the same facts always give the same string. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export type ConsentRecordCanonicalFields = {
  id: string
  patientId: string
  bookingId: string
  documentVersionId: string
  tier: string
  /**
   * The language signed in, only when it is not English: a record signed before languages
   * existed has no such field, and its hash must still verify (ADR 039).
   */
  locale?: string
  textSha256: string
  textValues: ConsentTextValues
  checkAttemptId: string
  checkAnswers: Record<string, number | null>
  typedName: string
  /** The drawn PNG is large: its SHA-256 stands for it. */
  drawnSignatureSha256: string | null
  intentConfirmed: boolean
  photoClinical: boolean
  photoMarketing: boolean
  signedAt: number
  ipAddress: string | null
  userAgent: string | null
  emailProvenBy: string
  verifiedEmail: string
  sessionTokenHash: string
}

/** What the record hash is taken over: every field a signature stands on, in one canonical string. */
export function canonicalConsentRecord(fields: ConsentRecordCanonicalFields): string {
  return canonicalJson({ kind: 'consent_record', ...fields })
}

export function canonicalCountersignature(fields: {
  id: string
  consentRecordId: string
  consentRecordSha256: string
  bookingId: string
  clinicianUserId: string
  practitionerId: string | null
  countersignedAt: number
  ipAddress: string | null
  userAgent: string | null
}): string {
  return canonicalJson({ kind: 'consent_countersignature', ...fields })
}

export function canonicalWithdrawal(fields: {
  id: string
  consentRecordId: string
  consentRecordSha256: string
  bookingId: string
  patientId: string
  withdrawnAt: number
  reason: string | null
  ipAddress: string | null
  userAgent: string | null
  emailProvenBy: string
}): string {
  return canonicalJson({ kind: 'consent_withdrawal', ...fields })
}

/** FNV-1a, 32 bits: a small, stable hash of a string (not for security). */
function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/**
 * The order a question's options are shown in: a shuffle seeded by the booking and the question,
 * so the same booking always sees the same order (a reload, a wrong answer sent back, a round trip
 * without JavaScript) and different bookings see different ones. Returns the options' indices in
 * the stored version, in display order; the posted answer stays that index.
 */
export function optionOrder(seed: string, questionKey: string, count: number): number[] {
  let state = hash32(`${seed}:${questionKey}`)
  // mulberry32
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const order = Array.from({ length: count }, (_, i) => i)
  for (let i = count - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  return order
}

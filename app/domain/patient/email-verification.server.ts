import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { verificationCodeEmail } from '#app/domain/booking/booking-emails.server.ts'
import { type EmailVerificationPurpose } from './patient.schema.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { enqueueEmail } from '#app/domain/email/outbox.server.ts'
import {
  checkLimits,
  countTowardLimits,
  type LimitCheck,
  recordLimitRefusal,
} from '#app/domain/limits/limits.server.ts'
import { LIMITS } from '#app/domain/limits/limits.rules.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { type Tx } from '#db/client.server.ts'
import { emailVerifications } from '#db/schema/index.ts'
import { type CodeCheck, CODE_VALID_MINUTES, judgeCode } from './email-verification.rules.ts'

function hashCode(verificationId: string, code: string): Buffer {
  // Salted with the row id: equal codes never share a hash.
  return createHash('sha256').update(`${verificationId}:${code}`).digest()
}

/** Who asks: the client IP feeds the per-IP limits; both go into the audit row of a refusal. */
export type CodeClient = Pick<AuditActor, 'ipAddress' | 'requestId'>

export type CodeRequest =
  | { ok: true; verificationId: string }
  | { ok: false; reason: 'too-many-codes'; retryAfterSeconds: number }

/**
 * The limits on sending codes (docs/decisions/027-safe-by-default.md): per browser session, per
 * address (hour and day), per booking reference asked for, per client IP. They apply whether or
 * not a "find my booking" request matched, so a refusal tells nobody who has a booking here.
 */
function codeLimits(input: {
  sessionTokenHash: string
  email: string
  reference?: string
  ipAddress: string | null | undefined
}): LimitCheck[] {
  const checks: LimitCheck[] = [
    { limit: LIMITS.codesPerSessionHour, subject: input.sessionTokenHash },
    { limit: LIMITS.codesPerAddressHour, subject: input.email },
    { limit: LIMITS.codesPerAddressDay, subject: input.email },
  ]
  if (input.reference) checks.push({ limit: LIMITS.codesPerReferenceDay, subject: input.reference })
  if (input.ipAddress) checks.push({ limit: LIMITS.codesPerIpHour, subject: input.ipAddress })
  return checks
}

/**
 * Creates a 6-digit code for this session and queues the email that carries it. With
 * `send: false` a code is stored but never sent: used when a "find my booking" request does not
 * match, so the answer looks the same either way (no enumeration). A request over a limit
 * changes nothing but the one audit row that records the refusal.
 */
export function issueEmailCode(
  tx: Tx,
  input: {
    sessionTokenHash: string
    email: string
    purpose: EmailVerificationPurpose
    bookingId?: string | null
    /** The reference a "find my booking" request named (matched or not). */
    reference?: string
    send: boolean
    now: Date
    client: CodeClient
    /** The language of the email: the draft's or the booking's; null: the clinic's default. */
    locale?: Locale | null
  },
): CodeRequest {
  const limits = codeLimits({ ...input, ipAddress: input.client.ipAddress })
  const verdict = checkLimits(tx, limits, input.now)
  if (!verdict.allowed) {
    recordLimitRefusal(tx, {
      verdict,
      action: `email_code.${input.purpose}`,
      actor: { type: 'anonymous', ...input.client },
      now: input.now,
    })
    return { ok: false, reason: 'too-many-codes', retryAfterSeconds: verdict.retryAfterSeconds }
  }
  countTowardLimits(tx, limits, input.now)

  const verificationId = randomUUID()
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  tx.insert(emailVerifications)
    .values({
      id: verificationId,
      sessionTokenHash: input.sessionTokenHash,
      email: input.email,
      purpose: input.purpose,
      bookingId: input.bookingId ?? null,
      codeHash: hashCode(verificationId, code).toString('hex'),
      expiresAt: new Date(input.now.getTime() + CODE_VALID_MINUTES * 60_000),
      createdAt: input.now,
    })
    .run()
  if (input.send) {
    const settings = getClinicSettings()
    enqueueEmail(
      tx,
      verificationCodeEmail({
        verificationId,
        to: input.email,
        code,
        clinic: clinicContactOf(settings),
        minutesValid: CODE_VALID_MINUTES,
        locale: input.locale ?? settings.defaultLocale,
      }),
      input.now,
    )
  }
  return { ok: true, verificationId }
}

function clinicContactOf(settings: {
  name: string
  address: string
  phone: string
  email: string
}) {
  return {
    name: settings.name,
    address: settings.address,
    phone: settings.phone,
    email: settings.email,
  }
}

export type CodeVerification =
  { ok: true; email: string; bookingId: string | null } | Exclude<CodeCheck, { ok: true }>

/**
 * Checks the newest open code of this session and purpose, counting a wrong try: against the
 * code (5 tries), and against its address, its booking and the client IP, whatever the browser
 * session (a new cookie jar does not give more guesses).
 */
export function verifyEmailCode(
  tx: Tx,
  input: {
    sessionTokenHash: string
    purpose: EmailVerificationPurpose
    code: string
    now: Date
    client: CodeClient
  },
): CodeVerification {
  const row = tx
    .select()
    .from(emailVerifications)
    .where(
      and(
        eq(emailVerifications.sessionTokenHash, input.sessionTokenHash),
        eq(emailVerifications.purpose, input.purpose),
        isNull(emailVerifications.consumedAt),
      ),
    )
    .orderBy(desc(emailVerifications.createdAt))
    .limit(1)
    .get()
  if (!row) return { ok: false, reason: 'no-code' }
  const guessLimits: LimitCheck[] = [{ limit: LIMITS.wrongCodesPerAddressDay, subject: row.email }]
  if (row.bookingId)
    guessLimits.push({ limit: LIMITS.wrongCodesPerBookingDay, subject: row.bookingId })
  if (input.client.ipAddress)
    guessLimits.push({ limit: LIMITS.wrongCodesPerIpDay, subject: input.client.ipAddress })
  const verdict = checkLimits(tx, guessLimits, input.now)
  if (!verdict.allowed) {
    recordLimitRefusal(tx, {
      verdict,
      action: `email_code.verify_${input.purpose}`,
      actor: { type: 'anonymous', ...input.client },
      now: input.now,
    })
    return { ok: false, reason: 'limited', retryAfterSeconds: verdict.retryAfterSeconds }
  }

  const matches = timingSafeEqual(hashCode(row.id, input.code), Buffer.from(row.codeHash, 'hex'))
  const check = judgeCode(
    {
      expiresAt: row.expiresAt.getTime(),
      failedAttempts: row.failedAttempts,
      consumedAt: row.consumedAt?.getTime() ?? null,
    },
    matches,
    input.now.getTime(),
  )
  if (check.ok) {
    tx.update(emailVerifications)
      .set({ consumedAt: input.now })
      .where(eq(emailVerifications.id, row.id))
      .run()
    return { ok: true, email: row.email, bookingId: row.bookingId }
  }
  if (check.reason === 'wrong-code' || check.reason === 'too-many-attempts') {
    tx.update(emailVerifications)
      .set({ failedAttempts: row.failedAttempts + 1 })
      .where(eq(emailVerifications.id, row.id))
      .run()
    countTowardLimits(tx, guessLimits, input.now)
  }
  return check
}

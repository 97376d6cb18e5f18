import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import { and, desc, eq, gt, isNull, count } from 'drizzle-orm'
import { verificationCodeEmail } from '#app/domain/booking/booking-emails.server.ts'
import { type EmailVerificationPurpose } from '#app/domain/booking/booking.schema.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { enqueueEmail } from '#app/domain/email/outbox.server.ts'
import { type Tx } from '#db/client.server.ts'
import { emailVerifications } from '#db/schema/index.ts'
import {
  type CodeCheck,
  CODE_VALID_MINUTES,
  CODES_PER_SESSION_PER_HOUR,
  judgeCode,
} from './email-verification.rules.ts'

function hashCode(verificationId: string, code: string): Buffer {
  // Salted with the row id: equal codes never share a hash.
  return createHash('sha256').update(`${verificationId}:${code}`).digest()
}

export type CodeRequest =
  { ok: true; verificationId: string } | { ok: false; reason: 'too-many-codes' }

/**
 * Creates a 6-digit code for this session and queues the email that carries it. With
 * `send: false` a code is stored but never sent: used when a "find my booking" request does not
 * match, so the answer looks the same either way (no enumeration).
 */
export function issueEmailCode(
  tx: Tx,
  input: {
    sessionTokenHash: string
    email: string
    purpose: EmailVerificationPurpose
    bookingId?: string | null
    send: boolean
    now: Date
  },
): CodeRequest {
  const hourAgo = new Date(input.now.getTime() - 3600_000)
  const recent =
    tx
      .select({ n: count() })
      .from(emailVerifications)
      .where(
        and(
          eq(emailVerifications.sessionTokenHash, input.sessionTokenHash),
          gt(emailVerifications.createdAt, hourAgo),
        ),
      )
      .get()?.n ?? 0
  if (recent >= CODES_PER_SESSION_PER_HOUR) return { ok: false, reason: 'too-many-codes' }

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
    enqueueEmail(
      tx,
      verificationCodeEmail({
        verificationId,
        to: input.email,
        code,
        clinicName: getClinicSettings().name,
        minutesValid: CODE_VALID_MINUTES,
      }),
      input.now,
    )
  }
  return { ok: true, verificationId }
}

export type CodeVerification =
  { ok: true; email: string; bookingId: string | null } | Exclude<CodeCheck, { ok: true }>

/** Checks the newest open code of this session and purpose, counting a wrong try. */
export function verifyEmailCode(
  tx: Tx,
  input: { sessionTokenHash: string; purpose: EmailVerificationPurpose; code: string; now: Date },
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
  const matches = row
    ? timingSafeEqual(hashCode(row.id, input.code), Buffer.from(row.codeHash, 'hex'))
    : false
  const check = judgeCode(
    row && {
      expiresAt: row.expiresAt.getTime(),
      failedAttempts: row.failedAttempts,
      consumedAt: row.consumedAt?.getTime() ?? null,
    },
    matches,
    input.now.getTime(),
  )
  if (!row) return { ok: false, reason: 'no-code' }
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
  }
  return check
}

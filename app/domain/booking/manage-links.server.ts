import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt } from 'drizzle-orm'
import { getEnv } from '#app/utils/env.server.ts'
import { type Db, type Tx } from '#db/client.server.ts'
import { bookingManageLinks } from '#db/schema/index.ts'

/** A manage link works until this long after the appointment (to see aftercare, download consent). */
const LINK_VALID_AFTER_APPOINTMENT_MS = 30 * 24 * 3600_000

export function hashManageToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** A fresh secret link to one booking, for one email. Only its hash is stored. */
export function createManageLink(
  tx: Tx,
  input: { bookingId: string; appointmentStartAt: Date; now: Date },
): string {
  const token = randomBytes(32).toString('base64url')
  tx.insert(bookingManageLinks)
    .values({
      tokenHash: hashManageToken(token),
      bookingId: input.bookingId,
      createdAt: input.now,
      expiresAt: new Date(
        Math.max(input.appointmentStartAt.getTime(), input.now.getTime()) +
          LINK_VALID_AFTER_APPOINTMENT_MS,
      ),
    })
    .run()
  return `${getEnv().APP_ORIGIN}/bookings/manage?token=${token}`
}

/**
 * Ends every manage link of a booking: when it is cancelled or moved, the links in earlier emails
 * stop working (a moved booking's new email carries a new one).
 */
export function revokeManageLinks(tx: Tx, bookingId: string): void {
  tx.delete(bookingManageLinks).where(eq(bookingManageLinks.bookingId, bookingId)).run()
}

/** The booking a manage-link token opens, or null when unknown or expired. */
export function findBookingIdForManageToken(db: Db, token: string, now: Date): string | null {
  const row = db
    .select({ bookingId: bookingManageLinks.bookingId })
    .from(bookingManageLinks)
    .where(
      and(
        eq(bookingManageLinks.tokenHash, hashManageToken(token)),
        gt(bookingManageLinks.expiresAt, now),
      ),
    )
    .get()
  return row?.bookingId ?? null
}

import { randomUUID } from 'node:crypto'
import { type Db, type Tx } from '#db/client.server.ts'
import { emailOutbox } from '#db/schema/index.ts'

export type CalendarAttachment = { filename: string; content: string }

export type OutgoingEmail = {
  /** One message per event: enqueueing the same key twice keeps the first (never duplicated). */
  dedupeKey: string
  to: string
  subject: string
  text: string
  html?: string
  calendar?: CalendarAttachment
  bookingId?: string
}

/**
 * Puts a message in the outbox, inside the caller's transaction, so that the change and its
 * announcement commit together. The scheduler sends it after commit (docs/decisions/013-email.md).
 * Never put health details in a message: link to the app instead.
 */
export function enqueueEmail(tx: Tx | Db, email: OutgoingEmail, now = new Date()): void {
  const id = randomUUID()
  tx.insert(emailOutbox)
    .values({
      id,
      dedupeKey: email.dedupeKey,
      toAddress: email.to,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html ?? null,
      icsContent: email.calendar?.content ?? null,
      icsFilename: email.calendar?.filename ?? null,
      bookingId: email.bookingId ?? null,
      status: 'pending',
      nextAttemptAt: now,
      messageId: `<${id}@dermadesk.mail>`,
      createdAt: now,
    })
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .run()
}

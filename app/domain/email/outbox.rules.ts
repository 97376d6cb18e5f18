import { type OutboxStatus } from './email.schema.ts'

/**
 * Waits between delivery attempts (docs/decisions/013-email.md): quick retries for a mail server
 * that restarts, then longer ones for an outage, about 7½ hours in all before we give up.
 */
export const RETRY_BACKOFF_MS = [
  30_000, // 30 seconds
  2 * 60_000, // 2 minutes
  10 * 60_000, // 10 minutes
  60 * 60_000, // 1 hour
  6 * 60 * 60_000, // 6 hours
] as const

/** The first try plus one per backoff step. */
export const MAX_DELIVERY_ATTEMPTS = RETRY_BACKOFF_MS.length + 1

/**
 * How long a dispatcher may hold a row in 'sending' before another one may take it over. It must
 * be longer than any send can take (the transport's own timeouts are shorter), or a slow but
 * healthy send could be taken over and sent twice.
 */
export const SENDING_LEASE_MS = 2 * 60_000

/** lastError is for admins reading the outbox: the SMTP reply, cut to a readable length. */
export const LAST_ERROR_MAX_LENGTH = 500

/**
 * After a failed attempt number `attempts` (1-based): how long to wait before the next, or null
 * when that was the last attempt and the message has failed for good.
 */
export function retryDelayMs(attempts: number): number | null {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return null
  return RETRY_BACKOFF_MS[Math.max(0, attempts - 1)] ?? null
}

/** A calendar file that cancels an event must be sent as METHOD:CANCEL (RFC 5546). */
export function calendarMethodOf(ics: string): 'PUBLISH' | 'CANCEL' {
  return /^METHOD:CANCEL\s*$/m.test(ics) ? 'CANCEL' : 'PUBLISH'
}

export type OutboxStatusTone = 'ok' | 'warn' | 'bad' | 'neutral'

export type OutboxStatusDescription = {
  label: string
  tone: OutboxStatusTone
}

/**
 * What an admin sees for a message's state. Without a mail server nothing is ever sent, so a
 * waiting message is "kept" rather than "waiting", and the page says why.
 */
export function describeOutboxStatus(input: {
  status: OutboxStatus
  attempts: number
  mailServerConfigured: boolean
}): OutboxStatusDescription {
  switch (input.status) {
    case 'sent':
      return { label: 'Sent', tone: 'ok' }
    case 'failed':
      return { label: 'Failed', tone: 'bad' }
    case 'sending':
      return { label: 'Sending now', tone: 'neutral' }
    case 'pending':
      if (!input.mailServerConfigured)
        return { label: 'Kept in outbox – no mail server configured', tone: 'neutral' }
      return input.attempts > 0
        ? { label: 'Waiting to retry', tone: 'warn' }
        : { label: 'Waiting to send', tone: 'neutral' }
  }
}

/** Who an email is from: the clinic's name on the configured sending address. */
export type Sender = { from: { name: string; address: string }; replyTo?: string }

/**
 * Patients see the clinic as the sender and reply to the clinic's own address, while the mail
 * goes out from the address the server may send from (MAIL_FROM, "Name <address>" or bare).
 */
export function clinicSender(
  clinic: { name: string; email: string } | null,
  mailFrom: string,
): Sender {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailFrom)
  const address = (match ? match[2]! : mailFrom).trim()
  const fallbackName = match?.[1]?.trim() || address
  return {
    from: { name: clinic?.name.trim() || fallbackName, address },
    ...(clinic?.email ? { replyTo: clinic.email } : {}),
  }
}

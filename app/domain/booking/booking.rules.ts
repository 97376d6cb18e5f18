import { type BookingStatus, OCCUPYING_STATUSES } from './booking.schema.ts'

/** Which status may follow which (docs/product.md section 4). Everything else is refused. */
const TRANSITIONS: Record<BookingStatus, readonly BookingStatus[]> = {
  held: ['expired', 'pending_review', 'confirmed'],
  // A lapsed hold can still become a booking if its time is free when the patient confirms.
  expired: ['pending_review', 'confirmed'],
  pending_review: ['confirmed', 'declined', 'cancelled'],
  // Back to review when the patient's updated health answers need a clinician again.
  confirmed: ['cancelled', 'completed', 'no_show', 'pending_review'],
  declined: [],
  cancelled: [],
  completed: [],
  no_show: [],
}

export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

export function isOccupying(status: BookingStatus): boolean {
  return (OCCUPYING_STATUSES as readonly BookingStatus[]).includes(status)
}

/** A hold blocks its slot until it expires. */
export function isLiveHold(
  booking: { status: BookingStatus; holdExpiresAt: number | null },
  now: number,
): boolean {
  return booking.status === 'held' && booking.holdExpiresAt !== null && booking.holdExpiresAt > now
}

/** Half-open intervals [aStart, aEnd) and [bStart, bEnd) share some time. */
export function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd
}

/** The patient may cancel or move a booking themselves until this many hours before it starts. */
export function isInsideCancellationWindow(
  startAt: number,
  now: number,
  cancellationWindowHours: number,
): boolean {
  return startAt - now >= cancellationWindowHours * 3600_000
}

const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ' // Crockford: no I, L, O, U

/** A booking reference people can read out on the phone: DD- and six characters. */
export function makeBookingReference(randomBytes: Uint8Array): string {
  if (randomBytes.length < 6) throw new Error('Need six random bytes')
  let code = ''
  for (let i = 0; i < 6; i++) code += REFERENCE_ALPHABET[randomBytes[i]! % 32]
  return `DD-${code}`
}

import { type MyDataFormat } from './my-data.schema.ts'

/**
 * Small pure pieces of "my data" (my-data.server.ts): the download's file name and how values
 * are written in the JSON.
 */

/**
 * The file name of a download: the booking reference only (what the patient already quotes on
 * the phone), never a name or a health detail, e.g. `my-data-DD-7K3M9Q.json`.
 */
export function myDataFilename(reference: string, format: MyDataFormat): string {
  const safe = reference.replace(/[^A-Z0-9-]/gi, '').slice(0, 12)
  return `my-data-${safe}.${format}`
}

/**
 * What kind of message an outbox row was, from its dedupe key (`verification:<id>`,
 * `waitlist:<id>:confirm`, `booking:<id>:confirmed`…): the part before the first colon.
 */
export function emailKindOf(dedupeKey: string): string {
  const kind = dedupeKey.split(':')[0] ?? ''
  return /^[a-z][a-z0-9_-]*$/i.test(kind) ? kind : 'other'
}

/** An instant as ISO 8601 in UTC. */
export function iso(instant: Date | number): string {
  return new Date(instant).toISOString()
}

export function isoOrNull(instant: Date | number | null | undefined): string | null {
  return instant === null || instant === undefined ? null : iso(instant)
}

/**
 * An email's text as it goes into the file: the secret of each emailed link (`?token=…`, a
 * manage, waitlist or offer link) replaced by `[removed]`. The file may be passed on to another
 * clinic; a live link in it would let whoever reads it manage the booking.
 */
export function withoutLinkSecrets(text: string): string {
  return text.replace(/([?&]token=)[^\s&"'<>)]+/g, '$1[removed]')
}

import { type ReviewEventKind } from './screening.schema.ts'

/** Where a booking's screening review stands, from its append-only review events. */

export type ReviewEventLite = {
  kind: ReviewEventKind
  occurredAt: number
  message: string | null
}

const STAFF_KINDS: readonly ReviewEventKind[] = ['approved', 'declined', 'info_requested']

/** The clinician's last question, while the patient has not answered it yet. */
export function openQuestionOf(events: readonly ReviewEventLite[]): ReviewEventLite | null {
  const sorted = [...events].sort((a, b) => a.occurredAt - b.occurredAt)
  let open: ReviewEventLite | null = null
  for (const event of sorted) {
    if (event.kind === 'info_requested') open = event
    else if (
      event.kind === 'info_provided' ||
      event.kind === 'approved' ||
      event.kind === 'declined'
    )
      open = null
  }
  return open
}

/** The last decline (its reason is shown to the patient). */
export function lastDecline(events: readonly ReviewEventLite[]): ReviewEventLite | null {
  return (
    [...events]
      .filter((event) => event.kind === 'declined')
      .sort((a, b) => b.occurredAt - a.occurredAt)[0] ?? null
  )
}

export type QueueState = 'new' | 'waiting_for_patient' | 'patient_replied'

/**
 * For the review queue: waiting for the patient's answer; the patient answered or changed their
 * answers since a clinician last acted; or nothing done yet.
 */
export function queueStateOf(
  events: readonly ReviewEventLite[],
  latestSubmissionAt: number,
): QueueState {
  if (openQuestionOf(events)) return 'waiting_for_patient'
  const lastStaff = Math.max(
    -Infinity,
    ...events.filter((e) => STAFF_KINDS.includes(e.kind)).map((e) => e.occurredAt),
  )
  if (lastStaff === -Infinity) return 'new'
  const lastPatient = Math.max(
    latestSubmissionAt,
    ...events.filter((e) => e.kind === 'info_provided').map((e) => e.occurredAt),
  )
  return lastPatient > lastStaff ? 'patient_replied' : 'new'
}

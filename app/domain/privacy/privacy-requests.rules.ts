import { type PrivacyRequestKind, type PrivacyRequestStatus } from './privacy.constants.ts'

/**
 * Patients' privacy requests (docs/decisions/051-patient-privacy-requests.md): pure rules about
 * when a request is due and whether a new one may be made.
 */

/**
 * One calendar month after the request (GDPR Art. 12(3)), at the same time of day. A day the
 * next month does not have becomes its last day (31 January → 28 or 29 February).
 */
export function requestDueAt(createdAt: Date): Date {
  const year = createdAt.getUTCFullYear()
  const month = createdAt.getUTCMonth() + 1
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const due = new Date(createdAt.getTime())
  due.setUTCFullYear(year, month, Math.min(createdAt.getUTCDate(), lastDay))
  return due
}

/** Past its due date and still open. */
export function isOverdue(request: { status: PrivacyRequestStatus; dueAt: Date }, now: Date) {
  return request.status === 'open' && request.dueAt.getTime() < now.getTime()
}

export type NewRequestRefusal = 'already-open' | 'already-erased'

/**
 * Why a new request of this kind may not be made, or null: one open request of each kind at a
 * time, and no second erasure once one was granted or partly granted.
 */
export function newRequestRefusal(
  kind: PrivacyRequestKind,
  existing: readonly { kind: PrivacyRequestKind; status: PrivacyRequestStatus }[],
): NewRequestRefusal | null {
  if (existing.some((request) => request.kind === kind && request.status === 'open'))
    return 'already-open'
  if (
    kind === 'erasure' &&
    existing.some(
      (request) =>
        request.kind === 'erasure' &&
        (request.status === 'granted' || request.status === 'partly_granted'),
    )
  )
    return 'already-erased'
  return null
}

/** The open ones first, soonest due first; then the decided ones, newest decision first. */
export function queueOrder<
  T extends { status: PrivacyRequestStatus; dueAt: Date; decidedAt: Date | null },
>(requests: readonly T[]): T[] {
  return [...requests].sort((a, b) => {
    const openA = a.status === 'open' ? 0 : 1
    const openB = b.status === 'open' ? 0 : 1
    if (openA !== openB) return openA - openB
    if (openA === 0) return a.dueAt.getTime() - b.dueAt.getTime()
    return (b.decidedAt?.getTime() ?? 0) - (a.decidedAt?.getTime() ?? 0)
  })
}

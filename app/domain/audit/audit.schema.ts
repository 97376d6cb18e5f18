/** Who acted: a staff user, a patient proven by email code, or the system itself. */
export const AUDIT_ACTOR_TYPES = ['staff', 'patient', 'anonymous', 'system'] as const
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number]

export type AuditActor = {
  type: AuditActorType
  id?: string | null
  ipAddress?: string | null
  requestId?: string | null
}

export const SYSTEM_ACTOR: AuditActor = { type: 'system' }

/** The first row's previous hash: 64 zeros. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64)

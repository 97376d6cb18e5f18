import { and, eq, inArray, ne } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { getDb } from '#db/client.server.ts'
import { practitioners, practitionerServices, services } from '#db/schema/index.ts'
import { slugify, uniqueSlug } from './admin.rules.ts'
import { type ServiceInput, type StrandedAnswer } from './admin.schema.ts'
import {
  auditActorOf,
  changedFields,
  type GuardedResult,
  runGuardedChange,
  type StaffActor,
} from './stranding.server.ts'

/** Admin use cases for the services patients book. */

export type ServiceFailure = { ok: false; reason: 'not-found' }
export type ServiceChangeResult = GuardedResult<ServiceFailure>

/** Adds a service with a stable URL name made from its name. */
export function createService(
  input: ServiceInput,
  actor: StaffActor,
  now = new Date(),
): { ok: true; serviceId: string } {
  return getDb().transaction(
    (tx) => {
      const taken = new Set(
        tx
          .select({ slug: services.slug })
          .from(services)
          .all()
          .map((row) => row.slug),
      )
      const slug = uniqueSlug(slugify(input.name), taken)
      const { id } = tx
        .insert(services)
        .values({ ...input, slug, createdAt: now, updatedAt: now })
        .returning({ id: services.id })
        .get()
      recordAuditEvent(tx, {
        action: 'admin.service.created',
        actor: auditActorOf(actor),
        subjectType: 'service',
        subjectId: id,
        details: { slug, ...input },
        at: now,
      })
      return { ok: true as const, serviceId: id }
    },
    { behavior: 'immediate' },
  )
}

/**
 * Edits a service. Deactivating it strands its future bookings; moving it to the medical tier
 * takes it away from aesthetic practitioners (a medical-tier service only with a medical
 * practitioner) and so strands their bookings of it. Its URL name (slug) never changes.
 */
export function updateService(
  serviceId: string,
  input: ServiceInput & { answer: StrandedAnswer },
  actor: StaffActor,
  now = new Date(),
): ServiceChangeResult {
  const { answer, ...fields } = input
  return runGuardedChange<ServiceFailure>({
    actor,
    now,
    answer,
    scope: { serviceIds: [serviceId] },
    apply: (tx) => {
      const current = tx.select().from(services).where(eq(services.id, serviceId)).get()
      if (!current) return { ok: false, reason: 'not-found' }
      tx.update(services)
        .set({ ...fields, updatedAt: now })
        .where(eq(services.id, serviceId))
        .run()
      let removedPractitionerIds: string[] = []
      if (fields.tier === 'medical') {
        removedPractitionerIds = tx
          .select({ id: practitioners.id })
          .from(practitionerServices)
          .innerJoin(practitioners, eq(practitioners.id, practitionerServices.practitionerId))
          .where(
            and(
              eq(practitionerServices.serviceId, serviceId),
              ne(practitioners.credential, 'medical'),
            ),
          )
          .all()
          .map((row) => row.id)
        if (removedPractitionerIds.length > 0)
          tx.delete(practitionerServices)
            .where(
              and(
                eq(practitionerServices.serviceId, serviceId),
                inArray(practitionerServices.practitionerId, removedPractitionerIds),
              ),
            )
            .run()
      }
      return {
        ok: true,
        audit: {
          action: 'admin.service.updated',
          subjectType: 'service',
          subjectId: serviceId,
          details: { changes: changedFields(current, fields), removedPractitionerIds },
        },
      }
    },
  })
}

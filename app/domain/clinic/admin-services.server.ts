import { and, eq, inArray, ne } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { getDb, type Tx } from '#db/client.server.ts'
import { practitioners, practitionerServices, services, serviceTexts } from '#db/schema/index.ts'
import { slugify, uniqueSlug } from './admin.rules.ts'
import { type ServiceInput, type ServiceItalian, type StrandedAnswer } from './admin.schema.ts'
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
      const { italian, ...fields } = input
      const { id } = tx
        .insert(services)
        .values({ ...fields, slug, createdAt: now, updatedAt: now })
        .returning({ id: services.id })
        .get()
      saveItalian(tx, id, italian, now)
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
  const { answer, italian, ...fields } = input
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
      const italianChanges = saveItalian(tx, serviceId, italian, now)
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
          details: {
            changes: { ...changedFields(current, fields), ...italianChanges },
            removedPractitionerIds,
          },
        },
      }
    },
  })
}

/**
 * Writes a service's Italian words (the English stay on the service row): upserts the 'it' row,
 * deletes it when emptied, leaves it alone when the form did not send them. Returns what changed,
 * for the audit trail, as nameIt / descriptionIt / downtimeIt.
 */
function saveItalian(
  tx: Tx,
  serviceId: string,
  italian: ServiceItalian | undefined,
  now: Date,
): Record<string, { from: unknown; to: unknown }> {
  if (italian === undefined) return {}
  const where = and(eq(serviceTexts.serviceId, serviceId), eq(serviceTexts.locale, 'it'))
  const before = tx.select().from(serviceTexts).where(where).get()
  if (italian === null) {
    if (before) tx.delete(serviceTexts).where(where).run()
  } else {
    tx.insert(serviceTexts)
      .values({ serviceId, locale: 'it', ...italian, updatedAt: now })
      .onConflictDoUpdate({
        target: [serviceTexts.serviceId, serviceTexts.locale],
        set: { ...italian, updatedAt: now },
      })
      .run()
  }
  return changedFields(
    {
      nameIt: before?.name ?? null,
      descriptionIt: before?.description ?? null,
      downtimeIt: before?.downtime ?? null,
    },
    {
      nameIt: italian?.name ?? null,
      descriptionIt: italian?.description ?? null,
      downtimeIt: italian?.downtime ?? null,
    },
  )
}

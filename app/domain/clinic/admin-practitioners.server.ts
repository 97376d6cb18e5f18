import { and, eq, inArray } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { getDb, type Tx } from '#db/client.server.ts'
import {
  availabilityExceptions,
  practitioners,
  practitionerServices,
  practitionerTexts,
  services,
  workingHours,
} from '#db/schema/index.ts'
import {
  type PractitionerAction,
  type PractitionerItalian,
  type PractitionerProfile,
  type StrandedAnswer,
  strandedAnswerOf,
} from './admin.schema.ts'
import {
  auditActorOf,
  changedFields,
  clinicToday,
  type GuardedResult,
  runGuardedChange,
  type StaffActor,
} from './stranding.server.ts'

/**
 * Admin use cases for one practitioner: profile, services, weekly hours, time off and extra
 * hours. Every change that could strand a booking runs through runGuardedChange.
 */

export type PractitionerFailure =
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'unknown-service' }
  | { ok: false; reason: 'not-qualified'; serviceNames: string[] }
  | { ok: false; reason: 'date-in-past' }
  | { ok: false; reason: 'exception-not-found' }

export type PractitionerChangeResult = GuardedResult<PractitionerFailure>

/** Adds a practitioner (no sign-in of their own yet, no hours, no services). */
export function createPractitioner(
  input: PractitionerProfile,
  actor: StaffActor,
  now = new Date(),
): { ok: true; practitionerId: string } {
  return getDb().transaction(
    (tx) => {
      const { italian, ...fields } = input
      const { id } = tx
        .insert(practitioners)
        .values({ ...fields, createdAt: now, updatedAt: now })
        .returning({ id: practitioners.id })
        .get()
      saveItalian(tx, id, italian, now)
      recordAuditEvent(tx, {
        action: 'admin.practitioner.created',
        actor: auditActorOf(actor),
        subjectType: 'practitioner',
        subjectId: id,
        details: { ...input },
        at: now,
      })
      return { ok: true as const, practitionerId: id }
    },
    { behavior: 'immediate' },
  )
}

/** One post from the practitioner page, whichever of its forms it came from. */
export function applyPractitionerChange(
  practitionerId: string,
  action: PractitionerAction,
  actor: StaffActor,
  now = new Date(),
): PractitionerChangeResult {
  const context = { practitionerId, actor, now, answer: strandedAnswerOf(action) }
  switch (action.intent) {
    case 'profile':
      return updatePractitionerProfile(context, action)
    case 'services':
      return replacePractitionerServices(context, action.serviceIds)
    case 'hours':
      return replaceWeeklyHours(context, action.intervals)
    case 'add-exception':
      return addAvailabilityException(context, action)
    case 'remove-exception':
      return removeAvailabilityException(context, action.exceptionId)
  }
}

type ChangeContext = {
  practitionerId: string
  actor: StaffActor
  now: Date
  answer: StrandedAnswer
}

function guarded(
  context: ChangeContext,
  apply: Parameters<typeof runGuardedChange<PractitionerFailure>>[0]['apply'],
): PractitionerChangeResult {
  return runGuardedChange<PractitionerFailure>({
    actor: context.actor,
    now: context.now,
    answer: context.answer,
    scope: { practitionerIds: [context.practitionerId] },
    apply,
  })
}

function findPractitioner(tx: Tx, practitionerId: string) {
  return tx.select().from(practitioners).where(eq(practitioners.id, practitionerId)).get()
}

/**
 * Profile fields. Deactivating strands every future booking; a change to the aesthetic
 * credential also removes the medical-tier services they may no longer perform.
 */
export function updatePractitionerProfile(
  context: ChangeContext,
  profile: PractitionerProfile,
): PractitionerChangeResult {
  return guarded(context, (tx) => {
    const current = findPractitioner(tx, context.practitionerId)
    if (!current) return { ok: false, reason: 'not-found' }
    const next = {
      displayName: profile.displayName,
      title: profile.title,
      credential: profile.credential,
      registration: profile.registration,
      bio: profile.bio,
      maxNeedleDepthUm: profile.maxNeedleDepthUm,
      isActive: profile.isActive,
    }
    tx.update(practitioners)
      .set({ ...next, updatedAt: context.now })
      .where(eq(practitioners.id, current.id))
      .run()
    const italianChanges = saveItalian(tx, current.id, profile.italian, context.now)
    let removedServiceIds: string[] = []
    if (next.credential !== 'medical') {
      removedServiceIds = tx
        .select({ serviceId: practitionerServices.serviceId })
        .from(practitionerServices)
        .innerJoin(services, eq(services.id, practitionerServices.serviceId))
        .where(
          and(eq(practitionerServices.practitionerId, current.id), eq(services.tier, 'medical')),
        )
        .all()
        .map((row) => row.serviceId)
      if (removedServiceIds.length > 0)
        tx.delete(practitionerServices)
          .where(
            and(
              eq(practitionerServices.practitionerId, current.id),
              inArray(practitionerServices.serviceId, removedServiceIds),
            ),
          )
          .run()
    }
    return {
      ok: true,
      audit: {
        action: 'admin.practitioner.updated',
        subjectType: 'practitioner',
        subjectId: current.id,
        details: {
          changes: { ...changedFields(current, next), ...italianChanges },
          removedServiceIds,
        },
      },
    }
  })
}

/**
 * Writes a practitioner's title and bio in Italian (the English stay on the practitioner row):
 * upserts the 'it' row, deletes it when emptied, leaves it alone when the form did not send them.
 * Returns what changed, for the audit trail, as titleIt / bioIt.
 */
function saveItalian(
  tx: Tx,
  practitionerId: string,
  italian: PractitionerItalian | undefined,
  now: Date,
): Record<string, { from: unknown; to: unknown }> {
  if (italian === undefined) return {}
  const where = and(
    eq(practitionerTexts.practitionerId, practitionerId),
    eq(practitionerTexts.locale, 'it'),
  )
  const before = tx.select().from(practitionerTexts).where(where).get()
  if (italian === null) {
    if (before) tx.delete(practitionerTexts).where(where).run()
  } else {
    tx.insert(practitionerTexts)
      .values({ practitionerId, locale: 'it', ...italian, updatedAt: now })
      .onConflictDoUpdate({
        target: [practitionerTexts.practitionerId, practitionerTexts.locale],
        set: { ...italian, updatedAt: now },
      })
      .run()
  }
  return changedFields(
    { titleIt: before?.title ?? null, bioIt: before?.bio ?? null },
    { titleIt: italian?.title ?? null, bioIt: italian?.bio ?? null },
  )
}

/**
 * The services the practitioner performs, replaced as a whole. A medical-tier service only
 * with a medical practitioner (docs/product.md section 4).
 */
export function replacePractitionerServices(
  context: ChangeContext,
  serviceIds: string[],
): PractitionerChangeResult {
  const wanted = [...new Set(serviceIds)]
  return guarded(context, (tx) => {
    const practitioner = findPractitioner(tx, context.practitionerId)
    if (!practitioner) return { ok: false, reason: 'not-found' }
    const rows =
      wanted.length === 0
        ? []
        : tx
            .select({ id: services.id, name: services.name, tier: services.tier })
            .from(services)
            .where(inArray(services.id, wanted))
            .all()
    if (rows.length !== wanted.length) return { ok: false, reason: 'unknown-service' }
    const medical = rows.filter((row) => row.tier === 'medical')
    if (practitioner.credential !== 'medical' && medical.length > 0)
      return {
        ok: false,
        reason: 'not-qualified',
        serviceNames: medical.map((row) => row.name).sort(),
      }
    const current = tx
      .select({ serviceId: practitionerServices.serviceId })
      .from(practitionerServices)
      .where(eq(practitionerServices.practitionerId, practitioner.id))
      .all()
      .map((row) => row.serviceId)
    tx.delete(practitionerServices)
      .where(eq(practitionerServices.practitionerId, practitioner.id))
      .run()
    for (const serviceId of wanted)
      tx.insert(practitionerServices).values({ practitionerId: practitioner.id, serviceId }).run()
    return {
      ok: true,
      audit: {
        action: 'admin.practitioner.services_replaced',
        subjectType: 'practitioner',
        subjectId: practitioner.id,
        details: {
          added: wanted.filter((id) => !current.includes(id)),
          removed: current.filter((id) => !wanted.includes(id)),
        },
      },
    }
  })
}

/** The weekly pattern, replaced as a whole (the form shows and posts every day). */
export function replaceWeeklyHours(
  context: ChangeContext,
  intervals: { weekday: number; startMinute: number; endMinute: number }[],
): PractitionerChangeResult {
  return guarded(context, (tx) => {
    const practitioner = findPractitioner(tx, context.practitionerId)
    if (!practitioner) return { ok: false, reason: 'not-found' }
    const before = tx
      .select({
        weekday: workingHours.weekday,
        startMinute: workingHours.startMinute,
        endMinute: workingHours.endMinute,
      })
      .from(workingHours)
      .where(eq(workingHours.practitionerId, practitioner.id))
      .all()
      .sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute)
    tx.delete(workingHours).where(eq(workingHours.practitionerId, practitioner.id)).run()
    for (const interval of intervals)
      tx.insert(workingHours)
        .values({ practitionerId: practitioner.id, ...interval })
        .run()
    return {
      ok: true,
      audit: {
        action: 'admin.hours.replaced',
        subjectType: 'practitioner',
        subjectId: practitioner.id,
        details: { before, after: intervals },
      },
    }
  })
}

/** Time off (a whole day or part of it) or extra hours on a date from today on. */
export function addAvailabilityException(
  context: ChangeContext,
  input: {
    kind: 'time_off' | 'extra_hours'
    date: string
    startMinute: number | null
    endMinute: number | null
    note: string
  },
): PractitionerChangeResult {
  return guarded(context, (tx) => {
    const practitioner = findPractitioner(tx, context.practitionerId)
    if (!practitioner) return { ok: false, reason: 'not-found' }
    if (input.date < clinicToday(tx, context.now)) return { ok: false, reason: 'date-in-past' }
    const { id } = tx
      .insert(availabilityExceptions)
      .values({ practitionerId: practitioner.id, ...input, createdAt: context.now })
      .returning({ id: availabilityExceptions.id })
      .get()
    return {
      ok: true,
      audit: {
        action: input.kind === 'time_off' ? 'admin.time_off.added' : 'admin.extra_hours.added',
        subjectType: 'practitioner',
        subjectId: practitioner.id,
        details: { exceptionId: id, ...input },
      },
    }
  })
}

/** Removes one dated entry. Removing extra hours can strand the bookings inside them. */
export function removeAvailabilityException(
  context: ChangeContext,
  exceptionId: string,
): PractitionerChangeResult {
  return guarded(context, (tx) => {
    const practitioner = findPractitioner(tx, context.practitionerId)
    if (!practitioner) return { ok: false, reason: 'not-found' }
    const row = tx
      .select()
      .from(availabilityExceptions)
      .where(
        and(
          eq(availabilityExceptions.id, exceptionId),
          eq(availabilityExceptions.practitionerId, practitioner.id),
        ),
      )
      .get()
    if (!row) return { ok: false, reason: 'exception-not-found' }
    tx.delete(availabilityExceptions).where(eq(availabilityExceptions.id, row.id)).run()
    return {
      ok: true,
      audit: {
        action: row.kind === 'time_off' ? 'admin.time_off.removed' : 'admin.extra_hours.removed',
        subjectType: 'practitioner',
        subjectId: practitioner.id,
        details: {
          exceptionId: row.id,
          date: row.date,
          startMinute: row.startMinute,
          endMinute: row.endMinute,
          note: row.note,
        },
      },
    }
  })
}

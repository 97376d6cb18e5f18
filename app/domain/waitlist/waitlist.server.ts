import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { listQualifiedPractitioners } from '#app/domain/availability/availability.server.ts'
import { getClinicSettings, serviceNameIn } from '#app/domain/clinic/clinic.server.ts'
import { renderEmail } from '#app/domain/email/email-layout.server.tsx'
import { enqueueEmail } from '#app/domain/email/outbox.server.ts'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { LIMITS } from '#app/domain/limits/limits.rules.ts'
import {
  checkLimits,
  countTowardLimits,
  type LimitCheck,
  recordLimitRefusal,
} from '#app/domain/limits/limits.server.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { waitlistMessages } from '#app/i18n/messages/index.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { formatDateAndTime } from '#app/utils/format.ts'
import { getDb } from '#db/client.server.ts'
import { newId } from '#db/schema/columns.ts'
import { practitioners, services, waitlistEntries, waitlistOffers } from '#db/schema/index.ts'
import { type TimeOfDay } from './waitlist.constants.ts'
import { datesProblem, parseTimesOfDay, serializeTimesOfDay, wantsDate } from './waitlist.rules.ts'
import { type JoinWaitlistInput } from './waitlist.schema.ts'
import { endOffer, type OfferRow } from './waitlist-offers.server.ts'
import { clinicForEmail, hashToken, newToken } from './waitlist-shared.server.ts'

/**
 * The waitlist (ADR 044). Patients (after confirming their address) and staff (for a caller) add
 * entries; `offerFreedTimes`, run by the scheduler and at once after a cancellation, offers each
 * active entry, in order of joining, the earliest free time that suits it, from the same slot
 * search the wizard uses. An offer is a real hold (a `held` booking row, ADR 016) for
 * OFFER_HOLD_MINUTES; accepting it starts a wizard draft holding that time, so screening,
 * details, email proof and consent still come before any booking. A lapsed offer frees the time
 * for the next entry. Emails name the clinic, the time and the practitioner, never the treatment.
 */

export type JoinResult =
  | { ok: true; entryId: string; status: 'pending' | 'active' }
  | { ok: false; reason: 'unknown-service' | 'unknown-practitioner' | 'past' | 'reversed' }
  | { ok: false; reason: 'too-many'; retryAfterSeconds: number }

/**
 * Online entries send an email to the address typed, so each address and each client IP may add
 * only a few (ADR 027's limits). Staff add callers' entries without a limit.
 */
/** What a refusal names as refused (the audit action itself is `limit.refused`). */
const LIMITED_ACTION = 'waitlist.join'

function onlineJoinLimits(email: string, ipAddress: string | null | undefined): LimitCheck[] {
  const checks: LimitCheck[] = [{ limit: LIMITS.waitlistJoinsPerAddressDay, subject: email }]
  if (ipAddress) checks.push({ limit: LIMITS.waitlistJoinsPerIpHour, subject: ipAddress })
  return checks
}

/**
 * Adds an entry. Online entries wait for the patient to confirm the address from an email (so
 * nobody can put someone else's address on the list); staff entries are active at once.
 */
export function joinWaitlist(input: {
  serviceId: string
  data: JoinWaitlistInput
  source: 'online' | 'staff'
  actor: AuditActor
  locale: Locale
  now: Date
}): JoinResult {
  const db = getDb()
  const settings = getClinicSettings()
  const today = localDateOf(input.now.getTime(), settings.timeZone)
  const problem = datesProblem(input.data, today)
  if (problem) return { ok: false, reason: problem }
  return db.transaction(
    (tx): JoinResult => {
      const service = tx
        .select({ id: services.id })
        .from(services)
        .where(and(eq(services.id, input.serviceId), eq(services.isActive, true)))
        .get()
      if (!service) return { ok: false, reason: 'unknown-service' }
      const practitionerId = input.data.practitioner === 'any' ? null : input.data.practitioner
      if (
        practitionerId &&
        !listQualifiedPractitioners(service.id, tx).some((p) => p.id === practitionerId)
      )
        return { ok: false, reason: 'unknown-practitioner' }
      const online = input.source === 'online'
      if (online) {
        const limits = onlineJoinLimits(input.data.email.toLowerCase(), input.actor.ipAddress)
        const verdict = checkLimits(tx, limits, input.now)
        if (!verdict.allowed) {
          recordLimitRefusal(tx, {
            verdict,
            action: LIMITED_ACTION,
            actor: input.actor,
            now: input.now,
          })
          return { ok: false, reason: 'too-many', retryAfterSeconds: verdict.retryAfterSeconds }
        }
        countTowardLimits(tx, limits, input.now)
      }
      const confirm = online ? newToken() : null
      const entryId = newId()
      tx.insert(waitlistEntries)
        .values({
          id: entryId,
          serviceId: service.id,
          practitionerId,
          fromDate: input.data.fromDate < today ? today : input.data.fromDate,
          toDate: input.data.toDate,
          timesOfDay: serializeTimesOfDay(input.data.timesOfDay),
          fullName: input.data.fullName,
          email: input.data.email.toLowerCase(),
          locale: input.locale,
          status: online ? 'pending' : 'active',
          source: input.source,
          confirmTokenHash: confirm?.tokenHash ?? null,
          createdAt: input.now,
          updatedAt: input.now,
        })
        .run()
      recordAuditEvent(tx, {
        action: 'waitlist.joined',
        actor: input.actor,
        subjectType: 'waitlist_entry',
        subjectId: entryId,
        details: { source: input.source },
        at: input.now,
      })
      if (confirm) {
        const t = translator(waitlistMessages, input.locale)
        const clinic = clinicForEmail(tx)
        const url = `${getEnv().APP_ORIGIN}/waitlist/confirm?token=${confirm.token}`
        const { text, html } = renderEmail({
          locale: input.locale,
          preview: t('confirmEmailPreview'),
          greeting: t('emailGreeting', { name: input.data.fullName }),
          paragraphs: [t('confirmEmailBody', { clinic: clinic.name })],
          action: { label: t('confirmEmailAction'), url },
          closing: [t('confirmEmailIgnore')],
          clinic,
        })
        enqueueEmail(
          tx,
          {
            dedupeKey: `waitlist:${entryId}:confirm`,
            to: input.data.email.toLowerCase(),
            subject: t('confirmEmailSubject', { clinic: clinic.name }),
            text,
            html,
          },
          input.now,
        )
      }
      return { ok: true, entryId, status: online ? 'pending' : 'active' }
    },
    { behavior: 'immediate' },
  )
}

/** The patient confirms their address from the email: the entry starts waiting for offers. */
export function confirmWaitlistEntry(input: {
  token: string
  now: Date
  actor: AuditActor
}): { ok: true } | { ok: false; reason: 'not-found' } {
  const db = getDb()
  return db.transaction(
    (tx) => {
      const entry = tx
        .select()
        .from(waitlistEntries)
        .where(eq(waitlistEntries.confirmTokenHash, hashToken(input.token)))
        .get()
      if (!entry || entry.status === 'removed')
        return { ok: false as const, reason: 'not-found' as const }
      if (entry.status === 'pending') {
        tx.update(waitlistEntries)
          .set({ status: 'active', updatedAt: input.now })
          .where(eq(waitlistEntries.id, entry.id))
          .run()
        recordAuditEvent(tx, {
          action: 'waitlist.confirmed',
          actor: input.actor,
          subjectType: 'waitlist_entry',
          subjectId: entry.id,
          at: input.now,
        })
      }
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

export type WaitlistDayRow = {
  id: string
  fullName: string
  email: string
  serviceName: string
  practitionerName: string | null
  fromDate: string
  toDate: string
  timesOfDay: TimeOfDay[]
  status: 'pending' | 'active' | 'accepted'
  source: 'online' | 'staff'
  offers: { status: OfferRow['status']; when: string }[]
}

/** The entries that want this clinic date, first joined first, with their offers. */
export function listWaitlistForDay(input: { date: string; locale: Locale }): WaitlistDayRow[] {
  const db = getDb()
  const zone = getClinicSettings().timeZone
  const rows = db
    .select({ entry: waitlistEntries, practitionerName: practitioners.displayName })
    .from(waitlistEntries)
    .leftJoin(practitioners, eq(practitioners.id, waitlistEntries.practitionerId))
    .where(
      and(
        inArray(waitlistEntries.status, ['pending', 'active', 'accepted']),
        lte(waitlistEntries.fromDate, input.date),
        gte(waitlistEntries.toDate, input.date),
      ),
    )
    .orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id))
    .all()
    .filter((row) => wantsDate(row.entry, input.date))
  const offers = rows.length
    ? db
        .select()
        .from(waitlistOffers)
        .where(
          inArray(
            waitlistOffers.entryId,
            rows.map((row) => row.entry.id),
          ),
        )
        .orderBy(asc(waitlistOffers.createdAt))
        .all()
    : []
  return rows.map(({ entry, practitionerName }) => ({
    id: entry.id,
    fullName: entry.fullName,
    email: entry.email,
    serviceName: serviceNameIn(entry.serviceId, input.locale) ?? '',
    practitionerName,
    fromDate: entry.fromDate,
    toDate: entry.toDate,
    timesOfDay: parseTimesOfDay(entry.timesOfDay),
    status: entry.status as WaitlistDayRow['status'],
    source: entry.source,
    offers: offers
      .filter((offer) => offer.entryId === entry.id)
      .map((offer) => ({
        status: offer.status,
        when: formatDateAndTime(offer.startAt.getTime(), zone, input.locale),
      })),
  }))
}

/** Staff take an entry off the list; an open offer is withdrawn and its time let go. */
export function removeWaitlistEntry(input: {
  entryId: string
  actor: AuditActor
  now: Date
}): { ok: true } | { ok: false; reason: 'not-found' } {
  const db = getDb()
  return db.transaction(
    (tx) => {
      const entry = tx
        .select()
        .from(waitlistEntries)
        .where(eq(waitlistEntries.id, input.entryId))
        .get()
      if (!entry || entry.status === 'removed')
        return { ok: false as const, reason: 'not-found' as const }
      tx.update(waitlistEntries)
        .set({ status: 'removed', updatedAt: input.now })
        .where(eq(waitlistEntries.id, entry.id))
        .run()
      const open = tx
        .select()
        .from(waitlistOffers)
        .where(and(eq(waitlistOffers.entryId, entry.id), eq(waitlistOffers.status, 'offered')))
        .all()
      for (const offer of open) endOffer(tx, offer, 'withdrawn', input.actor, input.now)
      recordAuditEvent(tx, {
        action: 'waitlist.removed',
        actor: input.actor,
        subjectType: 'waitlist_entry',
        subjectId: entry.id,
        at: input.now,
      })
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

/** The services staff may add a caller for (active ones), in the page's language. */
export function listWaitlistServices(locale: Locale) {
  return getDb()
    .select({ id: services.id, name: services.name })
    .from(services)
    .where(eq(services.isActive, true))
    .orderBy(asc(services.name))
    .all()
    .map((service) => ({ id: service.id, name: serviceNameIn(service.id, locale) ?? service.name }))
}

/** Qualified practitioners of a service, for the "who" choice. */
export function listWaitlistPractitioners(serviceId: string) {
  return listQualifiedPractitioners(serviceId).map((p) => ({ id: p.id, name: p.displayName }))
}

import { and, eq, gte, inArray, lte, ne } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor, SYSTEM_ACTOR } from '#app/domain/audit/audit.schema.ts'
import {
  findAvailableSlots,
  MAX_SEARCH_DAYS,
} from '#app/domain/availability/availability.server.ts'
import { OCCUPYING_STATUSES } from '#app/domain/booking/booking.schema.ts'
import {
  changeBookingStatus,
  isDoubleBookingError,
  recordBookingEvent,
} from '#app/domain/booking/booking-state.server.ts'
import { getDraftRow, getServiceRow, releaseHold } from '#app/domain/booking/wizard/draft.server.ts'
import { newReference } from '#app/domain/booking/wizard/hold.server.ts'
import { firstIncompleteStep } from '#app/domain/booking/wizard/steps.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { renderEmail } from '#app/domain/email/email-layout.server.tsx'
import { enqueueEmail } from '#app/domain/email/outbox.server.ts'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { waitlistMessages } from '#app/i18n/messages/index.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { logger } from '#app/utils/logger.server.ts'
import { formatDateAndTime } from '#app/utils/format.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import { newId } from '#db/schema/columns.ts'
import {
  bookingDrafts,
  bookings,
  practitioners,
  waitlistEntries,
  waitlistOffers,
} from '#db/schema/index.ts'
import { firstSuitingSlot, inOfferOrder, parseTimesOfDay } from './waitlist.rules.ts'
import { clinicForEmail, hashToken, newToken } from './waitlist-shared.server.ts'

/**
 * Offers (ADR 044): matching freed times to entries, holding each offered time, lapsing offers,
 * and handing a confirmed offer to the booking wizard. Joining and the staff's list are in
 * waitlist.server.ts.
 */

/** How long an offered time is kept for the patient before it goes to the next one. */
export const OFFER_HOLD_MINUTES = 30

/** Offers past their time lapse; their holds end, so the time is free for the next entry. */
function lapseOffers(tx: Tx, now: Date): number {
  const due = tx
    .select()
    .from(waitlistOffers)
    .where(and(eq(waitlistOffers.status, 'offered'), lte(waitlistOffers.expiresAt, now)))
    .all()
  for (const offer of due) endOffer(tx, offer, 'lapsed', SYSTEM_ACTOR, now)
  return due.length
}

export type OfferRow = typeof waitlistOffers.$inferSelect

export function endOffer(
  tx: Tx,
  offer: OfferRow,
  to: 'lapsed' | 'withdrawn',
  actor: AuditActor,
  now: Date,
): void {
  tx.update(waitlistOffers)
    .set({ status: to, respondedAt: now })
    .where(eq(waitlistOffers.id, offer.id))
    .run()
  const held = tx.select().from(bookings).where(eq(bookings.id, offer.bookingId)).get()
  if (held?.status === 'held')
    changeBookingStatus(tx, {
      booking: held,
      to: 'expired',
      actor: { type: 'system' },
      action: 'hold_expired',
      at: now,
      details: { waitlistOfferId: offer.id },
    })
  recordAuditEvent(tx, {
    action: to === 'lapsed' ? 'waitlist.offer_lapsed' : 'waitlist.offer_withdrawn',
    actor,
    subjectType: 'waitlist_offer',
    subjectId: offer.id,
    details: { entryId: offer.entryId, bookingId: offer.bookingId },
    at: now,
  })
}

function daysFromTo(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  )
}

/**
 * The waitlist's run: lapses offers past their time, then offers each active entry without an
 * open offer, first joined first, the earliest free time that suits it and that it was not
 * offered before. Each offer holds its time, so the next entry is offered another one. Returns
 * counts only (the scheduler logs them).
 */
export function offerFreedTimes(now: Date): { lapsed: number; offered: number } {
  const db = getDb()
  return db.transaction(
    (tx) => {
      const lapsed = lapseOffers(tx, now)
      const settings = getClinicSettings()
      const zone = settings.timeZone
      const today = localDateOf(now.getTime(), zone)
      const entries = inOfferOrder(
        tx
          .select()
          .from(waitlistEntries)
          .where(and(eq(waitlistEntries.status, 'active'), gte(waitlistEntries.toDate, today)))
          .all(),
      )
      if (entries.length === 0) return { lapsed, offered: 0 }
      const offers = tx
        .select({
          entryId: waitlistOffers.entryId,
          status: waitlistOffers.status,
          practitionerId: waitlistOffers.practitionerId,
          startAt: waitlistOffers.startAt,
        })
        .from(waitlistOffers)
        .where(
          inArray(
            waitlistOffers.entryId,
            entries.map((entry) => entry.id),
          ),
        )
        .all()
      let offered = 0
      for (const entry of entries) {
        const own = offers.filter((offer) => offer.entryId === entry.id)
        if (own.some((offer) => offer.status === 'offered')) continue
        const from = entry.fromDate < today ? today : entry.fromDate
        const days = Math.min(daysFromTo(from, entry.toDate), MAX_SEARCH_DAYS)
        if (days < 1) continue
        const found = findAvailableSlots(
          {
            serviceId: entry.serviceId,
            practitionerId: entry.practitionerId ?? 'any',
            fromDate: from,
            days,
            now,
          },
          tx,
        )
        const slot = firstSuitingSlot(
          {
            practitionerId: entry.practitionerId,
            fromDate: entry.fromDate,
            toDate: entry.toDate,
            timesOfDay: parseTimesOfDay(entry.timesOfDay),
          },
          found.days.flatMap((day) => day.slots),
          zone,
          own.map((offer) => ({
            practitionerId: offer.practitionerId,
            startAt: offer.startAt.getTime(),
          })),
          (getServiceRow(tx, entry.serviceId)?.durationMinutes ?? 0) * 60_000,
        )
        if (!slot) continue
        if (createOffer(tx, entry, slot, now)) offered++
      }
      return { lapsed, offered }
    },
    { behavior: 'immediate' },
  )
}

/**
 * The run after a cancellation or a move, so the freed time is offered at once rather than at
 * the scheduler's next turn. It never fails the change that freed the time: the scheduler's run
 * will find the same work.
 */
export function offerFreedTimesSoon(now: Date): void {
  try {
    offerFreedTimes(now)
  } catch (error) {
    logger.error(
      { errorName: error instanceof Error ? error.name : typeof error },
      'waitlist offers after a change failed',
    )
  }
}

type EntryRow = typeof waitlistEntries.$inferSelect

function createOffer(
  tx: Tx,
  entry: EntryRow,
  slot: { practitionerId: string; startAt: number },
  now: Date,
): boolean {
  const service = getServiceRow(tx, entry.serviceId)
  if (!service) return false
  const settings = getClinicSettings()
  const endAt = slot.startAt + service.durationMinutes * 60_000
  const blockedUntil = endAt + service.bufferAfterMinutes * 60_000
  const expiresAt = new Date(now.getTime() + OFFER_HOLD_MINUTES * 60_000)
  let booking: typeof bookings.$inferSelect
  try {
    booking = tx
      .insert(bookings)
      .values({
        id: newId(),
        reference: newReference(tx),
        serviceId: service.id,
        practitionerId: slot.practitionerId,
        status: 'held',
        startAt: new Date(slot.startAt),
        endAt: new Date(endAt),
        blockedUntil: new Date(blockedUntil),
        timeZone: settings.timeZone,
        holdExpiresAt: expiresAt,
        locale: entry.locale,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get()
  } catch (error) {
    // The database's overlap triggers have the last word (ADR 016): taken after all.
    if (isDoubleBookingError(error)) return false
    throw error
  }
  const { token, tokenHash } = newToken()
  const offerId = newId()
  tx.insert(waitlistOffers)
    .values({
      id: offerId,
      entryId: entry.id,
      bookingId: booking.id,
      practitionerId: slot.practitionerId,
      startAt: new Date(slot.startAt),
      expiresAt,
      status: 'offered',
      tokenHash,
      createdAt: now,
    })
    .run()
  recordBookingEvent(tx, {
    booking,
    actor: { type: 'system' },
    action: 'held',
    fromStatus: null,
    toStatus: 'held',
    at: now,
    details: { waitlistOfferId: offerId },
  })
  recordAuditEvent(tx, {
    action: 'waitlist.offered',
    actor: SYSTEM_ACTOR,
    subjectType: 'waitlist_offer',
    subjectId: offerId,
    details: { entryId: entry.id, bookingId: booking.id },
    at: now,
  })
  const practitioner = tx
    .select({ name: practitioners.displayName })
    .from(practitioners)
    .where(eq(practitioners.id, slot.practitionerId))
    .get()
  const t = translator(waitlistMessages, entry.locale)
  const clinic = clinicForEmail(tx)
  const when = formatDateAndTime(slot.startAt, settings.timeZone, entry.locale)
  const until = formatDateAndTime(expiresAt.getTime(), settings.timeZone, entry.locale)
  const { text, html } = renderEmail({
    locale: entry.locale,
    preview: t('offerEmailPreview', { when }),
    greeting: t('emailGreeting', { name: entry.fullName }),
    paragraphs: [
      t('offerEmailBody', { when, practitioner: practitioner?.name ?? '' }),
      t('offerEmailUntil', { until }),
    ],
    action: {
      label: t('offerEmailAction'),
      url: `${getEnv().APP_ORIGIN}/waitlist/offer?token=${token}`,
    },
    closing: [t('offerEmailFirst')],
    clinic,
  })
  enqueueEmail(
    tx,
    {
      dedupeKey: `waitlist-offer:${offerId}`,
      to: entry.email,
      subject: t('offerEmailSubject', { clinic: clinic.name }),
      text,
      html,
    },
    now,
  )
  return true
}

export type OfferState = 'open' | 'lapsed' | 'taken' | 'accepted' | 'withdrawn'

export type OfferView = {
  state: OfferState
  when: string
  until: string
  practitionerName: string
}

function offerByToken(tx: Tx | Db, token: string) {
  return tx
    .select()
    .from(waitlistOffers)
    .where(eq(waitlistOffers.tokenHash, hashToken(token)))
    .get()
}

/** Is the offer's time held by anyone else now (a booking, a hold, another offer)? */
function takenByOthers(tx: Tx | Db, offer: OfferRow, now: Date): boolean {
  const others = tx
    .select({ status: bookings.status, holdExpiresAt: bookings.holdExpiresAt })
    .from(bookings)
    .where(
      and(
        eq(bookings.practitionerId, offer.practitionerId),
        eq(bookings.startAt, offer.startAt),
        ne(bookings.id, offer.bookingId),
        inArray(bookings.status, [...OCCUPYING_STATUSES]),
      ),
    )
    .all()
  return others.some(
    (row) => row.status !== 'held' || (row.holdExpiresAt?.getTime() ?? 0) > now.getTime(),
  )
}

function stateOf(tx: Tx | Db, offer: OfferRow, now: Date): OfferState {
  if (offer.status === 'accepted') return 'accepted'
  if (offer.status === 'withdrawn') return 'withdrawn'
  if (offer.status === 'lapsed' || offer.expiresAt.getTime() <= now.getTime())
    return takenByOthers(tx, offer, now) ? 'taken' : 'lapsed'
  const held = tx
    .select({ status: bookings.status })
    .from(bookings)
    .where(eq(bookings.id, offer.bookingId))
    .get()
  return held?.status === 'held' ? 'open' : 'taken'
}

/** What the offer link shows; null for an unknown link. */
export function getOfferView(input: {
  token: string
  now: Date
  locale: Locale
}): OfferView | null {
  const tx = getDb()
  const offer = offerByToken(tx, input.token)
  if (!offer) return null
  const zone = getClinicSettings().timeZone
  const practitioner = tx
    .select({ name: practitioners.displayName })
    .from(practitioners)
    .where(eq(practitioners.id, offer.practitionerId))
    .get()
  return {
    state: stateOf(tx, offer, input.now),
    when: formatDateAndTime(offer.startAt.getTime(), zone, input.locale),
    until: formatDateAndTime(offer.expiresAt.getTime(), zone, input.locale),
    practitionerName: practitioner?.name ?? '',
  }
}

export type AcceptResult =
  { ok: true; next: string } | { ok: false; reason: 'not-found' | Exclude<OfferState, 'open'> }

/**
 * The patient takes the offered time: this browser's wizard starts on the offer's service with
 * the held time (kept at least the clinic's hold minutes from now), and the name and email
 * filled in. The patient still answers the health questions, gives their details, proves the
 * email and signs the consent before the booking is made. Refused, changing nothing, when the
 * offer lapsed, was withdrawn, or its time went to someone else.
 */
export function acceptOffer(input: {
  token: string
  session: PatientSession
  now: Date
  actor: AuditActor
}): AcceptResult {
  const db = getDb()
  return db.transaction(
    (tx): AcceptResult => {
      const offer = offerByToken(tx, input.token)
      if (!offer) return { ok: false, reason: 'not-found' }
      const existing = getDraftRow(tx, input.session.tokenHash)
      if (offer.status === 'accepted') {
        // The same browser pressing again: on with its wizard.
        if (existing?.heldBookingId === offer.bookingId) return { ok: true, next: '/book' }
        return { ok: false, reason: 'accepted' }
      }
      const state = stateOf(tx, offer, input.now)
      if (state !== 'open') return { ok: false, reason: state }
      const entry = tx
        .select()
        .from(waitlistEntries)
        .where(eq(waitlistEntries.id, offer.entryId))
        .get()!
      const service = getServiceRow(tx, entry.serviceId)
      if (!service) return { ok: false, reason: 'withdrawn' }
      if (existing) {
        releaseHold(tx, existing, input.now)
        tx.delete(bookingDrafts).where(eq(bookingDrafts.id, existing.id)).run()
      }
      tx.insert(bookingDrafts)
        .values({
          sessionTokenHash: input.session.tokenHash,
          serviceId: service.id,
          heldBookingId: offer.bookingId,
          fullName: entry.fullName,
          email: entry.email,
          locale: entry.locale,
          createdAt: input.now,
        })
        .run()
      const holdMinutes = getClinicSettings().holdMinutes
      const keepUntil = Math.max(
        offer.expiresAt.getTime(),
        input.now.getTime() + holdMinutes * 60_000,
      )
      tx.update(bookings)
        .set({ holdExpiresAt: new Date(keepUntil), updatedAt: input.now })
        .where(eq(bookings.id, offer.bookingId))
        .run()
      tx.update(waitlistOffers)
        .set({ status: 'accepted', respondedAt: input.now })
        .where(eq(waitlistOffers.id, offer.id))
        .run()
      tx.update(waitlistEntries)
        .set({ status: 'accepted', updatedAt: input.now })
        .where(eq(waitlistEntries.id, entry.id))
        .run()
      recordAuditEvent(tx, {
        action: 'waitlist.offer_accepted',
        actor: input.actor,
        subjectType: 'waitlist_offer',
        subjectId: offer.id,
        details: { entryId: entry.id, bookingId: offer.bookingId },
        at: input.now,
      })
      const needsScreening = service.kind === 'treatment'
      const next = firstIncompleteStep({
        hasService: true,
        needsScreening,
        screeningDone: !needsScreening,
        hasHold: true,
        hasDetails: false,
        emailVerified: false,
        needsConsent: needsScreening,
        hasConsent: false,
        isBooked: false,
      })
      return { ok: true, next: next.path }
    },
    { behavior: 'immediate' },
  )
}

import { count, eq } from 'drizzle-orm'
import { appointmentCalendarText, buildAppointmentIcs } from '#app/domain/email/calendar.server.ts'
import { type OutgoingEmail } from '#app/domain/email/outbox.server.ts'
import { type EmailContent, renderEmail } from '#app/domain/email/email-layout.server.tsx'
import {
  formatAppointment,
  formatDateInZone,
  formatPrice,
  formatTimeInZone,
} from '#app/utils/format.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { type Tx } from '#db/client.server.ts'
import {
  bookingEvents,
  bookings,
  clinicSettings,
  patients,
  practitioners,
  services,
} from '#db/schema/index.ts'
import { createManageLink } from './manage-links.server.ts'
import { aftercareMessage, preVisitAdvice } from '#app/domain/clinical-content/tier-content.ts'
import { type ServiceTier } from '#app/domain/clinic/clinic.schema.ts'
import { translate, translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { emailsMessages } from '#app/i18n/messages/index.ts'

/**
 * Booking emails. Privacy rule (security goal D8, docs/product.md section 8): no health details and no
 * treatment name in any email or calendar file. They say when, where and with whom, and link to
 * the booking page, where the patient sees the rest after proving their email.
 *
 * Every word is in the booking's language (ADR 038), English when none is given: the clinical
 * advice too (before the visit, aftercare), from clinical-content's text in that language.
 */
export type BookingEmailContext = {
  bookingId: string
  reference: string
  status: string
  startAt: Date
  endAt: Date
  timeZone: string
  isConsultation: boolean
  /** The service's tier: which general advice applies (never named in an email). */
  tier: ServiceTier
  practitionerName: string
  patientName: string
  patientEmail: string
  clinic: { name: string; phone: string; email: string; address: string }
  /** The service's price, said in the confirmation (null when the clinic shows none). */
  priceCents: number | null
  /** How long before the visit it can still be cancelled online: the policy in the emails. */
  cancellationWindowHours: number
  manageUrl: string
  /** Number of recorded changes: the calendar file's SEQUENCE. */
  sequence: number
  /** The patient's language: the booking's, else the clinic's default (English when absent). */
  locale?: Locale
}

/**
 * Everything an email about this booking needs, with a new manage link for it. An email about a
 * cancellation gets no link (links stop working when their booking is cancelled): its manageUrl
 * is the "find my booking" page.
 */
export function loadBookingEmailContext(
  tx: Tx,
  bookingId: string,
  now: Date,
  options: { manageLink?: boolean } = {},
): BookingEmailContext {
  const row = tx
    .select({
      booking: bookings,
      practitionerName: practitioners.displayName,
      serviceKind: services.kind,
      serviceTier: services.tier,
      priceCents: services.priceCents,
      patientName: patients.fullName,
      patientEmail: patients.email,
    })
    .from(bookings)
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .where(eq(bookings.id, bookingId))
    .get()
  if (!row) throw new Error(`Booking ${bookingId} has no patient to write to`)
  const clinic = tx
    .select({
      name: clinicSettings.name,
      phone: clinicSettings.phone,
      email: clinicSettings.email,
      address: clinicSettings.address,
      cancellationWindowHours: clinicSettings.cancellationWindowHours,
      defaultLocale: clinicSettings.defaultLocale,
    })
    .from(clinicSettings)
    .get()
  if (!clinic) throw new Error('The clinic has no settings row')
  const changes =
    tx
      .select({ n: count() })
      .from(bookingEvents)
      .where(eq(bookingEvents.bookingId, bookingId))
      .get()?.n ?? 0
  return {
    bookingId,
    reference: row.booking.reference,
    status: row.booking.status,
    startAt: row.booking.startAt,
    endAt: row.booking.endAt,
    timeZone: row.booking.timeZone,
    isConsultation: row.serviceKind === 'consultation',
    tier: row.serviceTier,
    practitionerName: row.practitionerName,
    patientName: row.patientName,
    patientEmail: row.patientEmail,
    clinic: {
      name: clinic.name,
      phone: clinic.phone,
      email: clinic.email,
      address: clinic.address,
    },
    priceCents: row.priceCents,
    cancellationWindowHours: clinic.cancellationWindowHours,
    manageUrl:
      options.manageLink === false
        ? `${getEnv().APP_ORIGIN}/bookings`
        : createManageLink(tx, { bookingId, appointmentStartAt: row.booking.startAt, now }),
    sequence: changes,
    locale: bookingLocale(row.booking.locale, clinic.defaultLocale),
  }
}

/** The language a booking's emails speak: its own, or for a booking made before, the clinic's. */
export function bookingLocale(locale: Locale | null, clinicDefault: Locale): Locale {
  return locale ?? clinicDefault
}

function localeOf(context: BookingEmailContext): Locale {
  return context.locale ?? 'en'
}

function tFor(context: BookingEmailContext) {
  return translator(emailsMessages, localeOf(context))
}

function calendarFor(context: BookingEmailContext, cancelled = false) {
  const origin = getEnv().APP_ORIGIN
  const host = new URL(origin).hostname
  const locale = localeOf(context)
  return {
    filename: 'appointment.ics',
    content: buildAppointmentIcs({
      uid: `${context.bookingId}@${host}`,
      sequence: context.sequence,
      startAt: context.startAt,
      endAt: context.endAt,
      ...appointmentCalendarText(
        {
          clinicName: context.clinic.name,
          reference: context.reference,
          phone: context.clinic.phone,
          origin,
        },
        locale,
      ),
      location: context.clinic.address,
      url: `${origin}/bookings`,
      cancelled,
      locale,
    }),
  }
}

function when(context: BookingEmailContext): string {
  return formatAppointment(context.startAt, context.endAt, context.timeZone, localeOf(context))
}

/** "Monday 8 March 2027" and "10:00" of an instant, in the booking's zone and language. */
function dateAndTime(context: BookingEmailContext, instant: Date) {
  const locale = localeOf(context)
  return {
    date: formatDateInZone(instant, context.timeZone, locale),
    time: formatTimeInZone(instant, context.timeZone, locale),
  }
}

/** The tier's pre-visit advice, with the booked visit's own length (ADR 033), in its language. */
function beforeYourVisit(context: BookingEmailContext) {
  return {
    heading: tFor(context)('beforeVisit'),
    items: preVisitAdvice({
      tier: context.tier,
      isConsultation: context.isConsultation,
      visitMinutes: Math.round((context.endAt.getTime() - context.startAt.getTime()) / 60_000),
      locale: localeOf(context),
    }),
  }
}

/** What a patient brings to any visit (not clinical: the same for every treatment). */
export function whatToBring(locale: Locale = 'en'): string[] {
  return [
    translate(emailsMessages, locale, 'bringId'),
    translate(emailsMessages, locale, 'bringMedicines'),
  ]
}

/** What to bring, in English (as the English emails say it). */
export const WHAT_TO_BRING = whatToBring('en')

function whatToBringSection(context: BookingEmailContext) {
  return { heading: tFor(context)('whatToBring'), items: whatToBring(localeOf(context)) }
}

/** A link that shows the clinic on a map (OpenStreetMap: no tracking, works everywhere). */
export function mapLinkFor(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`
}

/** The cancellation policy for this booking, in the patient's words. */
function cancellationPolicy(context: BookingEmailContext): string {
  const deadline = new Date(context.startAt.getTime() - context.cancellationWindowHours * 3600_000)
  return tFor(context)('cancellationPolicy', {
    ...dateAndTime(context, deadline),
    hours: context.cancellationWindowHours,
    phone: context.clinic.phone,
  })
}

function appointmentFacts(context: BookingEmailContext, options: { newTime?: boolean } = {}) {
  const t = tFor(context)
  return [
    { label: t(options.newTime ? 'factNewTime' : 'factWhen'), value: when(context) },
    { label: t('factWith'), value: context.practitionerName },
    {
      label: t('factWhere'),
      value: context.clinic.address,
      href: mapLinkFor(context.clinic.address),
    },
    referenceFact(context),
  ]
}

function referenceFact(context: BookingEmailContext) {
  return { label: tFor(context)('factReference'), value: context.reference }
}

const manageAction = (context: BookingEmailContext) => ({
  label: tFor(context)('manage'),
  url: context.manageUrl,
})

function greeting(context: BookingEmailContext): string {
  return tFor(context)('greeting', { name: context.patientName })
}

function message(
  context: BookingEmailContext,
  key: string,
  subject: string,
  content: Omit<EmailContent, 'clinic' | 'locale'>,
  cancelled = false,
): OutgoingEmail {
  const { text, html } = renderEmail({
    ...content,
    clinic: context.clinic,
    locale: localeOf(context),
  })
  return {
    dedupeKey: key,
    to: context.patientEmail,
    subject,
    text,
    html,
    calendar: calendarFor(context, cancelled),
    bookingId: context.bookingId,
  }
}

export function bookingConfirmedEmail(context: BookingEmailContext): OutgoingEmail {
  const t = tFor(context)
  const pending = context.status === 'pending_review'
  const price = formatPrice(context.priceCents, localeOf(context))
  return message(
    context,
    `booking:${context.bookingId}:booked`,
    t(pending ? 'receivedSubject' : 'confirmedSubject', { reference: context.reference }),
    {
      preview: t('whenWith', { when: when(context), practitioner: context.practitionerName }),
      greeting: greeting(context),
      paragraphs: [pending ? t('received') : t('booked')],
      facts: [
        ...appointmentFacts(context),
        ...(price ? [{ label: t('factPrice'), value: t('priceAtClinic', { price }) }] : []),
      ],
      action: manageAction(context),
      sections: [
        beforeYourVisit(context),
        whatToBringSection(context),
        { heading: t('ifCancel'), items: [cancellationPolicy(context)] },
      ],
      closing: [t('calendarAdds')],
    },
  )
}

export function bookingRescheduledEmail(
  context: BookingEmailContext,
  previousStartAt: Date,
  eventId: string,
): OutgoingEmail {
  const t = tFor(context)
  return message(
    context,
    `booking:${context.bookingId}:rescheduled:${eventId}`,
    t('movedSubject', { reference: context.reference }),
    {
      preview: t('movedPreview', { when: when(context) }),
      greeting: greeting(context),
      paragraphs: [t('movedFrom', dateAndTime(context, previousStartAt))],
      facts: appointmentFacts(context, { newTime: true }),
      action: manageAction(context),
      closing: [t('calendarUpdates')],
    },
  )
}

export function cancellationEmail(
  context: BookingEmailContext,
  input: { byClinic: boolean; reason: string | null },
): OutgoingEmail {
  const t = tFor(context)
  return message(
    context,
    `booking:${context.bookingId}:cancelled`,
    t('cancelledSubject', { reference: context.reference }),
    {
      preview: t('cancelledPreview', { when: when(context) }),
      greeting: greeting(context),
      paragraphs: [
        t(input.byClinic ? 'cancelledByClinic' : 'cancelledAsAsked', { when: when(context) }),
        ...(input.byClinic && input.reason ? [t('cancelledReason', { reason: input.reason })] : []),
        input.byClinic
          ? t('cancelledCallUs', { phone: context.clinic.phone })
          : t('cancelledBookAgain'),
      ],
      facts: [referenceFact(context)],
      action: { label: t('bookNewTime'), url: `${getEnv().APP_ORIGIN}/book` },
      closing: [t('calendarRemoves')],
    },
    true,
  )
}

/** The 6-digit code that proves an email address, in the language of the page that asked. */
export function verificationCodeEmail(input: {
  verificationId: string
  to: string
  code: string
  clinic: EmailContent['clinic']
  minutesValid: number
  locale?: Locale
}): OutgoingEmail {
  const locale = input.locale ?? 'en'
  const t = translator(emailsMessages, locale)
  const { text, html } = renderEmail({
    locale,
    preview: t('codePreview'),
    paragraphs: [
      t('codeIs', { code: input.code }),
      t('codeUse', { minutes: input.minutesValid }),
      t('codeIgnore'),
    ],
    clinic: input.clinic,
  })
  return {
    dedupeKey: `verification:${input.verificationId}`,
    to: input.to,
    // Never the code itself: subjects show on lock screens and in notification previews.
    subject: t('codeSubject', { clinic: input.clinic.name }),
    text,
    html,
  }
}

/** 48 hours before: when, where, with whom, and the general pre-visit advice. */
export function reminderEmail(context: BookingEmailContext): OutgoingEmail {
  const t = tFor(context)
  const whenWith = { when: when(context), practitioner: context.practitionerName }
  return message(
    context,
    `booking:${context.bookingId}:reminder_48h`,
    t('reminderSubject', { date: dateAndTime(context, context.startAt).date }),
    {
      preview: t('whenWith', whenWith),
      greeting: greeting(context),
      paragraphs: [t('reminder', whenWith)],
      // The time is in the paragraph: the facts say the rest.
      facts: appointmentFacts(context).slice(1),
      action: { label: t('reminderAction'), url: context.manageUrl },
      sections: [beforeYourVisit(context), whatToBringSection(context)],
    },
  )
}

/** A follow-up that is not about one appointment's time: no calendar file attached. */
function followUpMessage(
  context: BookingEmailContext,
  key: string,
  subject: string,
  content: Omit<EmailContent, 'clinic' | 'greeting' | 'locale'>,
): OutgoingEmail {
  const { text, html } = renderEmail({
    ...content,
    greeting: greeting(context),
    clinic: context.clinic,
    locale: localeOf(context),
  })
  return {
    dedupeKey: key,
    to: context.patientEmail,
    subject,
    text,
    html,
    bookingId: context.bookingId,
  }
}

/**
 * Day 1, 3 or 7 after the treatment: what is normal now, what to do, when to call. The stage's
 * lines are the tier's clinical text in the booking's language.
 */
export function aftercareEmail(context: BookingEmailContext, day: 1 | 3 | 7): OutgoingEmail {
  const t = tFor(context)
  const content = aftercareMessage(context.tier, day, localeOf(context))
  const subject = t('aftercareSubject', { day })
  return followUpMessage(context, `booking:${context.bookingId}:aftercare_day${day}`, subject, {
    preview: subject,
    paragraphs: content.lines,
    action: { label: t('aftercareAction'), url: context.manageUrl },
    closing: [t('aftercareWorried', { phone: context.clinic.phone })],
  })
}

export function nextSessionEmail(context: BookingEmailContext): OutgoingEmail {
  const t = tFor(context)
  return followUpMessage(
    context,
    `booking:${context.bookingId}:next_session`,
    t('nextSessionSubject'),
    {
      preview: t('nextSessionPreview'),
      paragraphs: [t('nextSession')],
      action: { label: t('bookItHere'), url: `${getEnv().APP_ORIGIN}/book` },
    },
  )
}

export function maintenanceEmail(context: BookingEmailContext): OutgoingEmail {
  const t = tFor(context)
  return followUpMessage(
    context,
    `booking:${context.bookingId}:maintenance`,
    t('maintenanceSubject'),
    {
      preview: t('maintenancePreview'),
      paragraphs: [t('maintenance')],
      action: { label: t('maintenanceAction'), url: `${getEnv().APP_ORIGIN}/book` },
    },
  )
}

/*
 * Screening decisions. Same privacy rule: no answer, question, reason or note is ever written in
 * an email; the patient reads them on the booking page after opening the link.
 */

export function screeningApprovedEmail(
  context: BookingEmailContext,
  eventId: string,
): OutgoingEmail {
  const t = tFor(context)
  return message(
    context,
    `booking:${context.bookingId}:screening-approved:${eventId}`,
    t('confirmedSubject', { reference: context.reference }),
    {
      preview: t('approvedPreview', { when: when(context) }),
      greeting: greeting(context),
      paragraphs: [t('approved')],
      facts: appointmentFacts(context),
      action: manageAction(context),
      sections: [whatToBringSection(context)],
      closing: [t('calendarAdds')],
    },
  )
}

export function screeningDeclinedEmail(
  context: BookingEmailContext,
  eventId: string,
): OutgoingEmail {
  const t = tFor(context)
  return message(
    context,
    `booking:${context.bookingId}:screening-declined:${eventId}`,
    t('declinedSubject', { reference: context.reference }),
    {
      preview: t('declinedPreview'),
      greeting: greeting(context),
      paragraphs: [
        t('declined', { when: when(context) }),
        t('declinedTalk', { phone: context.clinic.phone, url: `${getEnv().APP_ORIGIN}/book` }),
      ],
      facts: [referenceFact(context)],
      action: { label: t('declinedAction'), url: context.manageUrl },
      closing: [t('calendarRemoves')],
    },
    true,
  )
}

export function screeningQuestionEmail(
  context: BookingEmailContext,
  eventId: string,
): OutgoingEmail {
  const t = tFor(context)
  return message(
    context,
    `booking:${context.bookingId}:screening-question:${eventId}`,
    t('questionSubject', { reference: context.reference }),
    {
      preview: t('questionPreview'),
      greeting: greeting(context),
      paragraphs: [t('question', { when: when(context) }), t('questionKept')],
      facts: [referenceFact(context)],
      action: { label: t('questionAction'), url: context.manageUrl },
    },
  )
}

/*
 * Staff booked it for a caller (ADR 042): the patient still answers the health questions and
 * signs the consent from home. The email names the two tasks, never a question or an answer.
 */

function formsSection(context: BookingEmailContext) {
  const t = tFor(context)
  return { heading: t('formsToDo'), items: [t('formsAnswer'), t('formsSign')] }
}

/** The booking staff made: when, where, with whom, and the forms to fill in from the link. */
export function staffBookedEmail(context: BookingEmailContext): OutgoingEmail {
  const t = tFor(context)
  return message(
    context,
    `booking:${context.bookingId}:booked`,
    t('confirmedSubject', { reference: context.reference }),
    {
      preview: t('whenWith', { when: when(context), practitioner: context.practitionerName }),
      greeting: greeting(context),
      paragraphs: [t('formsBooked'), t('formsWhy')],
      facts: appointmentFacts(context),
      action: { label: t('formsAction'), url: context.manageUrl },
      sections: [
        formsSection(context),
        whatToBringSection(context),
        { heading: t('ifCancel'), items: [cancellationPolicy(context)] },
      ],
      closing: [t('calendarAdds')],
    },
  )
}

/** 72 or 24 hours before a visit whose forms are still missing; the key makes each one once. */
export function formsReminderEmail(context: BookingEmailContext, dedupeKey: string): OutgoingEmail {
  const t = tFor(context)
  return followUpMessage(
    context,
    dedupeKey,
    t('formsReminderSubject', { date: dateAndTime(context, context.startAt).date }),
    {
      preview: t('formsReminderPreview'),
      paragraphs: [t('formsReminder', { when: when(context) }), t('formsWhy')],
      action: { label: t('formsAction'), url: context.manageUrl },
      sections: [formsSection(context)],
    },
  )
}

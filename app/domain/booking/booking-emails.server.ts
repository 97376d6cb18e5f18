import { count, eq } from 'drizzle-orm'
import { buildAppointmentIcs } from '#app/domain/email/calendar.server.ts'
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

/**
 * Booking emails. Privacy rule (security goal D8, docs/product.md section 8): no health details and no
 * treatment name in any email or calendar file. They say when, where and with whom, and link to
 * the booking page, where the patient sees the rest after proving their email.
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
  }
}

function calendarFor(context: BookingEmailContext, cancelled = false) {
  const host = new URL(getEnv().APP_ORIGIN).hostname
  return {
    filename: 'appointment.ics',
    content: buildAppointmentIcs({
      uid: `${context.bookingId}@${host}`,
      sequence: context.sequence,
      startAt: context.startAt,
      endAt: context.endAt,
      title: `Appointment at ${context.clinic.name}`,
      description: `Booking ${context.reference}. Manage your booking: ${getEnv().APP_ORIGIN}/bookings. Phone ${context.clinic.phone}.`,
      location: context.clinic.address,
      url: `${getEnv().APP_ORIGIN}/bookings`,
      cancelled,
    }),
  }
}

function when(context: BookingEmailContext): string {
  return formatAppointment(context.startAt, context.endAt, context.timeZone)
}

/** The tier's pre-visit advice, with the booked visit's own length (ADR 033). */
function beforeYourVisit(context: BookingEmailContext): string[] {
  return preVisitAdvice({
    tier: context.tier,
    isConsultation: context.isConsultation,
    visitMinutes: Math.round((context.endAt.getTime() - context.startAt.getTime()) / 60_000),
  })
}

/** What a patient brings to any visit (not clinical: the same for every treatment). */
export const WHAT_TO_BRING = [
  'An identity document: we check who you are when you arrive.',
  'The names of any medicines, supplements or skin creams you use.',
]

/** A link that shows the clinic on a map (OpenStreetMap: no tracking, works everywhere). */
export function mapLinkFor(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`
}

/** The cancellation policy for this booking, in the patient's words. */
function cancellationPolicy(context: BookingEmailContext): string {
  const deadline = new Date(context.startAt.getTime() - context.cancellationWindowHours * 3600_000)
  return `You can cancel or move your booking online, free of charge, until ${formatDateInZone(deadline, context.timeZone)} at ${formatTimeInZone(deadline, context.timeZone)} (${context.cancellationWindowHours} hours before). After that, please call us on ${context.clinic.phone}.`
}

function appointmentFacts(context: BookingEmailContext, label = 'When') {
  return [
    { label, value: when(context) },
    { label: 'With', value: context.practitionerName },
    { label: 'Where', value: context.clinic.address, href: mapLinkFor(context.clinic.address) },
    { label: 'Reference', value: context.reference },
  ]
}

const manageAction = (context: BookingEmailContext) => ({
  label: 'See, move or cancel your booking',
  url: context.manageUrl,
})

function message(
  context: BookingEmailContext,
  key: string,
  subject: string,
  content: Omit<EmailContent, 'clinic'>,
  cancelled = false,
): OutgoingEmail {
  const { text, html } = renderEmail({ ...content, clinic: context.clinic })
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
  const pending = context.status === 'pending_review'
  const price = formatPrice(context.priceCents)
  return message(
    context,
    `booking:${context.bookingId}:booked`,
    pending
      ? `Booking received, waiting for a clinician: ${context.reference}`
      : `Booking confirmed: ${context.reference}`,
    {
      preview: `${when(context)} with ${context.practitionerName}`,
      greeting: `Dear ${context.patientName},`,
      paragraphs: [
        pending
          ? 'Thank you. We have reserved this time for you. A clinician will look at your answers before your visit and we will email you when it is confirmed.'
          : 'Your appointment is booked.',
      ],
      facts: [
        ...appointmentFacts(context),
        ...(price ? [{ label: 'Price', value: `${price}, paid at the clinic` }] : []),
      ],
      action: manageAction(context),
      sections: [
        { heading: 'Before your visit', items: beforeYourVisit(context) },
        { heading: 'What to bring', items: WHAT_TO_BRING },
        { heading: 'If you need to cancel', items: [cancellationPolicy(context)] },
      ],
      closing: ['The calendar file attached adds the appointment to your calendar.'],
    },
  )
}

export function bookingRescheduledEmail(
  context: BookingEmailContext,
  previousStartAt: Date,
  eventId: string,
): OutgoingEmail {
  return message(
    context,
    `booking:${context.bookingId}:rescheduled:${eventId}`,
    `Booking moved: ${context.reference}`,
    {
      preview: `New time: ${when(context)}`,
      greeting: `Dear ${context.patientName},`,
      paragraphs: [
        `Your appointment has moved from ${formatDateInZone(previousStartAt, context.timeZone)} at ${formatTimeInZone(previousStartAt, context.timeZone)}.`,
      ],
      facts: appointmentFacts(context, 'New time'),
      action: manageAction(context),
      closing: ['The attached calendar file updates the entry in your calendar.'],
    },
  )
}

export function cancellationEmail(
  context: BookingEmailContext,
  input: { byClinic: boolean; reason: string | null },
): OutgoingEmail {
  return message(
    context,
    `booking:${context.bookingId}:cancelled`,
    `Booking cancelled: ${context.reference}`,
    {
      preview: `Your appointment on ${when(context)} is cancelled`,
      greeting: `Dear ${context.patientName},`,
      paragraphs: [
        input.byClinic
          ? `We are sorry: we have had to cancel your appointment on ${when(context)}.`
          : `Your appointment on ${when(context)} is cancelled, as you asked.`,
        ...(input.byClinic && input.reason ? [`Reason: ${input.reason}`] : []),
        input.byClinic
          ? `Please book a new time or call us on ${context.clinic.phone}.`
          : 'You can book again at any time.',
      ],
      facts: [{ label: 'Reference', value: context.reference }],
      action: { label: 'Book a new time', url: `${getEnv().APP_ORIGIN}/book` },
      closing: ['The attached calendar file removes the entry from your calendar.'],
    },
    true,
  )
}

/** The 6-digit code that proves an email address. */
export function verificationCodeEmail(input: {
  verificationId: string
  to: string
  code: string
  clinic: EmailContent['clinic']
  minutesValid: number
}): OutgoingEmail {
  const { text, html } = renderEmail({
    preview: 'Your code to confirm this email address',
    paragraphs: [
      `Your code is ${input.code}`,
      `Type it on the booking page to confirm this email address. It works for ${input.minutesValid} minutes.`,
      'If you did not ask for it, you can ignore this email.',
    ],
    clinic: input.clinic,
  })
  return {
    dedupeKey: `verification:${input.verificationId}`,
    to: input.to,
    // Never the code itself: subjects show on lock screens and in notification previews.
    subject: `Your email code for ${input.clinic.name}`,
    text,
    html,
  }
}

/** 48 hours before: when, where, with whom, and the general pre-visit advice. */
export function reminderEmail(context: BookingEmailContext): OutgoingEmail {
  return message(
    context,
    `booking:${context.bookingId}:reminder_48h`,
    `Reminder: your appointment on ${formatDateInZone(context.startAt, context.timeZone)}`,
    {
      preview: `${when(context)} with ${context.practitionerName}`,
      greeting: `Dear ${context.patientName},`,
      paragraphs: [
        `A reminder of your appointment: ${when(context)}, with ${context.practitionerName}.`,
      ],
      facts: appointmentFacts(context).filter((fact) => fact.label !== 'When'),
      action: {
        label: 'To move or cancel it, or if anything about your health has changed',
        url: context.manageUrl,
      },
      sections: [
        { heading: 'Before your visit', items: beforeYourVisit(context) },
        { heading: 'What to bring', items: WHAT_TO_BRING },
      ],
    },
  )
}

/** A follow-up that is not about one appointment's time: no calendar file attached. */
function followUpMessage(
  context: BookingEmailContext,
  key: string,
  subject: string,
  content: Omit<EmailContent, 'clinic' | 'greeting'>,
): OutgoingEmail {
  const { text, html } = renderEmail({
    ...content,
    greeting: `Dear ${context.patientName},`,
    clinic: context.clinic,
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

/** Day 1, 3 or 7 after the treatment: what is normal now, what to do, when to call. */
export function aftercareEmail(context: BookingEmailContext, day: 1 | 3 | 7): OutgoingEmail {
  const content = aftercareMessage(context.tier, day)
  return followUpMessage(
    context,
    `booking:${context.bookingId}:aftercare_day${day}`,
    content.subject,
    {
      preview: content.subject,
      paragraphs: content.lines,
      action: { label: 'Your aftercare plan, and when to call us', url: context.manageUrl },
      closing: [`If something worries you, call us on ${context.clinic.phone}.`],
    },
  )
}

export function nextSessionEmail(context: BookingEmailContext): OutgoingEmail {
  return followUpMessage(
    context,
    `booking:${context.bookingId}:next_session`,
    'Time to book your next session',
    {
      preview: 'Your next session is due in about a week',
      paragraphs: [
        'Your next session of the course is due in about a week. Sessions work best at the planned gap.',
      ],
      action: { label: 'Book it here', url: `${getEnv().APP_ORIGIN}/book` },
    },
  )
}

export function maintenanceEmail(context: BookingEmailContext): OutgoingEmail {
  return followUpMessage(
    context,
    `booking:${context.bookingId}:maintenance`,
    'Keeping your results',
    {
      preview: 'A session to keep your results',
      paragraphs: [
        'A few months have passed since your last session. Many people keep their results with a session two or three times a year.',
      ],
      action: { label: 'If you would like one, book here', url: `${getEnv().APP_ORIGIN}/book` },
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
  return message(
    context,
    `booking:${context.bookingId}:screening-approved:${eventId}`,
    `Booking confirmed: ${context.reference}`,
    {
      preview: `Confirmed: ${when(context)}`,
      greeting: `Dear ${context.patientName},`,
      paragraphs: ['A clinician has checked your answers. Your appointment is confirmed.'],
      facts: appointmentFacts(context),
      action: manageAction(context),
      sections: [{ heading: 'What to bring', items: WHAT_TO_BRING }],
      closing: ['The calendar file attached adds the appointment to your calendar.'],
    },
  )
}

export function screeningDeclinedEmail(
  context: BookingEmailContext,
  eventId: string,
): OutgoingEmail {
  return message(
    context,
    `booking:${context.bookingId}:screening-declined:${eventId}`,
    `We cannot go ahead with your booking: ${context.reference}`,
    {
      preview: 'About your booking',
      greeting: `Dear ${context.patientName},`,
      paragraphs: [
        `We are sorry: after checking your answers, a clinician has decided that we cannot go ahead with your appointment on ${when(context)}. We have freed the time.`,
        `If you would like to talk about it, or book a consultation instead, please call us on ${context.clinic.phone} or book at ${getEnv().APP_ORIGIN}/book.`,
      ],
      facts: [{ label: 'Reference', value: context.reference }],
      action: { label: 'You can read why on your booking page', url: context.manageUrl },
      closing: ['The attached calendar file removes the entry from your calendar.'],
    },
    true,
  )
}

export function screeningQuestionEmail(
  context: BookingEmailContext,
  eventId: string,
): OutgoingEmail {
  return message(
    context,
    `booking:${context.bookingId}:screening-question:${eventId}`,
    `A question about your booking: ${context.reference}`,
    {
      preview: 'A clinician has a question for you',
      greeting: `Dear ${context.patientName},`,
      paragraphs: [
        `Before your appointment on ${when(context)}, a clinician has a question for you.`,
        'Your time stays reserved while we wait for your answer.',
      ],
      facts: [{ label: 'Reference', value: context.reference }],
      action: { label: 'Please open your booking to read it and answer', url: context.manageUrl },
    },
  )
}

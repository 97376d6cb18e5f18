import { createEvent } from 'ics'
import { translate } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { calendarMessages } from '#app/i18n/messages/index.ts'

export type AppointmentCalendarEvent = {
  /** Stable per booking, so a reschedule or cancellation updates the same calendar entry. */
  uid: string
  /** Increases with every change to the appointment (RFC 5545 SEQUENCE). */
  sequence: number
  startAt: Date
  endAt: Date
  title: string
  description: string
  location: string
  url: string
  cancelled?: boolean
  /** The patient's language: the reminder alarm's words (title and description come in it). */
  locale?: Locale
}

/** The entry's title and description in the patient's language (ADR 038). */
export function appointmentCalendarText(
  input: { clinicName: string; reference: string; phone: string; origin: string },
  locale: Locale = 'en',
): { title: string; description: string } {
  return {
    title: translate(calendarMessages, locale, 'title', { clinic: input.clinicName }),
    description: translate(calendarMessages, locale, 'description', {
      reference: input.reference,
      url: `${input.origin}/bookings`,
      phone: input.phone,
    }),
  }
}

/**
 * An .ics file for one appointment, in UTC. It names the clinic and links to the booking page;
 * it never carries the treatment or anything about the patient's health.
 */
export function buildAppointmentIcs(event: AppointmentCalendarEvent): string {
  const { error, value } = createEvent({
    uid: event.uid,
    sequence: event.sequence,
    start: event.startAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.endAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: event.title,
    description: event.description,
    location: event.location,
    url: event.url,
    status: event.cancelled ? 'CANCELLED' : 'CONFIRMED',
    method: event.cancelled ? 'CANCEL' : 'PUBLISH',
    productId: 'dermadesk/booking',
    classification: 'PRIVATE',
    busyStatus: 'BUSY',
    alarms: event.cancelled
      ? []
      : [
          {
            action: 'display',
            description: translate(calendarMessages, event.locale ?? 'en', 'alarm'),
            trigger: { hours: 24, before: true },
          },
        ],
  })
  if (error || !value) throw error ?? new Error('Could not build the calendar file')
  return value
}

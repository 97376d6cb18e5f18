import { type ReactNode } from 'react'
import { BookingSummary, StatusBadge } from '#app/components/booking/booking-summary.tsx'
import { type MessageKey, type Translator } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { type Locale } from '#app/i18n/locales.ts'
import { visitMessages } from '#app/i18n/messages/index.ts'
import { formatAppointment, formatCalendarDate } from '#app/utils/format.ts'

export type StaffBookingFacts = {
  booking: {
    reference: string
    /** Not every page loads it (treatment: an open visit is confirmed or pending). */
    status?: string
    startAt: number
    endAt: number
    serviceName: string
    practitionerName: string
  }
  patient?: { dateOfBirth: string }
  timeZone: string
}

type Row = [string, ReactNode]

function standardRows(
  { booking, patient, timeZone }: StaffBookingFacts,
  t: Translator<MessageKey<typeof visitMessages>>,
  locale: Locale,
) {
  return {
    when: [t('rowWhen'), formatAppointment(booking.startAt, booking.endAt, timeZone, locale)],
    status: [
      t('rowStatus'),
      booking.status ? <StatusBadge key="status" status={booking.status} /> : null,
    ],
    treatment: [t('rowTreatment'), booking.serviceName],
    practitioner: [t('rowPractitioner'), booking.practitionerName],
    reference: [t('rowBooking'), booking.reference],
    dateOfBirth: [
      t('rowDateOfBirth'),
      patient ? formatCalendarDate(patient.dateOfBirth, locale) : null,
    ],
  } satisfies Record<string, Row>
}

export type StaffBookingRow = keyof ReturnType<typeof standardRows> | Row

/**
 * One appointment's facts on the staff pages (the appointment, check-in, review, consent,
 * treatment), labelled and formatted alike everywhere. A page names the facts it shows, in its
 * order, and adds its own as [label, value].
 */
export function StaffBookingSummary({
  rows,
  ...facts
}: StaffBookingFacts & { rows: StaffBookingRow[] }) {
  const t = useT(visitMessages)
  const locale = useLocale()
  const standard = standardRows(facts, t, locale)
  return (
    <BookingSummary rows={rows.map((row) => (typeof row === 'string' ? standard[row] : row))} />
  )
}

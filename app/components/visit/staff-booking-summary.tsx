import { type ReactNode } from 'react'
import { BookingSummary, StatusBadge } from '#app/components/booking/booking-summary.tsx'
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

function standardRows({ booking, patient, timeZone }: StaffBookingFacts) {
  return {
    when: ['When', formatAppointment(booking.startAt, booking.endAt, timeZone)],
    status: [
      'Status',
      booking.status ? <StatusBadge key="status" status={booking.status} /> : null,
    ],
    treatment: ['Treatment', booking.serviceName],
    practitioner: ['Practitioner', booking.practitionerName],
    reference: ['Booking', booking.reference],
    dateOfBirth: ['Date of birth', patient ? formatCalendarDate(patient.dateOfBirth) : null],
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
  const standard = standardRows(facts)
  return (
    <BookingSummary rows={rows.map((row) => (typeof row === 'string' ? standard[row] : row))} />
  )
}

/** The calendar file attached to booking emails and offered on the booking page. */
export default {
  title: 'Appointment at {clinic}',
  description: 'Booking {reference}. Manage your booking: {url}. Phone {phone}.',
  alarm: 'Clinic appointment tomorrow',
}

/** Limits on anonymous booking: when to try again, and why a hold or booking was refused. */
export default {
  waitSoon: 'in a minute',
  waitMinutes: 'in about {minutes} minutes',
  waitHours: 'in about {hours} hours',
  holdRenewal:
    'The time we kept for you for this slot has run out, and a slot is not held twice for the same visit. Please choose another time, or try this one again {wait}.',
  holdNetwork:
    'Several times are already being held from your network. Please finish booking one of them, or try again {wait}.',
  tooManyBookings:
    'This email address already has {max} upcoming {max, plural, one {booking} other {bookings}}, the most we take online for one address. To book more, please call the clinic on {phone}, or cancel one you no longer need.',
  screeningWait:
    'Because of your answers to the health questions, please choose a time from {date} onwards.',
}

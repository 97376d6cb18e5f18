/** The last booking step: the booking is made. */
export default {
  title: 'Booking confirmed | Dermadesk',
  reserved: 'Your time is reserved',
  confirmed: 'Your booking is confirmed',
  reference: 'Your reference is <b>{reference}</b>. We have emailed the details to {email}.',
  pendingReview:
    'A clinician will check your answers to the health questions before your visit. We keep this time for you, and we will email you when your booking is confirmed or if we have a question.',
  status: 'Status',
  treatment: 'Treatment',
  when: 'When',
  with: 'With',
  where: 'Where',
  addToCalendar: 'Add to my calendar (.ics)',
  manage: 'See, move or cancel this booking',
  beforeVisit: 'Before your visit',
}

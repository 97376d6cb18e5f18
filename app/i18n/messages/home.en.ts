/** The home page: what microneedling is and the clinic's treatments. */
export default {
  title: 'Microneedling treatments | {clinic}',
  heading: 'Microneedling at our Milan clinic',
  lead: 'Microneedling uses very fine needles to make tiny wounds in the skin. The skin heals them and makes new collagen. It can soften fine lines, scars and stretch marks.',
  beforeVisit:
    'Before your first visit you answer a few health questions, so we can check the treatment is safe for you, and you read and sign a consent form. Expect red skin for a few days and small crusts that fall off within 10 days.',
  bookTreatment: 'Book a treatment',
  findBooking: 'Find or change a booking',
  treatmentsHeading: 'Our treatments',
  treatmentsList: 'Treatments',
  after: 'After:',
  course: 'Usually {sessions} sessions, {weeks, plural, one {# week} other {# weeks}} apart.',
}

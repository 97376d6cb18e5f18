/** The first step of booking: choosing the treatment. */
export default {
  title: 'Book a treatment | {clinic}',
  heading: 'Which treatment would you like?',
  inProgress: 'You were booking {service}. Choosing a treatment below starts again.',
  choose: 'Choose',
  after: 'After:',
  notAvailable: 'That treatment is not available. Please choose one from the list.',
}

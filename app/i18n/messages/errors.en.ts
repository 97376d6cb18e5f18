/** Error pages. */
export default {
  forbiddenTitle: 'You do not have access to this page',
  forbiddenDefault: 'Your account does not allow this.',
  forbiddenHelp: 'If you think you should, ask a clinic administrator.',
  notFoundTitle: 'Page not found',
  notFoundText: 'We could not find that page. The link may be old or mistyped.',
  home: 'Go to the home page',
  statusTitle: 'Something went wrong ({status})',
  tryAgain: 'Please try again.',
  unexpectedTitle: 'Something went wrong',
  unexpectedText: 'Sorry, something went wrong on our side. Please try again in a moment.',
  unexpectedHelp: 'If it keeps happening, call the clinic.',
  bookingNotFoundTitle: 'We could not find that booking',
  bookingNotFoundText: 'Check the booking code, or find your booking again.',
  findBooking: 'Find my booking',
}

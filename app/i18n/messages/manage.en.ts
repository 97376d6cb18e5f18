/**
 * Finding and managing a booking: find it by reference, the emailed code and link, cancelling,
 * moving it, and the status of a booking.
 */
export default {
  findTitle: 'Find your booking | Dermadesk',
  findHeading: 'Find your booking',
  findIntro:
    'Type the reference from your confirmation email and the email address you booked with. We will send you a code to open the booking.',
  referenceLabel: 'Booking reference',
  referenceHint: 'For example DD-7K4Q2M',
  emailLabel: 'Email',
  sending: 'Sending…',
  sendCode: 'Send me a code',
  referenceMissing: 'Enter your booking reference.',
  referenceInvalid: 'Enter the reference from your email, like DD-7K4Q2M.',
  verifyTitle: 'Check your email | Dermadesk',
  verifyHeading: 'Check your email',
  verifyIntro:
    'If the reference and email match a booking, we have sent a 6-digit code to that address. It works for {minutes, plural, one {# minute} other {# minutes}}.',
  codeLabel: 'Code from the email',
  checking: 'Checking…',
  openBooking: 'Open my booking',
  newCode: 'Send a new code',
  openTitle: 'Open your booking | Dermadesk',
  openHeading: 'Open your booking',
  opening: 'Opening…',
  linkExpired:
    'This link has expired or is not valid. You can still find your booking with its reference.',
  linkIncomplete: 'This link is not complete. Please open it from your email again.',
  findInstead: 'Find your booking with its reference instead',
  cancelTitle: 'Cancel your booking | Dermadesk',
  cancelHeading: 'Cancel your booking?',
  cancelFacts: '{service}, {when}, with {practitioner}. Reference {reference}.',
  policyUntil:
    'Our policy: you can cancel or move a booking online, free of charge, until {deadline}.',
  policyCall: 'After that, please call us on {phone}.',
  policyFinal:
    'Cancelling frees the time for someone else and cannot be undone, but you can book again at any time.',
  reasonLabel: 'Why are you cancelling? (optional)',
  cancelling: 'Cancelling…',
  confirmCancel: 'Yes, cancel my booking',
  keepBooking: 'No, keep my booking',
  moveTitle: 'Move your booking | Dermadesk',
  moveHeading: 'Move your booking',
  moveCurrent: '{service}, now {when}.',
  keepTime: 'Keep this time',
  moveHere: 'Move my booking to this time',
  moveTaken: 'Sorry, someone has just taken that time. Here are the nearest free times.',
  moveTooClose:
    'Your skin needs time to heal between sessions. Please choose a time from {date} onwards.',
  moveScreeningWait:
    'Because of your answers to the health questions, please choose a time from {date} onwards.',
  moveOutsideWindow:
    'It is too close to the appointment to move it online. Please call the clinic.',
  moveNotChangeable: 'This booking can no longer be moved.',
  moveNotAvailable: 'That time is not available. Please choose one of the times shown.',
  'status.confirmed': 'Confirmed',
  'status.pending_review': 'Waiting for a clinician to check',
  'status.held': 'Held, not booked yet',
  'status.expired': 'Not booked',
  'status.declined': 'Declined by the clinic',
  'status.cancelled': 'Cancelled',
  'status.completed': 'Done',
  'status.no_show': 'Missed',
}

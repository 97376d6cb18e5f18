/** The agenda's calendar grid and the staff "move a booking" page (ADR 043). */
export default {
  dayGridCaption: '{count}, {date}. Free times are links to book.',
  weekGridCaption: '{name}, week of {date}: {count}. Free times are links to book.',
  timeColumn: 'Time',
  closed: 'Closed: {reason}',
  timeOff: 'Time off',
  outsideHours: 'Not working',
  bookAt: 'Book {name} at {time}',
  bookOnAt: 'Book {name} on {date} at {time}',
  now: 'Now: {time}',
  moveLink: 'Move the {time} appointment',
  dragHint:
    'To move an appointment, drag it to a free time, or open its Move link and choose a time there.',
  weekOf: 'Week of {name}',
  weekShowing: 'This grid shows {name}. Choose a practitioner above to see someone else.',
  moving: 'Moving the appointment…',
  moved: 'Moved: {patient} is now on {when} with {name}. We emailed the patient.',
  moveTitle: 'Move an appointment | Dermadesk',
  moveHeading: 'Move an appointment',
  moveCurrent: '{patient}: {service} with {name}, {when}.',
  moveHowTo:
    'Choose the practitioner and the day, then a free time. We email the patient the new time.',
  moveHere: 'Move here',
  backToAgenda: 'Back to the agenda',
  moveDone: 'Moved to {when}. We emailed the patient.',
  cannotMove: 'This appointment cannot move: only coming appointments can.',
  moveTaken: 'Someone else has that time now. Nothing changed. Choose another time.',
  moveTooSoon: 'That time is too soon to book. Nothing changed.',
  moveTooFar: 'That time is too far ahead to book. Nothing changed.',
  moveNotOffered: 'That time is not free: the practitioner does not work then. Nothing changed.',
  moveNotQualified: 'That practitioner does not do this treatment. Nothing changed.',
  moveTooClose:
    'Needling sessions need more days between them. The first possible day is {date}. Nothing changed.',
  moveScreeningWait:
    'The health answers ask to wait. The first possible day is {date}. Nothing changed.',
  moveNotChangeable: 'This appointment cannot move any more. Nothing changed.',
}

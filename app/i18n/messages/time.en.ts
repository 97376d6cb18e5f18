/** Choosing a day and time: the step, the picker, the held time and the nearest free times. */
export default {
  title: 'Choose a day and time | Dermadesk',
  heading: 'Choose a day and time',
  holding: 'You are holding {when} with {practitioner}. Choose another time to change it.',
  screeningWait:
    'Because of your answers to the health questions, the first day you can book is {date}.',
  holdThisTime: 'Hold this time',
  keepHeldTime: 'Keep this time and go on',
  whoLegend: 'Who would you like to see?',
  whoHint: 'The days and times below change to match.',
  anyone: 'Anyone available',
  anyoneDetails: 'The earliest times with anyone.',
  showTimes: 'Show times',
  shownIn: 'Times are shown in {zone}.',
  chooseDay: 'Choose a day',
  noDays: 'There are no free times in these days.',
  timesCount: '{count, plural, one {# time} other {# times}}',
  noTimes: 'no times',
  earlierDays: '← Earlier days',
  laterDays: 'Later days →',
  chooseTime: 'Choose a time on {date}',
  dayFull: 'No free times left on this day. Please choose another day.',
  timesLegend: 'Times on {date}, {zone}',
  timeWith: 'with {practitioner}. {action}',
  nearestLabel: 'Nearest free times',
  nearestTime: '{when} with {practitioner}',
  countdownLeft: '({minutes}:{seconds} left)',
  countdownEnded:
    'That time has now passed: you can still go on, and the time is yours if it is still free when you confirm.',
  taken:
    'Sorry, someone has just taken that time. Please choose another: here are the nearest free times.',
  notAvailable: 'That time is not available. Please choose one of the times shown.',
  tooClose:
    'Your skin needs time to heal between sessions. Please choose a time from {date} onwards.',
}

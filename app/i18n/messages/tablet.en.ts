/**
 * Clinic tablet mode (ADR 045): the patient's screen on the clinic's tablet at check-in, its lock,
 * and the staff buttons that hand the tablet over and take it back.
 */
export default {
  pageTitle: 'Check-in tablet | Dermadesk',
  chromeLabel: 'Check-in tablet',
  yourSteps: 'Your steps',
  welcomeHeading: 'Welcome to the clinic',
  lead: 'Your visit: {service}, {when}.',
  stepsIntro: 'Before your treatment, please finish these steps on this tablet.',
  stepsLabel: 'Your steps',
  stepScreening: 'Answer the health questions',
  stepConsent: 'Read and sign the consent',
  statusDone: 'Done',
  statusNow: 'Now',
  statusLater: 'Next',
  startScreening: 'Start the health questions',
  startConsent: 'Go to the consent',
  doneTitle: 'Thank you | Dermadesk',
  doneHeading: 'Thank you — please hand the tablet back',
  doneText: 'You are all set. Please give the tablet back to the staff at the desk.',
  staffHeading: 'For clinic staff',
  staffIntro: 'Type your password to unlock the tablet.',
  passwordLabel: 'Your password',
  passwordMissing: 'Type your password.',
  unlock: 'Unlock',
  unlocking: 'Unlocking…',
  wrongPassword: 'That password is not right. The tablet stays locked.',
  throttled:
    'Too many wrong tries. Wait {minutes, plural, one {# minute} other {# minutes}} and try again.',
  handOver: 'Hand the tablet to the patient',
  handOverHint:
    'The patient answers the health questions and signs the consent on this device. Staff pages stay locked until you type your password.',
  notNeeded: 'The patient has nothing left to fill in.',
  unlocked: 'The tablet is unlocked. The status below is up to date.',
}

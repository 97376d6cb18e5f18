/**
 * The patient's booking page (/bookings/<reference>): the visit, its actions, the consent and
 * health-question status, what to do before the visit and the history. The clinical advice on it
 * comes from clinical-content (tier-content.ts and tier-content.it.ts), not from here.
 */
export default {
  title: 'Your booking | Dermadesk',
  heading: 'Your booking <ref>{reference}</ref>',
  'event.held': 'Time held',
  'event.booked': 'Booked',
  'event.rescheduled': 'Moved to a new time',
  'event.cancelled_by_patient': 'Cancelled by you',
  'event.cancelled_by_clinic': 'Cancelled by the clinic',
  'event.screening_approved': 'Confirmed after a clinician checked your answers',
  'event.screening_declined': 'Declined by the clinic',
  'event.screening_recheck': 'Waiting for a clinician to check your new answers',
  'event.completed': 'Treatment done',
  withdrawNotUpcoming:
    'This visit is over or cancelled, so there is no consent to withdraw for it.',
  withdrawNothing: 'There is no signed consent for this booking to withdraw.',
  cancelTooClose: 'It is too close to the appointment to cancel online. Please call the clinic.',
  cancelNotPossible: 'This booking can no longer be cancelled.',
  cancelledNotice: 'Your booking is cancelled. We have sent you an email.',
  withdrawnNotice:
    'You have withdrawn your consent. We have told the clinic. We will not treat you unless you sign again.',
  movedNotice: 'Your booking has moved. We have sent you an email with the new time.',
  visitHeading: 'Your visit',
  rowStatus: 'Status',
  rowTreatment: 'Treatment',
  rowWhen: 'When',
  rowWith: 'With',
  bookAgain: 'Book again',
  planHeading: 'Your aftercare plan',
  treatedOn:
    'Your treatment was on {date}. Your plan says what to do and what to avoid each day, and when to call us.',
  openPlan: 'Open your aftercare plan',
  beforeHeading: 'Before your visit',
  afterHeading: 'After your treatment',
  readFullPlan: 'Read the full aftercare plan, day by day',
  historyHeading: 'History of this booking',
  historyLine: '{event}: {at}',
  addToCalendar: 'Add to my calendar (.ics)',
  move: 'Move to another time',
  cancel: 'Cancel this booking',
  changeUntil: 'You can cancel or move it online until {deadline}.',
  keepBooking: 'No, keep my booking',
  tooLateToChange:
    'It is less than the cancellation window before your visit, so it cannot be changed online. To cancel or move it, please call <tel>{phone}</tel>.',
  consentHeading: 'Your consent',
  consentStatus: 'Status:',
  consentWithdrawn:
    'You withdrew your consent. We will not treat you unless you sign again. You can sign again at any time before your visit.',
  consentNewVersion:
    'We have updated our consent form. Please read and sign the new version before your visit.',
  consentExpired:
    'Your consent was signed more than 12 months before this visit. Please read and sign it again.',
  consentMissing: 'Please read and sign the consent before your visit.',
  signConsent: 'Read and sign the consent',
  seeConsent: 'See your signed consent',
  downloadConsent: 'Download it (PDF)',
  withdrawHeading: 'Change your mind',
  withdrawText:
    'You can withdraw your consent at any time before your visit. We will tell the clinic, and we will not treat you unless you sign again. Your booking stays: cancel it above if you no longer want it.',
  withdrawReason: 'Why are you withdrawing? (optional)',
  withdrawReasonHint: 'Only the clinic team sees this.',
  withdrawing: 'Withdrawing…',
  withdraw: 'Withdraw my consent',
  healthHeading: 'Health questions',
  declinedIntro:
    'After checking your answers, the clinic cannot go ahead with this booking. The clinician wrote:',
  declinedConsultation:
    'You can <link>book a consultation</link> to talk about what is safe for you.',
  openQuestion: 'A clinician has a question for you.',
  answerQuestion: 'Read and answer it',
  pendingReview:
    'A clinician will check your answers before your visit. We will email you when it is confirmed.',
  renewal: 'Your visit is coming soon. Please check that your health answers are still right.',
  checkAnswers: 'Check my answers',
  seeOrChangeAnswers: 'See or change your health answers',
  seeAnswers: 'See your health answers',
  // A visit staff booked for the patient (ADR 042): the forms to give from home.
  todoHeading: 'Before your visit: things to do',
  todoIntro: 'We can only treat you once both are done. It takes about 10 minutes.',
  todoAnswer: 'Answer the health questions',
  todoSign: 'Sign the consent form',
  todoDone: 'Done',
  answersMissing: 'We do not have your health answers yet.',
  answerNow: 'Answer the health questions',
}

/**
 * The patient's consent pages: the wizard's consent step, the booking's consent page, the form
 * (its version line, the check and the signature) and the signed record's details. The form's
 * own text is not here: it is the consent version's content, in each language (ADR 039).
 */
export default {
  wizardMetaTitle: 'Read and sign your consent | Dermadesk',
  wizardHeading: 'Read and sign your consent',
  wizardLead:
    'Before we book your {serviceName}, please read this form. It says what we do, what to expect and what to look out for. Then answer {count} short questions and sign. You can ask us anything before you sign.',
  holdKept:
    'We are keeping your time until <hold>{time}</hold>. Take the time you need: if it runs out, you can still sign, and the time is yours if it is still free.',
  holdLost:
    'We could not keep your time any longer. You can still sign: if the time is still free when you do, it is yours.',
  seeAllTimes: 'See all free times',
  alreadySigned: 'You have already signed this consent.',
  chooseTimeToFinish: 'Choose a time to finish your booking',
  signAndBook: 'Sign and book',
  pageMetaTitle: 'Your consent | Dermadesk',
  backToBooking: 'Back to your booking {reference}',
  pageHeading: 'Your consent for booking {reference}',
  pageLead: '{serviceName}, {when}.',
  signedThanks: 'Thank you: your consent is signed. You can download a copy below.',
  statusLabel: 'Status:',
  withdrewSignAgain:
    'You withdrew your consent. To go ahead with your visit, read the form again and sign.',
  newVersionSignAgain:
    'We have updated our consent form since you signed. Please read the new version and sign it before your visit.',
  expiredSignAgain:
    'Your consent was signed more than 12 months before this visit. Please read and sign it again.',
  signTheConsent: 'Sign the consent',
  signedBeforeHeading: 'What you signed before',
  signedHeading: 'What you signed',
  downloadPdf: 'Download your signed consent (PDF)',
  paperCopy: 'You can also ask the clinic for a paper copy at any time, for free.',
  noSignedConsent: 'There is no signed consent for this booking.',
  notNeededNow: 'This booking does not need a consent now.',
  versionLine: 'Version {number}',
  englishOnly:
    'This form is not yet in your language, so it is shown in English. Ask us if anything is not clear.',
  checkHeading: 'Check your understanding',
  checkPassed: 'Every answer is right. Thank you for reading carefully.',
  checkIntro:
    'Please answer these {count} questions. If an answer is not right, we show you the part of the form that explains it, and you can try again.',
  signHeading: 'Sign',
  signAfterCheck: 'You can sign once every answer above is right.',
  answerIsIn: 'The answer is in <link>part {number}, “{title}”</link>. Here it is again:',
  checking: 'Checking…',
  checkMyAnswers: 'Check my answers',
  typedNameLabel: 'Type your full name',
  typedNameHint: 'Type it as you gave it: {name}. This is your signature.',
  agreeLabel:
    'I have read this consent form and I understand it. I agree to have this treatment, and I sign this form electronically.',
  photosLegend: 'Photos (you can say no to both)',
  photoClinicalLabel: 'Yes, the clinic may take photos of the treated skin for my record.',
  photoMarketingLabel:
    'Yes, the clinic may also use my photos for marketing, such as its website or social media.',
  signing: 'Signing…',
  drawLegend: 'Draw your signature (optional)',
  drawArea: 'Signature drawing area',
  drawHint:
    'Use a mouse, a finger or a pen. Your typed name is enough if you would rather not draw.',
  clearDrawing: 'Clear the drawing',
  drawAdded: 'Your drawing will be added to your signature.',
  chooseAnswer: 'Choose an answer.',
  typedNameRequired: 'Type your full name to sign.',
  typedNameTooLong: 'Use at most 120 characters.',
  agreeRequired: 'Tick the box to show that you have read the form, agree and sign it.',
  drawingTooLarge: 'That drawing is too large. Clear it and try again.',
  drawingUnreadable:
    'We could not read that drawing. Clear it and try again, or just type your name.',
  formIncomplete: 'This form is incomplete. Please reload the page.',
  formChanged:
    'The consent form was updated while you were reading it. Please read the new version below, then answer the questions and sign again.',
  answerEvery: 'Please answer every question.',
  oneWrong: 'One answer is not right yet. Read the part shown under it, then try again.',
  manyWrong: '{count} answers are not right yet. Read the parts shown under them, then try again.',
  notQuite: 'Not quite. Please read this part again and choose another answer.',
  nameMismatch: 'This does not match the name you gave us. Type it as: {name}.',
  checkFirst: 'Please answer the questions above first. You can sign once they are all right.',
  badDrawing: 'We could not read your drawing. Clear it and draw again, or just type your name.',
  slotTakenAfterSigning:
    'Thank you: your consent is signed. But someone took your time while it was no longer held. Please choose another: here are the nearest free times.',
  tooCloseAfterSigning:
    'Thank you: your consent is signed. But your skin needs time to heal between sessions. Please choose a time from {date} onwards.',
  statusMissing: 'Not signed yet',
  statusSigned: 'Signed',
  statusCountersigned: 'Signed and countersigned',
  statusWithdrawn: 'Withdrawn',
  statusNotRequired: 'Not needed (no needling)',
  signedBy: 'Signed by',
  signedOn: 'Signed on',
  dateAtTime: '{date} at {time}',
  drawnSignature: 'Drawn signature',
  drawnSignatureAlt: 'Signature drawn by {name}',
  formVersion: 'Form version',
  signedLanguage: 'Language signed in',
  clinicalPhotos: 'Clinical photos',
  marketingPhotos: 'Photos for marketing',
  yes: 'Yes',
  no: 'No',
  emailProvenBy: 'Email proven by',
  proofCode: 'a code sent to {email}',
  proofLink: 'a link sent to {email}',
  countersigned: 'Countersigned',
  countersignedBy: 'By {name} on {at}',
  notCountersignedStaff: 'Not yet: countersign it below when you see the patient.',
  notCountersignedPatient: 'Not yet: the clinician countersigns at your visit.',
  withdrawn: 'Withdrawn',
}

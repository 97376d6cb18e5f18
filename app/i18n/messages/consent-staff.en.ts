/** The clinician's consent page: the signed record, its audit facts and the countersignature. */
export default {
  metaTitle: 'Consent | Staff | Dermadesk',
  backToAppointment: 'Back to the appointment',
  heading: 'Consent of {name}',
  countersignedDone: 'Countersigned. Your name and the time are recorded.',
  consentRow: 'Consent',
  newVersion:
    'The patient signed an older version of the form. A new version applies to this visit, so they must sign again before treatment.',
  expired: 'The patient’s consent is more than 12 months old for this visit. They must sign again.',
  recordHeading: 'Signature and audit',
  downloadPdf: 'Download the signed consent (PDF)',
  countersignHeading: 'Countersign at the visit',
  answersHeading: 'Comprehension check',
  textHeading: 'The text the patient signed',
  signedIn: 'Signed in {language}. This text is the legal record.',
  readIn: 'Read it in {language}',
  readSigned: 'Back to the signed text ({language})',
  translationHeading: 'Translation for reference: {language}',
  translationNote:
    'This is the same version of the form in {language}, for reference only. The patient signed the text in {signed}: that text is the legal record.',
  noTranslation: 'This version of the form has no text in {language}.',
  notSignedYet: 'The patient has not signed a consent for this visit yet.',
  errNotSigned: 'The patient has not signed a consent that covers this visit.',
  errWithdrawn: 'The patient withdrew this consent. They must sign again before treatment.',
  errNotRequired: 'A consultation needs no consent.',
  errNotActive: 'This booking is cancelled, declined or no longer held.',
  errNotQualified:
    'Only a practitioner who may perform this treatment can countersign (a medical practitioner for medical needling).',
  reasonNotSigned: 'There is no signed consent that covers this visit to countersign.',
  reasonAlready: 'Already countersigned.',
  reasonNotQualified:
    'You cannot countersign this consent: only a practitioner who may perform this treatment can (a medical practitioner for medical needling).',
  otherPractitioner:
    'This visit is booked with {name}. If you treat the patient instead, you countersign as the treating clinician.',
  confirmLabel:
    'I have gone through this consent with the patient in person, answered their questions, and I will treat them.',
  confirmRequired: 'Tick the box to confirm you went through the form with the patient.',
  countersigning: 'Countersigning…',
  countersign: 'Countersign',
  ipAddress: 'IP address',
  notKnown: 'not known',
  browser: 'Browser',
  textHash: 'Text SHA-256',
  recordHash: 'Record SHA-256',
  integrity: 'Integrity',
  integrityOk: 'Text and record match their hashes',
  integrityBad:
    'Does not match: {text, select, yes {text } other {}}{record, select, yes {record} other {}}',
}

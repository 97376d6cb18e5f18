/** The admin's consent form pages: the list of forms and their versions. */
export default {
  consentForms: 'Consent forms',
  intro:
    'Patients sign the consent form of their treatment’s tier before booking. A published version never changes: to change the text, write a new version and publish it. From the date it applies, patients who signed an older version are asked to sign again before their next session.',
  tierLabel: '{tier, select, medical {Medical needling} other {Cosmetic needling}}',
  publishedAt: '{date} at {time}',
  installedWithApp: 'Installed with the app',
  inUseNow: 'In use now: <a>version {n}</a>, for sessions from {date}.',
  scheduledLine: 'Scheduled: <a>version {n}</a> applies to sessions from {date}.',
  editDraft: 'Edit the draft of version {n}',
  starting: 'Starting…',
  writeVersion: 'Write version {n}',
  historyCaption:
    'Published versions of the {tier, select, medical {medical needling} other {cosmetic needling}} form',
  colVersion: 'Version',
  colForSessionsFrom: 'For sessions from',
  colPublished: 'Published',
  colBy: 'By',
  versionRow: 'Version {n}',
  versionTitle: 'Consent form version',
  versionNotFound: 'We could not find that consent form version.',
  installedLower: 'installed with the app',
  tooEarly: 'Choose {date} or later.',
  tooHardToRead:
    'This text reads at grade {grade}. Patient text must read at grade {max} or lower: use shorter sentences and everyday words, then save and publish again.',
  missingParts:
    'The {tier, select, medical {medical} other {cosmetic}} form must say everything in its tier’s clinical content, word for word. Missing: {names}.',
  unknownPlaceholders: 'Unknown placeholders: {names}.',
  unknownPlaceholdersUseOnly: 'Unknown placeholders: {names}. Use only {allowed}.',
  translationProblems:
    'The form must be complete in Italian too before it is published. Nothing was published. Fix these, save, and publish again:',
  publishedLocked: 'This version is published: it can no longer be changed. Write a new version.',
  allConsentForms: 'All consent forms',
  versionHeading:
    '{tier, select, medical {Medical needling} other {Cosmetic needling}} consent form, version {n}{draft, select, yes { (draft)} other {}}',
  publishedLine:
    'Published {at} by {by}. It applies to sessions from {date}. Published versions never change.',
  readingGrade: 'Reading grade of what the patient reads: <b>{grade}</b>',
  gradeOk: 'grade {max} or lower',
  gradeTooHard: 'above grade {max}: too hard',
  discard: 'Discard',
  discardDraft: 'Discard this draft',
  previewHeading: 'Preview, as patients will read it',
  theText: 'The text',
  checkQuestions: 'Check questions',
  rightAnswer: '(right answer)',
}

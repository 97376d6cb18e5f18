/** The admin's consent form pages: the list of forms and their versions. */
export default {
  consentForms: 'Consent forms',
  intro:
    "Patients sign the consent form of their treatment's tier before booking. A published version never changes: to change the text, write a new version and publish it. From the date it applies, patients who signed an older version are asked to sign again before their next session.",
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
    "The {tier, select, medical {medical} other {cosmetic}} form must say everything in its tier's clinical content, word for word. Missing: {names}.",
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
  editDraftHeading: 'Edit the draft',
  draftHint:
    'Write short sentences in everyday words. Separate paragraphs with an empty line; start a line with "- " for a list. You may use {placeholders}: the clinic\'s name, phone and cancellation hours are filled in.',
  bilingualHint:
    'Write each part in English and in Italian: a version is published only when both are complete. The Italian is the same form for Italian patients, in plain words (Gulpease 60 or more), with the same answers in the same order.',
  titleField: 'Title',
  italianTitleField: 'Italian heading of the form',
  partLegend:
    'Part {n}: {purpose, select, procedure {What is done and why (needles, depth, what the skin does).} what_to_expect {What to expect day by day, results, the course and maintenance.} risks {Common and rare risks.} alternatives {Other choices, doing nothing included.} aftercare {What the patient must do afterwards.} when_to_call {Signs that mean: call the clinic.} photos {Clinical photos, and the separate choice about marketing use.} cancellation {Cancelling and moving the booking.} withdrawal {The right to change their mind.} other {Agreeing to sign online, and the right to a paper copy.}}',
  partHeading: 'Heading of part {n}',
  partText: 'Text of part {n}',
  partItHeading: 'Part {n} in Italian: heading',
  partItText: 'Part {n} in Italian: text',
  questionsHint:
    'At least 4. Leave a question empty to remove it. Each needs 2 to 5 answers, one per line, the number of the right one, and the part of the form that explains it.',
  questionLabel: 'Question {n}',
  answersLabel: 'Answers to question {n}, one per line',
  itQuestion: 'In Italian, no. {n}: the question',
  itAnswers: 'In Italian, no. {n}: the answers, one per line, in the same order',
  rightAnswerNumber: 'Number of the right answer to question {n}',
  explainingPart: 'Part that explains question {n}',
  choosePart: 'Choose a part',
  saving: 'Saving…',
  saveDraft: 'Save the draft',
  publish: 'Publish',
  publishIntro:
    'Save your changes first. Once published, version {n} can never change. Patients whose session is on or after the date below must sign it, even if they signed an older version.',
  appliesFromLabel: 'Applies to sessions from',
  appliesFromHint: 'Today or later, in clinic time.',
  publishing: 'Publishing…',
  publishVersion: 'Publish version {n}',
}

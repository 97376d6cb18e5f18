/** The admin's screening rules page (ADR 038): admin-facing, not gated by readability. */
export default {
  title: 'Screening rules | Clinic settings | Dermadesk',
  heading: 'Screening rules',
  intro:
    'Sources disagree on these, so each clinic chooses (docs/clinical-reference.md, table 1.2). Publishing makes version {next}: answers given from then on are judged by it. Answers already given keep the version they were judged by, and their outcome.',
  unchanged: 'Nothing has changed since version {version}, so there is nothing to publish.',
  onlyLists: 'Choose stricter or relaxed rules from the lists only.',
  minimumAgeHint: 'Younger patients are not eligible. Sources: R-7, R-5.',
  reviewUnderAgeHint:
    'Patients from the minimum age up to this age need a clinician’s review. Source: A-7 (SkinPen is cleared from 22).',
  versionsHeading: 'Versions',
  colVersion: 'Version',
  colPublished: 'Published',
  colBy: 'By',
  colChanges: 'Changes',
  colNote: 'Note',
  inUse: '{version} (in use)',
  numberLabel: '{label} ({unit})',
  years: 'years',
  months: 'months',
  days: 'days',
  ageLegend: 'Age',
  windowsLegend: 'Waiting windows',
  windowsHint:
    'The first bookable day moves until the window has passed. Sources give different windows; the defaults are the most common.',
  sourcesLine: 'Sources: {sources}.',
  stricterLegend: 'Stricter choices',
  stricterHint:
    'By default these need a clinician’s review and the patient may book. Tick one to make it “not eligible” instead: the patient cannot book it and is offered a consultation.',
  stricterLabel: '{label}: not eligible',
  relaxLegend: 'Where sources split',
  relaxHint:
    'By default these are “not eligible”: the patient cannot book and is offered a consultation. Tick one to let a clinician decide instead.',
  relaxLabel: '{label}: clinician review',
  sourcesLegend: 'Sources of each rule',
  sourcesHint:
    'Tags from the source register in docs/clinical-reference.md, section 1.3, separated by commas. Every rule needs at least one.',
  sourcesFor: 'Sources: {label}',
  noteLabel: 'Why are you changing the rules? (optional)',
  noteHint: 'Kept with the version, for example the name of the doctor who decided.',
  publishing: 'Publishing…',
  publish: 'Publish version {version}',
  minimumAge: 'Minimum age',
  reviewUnderAge: 'Clinician review under the age of',
  isotretinoinMonths: 'Wait after the last isotretinoin dose',
  cancerTreatmentMonths: 'Wait after chemotherapy or radiotherapy ends',
  toxinDays: 'Wait after botulinum toxin',
  fillerDays: 'Wait after dermal filler',
  retinoidDays: 'Wait after a topical retinoid or acid',
  peelDays: 'Wait after a chemical peel',
  laserDays: 'Wait after laser or IPL',
  tanDays: 'Wait after a tan or self-tan',
  deepPeelMonths: 'Wait after dermabrasion or a deep peel',
  facialSurgeryMonths: 'Wait after a facelift or eyelid surgery',
  // Publish-form messages and the version history's changes
  wholeNumber:
    '{unit, select, years {Enter a whole number of years, {min} to {max}.} months {Enter a whole number of months, {min} to {max}.} days {Enter a whole number of days, {min} to {max}.} other {Enter a whole number, {min} to {max}.}}',
  atMostCharacters: 'Use at most {max} characters.',
  unknownSourceTags:
    '{label}: {tags} {count, plural, one {is} other {are}} not in the source register. Use tags such as C-SP1, B-2 or D-4.',
  reviewAtLeastMinimum: 'This must be at least the minimum age.',
  sourcesRefused:
    'Every rule needs at least one source from the source register. Not published: {rules}.',
  sourceProblemNone: '{label} (no source)',
  sourceProblemUnknown:
    '{label} ({tags} {count, plural, one {is} other {are}} not in the source register)',
  changeFirstVersion: 'First version',
  changeNumber:
    '{label}: {before} → {after} {unit, select, years {years} months {months} days {days} other {}}',
  changeNowNotEligible: '{rule}: now not eligible',
  changeBackToReview: '{rule}: back to clinician review',
  changeNowReview: '{rule}: now clinician review',
  changeBackToNotEligible: '{rule}: back to not eligible',
  changeSources: '{rule}: sources {before} → {after}',
  noSources: 'none',
  publishedByUnknown: 'Unknown',
  builtIn: 'Built in',
} as const

/**
 * The privacy notice (issue 19, ADR 050): the box above the first health question, the public
 * page /privacy, and the words around the notice's own text (which admins write, in versions).
 */
export default {
  boxHeading: 'Before the health questions: your privacy',
  readFull: 'Read the full privacy notice',
  openPage: 'Open the privacy notice on its own page',
  'section.controller': 'Who holds your data',
  'section.collected': 'What we collect and why',
  'section.legalBasis': 'Why the law lets us use it',
  'section.retention': 'How long we keep it',
  'section.rights': 'Your rights',
  'section.contact': 'How to reach us',
  pageTitle: 'Privacy notice | Dermadesk',
  versionLine: 'Version {n}. In use since {date}.',
  olderVersion: 'This is an older version of the notice. <a>Read the one in use now.</a>',
  versionNotFound: 'There is no privacy notice with that number.',
  staleNotice:
    'The privacy notice has changed since you opened this page. Read the new one below, then send your answers again.',
}

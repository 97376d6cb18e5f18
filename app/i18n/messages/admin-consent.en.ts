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
}

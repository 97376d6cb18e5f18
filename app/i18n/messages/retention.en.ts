/** The admin's data retention page (ADR 049): what the app keeps, how long, and the clean-up jobs. */
export default {
  title: 'Data retention | Dermadesk',
  heading: 'Data retention',
  intro: 'How long the app keeps personal data, and when each clean-up last ran. Times are {zone}.',
  fixedPolicy:
    'These periods are the product’s policy, set in one place in the code. They cannot be changed here.',
  rulesHeading: 'What the app keeps, and for how long',
  colWhat: 'What',
  colHowLong: 'How long',
  colWhy: 'Why',
  'what.drafts': 'Unfinished booking drafts, and their links to held times that lapsed',
  'what.unverified_patients': 'Patient records with no booking, consent, health answers or photo',
  'what.email_codes': 'Email codes (each one works for 10 minutes)',
  'what.outbox_bodies': 'The text, HTML and calendar file of each email',
  'what.clinical_records':
    'Signed consents, health answers, treatment records, photos and check-ins',
  'howLong.drafts': '{days, plural, one {# day} other {# days}} after the draft was last used',
  'howLong.unverified_patients':
    '{days, plural, one {# day} other {# days}} after the record was made',
  'howLong.email_codes': '{days, plural, one {# day} other {# days}} after the code expired',
  'howLong.outbox_bodies':
    '{days, plural, one {# day} other {# days}} after sending; then only the recipient, subject, status and dates stay',
  'howLong.clinical_records':
    'Never deleted by the app; {years, plural, one {# year} other {# years}} by the clinic’s policy',
  'why.drafts':
    'A draft holds the name, email, phone and date of birth typed in. No one can go back to it once the 12-hour session ends, so a week is enough to look into a problem.',
  'why.unverified_patients':
    'This person never became a patient. A month covers the follow-up of a booking that failed half-way.',
  'why.email_codes':
    'After a day a code is of no use, not even to answer a question about many tries.',
  'why.outbox_bodies':
    'The headers answer “did you write to me?”. The content (times, treatments, names) is not kept longer than a patient could need it.',
  'why.clinical_records':
    'The law asks the clinic to keep clinical records. The database refuses to delete them.',
  jobsHeading: 'Clean-up jobs',
  jobsIntro:
    'The scheduler runs each job every hour. A run that removes something is also written in the audit log, by record id only.',
  colJob: 'Job',
  colLastRan: 'Last ran',
  colRemoved: 'Removed last time',
  'job.drafts': 'Booking drafts',
  'job.unverified_patients': 'Unused patient records',
  'job.email_codes': 'Email codes',
  'job.outbox_bodies': 'Email bodies',
  'removed.drafts':
    '{drafts, plural, =0 {Nothing} one {# draft, {lapsedHolds} of them with a lapsed hold} other {# drafts, {lapsedHolds} of them with a lapsed hold}}',
  'removed.unverified_patients':
    '{patients, plural, =0 {Nothing} one {# patient record} other {# patient records}}',
  'removed.email_codes': '{codes, plural, =0 {Nothing} one {# code} other {# codes}}',
  'removed.outbox_bodies':
    '{emails, plural, =0 {Nothing} one {# email reduced to its headers} other {# emails reduced to their headers}}',
  neverRan: 'Not run yet',
  at: '{date}, {time}',
}

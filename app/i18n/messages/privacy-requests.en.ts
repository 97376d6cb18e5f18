/**
 * A patient's privacy requests (issue 19, ADR 051): the page bookings.$reference.privacy-request.tsx
 * and its link on the booking page.
 */
export default {
  title: 'Ask about your data | Dermadesk',
  heading: 'Ask about your data',
  lead: 'You can ask us to fix, limit or delete the data we hold about you. We answer within one month.',
  requestLink: 'Ask us to fix or delete my data',
  formHeading: 'Make a request',
  kindLegend: 'What do you want to ask?',
  'kind.correction':
    'Fix my details: we correct data about you that is wrong, like your name or phone.',
  'kind.restriction':
    'Limit use of my data: for now, only the heads of the clinic can open your record.',
  'kind.erasure':
    'Delete my data: we delete your contact details, drafts and emails. If you had a treatment, the law makes us keep your signed forms and treatment notes for {years} years. Then we lock them, so only managers can open them.',
  detailsLabel: 'Tell us more',
  detailsHint:
    'For a fix, say what is wrong and what is right. For the rest, you can leave it empty.',
  submit: 'Send my request',
  sent: 'We got your request. We will answer by {date}.',
  listHeading: 'Your requests',
  caption: 'Your requests, newest first',
  colAsked: 'Asked on',
  colWhat: 'Request',
  colStatus: 'Status',
  colDue: 'Answer by',
  colAnswer: 'Our answer',
  kindName: '{kind, select, correction {Fix} restriction {Limit} erasure {Delete} other {Request}}',
  status:
    '{status, select, open {Waiting} granted {Done} partly_granted {Partly done} refused {Refused} other {Waiting}}',
  partlyKept:
    'We keep your signed forms and treatment notes until {date}, as the law asks (GDPR Art. 9(2)(h) and Art. 17(3)(c) and (e)). Only managers can open them now.',
  refusedHold:
    'We must keep your record for a legal matter (GDPR Art. 17(3)(e)). We deleted nothing.',
  refusedErased: 'Your details were already deleted.',
  noAnswer: 'No answer yet.',
  empty: 'You have not asked for anything yet.',
  alreadyOpen: 'You already asked for this. We will answer that request first.',
  alreadyErased: 'We already deleted your details. There is nothing more to delete.',
  kindRequired: 'Choose what you want to ask.',
  detailsRequired: 'Tell us what is wrong and what is right.',
  detailsTooLong: 'Use at most {max} characters.',
  back: 'Back to your booking',
}

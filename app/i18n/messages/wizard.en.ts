/** The booking steps and the progress indicator. */
export default {
  progress: 'Booking progress',
  stepOf: 'Step {current} of {total} · {label}',
  backTo: 'Back to {label}',
  done: '(done)',
  summaryHeading: 'Your booking',
  summaryTreatment: 'Treatment',
  summaryPrice: 'Price',
  summaryWith: 'With',
  summaryWhen: 'When',
  'step.treatment': 'Treatment',
  'step.screening': 'Health questions',
  'step.time': 'Day and time',
  'step.details': 'Your details',
  'step.verify': 'Email code',
  'step.consent': 'Consent',
  'step.confirmation': 'Confirmation',
}

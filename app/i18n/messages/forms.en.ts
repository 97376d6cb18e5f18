/** Words shared by every form: the error summary and the messages of the common fields. */
export default {
  errorSummaryTitle: 'There is a problem',
  emailRequired: 'Enter your email address.',
  emailTooLong: 'That email address is too long.',
  emailInvalid: 'Enter an email address like name@example.com.',
  nameRequired: 'Enter your full name.',
  nameTooLong: 'Use at most 120 characters.',
  nameCharacters: 'Use letters, spaces, apostrophes and hyphens only.',
  phoneRequired: 'Enter your phone number.',
  phoneTooLong: 'That phone number is too long.',
  phoneInvalid: 'Enter a phone number we can call, for example {example}.',
  phoneWithCountryCode: 'Enter your phone number with its country code, for example {example}.',
  phoneExampleItaly: '{mobile} or {landline}',
  dateRequired: 'Enter a date.',
  dateFormat: 'Enter a date like 1990-04-25.',
  dateNotReal: 'That date does not exist.',
}

/** The booking step "Your details": name, email, phone and date of birth. */
export default {
  title: 'Your details | Dermadesk',
  heading: 'Your details',
  visit: '{service}, {when} with {practitioner}.',
  changeTime: 'Change the time',
  holding:
    'We are keeping this time for you until {time}{countdown}. If it runs out, you can still go on: the time is yours if it is still free when you confirm.',
  holdLost:
    'We could not keep this time any longer. You can still go on: if it is still free when you confirm, it is yours.',
  fullName: 'Full name',
  fullNameHint: 'As on your ID. You will type it again to sign the consent.',
  email: 'Email',
  emailHint: 'We send a code to this address to check it is yours.',
  phone: 'Mobile phone',
  phoneHint:
    'For the clinic to reach you about this visit. A number from abroad starts with + and its country code.',
  phoneHintWithCode:
    'For the clinic to reach you about this visit, with its country code, for example {example}.',
  dateOfBirth: 'Date of birth',
  saving: 'Saving…',
  continue: 'Continue',
  dateOfBirthRequired: 'Enter your date of birth.',
  dateOfBirthFuture: 'Your date of birth must be in the past.',
  dateOfBirthYear: 'Check the year of your date of birth.',
  dateOfBirthDiffers:
    'This is not the date of birth you gave in the health questions. Please check it, or change your health answers.',
}

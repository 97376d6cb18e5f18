/** The booking step "Email code", and what is said about email codes wherever they are typed. */
export default {
  title: 'Check your email | Dermadesk',
  heading: 'Check your email',
  sent: 'We sent a 6-digit code to {email}. It works for {minutes} minutes.',
  wrongAddress: 'Wrong address? Change it',
  resent: 'We sent a new code. Only the newest code works.',
  seeAllTimes: 'See all free times',
  codeLabel: 'Code from the email',
  checking: 'Checking…',
  confirmBooking: 'Confirm my booking',
  checkAndContinue: 'Check the code and continue',
  noEmail: 'No email? Check your spam folder, or {resend}',
  sendNewCode: 'send a new code',
  slotTaken:
    'Your email is confirmed, but someone took your time while it was no longer held. Please choose another: here are the nearest free times.',
  codeRequired: 'Enter the 6-digit code from the email.',
  wrongCode: 'That code is not right. You have {left, plural, one {# try} other {# tries}} left.',
  expired: 'That code has expired. Ask for a new one below.',
  tooManyAttempts: 'That code was typed wrongly too many times. Ask for a new one below.',
  noCode: 'There is no code waiting for this page. Ask for a new one below.',
  otherAddress: 'That code was sent to another address. Ask for a new one below.',
  limited:
    'Too many wrong codes have been typed for this address. Please try again {wait}, or call the clinic.',
  tooManyCodes: 'We have sent several codes already. Please try again {wait}, or call the clinic.',
}

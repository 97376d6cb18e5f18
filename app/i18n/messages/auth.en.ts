/** Staff sign-in, the two-step code page, two-step sign-in settings and setting a password. */
export default {
  // Sign-in
  signInTitle: 'Staff sign-in | Dermadesk',
  signInHeading: 'Staff sign-in',
  signInIntro:
    "For the clinic's doctors, nurses, aestheticians and administrators. Patients do not need an account.",
  signInWelcome: 'Your password is set. Sign in with it to continue.',
  signInExpired: 'You were signed out after 15 minutes without activity. Please sign in again.',
  signInFormHeading: 'Sign in',
  emailLabel: 'Email',
  passwordLabel: 'Password',
  signInButton: 'Sign in',
  signInPending: 'Signing in…',
  signInThrottled:
    'Too many sign-in attempts. Please wait {minutes, plural, one {# minute} other {# minutes}} and try again.',
  signInWrong: 'That email and password do not match an account.',
  passwordRequired: 'Enter your password.',
  passwordTooLong: 'That password is too long.',
  // Two-step code at sign-in
  verifyTitle: 'Enter your sign-in code | Dermadesk',
  verifyHeading: 'Enter your sign-in code',
  verifyIntro:
    'Open the authenticator app on your phone and enter the 6-digit code it shows for this clinic. The code changes every 30 seconds.',
  verifyTotpLabel: 'Sign in with a code from your app',
  verifyContinue: 'Continue',
  verifyLostPhone: 'Lost your phone? Use a recovery code',
  verifyCancel: 'Cancel and sign out',
  verifyRecoveryFormLabel: 'Sign in with a recovery code',
  recoveryCodeLabel: 'Recovery code',
  recoveryCodeHint:
    'One of the codes you saved when you set up two-step sign-in, like 7KQ4-M2XD-9PFA. Each code works once.',
  checking: 'Checking…',
  verifyRecoverySubmit: 'Sign in with this recovery code',
  codesThrottled:
    'Too many wrong codes. Please wait {minutes, plural, one {# minute} other {# minutes}} and try again.',
  wrongCode: 'That code is not right. Enter the code your app shows now.',
  usedCode: 'That code was already used. Wait for your app to show a new code.',
  wrongRecoveryCode: 'That recovery code is not right, or it was already used.',
  totpRequired: 'Enter the 6-digit code from your authenticator app.',
  recoveryRequired: 'Enter a recovery code like 7KQ4-M2XD-9PFA.',
  currentPasswordRequired: 'Enter your current password.',
  codeLabel: '6-digit code',
  // Two-step sign-in settings (/staff/security)
  securityTitle: 'Two-step sign-in | Dermadesk',
  securityHeading: 'Two-step sign-in',
  securityLead:
    'After your password, you also enter a code from an app on your phone. Someone who learns your password still cannot open patient records.',
  securityMustEnrol:
    'The clinic asks all staff to use two-step sign-in. Set it up now to continue to the staff pages.',
  securityRecoveryUsed:
    'You signed in with a recovery code. You have {count} left. If you lost your phone, turn two-step sign-in off and set it up again on your new phone.',
  securityTurnedOff: 'Two-step sign-in is off. Your other devices were signed out.',
  securityAlreadyOn: 'Two-step sign-in is already on.',
  securityAlreadyOff: 'Two-step sign-in is already off.',
  securitySetupRestarted: 'Set-up was restarted or finished elsewhere. Please start again.',
  securityWrongPassword: 'That password is not right.',
  attemptsThrottled:
    'Too many wrong attempts. Please wait {minutes, plural, one {# minute} other {# minutes}} and try again.',
  setUpHeading: 'Set it up',
  setUpStepApp:
    'Install an authenticator app on your phone, for example Google Authenticator, Microsoft Authenticator or 1Password.',
  setUpStepButton: 'Press the button below. We show a QR code for the app to scan.',
  setUpStepCode: 'Type the 6-digit code the app then shows, to prove it works.',
  setUpStartLabel: 'Start setting up two-step sign-in',
  setUpButton: 'Set up two-step sign-in',
  scanHeading: '1. Scan this QR code with your app',
  qrAlt: 'QR code for your authenticator app. If you cannot scan it, use the setup key below.',
  setupKeyLabel: 'Setup key',
  setupKeyHint:
    'Cannot scan? In the app, choose to enter a key, and type this key for the account {email}. Choose "time-based" if the app asks.',
  confirmHeading: '2. Enter the code the app shows',
  restartWithNewKey: 'Start again with a new key',
  turnOn: 'Turn on two-step sign-in',
  statusLabel: 'Status',
  statusOn: 'On',
  sinceLabel: 'Since',
  codesLeftLabel: 'Recovery codes left',
  codesLeftValue: '{count} of 10',
  newCodesHeading: 'New recovery codes',
  newCodesText: 'Makes 10 new codes. The old codes stop working.',
  newCodesButton: 'Make new recovery codes',
  turnOff: 'Turn off two-step sign-in',
  turnOffText:
    'Do this if you have a new phone: then set it up again. Your other devices are signed out.',
  turnOffTextRequired:
    'Do this if you have a new phone: then set it up again. The clinic requires two-step sign-in, so you must set it up again before you can use the staff pages. Your other devices are signed out.',
  currentPasswordLabel: 'Your current password',
  currentPasswordHint: 'We ask again before changing how you sign in.',
  codesHeading: 'Your recovery codes',
  codesJustEnrolled:
    'Two-step sign-in is on. From now on you enter a code from your app after your password.',
  codesRenewed: 'New recovery codes are ready. The old codes no longer work.',
  codesSaveNow:
    'If you lose your phone, each of these codes signs you in once. Save them now: download them or print this page, and keep them somewhere private.',
  codesNotAgain: 'We will not show them again.',
  codesListLabel: 'Recovery codes',
  codesDownload: 'Download the codes as a text file',
  codesContinue: 'I have saved my codes: continue',
  codesCreated: 'Created {createdAt}.',
  // Setting a password from an invitation (/staff-invite)
  inviteTitle: 'Set your password | Dermadesk',
  inviteBrokenHeading: 'This invitation does not work',
  inviteBrokenText:
    'The link has been used already, has expired (links work for 72 hours) or is not complete. Ask an admin of the clinic to invite you again.',
  inviteHeading: 'Set your password',
  inviteWelcome:
    'Welcome, {name}. Your account ({email}, {roles}) is ready once you choose a password. Next you will set up two-step sign-in.',
  invitePasswordHeading: 'Your password',
  newPasswordLabel: 'New password',
  newPasswordHint:
    'At least {min} characters. A few unrelated words make a strong one; a password manager helps.',
  typeAgainLabel: 'Type it again',
  saving: 'Saving…',
  setMyPassword: 'Set my password',
  inviteAlreadyStaff: 'This address already has an account. Sign in, or ask an admin for help.',
  inviteGone: 'This invitation has been used or has expired. Ask an admin for a new one.',
  linkIncomplete: 'This link is not complete.',
  passwordsDiffer: 'The two passwords are not the same.',
  choosePassword: 'Choose a password.',
  passwordTooShort: 'Use at least {min} characters. A few unrelated words make a strong one.',
  passwordTooLongMax: 'Use at most {max} characters.',
  typeAgainRequired: 'Type the password again.',
  codesFileName: 'dermadesk-recovery-codes.txt',
  codesFileTitle: '{clinic}: recovery codes for {email}',
  codesFileCreated: 'Created {createdAt}',
  codesFileEachCode: 'Each code signs you in once if you cannot use your authenticator app.',
  codesFileKeep: 'Keep them somewhere safe and private. Making new codes cancels these.',
}

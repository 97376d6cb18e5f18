/** Emails to staff: the invitation to a new colleague, the notice of a withdrawn consent. */
export default {
  clinicFallback: 'the clinic',
  invitationSubject: 'Your staff account at {clinic}',
  invitationGreeting: 'Dear {name},',
  invitationInvited: 'You are invited to join {clinic} on Dermadesk as {roles}.',
  invitationLink: 'Set your password here (the link works once, for {hours} hours): {link}',
  invitationTwoStep:
    'After the password you will set up two-step sign-in with an authenticator app.',
  invitationIgnore: 'If you did not expect this, you can ignore this email.',
  roleName: '{role, select, clinician {clinician} admin {admin} other {{role}}}',
  withdrawnSubject: 'Consent withdrawn: {reference}',
  withdrawnWhat: 'A patient has withdrawn their consent for booking {reference} ({when}).',
  withdrawnUnchanged:
    'The booking itself is unchanged. Please do not treat until the patient signs again.',
  withdrawnDetails: 'Details, for signed-in staff: {link}',
  privacyRequestSubject: 'A privacy request is waiting',
  privacyRequestWhat: 'A patient has made a privacy request. Please answer it by {date}.',
  privacyRequestDetails: 'Open it, as an admin: {link}',
}

/** How a patient proved they own the email address on a booking. */
export const EMAIL_PROOFS = ['email_code', 'manage_link'] as const
export type EmailProof = (typeof EMAIL_PROOFS)[number]

/** What an emailed code is for: booking in the wizard, or reaching existing bookings. */
export const EMAIL_VERIFICATION_PURPOSES = ['booking', 'manage'] as const
export type EmailVerificationPurpose = (typeof EMAIL_VERIFICATION_PURPOSES)[number]

export const VERIFICATION_CODE_LENGTH = 6

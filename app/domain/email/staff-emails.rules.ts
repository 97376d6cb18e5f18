import { translator } from '#app/i18n/catalogue.ts'
import { INTL_LOCALES, type Locale } from '#app/i18n/locales.ts'
import { staffEmailsMessages } from '#app/i18n/messages/index.ts'
import { formatDateAndTime, formatDateInZone } from '#app/utils/format.ts'

/**
 * Emails to staff, in the language of the person who reads them (docs/languages.md): a staff
 * member's profile language, else the clinic's default. No health details, ever: only a
 * booking's reference and time, and a link for signed-in staff.
 */
export type StaffEmailText = { subject: string; text: string }

/** The invitation to a new colleague, in the language the inviting admin chose for them. */
export function staffInvitationEmail(
  input: {
    name: string
    roles: string[]
    clinicName: string | null
    link: string
    validHours: number
  },
  locale: Locale,
): StaffEmailText {
  const t = translator(staffEmailsMessages, locale)
  const clinic = input.clinicName ?? t('clinicFallback')
  const roles = new Intl.ListFormat(INTL_LOCALES[locale].dates, {
    type: 'conjunction',
  }).format(input.roles.map((role) => t('roleName', { role })))
  return {
    subject: t('invitationSubject', { clinic }),
    text: [
      t('invitationGreeting', { name: input.name }),
      t('invitationInvited', { clinic, roles }),
      t('invitationLink', { hours: String(input.validHours), link: input.link }),
      t('invitationTwoStep'),
      t('invitationIgnore'),
    ].join('\n'),
  }
}

/** The clinic is told a patient withdrew their consent: the reference, the time and a link. */
export function consentWithdrawnEmail(
  input: {
    reference: string
    startAt: Date
    timeZone: string
    link: string
    clinicName: string
  },
  locale: Locale,
): StaffEmailText {
  const t = translator(staffEmailsMessages, locale)
  const when = formatDateAndTime(input.startAt, input.timeZone, locale)
  return {
    subject: t('withdrawnSubject', { reference: input.reference }),
    text: [
      t('withdrawnWhat', { reference: input.reference, when }),
      t('withdrawnUnchanged'),
      t('withdrawnDetails', { link: input.link }),
      '',
      input.clinicName,
    ].join('\n'),
  }
}

/**
 * The clinic is told a privacy request is waiting (ADR 051): when it is due and a link for
 * admins. Nothing about the patient, the kind of request or their words.
 */
export function privacyRequestEmail(
  input: { dueAt: Date; timeZone: string; link: string; clinicName: string },
  locale: Locale,
): StaffEmailText {
  const t = translator(staffEmailsMessages, locale)
  return {
    subject: t('privacyRequestSubject'),
    text: [
      t('privacyRequestWhat', { date: formatDateInZone(input.dueAt, input.timeZone, locale) }),
      t('privacyRequestDetails', { link: input.link }),
      '',
      input.clinicName,
    ].join('\n'),
  }
}

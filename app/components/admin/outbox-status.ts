import { type Translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { type adminEmailsMessages } from '#app/i18n/messages/index.ts'

type EmailsT = Translator<keyof (typeof adminEmailsMessages)['en'] & string>

/** The status badge's words (outbox.rules.ts) in the page's language; English as it is. */
const STATUS_KEYS: Record<string, string> = {
  Sent: 'sent',
  Failed: 'failed',
  'Sending now': 'sending',
  'Kept in outbox – no mail server configured': 'kept',
  'Waiting to retry': 'retrying',
  'Waiting to send': 'waiting',
}

export function outboxStatusText(label: string, locale: Locale, t: EmailsT): string {
  const status = STATUS_KEYS[label]
  return locale === 'en' || !status ? label : t('status', { status })
}

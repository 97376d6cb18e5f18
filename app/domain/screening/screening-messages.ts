import { translate } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { limitsMessages } from '#app/i18n/messages/index.ts'
import { formatDateInZone } from '#app/utils/format.ts'

/** The answer when a chosen time is before the screening's waiting windows allow. */
export function screeningWaitMessage(
  earliestStartAt: number,
  timeZone: string,
  locale: Locale = 'en',
): string {
  const date = formatDateInZone(earliestStartAt, timeZone, locale)
  return translate(limitsMessages, locale, 'screeningWait', { date })
}

import { translate } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { visitMessages } from '#app/i18n/messages/index.ts'
import { formatCalendarDate } from '#app/utils/format.ts'
import { type VisitTiming } from './treatment.rules.ts'

/** Why check-in is not open, in staff words (the appointment page and the check-in page). */
export function checkInClosedReason(
  checkIn: Exclude<VisitTiming['checkIn'], 'open'>,
  visitDate: string,
  locale: Locale = 'en',
): string {
  const date = formatCalendarDate(visitDate, locale)
  return translate(
    visitMessages,
    locale,
    checkIn === 'not-yet' ? 'checkInNotYet' : 'checkInDayPassed',
    { date },
  )
}

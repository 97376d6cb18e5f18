import { describeWait } from '#app/domain/limits/limits.rules.ts'
import { screeningWaitMessage } from '#app/domain/screening/screening-messages.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { limitsMessages, timeMessages } from '#app/i18n/messages/index.ts'
import { formatDateAndTime, formatDateInZone } from '#app/utils/format.ts'
import { type DraftView } from './draft-view.server.ts'
import { nextStep, type WizardProgress } from './steps.ts'

/*
 * The day-and-time step's words. Its route uses them only in its loader and action; the browser
 * build drops modules nothing in the page uses (package.json "sideEffects"), so these stay on
 * the server without a `.server` name to steer the bundler (docs/decisions/028-stock-framework.md).
 */
/** What the step says about the draft: the time it holds, and the first day screening allows. */
export function timeStepNotices(draft: DraftView, now: number, locale: Locale = 'en') {
  const screeningWait =
    draft.screening?.waitUntilAt && draft.screening.waitUntilAt > now
      ? formatDateInZone(draft.screening.waitUntilAt, draft.timeZone, locale)
      : null
  const hold = draft.hold?.live
    ? {
        label: formatDateAndTime(draft.hold.startAt, draft.timeZone, locale),
        practitionerName: draft.hold.practitionerName,
      }
    : null
  return { hold, screeningWait }
}

/** Where the patient goes once a time is held: on through the wizard, or to the confirmation. */
export function pathAfterHold(booked: boolean, progress: WizardProgress): string {
  return booked ? '/book/confirmation' : nextStep('time', progress).path
}

/** Why a time was refused when it is too early for the skin to heal or for screening's waits. */
export function waitRefusalMessage(
  refusal: { reason: 'too-close' | 'screening-wait'; earliestStartAt: number },
  timeZone: string,
  locale: Locale = 'en',
): string {
  if (refusal.reason === 'screening-wait')
    return screeningWaitMessage(refusal.earliestStartAt, timeZone, locale)
  const date = formatDateInZone(refusal.earliestStartAt, timeZone, locale)
  return translate(timeMessages, locale, 'tooClose', { date })
}

/** Why a hold was refused by a limit (hold-limits.server.ts), and when to try again. */
export function holdLimitMessage(
  limit: string,
  retryAfterSeconds: number,
  locale: Locale = 'en',
): string {
  const wait = describeWait(retryAfterSeconds, locale)
  return translate(
    limitsMessages,
    locale,
    limit === 'hold-renewal' ? 'holdRenewal' : 'holdNetwork',
    {
      wait,
    },
  )
}

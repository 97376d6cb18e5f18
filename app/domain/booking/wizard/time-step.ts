import { describeWait } from '#app/domain/limits/limits.rules.ts'
import { screeningWaitMessage } from '#app/domain/screening/screening-messages.ts'
import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { type DraftView } from './draft-view.server.ts'
import { nextStep, type WizardProgress } from './steps.ts'

/*
 * The day-and-time step's words. Its route uses them only in its loader and action; the browser
 * build drops modules nothing in the page uses (package.json "sideEffects"), so these stay on
 * the server without a `.server` name to steer the bundler (docs/decisions/028-stock-framework.md).
 */
/** What the step says about the draft: the time it holds, and the first day screening allows. */
export function timeStepNotices(draft: DraftView, now: number) {
  const screeningWait =
    draft.screening?.waitUntilAt && draft.screening.waitUntilAt > now
      ? formatDateInZone(draft.screening.waitUntilAt, draft.timeZone)
      : null
  const hold = draft.hold?.live
    ? {
        label: `${formatDateInZone(draft.hold.startAt, draft.timeZone)} at ${formatTimeInZone(draft.hold.startAt, draft.timeZone)}`,
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
): string {
  return refusal.reason === 'too-close'
    ? `Your skin needs time to heal between sessions. Please choose a time from ${formatDateInZone(refusal.earliestStartAt, timeZone)} onwards.`
    : screeningWaitMessage(refusal.earliestStartAt, timeZone)
}

/** Why a hold was refused by a limit (hold-limits.server.ts), and when to try again. */
export function holdLimitMessage(limit: string, retryAfterSeconds: number): string {
  const wait = describeWait(retryAfterSeconds)
  return limit === 'hold-renewal'
    ? `The time we kept for you for this slot has run out, and a slot is not held twice for the same visit. Please choose another time, or try this one again ${wait}.`
    : `Several times are already being held from your network. Please finish booking one of them, or try again ${wait}.`
}

import { formatDateInZone } from '#app/utils/format.ts'

/** The answer when a chosen time is before the screening's waiting windows allow. */
export function screeningWaitMessage(earliestStartAt: number, timeZone: string): string {
  return `Because of your answers to the health questions, please choose a time from ${formatDateInZone(earliestStartAt, timeZone)} onwards.`
}

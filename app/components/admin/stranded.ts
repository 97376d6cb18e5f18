import { type StrandedBookingView } from '#app/domain/clinic/stranding.rules.ts'

/** What an admin action answers when a change would strand bookings (status 409). */
export type StrandedPayload = {
  stranded: {
    /** The zone the patients were told their times in. */
    timeZone: string
    listChanged: boolean
    choiceError: string | null
    bookings: StrandedBookingView[]
    /** The change as it was posted, to post it again with the admin's choice. */
    values: Record<string, string | string[]>
    cancelReason: string
  }
}

export function strandedOf(actionData: unknown): StrandedPayload['stranded'] | undefined {
  if (actionData && typeof actionData === 'object' && 'stranded' in actionData)
    return (actionData as StrandedPayload).stranded
  return undefined
}

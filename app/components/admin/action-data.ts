import { useNavigation } from '@remix-run/react'
import { type StrandedBookingView } from '#app/domain/clinic/stranding.rules.ts'
import { type FormErrors, isFormErrors } from '#app/utils/forms.ts'

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

/**
 * The server's complaints for one form of a page with several: only when the post came from
 * the form with this intent (a page without intents passes none).
 */
export function formErrorsFor(actionData: unknown, intent?: string): FormErrors | undefined {
  if (!isFormErrors(actionData)) return undefined
  if (intent !== undefined && actionData.values.intent !== intent) return undefined
  return actionData
}

/** True while the form with this intent (or any form, without one) is being submitted. */
export function useIsSubmitting(intent?: string): boolean {
  const navigation = useNavigation()
  if (navigation.state === 'idle' || navigation.formMethod !== 'POST') return false
  return intent === undefined || navigation.formData?.get('intent') === intent
}

import { useNavigation } from '@remix-run/react'
import { type FormErrors, isFormErrors } from '#app/utils/forms.ts'

/**
 * The server's complaints for one form of a page with several: only when the post came from
 * the form with this intent (a page without intents passes none).
 */
export function formErrorsFor(actionData: unknown, intent?: string): FormErrors | undefined {
  if (!isFormErrors(actionData)) return undefined
  if (intent !== undefined && actionData.values.intent !== intent) return undefined
  return actionData
}

/**
 * True while this page's form is being posted, to disable its button and say so. With an intent,
 * only while the form posting that intent is: the page's other forms stay usable.
 */
export function useIsPending(intent?: string): boolean {
  const navigation = useNavigation()
  if (navigation.state === 'idle' || navigation.formMethod !== 'POST') return false
  return intent === undefined || navigation.formData?.get('intent') === intent
}

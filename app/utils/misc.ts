import { useNavigation } from '@remix-run/react'

const DEFAULT_REDIRECT = '/staff'

/**
 * Only same-site paths: "/staff/…" yes, "//evil.example" or "https://evil.example" no.
 * Stops the sign-in page from becoming an open redirect.
 */
export function safeRedirect(to: unknown, fallback: string = DEFAULT_REDIRECT): string {
  if (
    typeof to !== 'string' ||
    !to.startsWith('/') ||
    to.startsWith('//') ||
    to.startsWith('/\\')
  ) {
    return fallback
  }
  return to
}

/** True while this page's form is being submitted (to disable the button and say so). */
export function useIsPending({
  formAction,
  formMethod = 'POST',
}: { formAction?: string; formMethod?: string } = {}): boolean {
  const navigation = useNavigation()
  return (
    navigation.state !== 'idle' &&
    navigation.formMethod === formMethod &&
    (formAction === undefined || navigation.formAction === formAction)
  )
}

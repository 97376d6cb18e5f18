import { isRouteErrorResponse } from '@remix-run/react'

/**
 * How loud an error Remix reports should be in the log. Only faults of ours are errors with a
 * stack; what a client did wrong (a 4xx thrown as a response, a legacy `?_data=` request from an
 * old tab or a scanner: this app uses single fetch) is a quiet line, so that anyone can fill the
 * error log by asking for odd URLs.
 */
export type ErrorReport =
  { level: 'error'; withStack: true } | { level: 'info'; withStack: false; reason: string }

export function classifyRequestError(error: unknown, url: URL): ErrorReport {
  if (isRouteErrorResponse(error) && error.status < 500)
    return { level: 'info', withStack: false, reason: `client error ${error.status}` }
  if (
    url.searchParams.has('_data') &&
    error instanceof Error &&
    error.message.includes('should not be making ?_data requests')
  )
    return { level: 'info', withStack: false, reason: 'legacy ?_data request' }
  return { level: 'error', withStack: true }
}

import { type HeadersFunction } from '@remix-run/node'

/**
 * With single fetch, headers an action or loader returns with `data()` reach the response only
 * through the route's `headers` export. Routes that answer 429 export this one, so that the
 * Retry-After they set is really sent (security: every limit says when to try again).
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const headers = new Headers()
  const retryAfter = actionHeaders.get('Retry-After') ?? loaderHeaders.get('Retry-After')
  if (retryAfter) headers.set('Retry-After', retryAfter)
  return headers
}

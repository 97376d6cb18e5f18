import { data } from '@remix-run/node'
import { describe, expect, test } from 'vitest'
import { classifyRequestError } from './request-errors.ts'

const url = (path: string) => new URL(path, 'http://localhost')

/** What Remix throws for a response error (the shape isRouteErrorResponse looks for). */
function routeErrorResponse(status: number, data: string) {
  return { status, statusText: '', internal: true, data }
}

describe('classifyRequestError', () => {
  test('a 4xx thrown by a loader (unknown route, 404, 403) is a quiet line, without a stack', () => {
    for (const status of [400, 403, 404, 405]) {
      expect(
        classifyRequestError(
          routeErrorResponse(status, 'Route "routes/nope" does not match'),
          url('/nope?_data=routes/nope'),
        ),
      ).toMatchObject({ level: 'info', withStack: false })
    }
  })

  test("Remix's warning about a legacy ?_data= request is a quiet line", () => {
    const warning = new Error(
      'Warning: Single fetch-enabled apps should not be making ?_data requests, this is likely to break in the future',
    )
    expect(classifyRequestError(warning, url('/book?_data=routes/book'))).toEqual({
      level: 'info',
      withStack: false,
      reason: 'legacy ?_data request',
    })
  })

  test('our own faults stay errors with their stack', () => {
    expect(classifyRequestError(new Error('boom'), url('/book'))).toEqual({
      level: 'error',
      withStack: true,
    })
    expect(classifyRequestError(routeErrorResponse(500, 'boom'), url('/book'))).toEqual({
      level: 'error',
      withStack: true,
    })
    // The same words without the query string are not the warning.
    expect(
      classifyRequestError(new Error('should not be making ?_data requests'), url('/book')).level,
    ).toBe('error')
    expect(classifyRequestError(data('x'), url('/book')).level).toBe('error')
  })
})

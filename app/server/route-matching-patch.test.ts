import fs from 'node:fs'
import { createRequire } from 'node:module'
import type * as Router from '@remix-run/router'
import type * as RouterServer from 'react-router-dom/server'
import { describe, expect, it } from 'vitest'

/**
 * The patches of docs/decisions/025-request-cost.md (patches/, applied by `postinstall`) keep
 * route matches and the static render's route objects between requests. These tests pin what
 * callers must still see: the same answers as before, and objects of their own.
 */

const require = createRequire(import.meta.url)
// The server loads the CommonJS builds (the patched files); an import here would get the ES build.
const { matchRoutes, createStaticHandler } = require('@remix-run/router') as typeof Router
const { createStaticRouter } = require('react-router-dom/server') as typeof RouterServer
type RouteObject = Router.AgnosticRouteObject

function tree(): RouteObject[] {
  return [
    {
      id: 'root',
      path: '/',
      children: [
        { id: 'home', index: true },
        { id: 'booking', path: 'bookings/:reference' },
        { id: 'aftercare', path: 'bookings/:reference/aftercare' },
        { id: 'staff-booking', path: 'staff/bookings/:bookingId' },
        { id: 'catch-all', path: '*' },
      ],
    },
  ]
}

const ids = (matches: ReturnType<typeof matchRoutes>) => matches?.map((m) => m.route.id) ?? null

describe('route matching patch', () => {
  it('is applied to the installed packages', () => {
    for (const file of [
      '@remix-run/router/dist/router.cjs.js',
      'react-router-dom/server.js',
      '@remix-run/react/dist/server.js',
    ])
      expect(fs.readFileSync(require.resolve(file), 'utf8'), file).toContain('Dermadesk patch')
  })

  it('answers each pathname with its own matches and params, first time and after', () => {
    const routes = tree()
    for (let round = 0; round < 3; round++) {
      expect(ids(matchRoutes(routes, '/bookings/ABC-123'))).toEqual(['root', 'booking'])
      expect(matchRoutes(routes, '/bookings/ABC-123')?.[1]?.params).toEqual({
        reference: 'ABC-123',
      })
      expect(matchRoutes(routes, '/bookings/XYZ-9/aftercare')?.[1]?.params).toEqual({
        reference: 'XYZ-9',
      })
      expect(ids(matchRoutes(routes, '/'))).toEqual(['root', 'home'])
      expect(matchRoutes(routes, '/no/such/page')?.[1]?.params).toEqual({ '*': 'no/such/page' })
    }
  })

  it('never hands out the cached objects: a caller may change its copy freely', () => {
    const routes = tree()
    matchRoutes(routes, '/staff/bookings/b-1')
    // From the cache now.
    const first = matchRoutes(routes, '/staff/bookings/b-1')!
    ;(first[1]!.params as Record<string, string>).bookingId = 'tampered'
    first.pop()
    const second = matchRoutes(routes, '/staff/bookings/b-1')!
    expect(second).toHaveLength(2)
    expect(second[1]!.params).toEqual({ bookingId: 'b-1' })
    expect(second).not.toBe(first)
    // As upstream builds them: one params object for all matches of one answer.
    expect(second[0]!.params).toBe(second[1]!.params)
  })

  it('stays right past its size limit and for a different tree', () => {
    const routes = tree()
    for (let i = 0; i < 2500; i++)
      expect(matchRoutes(routes, `/bookings/R${i}`)?.[1]?.params.reference).toBe(`R${i}`)
    const other: RouteObject[] = [{ id: 'only', path: '/bookings/:reference' }]
    expect(ids(matchRoutes(other, '/bookings/R1'))).toEqual(['only'])
    expect(matchRoutes(other, '/'))?.toBeNull()
  })

  it('keeps the static render routes per route array, and matches against them', async () => {
    const routes = tree()
    const handler = createStaticHandler(routes)
    const context = await handler.query(new Request('http://localhost/bookings/ABC'))
    if (context instanceof Response) throw new Error('unexpected response')
    const a = createStaticRouter(routes, context)
    const b = createStaticRouter(routes, context)
    expect(a.routes).toBe(b.routes)
    expect(a.state.matches.map((m) => m.route.id)).toEqual(['root', 'booking'])
    expect(a.state.matches[1]!.route).toBe(a.routes[0]!.children![1])
    const fresh = createStaticRouter(tree(), context)
    expect(fresh.routes).not.toBe(a.routes)
  })
})

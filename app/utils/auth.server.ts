import { type AppLoadContext, redirect } from '@remix-run/node'
import { type StaffAccess, staffAccess } from '#app/domain/auth/mfa.rules.ts'
import {
  getSessionUser,
  type SessionLookup,
  STAFF_SESSION_ABSOLUTE_MS,
  type StaffUser,
} from '#app/domain/auth/sessions.server.ts'
import { TABLET_HOME } from '#app/domain/tablet/tablet.rules.ts'
import { getTabletLock, type TabletLock } from '#app/domain/tablet/tablet.server.ts'
import { getEnv } from './env.server.ts'
import { safeRedirect } from './misc.ts'
import { readToken, tokenCookie } from './token-cookie.server.ts'

/** The staff session cookie (see tokenCookie). */
function sessionCookie() {
  return tokenCookie('dermadesk_session', STAFF_SESSION_ABSOLUTE_MS)
}

export function readSessionToken(request: Request): Promise<string | null> {
  return readToken(sessionCookie(), request)
}

export function serializeSessionCookie(token: string): Promise<string> {
  return sessionCookie().serialize(token)
}

export function serializeExpiredSessionCookie(): Promise<string> {
  return sessionCookie().serialize('', { maxAge: 0 })
}

export type StaffSession = { token: string; user: StaffUser; access: StaffAccess }

function sessionOf(token: string, lookup: SessionLookup): StaffSession | null {
  if (lookup.status !== 'active') return null
  const access = staffAccess({
    authLevel: lookup.authLevel,
    mfaEnrolled: lookup.mfaEnrolled,
    mfaRequired: getEnv().REQUIRE_STAFF_MFA,
  })
  return { token, user: lookup.user, access }
}

type Renewal = Pick<AppLoadContext, 'renewedSessionToken'>

async function readStaffSession(request: Request, context?: Renewal) {
  const token = context?.renewedSessionToken ?? (await readSessionToken(request))
  const lookup: SessionLookup = token ? getSessionUser(token) : { status: 'missing' }
  return {
    token,
    expired: lookup.status === 'expired',
    locked: lookup.status === 'locked',
    session: token ? sessionOf(token, lookup) : null,
  }
}

/** A browser handed to a patient as the clinic tablet (ADR 045) shows its lock screen instead. */
function toTabletLock(): Response {
  return redirect(TABLET_HOME)
}

/**
 * The session behind the cookie as the root layout needs it: the session (null when there is
 * none, or while it is locked) and whether it is a clinic tablet locked for a patient (ADR 045).
 */
export async function getStaffSessionState(
  request: Request,
  context?: Renewal,
): Promise<{ session: StaffSession | null; tablet: boolean }> {
  const { session, locked } = await readStaffSession(request, context)
  return { session, tablet: locked }
}

/** For the tablet's own page: the lock on this browser's staff session, else to the staff area. */
export async function requireTabletLock(
  request: Request,
): Promise<{ token: string; lock: TabletLock }> {
  const token = await readSessionToken(request)
  const lock = token ? getTabletLock(token) : null
  if (!token || !lock) throw redirect('/staff')
  return { token, lock }
}

/** The session behind the cookie, whatever it has proved so far (null when there is none). */
export async function getStaffSession(
  request: Request,
  context?: Renewal,
): Promise<StaffSession | null> {
  return (await readStaffSession(request, context)).session
}

/** The signed-in staff user with full access (password and, where needed, second factor). */
export async function getStaffUser(request: Request): Promise<StaffUser | null> {
  const session = await getStaffSession(request)
  return session?.access === 'full' ? session.user : null
}

function backHere(request: Request): URLSearchParams {
  const url = new URL(request.url)
  return new URLSearchParams({ redirectTo: safeRedirect(`${url.pathname}${url.search}`) })
}

/** Where a session that is signed in but not finished must go next. */
function unfinishedSignIn(access: StaffAccess, request: Request): Response | null {
  if (access === 'needs-second-factor') return redirect(`/login/verify?${backHere(request)}`)
  if (access === 'needs-enrolment') return redirect(`/staff/security?${backHere(request)}`)
  return null
}

async function toSignIn(params: URLSearchParams, token: string | null, expired: boolean) {
  if (expired) params.set('expired', '1')
  const query = params.toString()
  return redirect(query ? `/login?${query}` : '/login', {
    headers: token ? { 'Set-Cookie': await serializeExpiredSessionCookie() } : undefined,
  })
}

/**
 * The signed-in staff user, or a redirect: to sign-in (none or expired), to the second step
 * (password only, goal A5), or to set up two-factor (required and not set up). Every staff
 * loader and action calls this, directly or through requireRole.
 */
export async function requireStaffUser(request: Request): Promise<StaffUser> {
  const { token, expired, locked, session } = await readStaffSession(request)
  if (locked) throw toTabletLock()
  if (!session) throw await toSignIn(backHere(request), token, expired)
  const next = unfinishedSignIn(session.access, request)
  if (next) throw next
  return session.user
}

/**
 * For /login/verify: a session that passed the password and owes the second factor. A full
 * session goes on to the staff area; anyone else signs in first.
 */
export async function requireSecondFactorPending(request: Request): Promise<StaffSession> {
  const { token, expired, locked, session } = await readStaffSession(request)
  if (locked) throw toTabletLock()
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'))
  if (!session) {
    const params = new URLSearchParams(redirectTo === '/staff' ? {} : { redirectTo })
    throw await toSignIn(params, token, expired)
  }
  if (session.access === 'needs-second-factor') return session
  if (session.access === 'needs-enrolment')
    throw redirect(`/staff/security?${new URLSearchParams({ redirectTo })}`)
  throw redirect(redirectTo)
}

/**
 * For /staff/security: full sessions, and sessions that must set up two-factor before anything
 * else. A session that owes its second factor goes to /login/verify first.
 */
export async function requireStaffUserForSecurity(
  request: Request,
  context?: Renewal,
): Promise<StaffSession> {
  const { token, expired, locked, session } = await readStaffSession(request, context)
  if (locked) throw toTabletLock()
  if (!session) throw await toSignIn(backHere(request), token, expired)
  if (session.access === 'needs-second-factor') throw redirect(`/login/verify?${backHere(request)}`)
  return session
}

/** For the sign-in page: someone already signed in goes on to where they are expected. */
export async function requireAnonymous(request: Request): Promise<void> {
  const { locked, session } = await readStaffSession(request)
  if (locked) throw toTabletLock()
  if (!session) return
  if (session.access === 'full') throw redirect('/staff')
  if (session.access === 'needs-second-factor') throw redirect('/login/verify')
  throw redirect('/staff/security')
}

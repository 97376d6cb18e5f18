import { type NextFunction, type Request, type Response } from 'express'
import { getTabletLock } from '#app/domain/tablet/tablet.server.ts'
import { isDataRequest, TABLET_HOME, tabletAllows } from '#app/domain/tablet/tablet.rules.ts'
import { readSessionToken } from '#app/utils/auth.server.ts'

/** Remix answers a data request here with a redirect to the tablet's page (routes/tablet.return.tsx). */
const RETURN_DATA = `${TABLET_HOME}/return.data`

/**
 * Clinic tablet mode (docs/decisions/045-clinic-tablet-mode.md): a browser whose staff session is
 * locked for a patient opens only that patient's health questions and consent, and the tablet's
 * own page. Any other address (another booking, /book, /staff, /admin, the home page) goes to the
 * tablet's page instead, before any loader or action runs, so no page can forget the check.
 * Browsers without a staff cookie (every patient's) skip the look-up.
 */
export function tabletGate() {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const cookie = req.headers.cookie
      if (!cookie?.includes('dermadesk_session')) return next()
      const token = await readSessionToken(
        new globalThis.Request('http://localhost/', { headers: { cookie } }),
      )
      const lock = token ? getTabletLock(token) : null
      if (!lock || tabletAllows(req.path, lock.reference)) return next()
      if (isDataRequest(req.path)) {
        // A client-side navigation: Remix must send the redirect in its own format.
        req.url = RETURN_DATA
        req.originalUrl = RETURN_DATA
        return next()
      }
      res.redirect(303, TABLET_HOME)
    } catch (error) {
      next(error)
    }
  }
}

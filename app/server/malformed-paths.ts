import { type NextFunction, type Request, type Response } from 'express'

/** A path no route has: Remix answers it with the app's own not-found page ($.tsx). */
export const NOT_FOUND_PATH = '/page-not-found'

/** True when every %-escape in the path is valid UTF-8 (what decodeURIComponent accepts). */
export function isDecodablePath(urlPath: string): boolean {
  try {
    decodeURIComponent(urlPath)
    return true
  } catch {
    return false
  }
}

/**
 * A path with a broken %-escape (GET /%, /bookings/%E0%A4%A) names no page. Express used to answer
 * it with a 500 and Remix would print three unstructured warnings for it; it gets the normal
 * not-found page instead, with a 404, and one ordinary request line in the log.
 */
export function malformedPathsNotFound() {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!isDecodablePath(req.path)) {
      req.url = NOT_FOUND_PATH
      req.originalUrl = NOT_FOUND_PATH
    }
    next()
  }
}

import { randomBytes } from 'node:crypto'
import { type NextFunction, type Request, type Response } from 'express'
import helmet from 'helmet'

/** Request bodies above this size get 413 before any parsing (security goal D2). */
export const MAX_BODY_BYTES = 1024 * 1024

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Security headers on every response (goals D6, D7), from helmet. The CSP is enforced, not
 * report-only, and its nonce is new for every response: scripts and the inlined stylesheet carry
 * it, anything else inline does not run. Helmet has no Permissions-Policy, so that one header is
 * set here (docs/decisions/028-stock-framework.md).
 */
export function securityHeaders({ production }: { production: boolean }) {
  const withHelmet = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        // The app's stylesheet is inlined into each page under the same nonce (inline-styles.tsx).
        styleSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        reportUri: ['/csp-report'],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    // HSTS only where the site is served over HTTPS (production behind TLS).
    strictTransportSecurity: production
      ? { maxAge: 31536000, includeSubDomains: true, preload: false }
      : false,
  })
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString('base64')
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
    withHelmet(req, res, next)
  }
}

/**
 * Refuses state-changing requests sent from another site (goal D5): Fetch Metadata first, the
 * Origin header as a fallback. Requests with neither header come from non-browser clients,
 * which cannot carry a victim's cookies, so they pass.
 */
export function refuseCrossSiteWrites() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!UNSAFE_METHODS.has(req.method)) return next()
    const fetchSite = req.get('sec-fetch-site')
    const origin = req.get('origin')
    const expectedOrigin = `${req.protocol}://${req.get('host')}`
    const crossSite =
      (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') ||
      (origin !== undefined && origin !== expectedOrigin)
    if (!crossSite) return next()
    req.log.warn({ fetchSite, origin }, 'refused cross-site write')
    res
      .status(403)
      .type('text/plain')
      .send('This form was sent from another website, so it was not accepted.')
  }
}

/**
 * 413 at once, then the rest of the body is discarded and the connection closed. Closing while
 * the client is still sending would reset the connection and lose the answer; a client that
 * keeps streaming gets two seconds before the socket is dropped.
 */
export function refuseTooLarge(req: Request, res: Response) {
  req.resume()
  req.once('end', () => req.socket.end())
  const timer = setTimeout(() => req.socket.destroy(), 2000)
  timer.unref()
  req.socket.once('close', () => clearTimeout(timer))
  res.status(413).type('text/plain').send('The request is too large.')
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The whole request body, read before routing and never more than MAX_BODY_BYTES. */
    rawBody?: Buffer
  }
}

/**
 * Reads the body into memory with a hard cap. A declared Content-Length over the cap is refused
 * at once; a chunked body is refused as soon as it passes the cap, and the socket is closed.
 */
export function limitBody(maxBytes = MAX_BODY_BYTES) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next()
    // An upload route's body is streamed to the route under its own cap (uploads.ts).
    if (req.uploadBody) return next()
    const tooLarge = () => refuseTooLarge(req, res)
    const declared = Number(req.get('content-length') ?? NaN)
    if (Number.isFinite(declared) && declared > maxBytes) return tooLarge()
    const chunks: Buffer[] = []
    let received = 0
    let refused = false
    req.on('data', (chunk: Buffer) => {
      if (refused) return
      received += chunk.length
      if (received > maxBytes) {
        refused = true
        tooLarge()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (refused) return
      req.rawBody = Buffer.concat(chunks)
      next()
    })
    req.on('error', (error) => {
      if (!refused) next(error)
    })
  }
}

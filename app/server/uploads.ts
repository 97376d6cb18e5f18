import { PassThrough } from 'node:stream'
import { type NextFunction, type Request, type Response } from 'express'
import { MAX_IMAGE_BYTES } from '#app/domain/media/image.rules.ts'
import { MAX_PHOTO_BYTES } from '#app/domain/photos/photo.rules.ts'

/**
 * Routes that take a picture. Their body is not read up front like every other route's (1 MB,
 * security.ts): it is streamed to the route, which checks who is asking before it reads a byte,
 * then parses the multipart form with a limit per file (docs/decisions/037-practitioner-photos.md).
 */
const UPLOAD_ROUTES: { path: RegExp; maxBytes: number }[] = [
  // One photo and the form's few small fields.
  {
    path: /^\/admin\/practitioners\/[^/]+\/photo(\.data)?$/,
    maxBytes: MAX_IMAGE_BYTES + 64 * 1024,
  },
  // A clinical photo of a visit (docs/decisions/047-clinical-photos.md) and its few fields.
  {
    path: /^\/staff\/bookings\/[^/]+\/photos(\.data)?$/,
    maxBytes: MAX_PHOTO_BYTES + 64 * 1024,
  },
]

/** What a route reads when the upload went past its route's cap while it was being read. */
export class UploadTooLargeError extends Error {
  constructor() {
    super('The upload is too large.')
    this.name = 'UploadTooLargeError'
  }
}

declare module 'express-serve-static-core' {
  interface Request {
    /** An upload route's body, counted as it arrives (uploads.ts). */
    uploadBody?: PassThrough
  }
}

export function uploadLimitFor(req: Request): number | null {
  if (req.method !== 'POST') return null
  return UPLOAD_ROUTES.find((route) => route.path.test(req.path))?.maxBytes ?? null
}

/**
 * For an upload route: refuses a declared size over the cap at once, otherwise hands the body on
 * as a stream that fails with UploadTooLargeError the moment it passes the cap. Whatever the
 * route did not read (a guard that answered first, a refused file) is drained after the answer,
 * so the browser, still sending, reads the answer instead of a reset connection.
 */
export function streamUploads(tooLarge: (req: Request, res: Response) => void) {
  return (req: Request, res: Response, next: NextFunction) => {
    const maxBytes = uploadLimitFor(req)
    if (maxBytes === null) return next()
    const declared = Number(req.get('content-length') ?? NaN)
    if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(req, res)
    const body = new PassThrough()
    let received = 0
    const discard = () => {
      req.removeAllListeners('data')
      req.resume()
    }
    req.on('data', (chunk: Buffer) => {
      received += chunk.length
      if (received > maxBytes) {
        body.destroy(new UploadTooLargeError())
        discard()
        // A chunked body has no declared end: stop listening to one that keeps coming.
        const timer = setTimeout(() => req.socket.destroy(), 2000)
        timer.unref()
        return
      }
      if (!body.write(chunk)) {
        req.pause()
        body.once('drain', () => req.resume())
      }
    })
    req.on('end', () => body.end())
    req.on('error', (error) => body.destroy(error))
    res.on('finish', () => {
      if (!req.complete) discard()
    })
    req.uploadBody = body
    next()
  }
}

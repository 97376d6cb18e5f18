import { Readable } from 'node:stream'
import zlib from 'node:zlib'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { type AppLoadContext } from '@remix-run/node'
import { type NextFunction, type Request, type Response } from 'express'
import { pickEncoding } from './precompressed.ts'

/**
 * Express → Remix glue. We write our own instead of @remix-run/express (not a dependency) because
 * the body has already been read, with a size cap, before anything parses it (security.ts, goal
 * D2), and must be handed over as a buffer; the stock adapter streams `req` itself
 * (docs/decisions/028-stock-framework.md). Upload routes are the exception: their body arrives
 * as a counted stream (uploads.ts).
 */
export function remixHandler(
  build: ServerBuild,
  mode: string,
  getLoadContext: (req: Request, res: Response) => AppLoadContext,
) {
  const handle = createRequestHandler(build, mode)
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const controller = new AbortController()
      res.on('close', () => {
        if (!res.writableFinished) controller.abort()
      })
      const headers = new Headers()
      for (const [key, value] of Object.entries(req.headers)) {
        if (value === undefined) continue
        for (const item of Array.isArray(value) ? value : [value]) headers.append(key, item)
      }
      const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`)
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
      const request = new globalThis.Request(url, {
        method: req.method,
        headers,
        body: !hasBody
          ? undefined
          : req.uploadBody
            ? (Readable.toWeb(req.uploadBody) as ReadableStream<Uint8Array>)
            : new Uint8Array(req.rawBody ?? Buffer.alloc(0)),
        // A stream body must say so (fetch's rule); only upload routes have one.
        ...(req.uploadBody ? { duplex: 'half' } : {}),
        signal: controller.signal,
      } as RequestInit)
      const response = await handle(request, getLoadContext(req, res))
      res.statusMessage = response.statusText
      res.status(response.status)
      for (const [key, value] of response.headers.entries()) {
        if (key.toLowerCase() !== 'set-cookie') res.setHeader(key, value)
      }
      const cookies = response.headers.getSetCookie()
      if (cookies.length > 0) res.setHeader('Set-Cookie', cookies)
      // Every answer here is finite and small (pages are rendered whole, see entry.server.tsx):
      // one write with a Content-Length beats relaying a web stream chunk by chunk.
      if (response.body)
        res.end(compressDocument(req, res, Buffer.from(await response.arrayBuffer())))
      else res.end()
    } catch (error) {
      next(error)
    }
  }
}

/** Below this a page fits in the first round trip anyway. */
const MIN_COMPRESSED_BYTES = 1400

/**
 * Pages go out compressed when the browser takes it: a 19 KB booking page is about 4 KB, one
 * round trip instead of two on a slow mobile link. Brotli at quality 4 costs about as much CPU
 * as gzip and compresses better; only HTML is compressed here (scripts and styles are
 * compressed at build time, see precompressed.ts).
 */
export function compressDocument(req: Request, res: Response, body: Buffer): Buffer {
  const type = res.getHeader('content-type')
  if (typeof type !== 'string' || !type.startsWith('text/html')) return body
  if (body.length < MIN_COMPRESSED_BYTES || res.getHeader('content-encoding')) return body
  res.vary('Accept-Encoding')
  const encoding = pickEncoding(req.get('accept-encoding'), ['br', 'gzip'])
  if (!encoding) return body
  res.setHeader('Content-Encoding', encoding)
  res.removeHeader('Content-Length')
  return encoding === 'br'
    ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })
    : zlib.gzipSync(body, { level: 6 })
}

import { Writable } from 'node:stream'
import { type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'

const ABORT_DELAY_MS = 5_000
export const streamTimeout = ABORT_DELAY_MS

/**
 * Renders the whole document into a buffer and answers with it in one piece, as the app's
 * entry.server.tsx does (docs/decisions/025-request-cost.md, item 3), without the app's nonce,
 * inlined styles and logging.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} />,
      {
        onAllReady() {
          const chunks: Buffer[] = []
          const document = new Writable({
            emitClose: false,
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk)
              done()
            },
            final(done) {
              clearTimeout(timeout)
              responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
              resolve(
                new Response(Buffer.concat(chunks), {
                  headers: responseHeaders,
                  status: responseStatusCode,
                }),
              )
              done()
            },
          })
          pipe(document)
        },
        onShellError(error: unknown) {
          clearTimeout(timeout)
          reject(error)
        },
        onError() {
          responseStatusCode = 500
        },
      },
    )
    const timeout = setTimeout(abort, ABORT_DELAY_MS + 1000)
  })
}

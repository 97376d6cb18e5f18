import { Writable } from 'node:stream'
import { type AppLoadContext, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import appStylesHref from '#app/styles/app.css'
import { InlineStylesProvider } from '#app/utils/inline-styles.tsx'
import { stylesheetText } from '#app/utils/inline-styles.server.ts'
import { logger } from '#app/utils/logger.server.ts'
import { NonceProvider } from '#app/utils/nonce-provider.ts'
import { classifyRequestError } from '#app/server/request-errors.ts'

const ABORT_DELAY_MS = 5_000
export const streamTimeout = ABORT_DELAY_MS

/**
 * Renders the whole document, then answers with it in one piece. No page suspends (nothing is
 * deferred), so streaming the shell first gained nothing and its node-to-web-to-node stream
 * bridging cost a tenth of a page's time (docs/decisions/025-request-cost.md).
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce
  return new Promise<Response>((resolve, reject) => {
    let rendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <InlineStylesProvider value={stylesheetText(appStylesHref)}>
          <RemixServer
            context={remixContext}
            url={request.url}
            abortDelay={ABORT_DELAY_MS}
            nonce={nonce}
          />
        </InlineStylesProvider>
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          rendered = true
          const chunks: Buffer[] = []
          const document = new Writable({
            // React ends its destination when done, and again (an error, with its stack) when
            // a destination closes; an in-memory buffer never closes early.
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
        onError(error: unknown) {
          responseStatusCode = 500
          // Errors before the page is rendered are reported by Remix itself; log the rest here.
          if (rendered)
            logger.error({ err: error, requestId: loadContext.requestId }, 'render error')
        },
      },
    )
    const timeout = setTimeout(abort, ABORT_DELAY_MS + 1000)
  })
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  const url = new URL(request.url)
  const report = classifyRequestError(error, url)
  if (report.withStack)
    logger.error({ err: error, path: url.pathname }, 'unhandled loader or action error')
  else logger.info({ path: url.pathname, reason: report.reason }, 'request refused')
}

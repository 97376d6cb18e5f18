// A real SMTP server for tests (style guide section 9: no mocked transport). It listens on the
// loopback interface only, with no authentication and no TLS, and keeps every message it accepts:
// in memory, and as a raw .eml file in `folder` when one is given (the end-to-end tests read them
// with tests/mail-utils.ts). File names start with the time of receipt, so they sort in order.
//
// Integration tests pass `respond` to make it refuse (451) or hang (never answer the end of DATA,
// which is a client crashing "before the mail server accepted the message").
//
// Run alone: node tests/setup/smtp-sink.mjs --port 2525 --folder tmp/mail
import { Buffer } from 'node:buffer'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { clearTimeout, setTimeout } from 'node:timers'
import { fileURLToPath } from 'node:url'
import { SMTPServer } from 'smtp-server'

// Bound while `Date` is still the machine's: the end-to-end server shifts its clock after this
// module loads (tests/setup/test-clock.mjs), and tests wait for mail in real time.
const machineNow = Date.now.bind(Date)

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024

/**
 * @typedef {'accept' | 'refuse' | 'hang'} SinkResponse
 * @typedef {{ raw: Buffer, from: string, to: string[], receivedAt: Date, file: string | null }} SinkMessage
 * @typedef {{
 *   port: number,
 *   messages: SinkMessage[],
 *   waitFor: (count: number, timeoutMs?: number) => Promise<SinkMessage[]>,
 *   close: () => Promise<void>,
 * }} SmtpSink
 */

/**
 * @param {{
 *   port?: number,
 *   folder?: string,
 *   respond?: (message: { raw: Buffer, to: string[] }) => SinkResponse | Promise<SinkResponse>,
 * }} [options]
 * @returns {Promise<SmtpSink>}
 */
export async function startSmtpSink({ port = 0, folder, respond } = {}) {
  if (folder) fs.mkdirSync(folder, { recursive: true })
  /** @type {SinkMessage[]} */
  const messages = []
  /** @type {Set<() => void>} */
  const waiters = new Set()

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'Dermadesk test mail sink',
    size: MAX_MESSAGE_BYTES,
    logger: false,
    // Hung sessions must not keep a test waiting at close.
    closeTimeout: 200,
    onData(stream, session, callback) {
      /** @type {Buffer[]} */
      const chunks = []
      stream.on('data', (chunk) => chunks.push(chunk))
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks)
        const to = session.envelope.rcptTo.map((address) => address.address)
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('Message too big'), { responseCode: 552 }))
          return
        }
        const decision = respond ? await respond({ raw, to }) : 'accept'
        if (decision === 'hang') return
        if (decision === 'refuse') {
          callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }))
          return
        }
        const receivedAt = new Date(machineNow())
        let file = null
        if (folder) {
          // Write beside, then rename: a reader never sees half a message.
          const name = `${String(receivedAt.getTime()).padStart(15, '0')}-${randomUUID()}.eml`
          file = path.join(folder, name)
          fs.writeFileSync(`${file}.tmp`, raw)
          fs.renameSync(`${file}.tmp`, file)
        }
        messages.push({ raw, from, to, receivedAt, file })
        for (const wake of waiters) wake()
        callback(null, 'Queued by the Dermadesk test sink')
      })
    },
  })

  await new Promise((resolve, reject) => {
    server.server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(undefined))
  })
  const address = server.server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port

  return {
    port: actualPort,
    messages,
    /** Resolves once at least `count` messages were accepted. */
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve(messages)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`Only ${messages.length} of ${count} messages arrived`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve(undefined)))
    },
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name, fallback) => {
    const index = process.argv.indexOf(`--${name}`)
    return index === -1 ? fallback : process.argv[index + 1]
  }
  const folder = path.resolve(arg('folder', 'tmp/mail'))
  const sink = await startSmtpSink({ port: Number(arg('port', '2525')), folder })
  console.log(`SMTP sink on smtp://127.0.0.1:${sink.port}, writing to ${folder}`)
}

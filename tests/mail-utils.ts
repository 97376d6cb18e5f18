import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const E2E_PORT = process.env.E2E_PORT ?? '3101'
/** Where tests/setup/smtp-sink.mjs, started by tests/setup/e2e-server.mjs, writes what it receives. */
export const MAIL_DIR = path.join(ROOT, 'tests', '.db', `mail-${E2E_PORT}`)

const POLL_MS = 100

export type ReceivedAttachment = {
  filename: string | undefined
  /** Without parameters, e.g. "text/calendar". */
  contentType: string
  /** The calendar method (PUBLISH, CANCEL) of a text/calendar part. */
  method: string | undefined
  /** Decoded as UTF-8 (calendar files are text). */
  content: string
}

export type ReceivedEmail = {
  /** When the sink accepted it. */
  receivedAt: Date
  messageId: string | undefined
  from: string | undefined
  replyTo: string | undefined
  to: string[]
  subject: string
  text: string
  html: string | null
  attachments: ReceivedAttachment[]
  headers: ParsedMail['headers']
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : []
  return list.flatMap((group) =>
    group.value.flatMap((entry) => (entry.address ? [entry.address.toLowerCase()] : [])),
  )
}

const parsedFiles = new Map<string, ReceivedEmail>()

async function readEmail(file: string): Promise<ReceivedEmail> {
  const cached = parsedFiles.get(file)
  if (cached) return cached
  const parsed = await simpleParser(fs.readFileSync(path.join(MAIL_DIR, file)))
  const email: ReceivedEmail = {
    receivedAt: new Date(Number(file.split('-')[0])),
    messageId: parsed.messageId,
    from: parsed.from?.text,
    replyTo: parsed.replyTo?.text,
    to: addresses(parsed.to),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    attachments: parsed.attachments.map((attachment) => {
      const contentType = attachment.headers.get('content-type') as
        { value: string; params?: Record<string, string> } | undefined
      return {
        filename: attachment.filename,
        contentType: attachment.contentType,
        method: contentType?.params?.method?.toUpperCase(),
        content: attachment.content.toString('utf8'),
      }
    }),
    headers: parsed.headers,
  }
  parsedFiles.set(file, email)
  return email
}

/** Every message the sink has accepted so far, oldest first. */
export async function listEmails(): Promise<ReceivedEmail[]> {
  if (!fs.existsSync(MAIL_DIR)) return []
  const files = fs
    .readdirSync(MAIL_DIR)
    .filter((name) => name.endsWith('.eml'))
    .sort()
  return Promise.all(files.map(readEmail))
}

/**
 * Waits until the app's mail to `to` (and matching `subject`, received at or after `after`)
 * reaches the test SMTP server, and returns it parsed. Fails after `timeoutMs` with a list of
 * what did arrive.
 */
export async function waitForEmail(options: {
  to: string
  subject?: RegExp
  after?: Date
  timeoutMs?: number
}): Promise<ReceivedEmail> {
  const to = options.to.toLowerCase()
  const deadline = Date.now() + (options.timeoutMs ?? 15_000)
  for (;;) {
    const emails = await listEmails()
    const match = emails.find(
      (email) =>
        email.to.includes(to) &&
        (!options.subject || options.subject.test(email.subject)) &&
        (!options.after || email.receivedAt.getTime() >= options.after.getTime()),
    )
    if (match) return match
    if (Date.now() > deadline) {
      const seen = emails.map((email) => `${email.to.join(', ')}: ${email.subject}`)
      throw new Error(
        `No email to ${options.to}${options.subject ? ` matching ${options.subject}` : ''} arrived. Received: ${seen.length ? seen.join('; ') : 'nothing'}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

import { randomUUID } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'
import {
  getConsentSigningPage,
  type SigningContext,
  type SigningTarget,
  signConsent,
  submitConsentCheck,
} from '#app/domain/consent/consent-signing.server.ts'
import { getVersionById } from '#app/domain/consent/consent-documents.server.ts'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { getDb } from '#db/client.server.ts'

/** Integration-test helpers for consent: read, pass the check and sign, as a patient would. */

export function signingContext(session: PatientSession, now: Date): SigningContext {
  return {
    session,
    now,
    ipAddress: '203.0.113.7',
    userAgent: 'Vitest/4 (consent test)',
    requestId: 'test',
  }
}

/** The right answer to every question of a version (what a patient who read it would pick). */
export function rightAnswers(versionId: string): Record<string, number> {
  const version = getVersionById(getDb(), versionId)
  if (!version) throw new Error(`No consent version ${versionId}`)
  return Object.fromEntries(version.content.questions.map((q) => [q.key, q.answer]))
}

/** A wrong answer to the first question, right answers to the rest. */
export function oneWrongAnswer(versionId: string): Record<string, number> {
  const version = getVersionById(getDb(), versionId)!
  const answers = rightAnswers(versionId)
  const first = version.content.questions[0]!
  answers[first.key] = (first.answer + 1) % first.options.length
  return answers
}

/** Reads the page, passes the check and signs. Throws when a step fails. */
export async function passCheckAndSign(
  ctx: SigningContext,
  target: SigningTarget = { kind: 'wizard' },
  form: Partial<{
    typedName: string
    drawnSignature: string | null
    photoClinical: boolean
    photoMarketing: boolean
  }> = {},
) {
  const page = getConsentSigningPage({ ctx, target })
  if (!page.ok) throw new Error(`consent page: ${page.reason}`)
  const { versionId, textSha256 } = page.page.reading
  const check = submitConsentCheck({ ctx, target, versionId, answers: rightAnswers(versionId) })
  if (!check.ok) throw new Error(`check: ${JSON.stringify(check)}`)
  const signed = await signConsent({
    ctx,
    target,
    form: {
      versionId,
      textSha256,
      typedName: form.typedName ?? page.page.expectedName,
      drawnSignature: form.drawnSignature ?? null,
      agree: true,
      photoClinical: form.photoClinical ?? true,
      photoMarketing: form.photoMarketing ?? false,
    },
  })
  if (!signed.ok) throw new Error(`sign: ${JSON.stringify(signed)}`)
  return signed
}

/** A small real PNG (a dark line on white), as the signature pad's data URL. */
export function signaturePngDataUrl(width = 40, height = 12): string {
  const raw = Buffer.alloc((width * 3 + 1) * height, 0xff)
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0 // filter: none
    if (y === Math.floor(height / 2))
      raw.fill(0x20, y * (width * 3 + 1) + 1, (y + 1) * (width * 3 + 1))
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // colour type: RGB
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
  return `data:image/png;base64,${png.toString('base64')}`
}

/**
 * Publishes a new version of a tier's form straight into the database, in effect from
 * `effectiveFrom` (the admin use case refuses dates before today; tests need fixed dates).
 */
export function insertPublishedVersion(tier: 'medical' | 'cosmetic', effectiveFrom: Date): string {
  const db = getDb()
  const latest = db.$client
    .prepare(
      `SELECT v.document_id AS documentId, v.version_number AS versionNumber, v.content
         FROM consent_document_versions v JOIN consent_documents d ON d.id = v.document_id
        WHERE d.tier = ? ORDER BY v.version_number DESC LIMIT 1`,
    )
    .get(tier) as { documentId: string; versionNumber: number; content: string }
  const content = JSON.parse(latest.content) as { sections: { key: string; body: string }[] }
  content.sections[0]!.body += ' We updated this form.'
  const id = randomUUID()
  db.$client
    .prepare(
      `INSERT INTO consent_document_versions
         (id, document_id, version_number, status, content, created_at, updated_at, published_at, effective_from)
       VALUES (?, ?, ?, 'published', ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      latest.documentId,
      latest.versionNumber + 1,
      JSON.stringify(content),
      effectiveFrom.getTime(),
      effectiveFrom.getTime(),
      effectiveFrom.getTime(),
      effectiveFrom.getTime(),
    )
  return id
}

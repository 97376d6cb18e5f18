import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import { inflateSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { renderConsentPdf } from './consent-pdf.server.ts'
import { type ConsentRecordView } from './consent-records.server.ts'

/** The text drawn on each page, in drawing order (pdf-lib writes hex strings for standard fonts). */
function textByPage(doc: PDFDocument): string[][] {
  return doc.getPages().map((page) => {
    const contents = page.node.Contents()
    const streams = contents && 'asArray' in contents ? contents.asArray() : [contents]
    const parts: string[] = []
    for (const ref of streams) {
      const stream = doc.context.lookup(ref as never)
      if (!(stream instanceof PDFRawStream)) continue
      const filter = stream.dict.get(PDFName.of('Filter'))
      const bytes = filter ? inflateSync(stream.contents) : Buffer.from(stream.contents)
      for (const match of bytes.toString('latin1').matchAll(/<([0-9A-Fa-f]*)> Tj/g))
        parts.push(Buffer.from(match[1]!, 'hex').toString('latin1'))
    }
    return parts
  })
}

const LABELS = [
  'Patient',
  'Date of birth',
  'Signed by (typed full name)',
  'Declaration',
  'Clinical photos',
  'Use of photos for marketing',
  'Signed at',
  'Email proven by',
  'IP address',
  'Browser (user agent)',
  'Consent form',
  'SHA-256 of the signed text',
  'SHA-256 of the consent record',
  'Record id',
  'Checked when this PDF was made',
  'Countersignature',
  'PDF made',
  'Signature',
]

function view(paragraphs: number): ConsentRecordView {
  const prompts = ['What should you do about the sun after the treatment?', 'On day 4 you see pus.']
  return {
    id: 'r1',
    bookingId: 'b1',
    patientName: 'Test Patient',
    patientDateOfBirth: '1990-07-02',
    versionId: 'v1',
    versionNumber: 2,
    tier: 'medical',
    title: 'Consent for medical microneedling',
    sections: [
      {
        key: 'procedure',
        anchor: 'consent-procedure',
        number: 1,
        title: 'What we do and why',
        blocks: Array.from({ length: paragraphs }, (_, i) => ({
          type: 'paragraph' as const,
          text: `Paragraph ${i + 1}. Short words fill a line of the page here.`,
        })),
      },
    ],
    text: '',
    typedName: 'Test Patient',
    drawnSignature: null,
    photoClinical: false,
    photoMarketing: false,
    checkAnswers: prompts.map((prompt) => ({ prompt, answer: 'Call the clinic the same day' })),
    signedAt: Date.UTC(2027, 2, 1, 9),
    ipAddress: '203.0.113.7',
    userAgent: 'Test browser',
    emailProvenBy: 'email_code',
    verifiedEmail: 'patient@example.com',
    textSha256: 'a'.repeat(64),
    recordSha256: 'b'.repeat(64),
    integrity: { textMatches: true, recordMatches: true },
    countersignature: {
      clinicianName: 'Dr Test',
      at: Date.UTC(2027, 2, 1, 10),
      recordSha256: 'c'.repeat(64),
    },
    withdrawal: null,
  }
}

const META = {
  clinic: {
    name: 'Test Clinic',
    address: 'Via Roma 1, Milano',
    phone: '+39 02 0000 0000',
    email: 'clinic@example.com',
  },
  reference: 'DD-TEST01',
  appointmentStartAt: Date.UTC(2027, 2, 2, 9),
  timeZone: 'Europe/Rome',
  generatedAt: new Date(Date.UTC(2027, 2, 1, 11)),
}

describe('the signed PDF layout', () => {
  test('names the clinic and the patient with their date of birth', async () => {
    const pages = textByPage(await PDFDocument.load(await renderConsentPdf(view(1), META)))
    const first = pages[0]!.join('\n')
    expect(first).toContain('Test Clinic')
    expect(first).toContain('Via Roma 1, Milano - Phone +39 02 0000 0000 - clinic@example.com')
    expect(first).toContain('Date of birth')
    expect(first).toContain('2 July 1990')
  })

  test('never ends a page on a label whose value is on the next, wherever the page breaks', async () => {
    // More or less text before the fields moves every field across the page ends.
    for (let paragraphs = 0; paragraphs <= 60; paragraphs += 1) {
      const pages = textByPage(
        await PDFDocument.load(await renderConsentPdf(view(paragraphs), META)),
      )
      pages.forEach((texts, index) => {
        const body = texts.filter((t) => !t.startsWith('Signed consent DD-TEST01 - page'))
        const last = body.at(-1)
        expect(
          LABELS,
          `${paragraphs} paragraphs, page ${index + 1} ends on "${last}"`,
        ).not.toContain(last)
        expect(last?.endsWith('?'), `${paragraphs} paragraphs, page ${index + 1}: ${last}`).toBe(
          false,
        )
      })
    }
  })
})

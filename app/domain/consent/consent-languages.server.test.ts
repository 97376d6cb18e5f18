import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { consentRecords, consentVersionTexts } from '#db/schema/index.ts'
import { consentContentFor } from '#app/domain/clinical-content/consent-content.ts'
import { CONTENT_TIERS } from '#app/domain/clinical-content/tier-content.ts'
import { PATIENT, wizardAtConsent } from '#tests/support/booking-fixtures.ts'
import {
  insertPublishedVersion,
  passCheckAndSign,
  rightAnswers,
  signingContext,
} from '#tests/support/consent-fixtures.ts'
import {
  currentTextValues,
  getVersionById,
  listPublishedVersions,
  renderVersionText,
  sha256Hex,
} from './consent-documents.server.ts'
import { renderConsentPdf } from './consent-pdf.server.ts'
import { loadConsentRecordView } from './consent-records.server.ts'
import { getConsentSigningPage, submitConsentCheck } from './consent-signing.server.ts'
import { renderConsentText } from './consent-text.rules.ts'
import { pdfText } from '#tests/support/pdf-text.ts'

const NOW = new Date('2026-11-25T08:00:00Z')

function italian(session: Parameters<typeof signingContext>[0]) {
  return { ...signingContext(session, NOW), locale: 'it' as const }
}

function recordOf(bookingId: string) {
  return getDb().select().from(consentRecords).where(eq(consentRecords.bookingId, bookingId)).get()!
}

describe('the consent form in Italian (ADR 039)', () => {
  test('version 2 of each tier has its Italian, exactly as the Italian tier content writes it; version 1 has none', () => {
    const db = getDb()
    for (const tier of CONTENT_TIERS) {
      const [v1, v2] = listPublishedVersions(db, tier)
      expect(getVersionById(db, v1!.id)!.translations).toEqual({})
      const version = getVersionById(db, v2!.id)!
      expect(version.translations.it).toEqual(consentContentFor(tier, 'it'))
      // The English of version 2 is as it was signed.
      expect(version.content).toEqual(consentContentFor(tier))
    }
  })

  test('no session can need version 1 any more, so no one is asked to sign it in English only', () => {
    const db = getDb()
    for (const tier of CONTENT_TIERS) {
      const [v1, v2] = listPublishedVersions(db, tier)
      expect(v2!.effectiveFrom).toBe(v1!.effectiveFrom)
    }
  })

  test('a patient reads, checks and signs in Italian: the record keeps the language and the hash of the Italian text', async () => {
    const session = await wizardAtConsent('medical-face', NOW, PATIENT)
    const ctx = italian(session)
    const page = getConsentSigningPage({ ctx, target: { kind: 'wizard' } })
    if (!page.ok) throw new Error(page.reason)
    const { reading } = page.page
    expect(reading.locale).toBe('it')
    expect(reading.fallbackFrom).toBeNull()
    expect(reading.title).toBe('Consenso per il microneedling medico')
    expect(reading.questions[0]!.prompt).toMatch(/giorno del trattamento/)
    // The same check, graded by option: the English right answers are right in Italian too.
    const english = getConsentSigningPage({
      ctx: signingContext(session, NOW),
      target: { kind: 'wizard' },
    })
    if (!english.ok) throw new Error(english.reason)
    expect(reading.textSha256).not.toBe(english.page.reading.textSha256)

    const signed = await passCheckAndSign(ctx)
    const db = getDb()
    const record = recordOf(
      db.$client
        .prepare('SELECT id FROM bookings WHERE reference = ?')
        .pluck()
        .get(signed.reference) as string,
    )
    expect(record.locale).toBe('it')
    const version = getVersionById(db, record.documentVersionId)!
    const italianText = renderVersionText(version, currentTextValues(db), 'it')
    expect(
      italianText.startsWith(
        'Consenso per il microneedling medico\nVersione 2\n\n1. Cosa facciamo e perché',
      ),
    ).toBe(true)
    expect(record.textSha256).toBe(sha256Hex(italianText))
    expect(record.textSha256).toBe(reading.textSha256)

    const view = loadConsentRecordView(db, record.id, 'en')!
    expect(view.locale).toBe('it')
    expect(view.text).toBe(italianText)
    expect(view.integrity).toEqual({ textMatches: true, recordMatches: true })
    expect(view.checkAnswers[0]!.prompt).toMatch(/giorno del trattamento/)
    // The English is there to read, as a translation; the signed text stays the Italian.
    expect(view.translation?.locale).toBe('en')
    expect(view.translation?.title).toBe('Consent for medical microneedling')
  })

  test('a signature in English is hashed as before: the language is not part of its record hash', async () => {
    const session = await wizardAtConsent('skin-boost', NOW, PATIENT)
    const signed = await passCheckAndSign(signingContext(session, NOW))
    const db = getDb()
    const bookingId = db.$client
      .prepare('SELECT id FROM bookings WHERE reference = ?')
      .pluck()
      .get(signed.reference) as string
    const record = recordOf(bookingId)
    expect(record.locale).toBe('en')
    const version = getVersionById(db, record.documentVersionId)!
    expect(record.textSha256).toBe(
      sha256Hex(renderConsentText(version, JSON.parse(record.textValues))),
    )
    // The record hash over the fields as they were before languages existed (no locale field).
    const { canonicalConsentRecord } = await import('./consent.rules.ts')
    const fields = {
      id: record.id,
      patientId: record.patientId,
      bookingId: record.bookingId,
      documentVersionId: record.documentVersionId,
      tier: record.tier,
      textSha256: record.textSha256,
      textValues: JSON.parse(record.textValues),
      checkAttemptId: record.checkAttemptId,
      checkAnswers: JSON.parse(record.checkAnswers),
      typedName: record.typedName,
      drawnSignatureSha256: null,
      intentConfirmed: record.intentConfirmed,
      photoClinical: record.photoClinical,
      photoMarketing: record.photoMarketing,
      signedAt: record.signedAt.getTime(),
      ipAddress: record.ipAddress,
      userAgent: record.userAgent,
      emailProvenBy: record.emailProvenBy,
      verifiedEmail: record.verifiedEmail,
      sessionTokenHash: record.sessionTokenHash,
    }
    expect(record.recordSha256).toBe(sha256Hex(canonicalConsentRecord(fields)))
    // An Italian record's hash covers its language: the same fields as English would not match.
    expect(canonicalConsentRecord({ ...fields, locale: 'it' })).not.toBe(
      canonicalConsentRecord(fields),
    )
    const view = loadConsentRecordView(db, record.id)!
    expect(view.integrity).toEqual({ textMatches: true, recordMatches: true })
    expect(view.translation).toBeNull()
  })

  test('the language of a stored record cannot be changed: records are append-only', async () => {
    const session = await wizardAtConsent('medical-face', NOW, PATIENT)
    const signed = await passCheckAndSign(italian(session))
    const db = getDb()
    const bookingId = db.$client
      .prepare('SELECT id FROM bookings WHERE reference = ?')
      .pluck()
      .get(signed.reference) as string
    const record = recordOf(bookingId)
    expect(() =>
      db.$client.prepare(`UPDATE consent_records SET locale = 'en' WHERE id = ?`).run(record.id),
    ).toThrow(/append-only/)
  })

  test('a version without Italian is shown, checked and signed in English, and says so', async () => {
    const versionId = insertPublishedVersion('medical', new Date('2026-01-01T00:00:00Z'))
    const session = await wizardAtConsent('medical-face', NOW, PATIENT)
    const ctx = italian(session)
    const page = getConsentSigningPage({ ctx, target: { kind: 'wizard' } })
    if (!page.ok) throw new Error(page.reason)
    expect(page.page.reading.versionId).toBe(versionId)
    expect(page.page.reading.locale).toBe('en')
    expect(page.page.reading.fallbackFrom).toBe('it')
    expect(
      submitConsentCheck({
        ctx,
        target: { kind: 'wizard' },
        versionId,
        answers: rightAnswers(versionId),
      }),
    ).toEqual({ ok: true })
    const signed = await passCheckAndSign(ctx)
    const db = getDb()
    const bookingId = db.$client
      .prepare('SELECT id FROM bookings WHERE reference = ?')
      .pluck()
      .get(signed.reference) as string
    const record = recordOf(bookingId)
    expect(record.locale).toBe('en')
    expect(record.textSha256).toBe(page.page.reading.textSha256)
  })

  test('the text of a published version in any language is never added to, changed or removed', () => {
    const db = getDb()
    const [, v2] = listPublishedVersions(db, 'medical')
    const [, cosmeticV2] = listPublishedVersions(db, 'cosmetic')
    expect(() =>
      db
        .update(consentVersionTexts)
        .set({ content: '{}' })
        .where(eq(consentVersionTexts.documentVersionId, v2!.id))
        .run(),
    ).toThrow(/immutable/)
    expect(() =>
      db
        .update(consentVersionTexts)
        .set({ documentVersionId: cosmeticV2!.id })
        .where(eq(consentVersionTexts.documentVersionId, v2!.id))
        .run(),
    ).toThrow()
    expect(() =>
      db.delete(consentVersionTexts).where(eq(consentVersionTexts.documentVersionId, v2!.id)).run(),
    ).toThrow(/immutable/)
    const [v1] = listPublishedVersions(db, 'medical')
    expect(() =>
      db
        .insert(consentVersionTexts)
        .values({
          documentVersionId: v1!.id,
          locale: 'it',
          content: JSON.stringify(consentContentFor('medical', 'it')),
          createdAt: NOW,
          updatedAt: NOW,
        })
        .run(),
    ).toThrow(/immutable/)
    expect(() =>
      db.$client
        .prepare(
          `INSERT INTO consent_version_texts (document_version_id, locale, content, created_at, updated_at) VALUES (?, 'en', '{}', 0, 0)`,
        )
        .run(v1!.id),
    ).toThrow()
    expect(getVersionById(db, v2!.id)!.translations.it).toEqual(consentContentFor('medical', 'it'))
  })

  test('the PDF of an Italian signature is in Italian, accents and apostrophes intact', async () => {
    const session = await wizardAtConsent('medical-face', NOW, PATIENT)
    const signed = await passCheckAndSign(italian(session))
    const db = getDb()
    const bookingId = db.$client
      .prepare('SELECT id FROM bookings WHERE reference = ?')
      .pluck()
      .get(signed.reference) as string
    const view = loadConsentRecordView(db, recordOf(bookingId).id)!
    const { text } = await pdfText(
      await renderConsentPdf(view, {
        clinic: {
          name: 'Clinica Test',
          address: 'Via Roma 1, Milano',
          phone: '+39 02 1',
          email: 'c@example.com',
        },
        reference: signed.reference,
        appointmentStartAt: Date.UTC(2027, 2, 2, 9),
        timeZone: 'Europe/Rome',
        generatedAt: new Date(Date.UTC(2027, 2, 1, 11)),
      }),
    )
    for (const phrase of [
      `Consenso firmato ${signed.reference}`,
      'Appuntamento: ',
      'Data di nascita',
      'Consenso per il microneedling medico',
      'Versione 2',
      '1. Cosa facciamo e perché',
      'Il microneedling medico è un trattamento per la pelle.',
      'un’infezione della pelle',
      'più scure o più chiare',
      'Come guarisce la pelle',
      'Verifica della comprensione: le risposte date',
      'Lingua della firma',
      'Italiano',
      'Il testo corrisponde al suo hash.',
      'pagina 1 di',
    ])
      expect(text).toContain(phrase)
    expect(text).toMatch(/Appuntamento: .*2027 alle 10:00\./)
    expect(text).not.toMatch(/Signed consent|Date of birth|Version 2/)
  })
})

import { eq } from 'drizzle-orm'
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import {
  auditEvents,
  bookings,
  clinicSettings,
  consentCountersignatures,
  consentRecords,
  consentWithdrawals,
  emailOutbox,
  users,
} from '#db/schema/index.ts'
import { getPatientBooking } from '#app/domain/booking/booking-manage.server.ts'
import {
  bookForPatient,
  firstFreeSlot,
  PATIENT,
  patientActor,
  wizardAtConsent,
} from '#tests/support/booking-fixtures.ts'
import {
  insertPublishedVersion,
  passCheckAndSign,
  signaturePngDataUrl,
  signingContext,
} from '#tests/support/consent-fixtures.ts'
import { getPatientConsentPage, getPatientConsentPdf } from './consent-patient.server.ts'
import {
  countersignConsent,
  getStaffConsentPage,
  getStaffConsentPdf,
} from './consent-staff.server.ts'
import {
  consentStatusForSession,
  getConsentStatus,
  hasValidConsentForTreatment,
} from './consent-status.server.ts'
import { withdrawConsent } from './consent-withdrawal.server.ts'
import { consentExpiresAt } from './consent.rules.ts'
import { pageText } from '#tests/support/pdf-text.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const DAY = 24 * 3600_000

function userId(email: string): string {
  return getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id
}
const GIULIA = () => userId('giulia.romano@dermadesk.example') // doctor (medical), also admin
const MARCO = () => userId('marco.bianchi@dermadesk.example') // nurse (medical)
const SOFIA = () => userId('sofia.conti@dermadesk.example') // aesthetician
const ELENA = () => userId('elena.greco@dermadesk.example') // admin, not a practitioner

function bookingIdOf(reference: string): string {
  return getDb().select().from(bookings).where(eq(bookings.reference, reference)).get()!.id
}

/** The patient books the first free time of a service from NOW (signing its consent). */
function bookFirstFree(service: string) {
  return bookForPatient(service, firstFreeSlot(service, NOW), NOW)
}

function auditActions(prefix: string) {
  return getDb()
    .select({ action: auditEvents.action, actorType: auditEvents.actorType })
    .from(auditEvents)
    .all()
    .filter((row) => row.action.startsWith(prefix))
}

const withdrawInput = (
  session: Parameters<typeof withdrawConsent>[0]['session'],
  reference: string,
) => ({
  session,
  reference,
  reason: 'I need more time to think',
  now: NOW,
  ipAddress: '203.0.113.9',
  userAgent: 'Vitest',
  requestId: 'test',
})

describe('countersignature', () => {
  test('the treating clinician countersigns once; then the treatment may go ahead', async () => {
    const { reference } = await bookFirstFree('medical-face')
    const bookingId = bookingIdOf(reference)
    expect(getConsentStatus(bookingId)?.status).toBe('signed')
    expect(hasValidConsentForTreatment(bookingId)).toBe(false)

    // An aesthetician may not countersign medical needling; an admin who does not treat neither.
    expect(countersignConsent({ bookingId, clinicianUserId: SOFIA(), now: NOW })).toEqual({
      ok: false,
      reason: 'not-qualified',
    })
    expect(countersignConsent({ bookingId, clinicianUserId: ELENA(), now: NOW })).toEqual({
      ok: false,
      reason: 'not-qualified',
    })
    expect(getDb().select().from(consentCountersignatures).all()).toHaveLength(0)

    const first = countersignConsent({
      bookingId,
      clinicianUserId: MARCO(),
      now: NOW,
      ipAddress: '10.0.0.5',
      userAgent: 'Clinic tablet',
    })
    expect(first).toMatchObject({ ok: true, alreadyCountersigned: false })
    const again = countersignConsent({ bookingId, clinicianUserId: GIULIA(), now: NOW })
    expect(again).toMatchObject({ ok: true, alreadyCountersigned: true })
    const rows = getDb().select().from(consentCountersignatures).all()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ clinicianUserId: MARCO(), bookingId, countersignedAt: NOW })
    expect(getConsentStatus(bookingId)).toMatchObject({
      status: 'countersigned',
      countersignatureId: rows[0]!.id,
    })
    expect(hasValidConsentForTreatment(bookingId)).toBe(true)
    expect(auditActions('consent.countersigned')).toHaveLength(1)

    const run = (statement: string) => () => getDb().$client.prepare(statement).run()
    expect(run("UPDATE consent_countersignatures SET clinician_user_id = 'x'")).toThrow(
      /append-only/,
    )
    expect(run('DELETE FROM consent_countersignatures')).toThrow(/append-only/)

    const page = getStaffConsentPage({
      bookingId,
      actor: { userId: GIULIA(), ipAddress: '10.0.0.5', requestId: 't' },
    })!
    expect(page.record?.countersignature).toMatchObject({ clinicianName: 'Marco Bianchi' })
    expect(page.countersign).toEqual({ allowed: false, reason: 'already' })
    expect(auditActions('consent.viewed')).toEqual([
      { action: 'consent.viewed', actorType: 'staff' },
    ])
  })

  test('nothing to countersign: no consent yet, a consultation, an unknown booking', async () => {
    const { reference } = await bookFirstFree('consultation')
    const bookingId = bookingIdOf(reference)
    expect(getConsentStatus(bookingId)?.status).toBe('not_required')
    expect(hasValidConsentForTreatment(bookingId)).toBe(true)
    expect(countersignConsent({ bookingId, clinicianUserId: GIULIA(), now: NOW })).toEqual({
      ok: false,
      reason: 'not-required',
    })
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect(getConsentStatus(unknown)).toBeNull()
    expect(countersignConsent({ bookingId: unknown, clinicianUserId: GIULIA(), now: NOW })).toEqual(
      {
        ok: false,
        reason: 'not-found',
      },
    )
  })
})

describe('withdrawal', () => {
  test('the patient withdraws, the clinic is told without health details, and signing again works', async () => {
    const { session, reference } = await bookFirstFree('skin-boost')
    const bookingId = bookingIdOf(reference)
    const result = withdrawConsent(withdrawInput(session, reference))
    expect(result.ok).toBe(true)
    expect(getConsentStatus(bookingId)?.status).toBe('withdrawn')
    expect(hasValidConsentForTreatment(bookingId)).toBe(false)
    const withdrawal = getDb().select().from(consentWithdrawals).get()!
    expect(withdrawal).toMatchObject({
      bookingId,
      reason: 'I need more time to think',
      emailProvenBy: 'email_code',
      ipAddress: '203.0.113.9',
    })
    const mail = getDb()
      .select()
      .from(emailOutbox)
      .all()
      .find((m) => m.dedupeKey.endsWith(':withdrawn'))!
    expect(mail.toAddress).toBe('clinic@dermadesk.example')
    // The demo clinic speaks Italian, and its address is nobody's own: the clinic's language.
    expect(mail.subject).toBe(`Consenso revocato: ${reference}`)
    expect(mail.textBody).toContain(`/staff/bookings/${bookingId}/consent`)
    for (const text of [mail.subject, mail.textBody])
      expect(text).not.toMatch(/skin boost|needl|cosmetic|Chiara|think|1988/i)
    expect(auditActions('consent.withdrawn')).toHaveLength(1)

    // Nothing more to withdraw, nothing to countersign.
    expect(withdrawConsent(withdrawInput(session, reference))).toEqual({
      ok: false,
      reason: 'nothing-to-withdraw',
    })
    expect(countersignConsent({ bookingId, clinicianUserId: SOFIA(), now: NOW })).toEqual({
      ok: false,
      reason: 'withdrawn',
    })
    const run = (statement: string) => () => getDb().$client.prepare(statement).run()
    expect(run('UPDATE consent_withdrawals SET reason = NULL')).toThrow(/append-only/)
    expect(run('DELETE FROM consent_withdrawals')).toThrow(/append-only/)

    // The booking page shows it and offers to sign again, on the same page.
    const page = getPatientConsentPage({ ctx: signingContext(session, NOW), reference })!
    expect(page.status).toBe('withdrawn')
    expect(page.record?.withdrawal).not.toBeNull()
    expect(page.signing?.checkPassed).toBe(false)
    const later = new Date(NOW.getTime() + 3600_000)
    await passCheckAndSign(signingContext(session, later), { kind: 'booking', reference })
    expect(getDb().select().from(consentRecords).all()).toHaveLength(2)
    expect(getConsentStatus(bookingId)?.status).toBe('signed')
    expect(countersignConsent({ bookingId, clinicianUserId: SOFIA(), now: later })).toMatchObject({
      ok: true,
    })
    expect(hasValidConsentForTreatment(bookingId)).toBe(true)
  })

  test('the notice of an English clinic is in English, the words it always had', async () => {
    const notice = () =>
      getDb()
        .select()
        .from(emailOutbox)
        .all()
        .filter((m) => m.dedupeKey.endsWith(':withdrawn'))
        .at(-1)!
    getDb().update(clinicSettings).set({ defaultLocale: 'en' }).run()
    const first = await bookFirstFree('skin-boost')
    expect(withdrawConsent(withdrawInput(first.session, first.reference)).ok).toBe(true)
    expect(notice().subject).toBe(`Consent withdrawn: ${first.reference}`)
    expect(notice().textBody).toMatch(
      new RegExp(
        `^A patient has withdrawn their consent for booking ${first.reference} \\(\\w+day, \\d+ \\w+ 2026 at \\d\\d:\\d\\d\\)\\.\nThe booking itself is unchanged\\. Please do not treat until the patient signs again\\.\nDetails, for signed-in staff: http`,
      ),
    )
  })

  test('the notice is in the profile language of the staff member whose address it goes to', async () => {
    const notice = () =>
      getDb()
        .select()
        .from(emailOutbox)
        .all()
        .find((m) => m.dedupeKey.endsWith(':withdrawn'))!
    // An English clinic, but the clinic address is a staff member's own, who works in Italian.
    getDb().update(clinicSettings).set({ defaultLocale: 'en' }).run()
    getDb()
      .update(users)
      .set({ locale: 'it' })
      .where(eq(users.email, 'elena.greco@dermadesk.example'))
      .run()
    getDb().update(clinicSettings).set({ email: 'elena.greco@dermadesk.example' }).run()
    const second = await bookFirstFree('skin-boost')
    expect(withdrawConsent(withdrawInput(second.session, second.reference)).ok).toBe(true)
    expect(notice().toAddress).toBe('elena.greco@dermadesk.example')
    expect(notice().subject).toBe(`Consenso revocato: ${second.reference}`)
    expect(notice().textBody).toMatch(
      new RegExp(
        `^Un paziente ha revocato il consenso per la prenotazione ${second.reference} \\([^)]+ 2026 alle \\d\\d:\\d\\d\\)\\.\nLa prenotazione resta com’è\\.`,
      ),
    )
  })

  test("another patient's booking cannot be withdrawn, and nothing is written", async () => {
    const { reference } = await bookFirstFree('skin-boost')
    const { session: stranger } = await bookForPatient(
      'consultation',
      firstFreeSlot('consultation', NOW),
      NOW,
      { ...PATIENT, email: 'stranger@example.com' },
    )
    expect(withdrawConsent(withdrawInput(stranger, reference))).toEqual({
      ok: false,
      reason: 'not-found',
    })
    expect(withdrawConsent(withdrawInput(null, reference))).toEqual({
      ok: false,
      reason: 'not-found',
    })
    expect(getDb().select().from(consentWithdrawals).all()).toHaveLength(0)
    expect(getPatientConsentPage({ ctx: signingContext(stranger, NOW), reference })).toBeNull()
  })
})

describe('validity across sessions, versions and time', () => {
  test('one consent covers the course; a new version requires signing again from its date', async () => {
    const firstSlot = firstFreeSlot('medical-face', NOW)
    const { session, reference } = await bookForPatient('medical-face', firstSlot, NOW)
    const secondSlot = firstFreeSlot('acne-scars', new Date(firstSlot.startAt + 30 * DAY))
    const { reference: second } = await bookForPatient('acne-scars', secondSlot, NOW)
    // The same tier and version: the second session needed no new signature.
    expect(getDb().select().from(consentRecords).all()).toHaveLength(1)
    expect(getConsentStatus(bookingIdOf(second))?.status).toBe('signed')

    // A new version applies from a day between the two sessions.
    insertPublishedVersion('medical', new Date(firstSlot.startAt + 5 * DAY))
    expect(getConsentStatus(bookingIdOf(reference))?.status).toBe('signed')
    expect(getConsentStatus(bookingIdOf(second))).toMatchObject({
      status: 'missing',
      resignReason: 'new-version',
    })
    expect(hasValidConsentForTreatment(bookingIdOf(second))).toBe(false)
    const view = getPatientBooking({ session, reference: second, now: NOW, actor: patientActor })!
    expect(view.consent).toEqual({ status: 'missing', resignReason: 'new-version' })

    const page = getPatientConsentPage({ ctx: signingContext(session, NOW), reference: second })!
    expect(page.signing?.reading.versionNumber).toBe(3)
    await passCheckAndSign(signingContext(session, NOW), { kind: 'booking', reference: second })
    expect(getConsentStatus(bookingIdOf(second))?.status).toBe('signed')
    expect(getConsentStatus(bookingIdOf(reference))?.status).toBe('signed')
  })

  test('a consent covers sessions up to 12 months after signing, of the same tier only', async () => {
    const { session } = await bookFirstFree('skin-boost')
    const record = getDb().select().from(consentRecords).get()!
    const signedAt = record.signedAt.getTime()
    const status = (tier: 'medical' | 'cosmetic', startAt: number) =>
      consentStatusForSession(getDb(), {
        patientId: record.patientId,
        tier,
        kind: 'treatment',
        startAt,
      })
    expect(status('cosmetic', signedAt + 200 * DAY).status).toBe('signed')
    expect(status('cosmetic', consentExpiresAt(signedAt) - 1).status).toBe('signed')
    expect(status('cosmetic', consentExpiresAt(signedAt))).toMatchObject({
      status: 'missing',
      resignReason: 'expired',
    })
    expect(status('medical', signedAt + DAY)).toMatchObject({
      status: 'missing',
      resignReason: null,
    })
    expect(session.verifiedEmail).toBe(PATIENT.email)
  })
})

describe('the signed PDF', () => {
  test('carries the text, the signature and the audit facts; names with accents print', async () => {
    const details = { ...PATIENT, fullName: 'Zoë Łukasiewicz-Dvořák', email: 'zoe@example.com' }
    const session = await wizardAtConsent('medical-face', NOW, details)
    const signed = await passCheckAndSign(
      signingContext(session, NOW),
      { kind: 'wizard' },
      {
        typedName: 'zoe łukasiewicz dvorak',
        drawnSignature: signaturePngDataUrl(),
      },
    ).catch((error: Error) => error)
    // Accents may be left out, but "Ł" is a letter of its own: the name must match.
    expect(String(signed)).toMatch(/name-mismatch/)
    const ok = await passCheckAndSign(
      signingContext(session, NOW),
      { kind: 'wizard' },
      {
        typedName: 'Zoe Łukasiewicz-Dvorak',
        drawnSignature: signaturePngDataUrl(),
      },
    )
    const reference = ok.bookedReference!
    const bookingId = bookingIdOf(reference)
    countersignConsent({ bookingId, clinicianUserId: GIULIA(), now: NOW })
    const record = getDb().select().from(consentRecords).get()!

    const pdf = await getPatientConsentPdf({
      session,
      reference,
      actor: { ipAddress: '203.0.113.7', requestId: 't' },
      now: NOW,
    })
    expect(pdf?.filename).toBe(`consent-${reference}.pdf`)
    const doc = await PDFDocument.load(pdf!.bytes)
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(3)
    expect(doc.getTitle()).toBe(`Signed consent ${reference}`)
    expect(doc.getAuthor()).toBe('Dermadesk Skin Clinic Milano')
    expect(doc.getSubject()).toBe('Consent for medical microneedling, version 2')
    expect(doc.getKeywords()).toContain(`record-sha256:${record.recordSha256}`)
    expect(doc.getKeywords()).toContain(`text-sha256:${record.textSha256}`)

    // The page text: content streams are compressed, and standard fonts draw hex WinAnsi strings.
    const text = pageText(doc)
    for (const line of [
      `Signed consent ${reference}`,
      record.recordSha256,
      record.textSha256,
      'Zoe Lukasiewicz-Dvorak',
      'Zoë Lukasiewicz-Dvorák',
      'Date of birth',
      '14 March 1988',
      'Via Solferino 24, 20121 Milano MI, Italy',
      'Phone +39 02 8295 4410',
      'Giulia Romano',
      '7. Photos',
      // The healing-timeline picture, labelled stage by stage.
      'How your skin heals',
      'Days 4 to 6',
      'Flakes and small',
      'From day 11',
    ])
      expect(text, line).toContain(line)
    expect(countImages(doc)).toBe(1)

    const staffPdf = await getStaffConsentPdf({
      bookingId,
      actor: { userId: GIULIA(), ipAddress: null, requestId: null },
      now: NOW,
    })
    expect((await PDFDocument.load(staffPdf!.bytes)).getTitle()).toBe(`Signed consent ${reference}`)
    expect(auditActions('consent.downloaded').map((row) => row.actorType)).toEqual([
      'patient',
      'staff',
    ])
  })
})

function countImages(doc: PDFDocument): number {
  return doc.context
    .enumerateIndirectObjects()
    .filter(
      ([, object]) =>
        object instanceof PDFRawStream &&
        object.dict.get(PDFName.of('Subtype'))?.toString() === '/Image',
    ).length
}

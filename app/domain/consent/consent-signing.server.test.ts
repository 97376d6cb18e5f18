import { count, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import {
  auditEvents,
  bookings,
  clinicSettings,
  consentCheckAttempts,
  consentRecords,
  emailOutbox,
} from '#db/schema/index.ts'
import { getDraftView } from '#app/domain/booking/wizard/draft-view.server.ts'
import { holdSlot } from '#app/domain/booking/wizard/hold.server.ts'
import { stepsFor, firstIncompleteStep } from '#app/domain/booking/wizard/steps.ts'
import {
  bookForPatient,
  firstFreeSlot,
  PATIENT,
  patientActor,
  reloadSession,
  sessionWithDraft,
  wizardAtConsent,
} from '#tests/support/booking-fixtures.ts'
import {
  oneWrongAnswer,
  passCheckAndSign,
  rightAnswers,
  signaturePngDataUrl,
  signingContext,
} from '#tests/support/consent-fixtures.ts'
import { currentTextValues, getVersionById, sha256Hex } from './consent-documents.server.ts'
import { loadConsentRecordView } from './consent-records.server.ts'
import {
  getConsentSigningPage,
  type SigningTarget,
  signConsent,
  submitConsentCheck,
} from './consent-signing.server.ts'
import { getConsentStatus } from './consent-status.server.ts'
import { renderConsentText } from './consent-text.rules.ts'
import { SignConsentSchema } from './consent.schema.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const WIZARD: SigningTarget = { kind: 'wizard' }

function counts() {
  const db = getDb()
  return {
    records: db.select({ n: count() }).from(consentRecords).get()!.n,
    attempts: db.select({ n: count() }).from(consentCheckAttempts).get()!.n,
    confirmed: db
      .select({ n: count() })
      .from(bookings)
      .where(eq(bookings.status, 'confirmed'))
      .get()!.n,
    audit: db.select({ n: count() }).from(auditEvents).get()!.n,
  }
}

function pageOf(ctx: ReturnType<typeof signingContext>, target: SigningTarget = WIZARD) {
  const page = getConsentSigningPage({ ctx, target })
  if (!page.ok) throw new Error(page.reason)
  return page.page
}

describe('the consent step in the booking wizard', () => {
  test('proving the email does not book a treatment: the consent step comes next', async () => {
    const session = await wizardAtConsent('skin-boost', NOW, PATIENT)
    const view = getDraftView(session, NOW)!
    expect(view.progress).toMatchObject({
      emailVerified: true,
      needsConsent: true,
      hasConsent: false,
    })
    expect(firstIncompleteStep(view.progress).id).toBe('consent')
    expect(stepsFor(view.progress).map((s) => s.id)).toEqual([
      'treatment',
      'screening',
      'time',
      'details',
      'verify',
      'consent',
      'confirmation',
    ])
    expect(counts().confirmed).toBe(0)
  })

  test('a consultation has no consent step and is booked when the email is proved', async () => {
    const session = await wizardAtConsent('consultation', NOW, PATIENT)
    const view = getDraftView(session, NOW)!
    expect(stepsFor(view.progress).map((s) => s.id)).not.toContain('consent')
    expect(view.progress.isBooked).toBe(true)
    expect(getConsentSigningPage({ ctx: signingContext(session, NOW), target: WIZARD })).toEqual({
      ok: false,
      reason: 'already-booked',
    })
  })

  test('a wrong answer is kept and shows the section that answers it; signing waits', async () => {
    const session = await wizardAtConsent('medical-face', NOW, PATIENT)
    const ctx = signingContext(session, NOW)
    const { reading, checkPassed } = pageOf(ctx)
    expect(checkPassed).toBe(false)
    // The patient never receives the right answers.
    expect(JSON.stringify(reading.questions)).not.toMatch(/"answer"/)
    // Options are shuffled for this booking, the same on every load; the values stay the stored
    // indices, so a right answer is right in any order.
    for (const question of reading.questions)
      expect([...question.order].sort()).toEqual(question.options.map((_, i) => i))
    expect(pageOf(ctx).reading.questions.map((q) => q.order)).toEqual(
      reading.questions.map((q) => q.order),
    )

    const wrong = submitConsentCheck({
      ctx,
      target: WIZARD,
      versionId: reading.versionId,
      answers: oneWrongAnswer(reading.versionId),
    })
    expect(wrong).toMatchObject({ ok: false, reason: 'wrong' })
    if (!wrong.ok && wrong.reason === 'wrong') {
      expect(wrong.wrong).toHaveLength(1)
      expect(wrong.wrong[0]!.section).toMatchObject({
        key: 'what_to_expect',
        anchor: 'consent-what-to-expect',
      })
      expect(JSON.stringify(wrong.wrong[0]!.section.blocks)).toMatch(/tiny spots of blood/i)
    }
    expect(pageOf(ctx).checkPassed).toBe(false)
    const early = await signConsent({
      ctx,
      target: WIZARD,
      form: {
        versionId: reading.versionId,
        textSha256: reading.textSha256,
        typedName: PATIENT.fullName,
        drawnSignature: null,
        agree: true,
        photoClinical: false,
        photoMarketing: false,
      },
    })
    expect(early).toEqual({ ok: false, reason: 'check-not-passed' })

    expect(
      submitConsentCheck({
        ctx,
        target: WIZARD,
        versionId: reading.versionId,
        answers: rightAnswers(reading.versionId),
      }),
    ).toEqual({ ok: true })
    expect(pageOf(ctx).checkPassed).toBe(true)
    const attempts = getDb().select().from(consentCheckAttempts).all()
    expect(attempts.map((a) => a.passed)).toEqual([false, true])
    expect(JSON.parse(attempts[0]!.wrongQuestionKeys)).toEqual(['q1'])
    expect(JSON.parse(attempts[0]!.answers)).toEqual(oneWrongAnswer(reading.versionId))
    expect(attempts.every((a) => a.patientId === null)).toBe(true)
  })

  test('signing records every field, its hashes match, and books in the same transaction', async () => {
    const session = await wizardAtConsent('medical-face', NOW, PATIENT)
    const ctx = signingContext(session, NOW)
    const drawn = signaturePngDataUrl()
    const signed = await passCheckAndSign(ctx, WIZARD, {
      typedName: '  chiara ESPOSITO ',
      drawnSignature: drawn,
      photoClinical: true,
      photoMarketing: false,
    })
    expect(signed).toMatchObject({ ok: true, bookingProblem: null })
    expect(signed.bookedReference).toMatch(/^DD-/)

    const booking = getDb()
      .select()
      .from(bookings)
      .where(eq(bookings.reference, signed.bookedReference!))
      .get()!
    expect(booking.status).toBe('confirmed')
    const record = getDb().select().from(consentRecords).get()!
    const version = getVersionById(getDb(), record.documentVersionId)!
    expect(record).toMatchObject({
      patientId: booking.patientId,
      bookingId: booking.id,
      tier: 'medical',
      typedName: '  chiara ESPOSITO ',
      drawnSignature: drawn,
      intentConfirmed: true,
      photoClinical: true,
      photoMarketing: false,
      signedAt: NOW,
      ipAddress: '203.0.113.7',
      userAgent: 'Vitest/4 (consent test)',
      emailProvenBy: 'email_code',
      verifiedEmail: PATIENT.email,
      sessionTokenHash: session.tokenHash,
    })
    expect(JSON.parse(record.checkAnswers)).toEqual(rightAnswers(version.id))
    expect(JSON.parse(record.textValues)).toEqual(currentTextValues(getDb()))
    // Security goal E6: the hash is of the exact text, and rendering it again gives it again.
    expect(record.textSha256).toBe(
      sha256Hex(renderConsentText(version, JSON.parse(record.textValues))),
    )
    const view = loadConsentRecordView(getDb(), record.id)!
    expect(view.integrity).toEqual({ textMatches: true, recordMatches: true })
    expect(sha256Hex(view.text)).toBe(record.textSha256)
    expect(record.recordSha256).toMatch(/^[0-9a-f]{64}$/)

    // The signature and the booking are in the audit chain; the confirmation email went out.
    const signedAudit = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'consent.signed'))
      .get()!
    expect(JSON.parse(signedAudit.details)).toMatchObject({ recordSha256: record.recordSha256 })
    expect(signedAudit.details).not.toMatch(/chiara|answer/i)
    expect(
      getDb()
        .select()
        .from(emailOutbox)
        .all()
        .some((m) => m.dedupeKey.endsWith(':booked')),
    ).toBe(true)
    expect(getConsentStatus(booking.id)).toMatchObject({ status: 'signed', recordId: record.id })
    expect(getDraftView(reloadSession(session), NOW)!.progress.isBooked).toBe(true)
  })

  test('a lapsed hold whose time was taken: the consent stands, other times are offered', async () => {
    const slot = firstFreeSlot('skin-boost', NOW)
    const session = await wizardAtConsent('skin-boost', NOW, PATIENT, slot)
    const later = new Date(NOW.getTime() + 15 * 60_000)
    const other = sessionWithDraft('skin-boost', later)
    expect(holdSlot({ session: other, ...slot, now: later, actor: patientActor }).ok).toBe(true)
    const signed = await passCheckAndSign(signingContext(session, later))
    expect(signed).toMatchObject({ ok: true, bookedReference: null })
    expect(signed.bookingProblem?.reason).toBe('slot-taken')
    expect(signed.nearest.length).toBeGreaterThan(0)
    expect(counts()).toMatchObject({ records: 1, confirmed: 0 })
    // Choosing another time books it at once: the consent covers it.
    const next = signed.nearest[0]!
    const held = holdSlot({
      session: reloadSession(session),
      practitionerId: next.practitionerId,
      startAt: next.startAt,
      now: later,
      actor: patientActor,
    })
    expect(held).toMatchObject({ ok: true, booked: true })
  })

  test('a returning patient whose consent covers the new session is booked on proving the email', async () => {
    const first = firstFreeSlot('skin-boost', NOW)
    await bookForPatient('skin-boost', first, NOW)
    const later = firstFreeSlot('skin-boost', new Date(first.startAt + 29 * 24 * 3600_000))
    const session = await wizardAtConsent('skin-boost', NOW, PATIENT, later)
    expect(getDraftView(session, NOW)!.progress.isBooked).toBe(true)
    expect(counts()).toMatchObject({ records: 1, confirmed: 2 })
  })
})

describe('bad input writes nothing', () => {
  async function readyToSign(slug = 'medical-face') {
    const session = await wizardAtConsent(slug, NOW, PATIENT)
    const ctx = signingContext(session, NOW)
    const { reading } = pageOf(ctx)
    submitConsentCheck({
      ctx,
      target: WIZARD,
      versionId: reading.versionId,
      answers: rightAnswers(reading.versionId),
    })
    const form = {
      versionId: reading.versionId,
      textSha256: reading.textSha256,
      typedName: PATIENT.fullName,
      drawnSignature: null as string | null,
      agree: true,
      photoClinical: false,
      photoMarketing: false,
    }
    return { ctx, form, reading }
  }

  test('a name that does not match the patient', async () => {
    const { ctx, form } = await readyToSign()
    const before = counts()
    expect(
      await signConsent({ ctx, target: WIZARD, form: { ...form, typedName: 'Chiara Rossi' } }),
    ).toEqual({
      ok: false,
      reason: 'name-mismatch',
      expectedName: PATIENT.fullName,
    })
    expect(counts()).toEqual(before)
  })

  test('a version that is no longer the one in force, or text that changed while reading', async () => {
    const { ctx, form } = await readyToSign()
    const before = counts()
    const otherTier = getDb()
      .$client.prepare(
        "SELECT v.id FROM consent_document_versions v JOIN consent_documents d ON d.id = v.document_id WHERE d.tier = 'cosmetic'",
      )
      .get() as { id: string }
    expect(
      await signConsent({ ctx, target: WIZARD, form: { ...form, versionId: otherTier.id } }),
    ).toEqual({
      ok: false,
      reason: 'version-changed',
    })
    // The clinic changed its cancellation window after the page was read: the text differs.
    getDb().update(clinicSettings).set({ cancellationWindowHours: 24 }).run()
    expect(await signConsent({ ctx, target: WIZARD, form })).toEqual({
      ok: false,
      reason: 'version-changed',
    })
    expect(counts()).toEqual(before)
  })

  test('a drawing that is not a PNG image', async () => {
    const { ctx, form } = await readyToSign()
    const before = counts()
    const fake = `data:image/png;base64,${Buffer.from('not a png at all, really').toString('base64')}`
    expect(
      await signConsent({ ctx, target: WIZARD, form: { ...form, drawnSignature: fake } }),
    ).toEqual({
      ok: false,
      reason: 'bad-signature',
    })
    expect(counts()).toEqual(before)
  })

  test('an unanswered question, or a check for an old version, is not even kept', async () => {
    const session = await wizardAtConsent('medical-face', NOW, PATIENT)
    const ctx = signingContext(session, NOW)
    const { reading } = pageOf(ctx)
    const before = counts()
    const { q2: _q2, ...partial } = rightAnswers(reading.versionId)
    expect(
      submitConsentCheck({ ctx, target: WIZARD, versionId: reading.versionId, answers: partial }),
    ).toEqual({ ok: false, reason: 'unanswered', questionKeys: ['q2'] })
    expect(
      submitConsentCheck({
        ctx,
        target: WIZARD,
        versionId: '00000000-0000-4000-8000-000000000000',
        answers: rightAnswers(reading.versionId),
      }),
    ).toEqual({ ok: false, reason: 'version-changed' })
    expect(counts()).toEqual(before)
  })

  test('an unticked intent box or an empty name never reaches signing (400 at the form)', () => {
    const base = {
      intent: 'sign',
      versionId: '00000000-0000-4000-8000-000000000000',
      textSha256: 'a'.repeat(64),
      typedName: 'Chiara Esposito',
    }
    const unticked = SignConsentSchema.safeParse(base)
    expect(unticked.success).toBe(false)
    expect(unticked.error?.issues[0]).toMatchObject({ path: ['agree'] })
    const unnamed = SignConsentSchema.safeParse({ ...base, agree: 'on', typedName: '  ' })
    expect(unnamed.error?.issues[0]).toMatchObject({ path: ['typedName'] })
    expect(SignConsentSchema.safeParse({ ...base, agree: 'on' }).success).toBe(true)
  })

  test("another patient's booking is not found, and nothing is written", async () => {
    const { reference } = await bookForPatient('skin-boost', firstFreeSlot('skin-boost', NOW), NOW)
    const stranger = await wizardAtConsent('consultation', NOW, {
      ...PATIENT,
      email: 'someone.else@example.com',
    })
    const ctx = signingContext(stranger, NOW)
    const target = { kind: 'booking', reference } as const
    const before = counts()
    expect(getConsentSigningPage({ ctx, target })).toEqual({ ok: false, reason: 'not-found' })
    expect(
      submitConsentCheck({ ctx, target, versionId: 'x', answers: { q1: 0, q2: 0, q3: 0, q4: 0 } }),
    ).toEqual({ ok: false, reason: 'not-found' })
    const page = getConsentSigningPage({ ctx: signingContext(stranger, NOW), target: WIZARD })
    expect(page.ok).toBe(false)
    expect(counts()).toEqual(before)
  })
})

describe('consent evidence is append-only', () => {
  test('UPDATE and DELETE are refused on records and check answers', async () => {
    await bookForPatient('skin-boost', firstFreeSlot('skin-boost', NOW), NOW)
    const run = (statement: string) => () => getDb().$client.prepare(statement).run()
    expect(run("UPDATE consent_records SET typed_name = 'Someone Else'")).toThrow(/append-only/)
    expect(run('UPDATE consent_records SET photo_marketing = 1')).toThrow(/append-only/)
    expect(run('DELETE FROM consent_records')).toThrow(/append-only/)
    expect(run('UPDATE consent_check_attempts SET passed = 0')).toThrow(/append-only/)
    expect(run('DELETE FROM consent_check_attempts')).toThrow(/append-only/)
    expect(getDb().select().from(consentRecords).all()).toHaveLength(1)
  })

  test('with the trigger dropped, a changed field or text no longer matches its hash', async () => {
    await bookForPatient('skin-boost', firstFreeSlot('skin-boost', NOW), NOW)
    const record = getDb().select().from(consentRecords).get()!
    getDb().$client.exec('DROP TRIGGER consent_records_no_update')
    getDb().$client.prepare('UPDATE consent_records SET photo_marketing = 1').run()
    expect(loadConsentRecordView(getDb(), record.id)!.integrity).toEqual({
      textMatches: true,
      recordMatches: false,
    })
    getDb().$client.exec('DROP TRIGGER consent_versions_published_no_update')
    getDb()
      .$client.prepare(
        "UPDATE consent_document_versions SET content = replace(content, 'Day by day', 'Day after day') WHERE id = ?",
      )
      .run(record.documentVersionId)
    expect(loadConsentRecordView(getDb(), record.id)!.integrity.textMatches).toBe(false)
  })
})

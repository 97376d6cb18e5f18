import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { startBookingDraft } from '#app/domain/booking/wizard/draft.server.ts'
import { submitDraftScreening } from '#app/domain/booking/wizard/draft-screening.server.ts'
import { updatePatientScreening } from '#app/domain/screening/screening-booking.server.ts'
import { getReviewForClinician } from '#app/domain/screening/screening-review.server.ts'
import { updateBookingScreening } from '#app/domain/screening/screening-visit.server.ts'
import { getDb } from '#db/client.server.ts'
import { auditEvents, privacyNoticeVersions, screeningSubmissions } from '#db/schema/index.ts'
import {
  CLEAR_ANSWERS,
  newPatientSession,
  patientActor,
  serviceIdBySlug,
} from '#tests/support/booking-fixtures.ts'
import {
  bookWithAnswers,
  DEMO_ADMIN,
  DEMO_CLINICIAN,
  PAST_COLD_SORE,
  staffActorFor,
} from '#tests/support/screening-fixtures.ts'
import {
  createPrivacyNoticeDraft,
  getCurrentPrivacyNotice,
  getPrivacyNoticeVersion,
  getPublishedPrivacyNotice,
  getShownPrivacyNotice,
  listPrivacyNoticeVersions,
  publishPrivacyNoticeDraft,
  savePrivacyNoticeDraft,
} from './privacy-notice.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)

function adminActor() {
  const { userId } = staffActorFor(DEMO_ADMIN)
  return { userId, ipAddress: null, requestId: null }
}

function actions(action: string) {
  return getDb().select().from(auditEvents).where(eq(auditEvents.action, action)).all()
}

/** A version 2 whose English title says so, published by the demo admin. */
function publishVersion2(): string {
  const draft = createPrivacyNoticeDraft({ actor: adminActor(), now: NOW })
  const content = getPrivacyNoticeVersion(draft.versionId)!.content
  content.en.title = 'How we use your data (version 2)'
  expect(
    savePrivacyNoticeDraft({ versionId: draft.versionId, content, actor: adminActor(), now: NOW }),
  ).toEqual({ ok: true })
  expect(
    publishPrivacyNoticeDraft({ versionId: draft.versionId, actor: adminActor(), now: later(1) }),
  ).toEqual({ ok: true, versionNumber: 2 })
  return draft.versionId
}

function wizardSubmission(shownPrivacyNoticeId: string | null) {
  const session = newPatientSession(NOW)
  startBookingDraft({ session, serviceId: serviceIdBySlug('skin-boost'), now: NOW })
  const result = submitDraftScreening({
    session,
    answers: CLEAR_ANSWERS,
    now: NOW,
    actor: patientActor,
    shownPrivacyNoticeId,
  })
  return { result, rows: getDb().select().from(screeningSubmissions).all() }
}

describe('the privacy notice that ships with the app', () => {
  test('version 1 is published, by no one, in Italian and English, with every section', () => {
    const current = getCurrentPrivacyNotice()
    expect(current).toMatchObject({ versionNumber: 1, status: 'published' })
    const row = getDb().select().from(privacyNoticeVersions).get()!
    expect(row.createdByUserId).toBeNull()
    expect(current.content.en.sections.legalBasis).toContain('Art. 9(2)(h)')
    expect(current.content.it.sections.legalBasis).toContain('art. 9, par. 2, lett. h')
    expect(current.content.en.sections.rights).toContain('Garante per la protezione dei dati')
    expect(current.content.it.sections.rights).toContain('Garante per la protezione dei dati')
  })

  test('shown to a patient, it names the clinic and its record retention period', () => {
    const english = getShownPrivacyNotice('en')
    const text = JSON.stringify(english.reading)
    expect(text).not.toContain('{{')
    expect(text).toMatch(/10 years/)
    const italian = getShownPrivacyNotice('it')
    expect(italian.reading.title).toBe('Come usiamo i tuoi dati personali')
    expect(JSON.stringify(italian.reading)).toMatch(/10 anni/)
  })
})

describe('admins write new versions', () => {
  test('a draft copies the version in force; one draft at a time; publishing makes it current at once, audited', () => {
    const first = createPrivacyNoticeDraft({ actor: adminActor(), now: NOW })
    expect(first).toMatchObject({ ok: true, created: true })
    expect(createPrivacyNoticeDraft({ actor: adminActor(), now: NOW })).toEqual({
      ok: true,
      versionId: first.versionId,
      created: false,
    })
    expect(getCurrentPrivacyNotice().versionNumber).toBe(1)
    expect(getPublishedPrivacyNotice(2)).toBeNull()

    publishVersion2()
    const current = getCurrentPrivacyNotice()
    expect(current).toMatchObject({ versionNumber: 2, status: 'published' })
    expect(current.content.en.title).toBe('How we use your data (version 2)')
    expect(getPublishedPrivacyNotice(1)!.content.en.title).toBe('How we use your personal data')
    expect(listPrivacyNoticeVersions().map((v) => v.versionNumber)).toEqual([2, 1])
    expect(getPrivacyNoticeVersion(current.id)!.publishedByName).toBeTruthy()
    expect(actions('privacy_notice.draft_created')).toHaveLength(1)
    expect(actions('privacy_notice.draft_saved')).toHaveLength(1)
    expect(actions('privacy_notice.published')).toEqual([
      expect.objectContaining({ subjectId: current.id }),
    ])
  })

  test('a published version cannot be edited: the app says so and the database refuses', () => {
    const current = getCurrentPrivacyNotice()
    expect(
      savePrivacyNoticeDraft({
        versionId: current.id,
        content: current.content,
        actor: adminActor(),
      }),
    ).toEqual({ ok: false, reason: 'not-draft' })
    expect(publishPrivacyNoticeDraft({ versionId: current.id, actor: adminActor() })).toEqual({
      ok: false,
      reason: 'not-draft',
    })
    expect(() =>
      getDb()
        .update(privacyNoticeVersions)
        .set({ content: '{}' })
        .where(eq(privacyNoticeVersions.id, current.id))
        .run(),
    ).toThrow(/immutable/)
    expect(() =>
      getDb().delete(privacyNoticeVersions).where(eq(privacyNoticeVersions.id, current.id)).run(),
    ).toThrow(/immutable/)
  })

  test('a draft naming a placeholder the app cannot fill is refused, nothing saved', () => {
    const draft = createPrivacyNoticeDraft({ actor: adminActor(), now: NOW })
    const content = getPrivacyNoticeVersion(draft.versionId)!.content
    content.it.sections.contact = 'Scrivi a {{clinic_mail}}.'
    expect(
      savePrivacyNoticeDraft({ versionId: draft.versionId, content, actor: adminActor() }),
    ).toEqual({ ok: false, reason: 'unknown-placeholders', names: ['clinic_mail'] })
    expect(getPrivacyNoticeVersion(draft.versionId)!.content.it.sections.contact).not.toContain(
      'clinic_mail',
    )
  })
})

describe('a screening submission records the notice its patient was shown', () => {
  test('the version the booking page showed is recorded', () => {
    const shown = getCurrentPrivacyNotice().id
    const { result, rows } = wizardSubmission(shown)
    expect(result).toMatchObject({ ok: true })
    expect(rows).toEqual([expect.objectContaining({ privacyNoticeVersionId: shown })])
  })

  test('a version published while the patient was answering: the one they were shown is recorded', () => {
    const shown = getCurrentPrivacyNotice().id
    publishVersion2()
    const { result, rows } = wizardSubmission(shown)
    expect(result).toMatchObject({ ok: true })
    expect(rows[0]!.privacyNoticeVersionId).toBe(shown)
  })

  test('a tampered, unknown, draft or missing version id is refused and nothing is written', () => {
    const draft = createPrivacyNoticeDraft({ actor: adminActor(), now: NOW })
    for (const id of ['not-a-version', draft.versionId, '', null]) {
      const { result, rows } = wizardSubmission(id)
      expect(result).toEqual({ ok: false, reason: 'unknown-privacy-notice' })
      expect(rows).toEqual([])
    }
  })

  test('the patient updating their answers: recorded when known, refused when tampered', async () => {
    const { booking, session } = await bookWithAnswers(CLEAR_ANSWERS, NOW)
    const version2 = publishVersion2()
    const update = (shownPrivacyNoticeId: string) =>
      updatePatientScreening({
        session,
        reference: booking.reference,
        answers: { ...CLEAR_ANSWERS, allergies: ['nickel'] },
        now: later(5),
        actor: patientActor,
        shownPrivacyNoticeId,
      })
    const count = () =>
      getDb()
        .select()
        .from(screeningSubmissions)
        .where(eq(screeningSubmissions.bookingId, booking.id))
        .all().length
    const before = count()
    expect(update('5a7c1e3b-0000-4000-8000-000000000000')).toEqual({
      ok: false,
      reason: 'unknown-privacy-notice',
    })
    expect(count()).toBe(before)
    expect(update(version2)).toMatchObject({ ok: true })
    const latest = getDb()
      .select()
      .from(screeningSubmissions)
      .where(
        and(
          eq(screeningSubmissions.bookingId, booking.id),
          eq(screeningSubmissions.source, 'patient_update'),
        ),
      )
      .get()!
    expect(latest.privacyNoticeVersionId).toBe(version2)
  })

  test('staff typing answers at the visit record the version in force', async () => {
    const { booking } = await bookWithAnswers(CLEAR_ANSWERS, NOW)
    const version2 = publishVersion2()
    const result = updateBookingScreening({
      bookingId: booking.id,
      answers: CLEAR_ANSWERS,
      actor: staffActorFor(DEMO_CLINICIAN),
      now: later(10),
    })
    expect(result).toMatchObject({ ok: true })
    const row = getDb()
      .select()
      .from(screeningSubmissions)
      .where(eq(screeningSubmissions.source, 'staff_update'))
      .get()!
    expect(row.privacyNoticeVersionId).toBe(version2)
  })

  test('the clinician’s review names the version recorded with the latest answers', async () => {
    const { booking } = await bookWithAnswers(PAST_COLD_SORE, NOW)
    const clinician = staffActorFor(DEMO_CLINICIAN)
    // Answers given without a notice (before this existed) record none.
    const before = getReviewForClinician({ bookingId: booking.id, actor: clinician, now: NOW })
    expect(before!.submission!.privacyNoticeVersion).toBeNull()
    updateBookingScreening({
      bookingId: booking.id,
      answers: PAST_COLD_SORE,
      actor: clinician,
      now: later(10),
    })
    const after = getReviewForClinician({ bookingId: booking.id, actor: clinician, now: later(11) })
    expect(after!.submission!.privacyNoticeVersion).toBe(1)
  })
})

import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { startBookingDraft } from '#app/domain/booking/wizard/draft.server.ts'
import { submitDraftScreening } from '#app/domain/booking/wizard/draft-screening.server.ts'
import { getDb } from '#db/client.server.ts'
import {
  auditEvents,
  bookingDrafts,
  screeningReviewEvents,
  screeningRuleSets,
  screeningSubmissions,
} from '#db/schema/index.ts'
import {
  CLEAR_ANSWERS,
  newPatientSession,
  patientActor,
  serviceIdBySlug,
  sessionWithDraft,
} from '#tests/support/booking-fixtures.ts'
import {
  bookWithAnswers,
  DEMO_ADMIN,
  PAST_COLD_SORE,
  staffActorFor,
} from '#tests/support/screening-fixtures.ts'
import { DEFAULT_SCREENING_SETTINGS } from './screening-settings.schema.ts'
import {
  describeSourceProblems,
  getScreeningSettingsPage,
  publishScreeningRuleSet,
} from './screening-settings.server.ts'
import { decideReview } from './screening-decisions.server.ts'
import {
  getCurrentRuleSet,
  latestBookingSubmission,
  purgeAbandonedSubmissions,
  readSubmission,
} from './screening.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const HOUR = 3600_000

describe('rule-set versions', () => {
  test('version 1 ships with the migrations and equals the defaults in code', () => {
    const current = getCurrentRuleSet()
    expect(current.version).toBe(1)
    expect(current.settings).toEqual(DEFAULT_SCREENING_SETTINGS)
  })

  test('publishing makes a new version with its history; the same settings again are refused', () => {
    const admin = staffActorFor(DEMO_ADMIN)
    const stricter = {
      ...DEFAULT_SCREENING_SETTINGS,
      isotretinoinMonths: 12,
      stricterRuleIds: ['keloid-tendency', 'anticoagulants'],
    }
    expect(
      publishScreeningRuleSet({ settings: stricter, note: 'Doctor’s policy' }, admin, NOW),
    ).toEqual({
      ok: true,
      version: 2,
    })
    expect(publishScreeningRuleSet({ settings: stricter, note: null }, admin, NOW)).toEqual({
      ok: false,
      reason: 'unchanged',
      version: 2,
    })
    expect(
      publishScreeningRuleSet(
        { settings: { ...stricter, stricterRuleIds: ['darker-skin-type'] }, note: null },
        admin,
        NOW,
      ),
    ).toEqual({ ok: false, reason: 'unknown-rule' })
    const page = getScreeningSettingsPage()
    expect(page.current.version).toBe(2)
    expect(page.history.map((v) => v.version)).toEqual([2, 1])
    expect(page.history[0]).toMatchObject({
      publishedBy: 'Elena Greco',
      note: 'Doctor’s policy',
      changes: [
        'Wait after the last isotretinoin dose: 6 → 12 months',
        'Keloid or raised scar tendency: now not eligible',
        'Anticoagulant or antiplatelet: now not eligible',
      ],
    })
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'screening.rules_published'))
      .all()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.actorId).toBe(admin.userId)
  })

  test('a stored outcome does not change when a later rule version is published', async () => {
    const { booking } = await bookWithAnswers(PAST_COLD_SORE, NOW)
    const before = readSubmission(latestBookingSubmission(getDb(), booking.id)!)
    expect(before).toMatchObject({ outcome: 'review', ruleSetVersion: 1 })

    // The clinic now treats a history of cold sores as "not eligible".
    publishScreeningRuleSet(
      {
        settings: { ...DEFAULT_SCREENING_SETTINGS, stricterRuleIds: ['cold-sores-history'] },
        note: null,
      },
      staffActorFor(DEMO_ADMIN),
      new Date(NOW.getTime() + HOUR),
    )
    const after = readSubmission(latestBookingSubmission(getDb(), booking.id)!)
    expect(after).toEqual(before)
    // The booking can still be decided on the answers it was judged by.
    expect(
      decideReview({
        bookingId: booking.id,
        decision: { intent: 'approve', submissionId: before.id, note: null },
        actor: staffActorFor('marco.bianchi@dermadesk.example'),
        now: new Date(NOW.getTime() + 2 * HOUR),
      }),
    ).toEqual({ ok: true })

    // New answers are judged by the new version.
    const session = sessionWithDraft('skin-boost', NOW, PAST_COLD_SORE)
    const draft = getDb()
      .select()
      .from(bookingDrafts)
      .where(eq(bookingDrafts.sessionTokenHash, session.tokenHash))
      .get()!
    const fresh = getDb()
      .select()
      .from(screeningSubmissions)
      .where(eq(screeningSubmissions.id, draft.screeningSubmissionId!))
      .get()!
    expect(fresh).toMatchObject({ ruleSetVersion: 2, outcome: 'not_eligible' })
  })
})

describe('publishing refuses a rule without a source (docs/decisions/032)', () => {
  test('a rule left without a source, or citing an unknown tag, is named; nothing is published', () => {
    const admin = staffActorFor(DEMO_ADMIN)
    const result = publishScreeningRuleSet(
      {
        settings: {
          ...DEFAULT_SCREENING_SETTINGS,
          isotretinoinMonths: 3,
          ruleSources: {
            ...DEFAULT_SCREENING_SETTINGS.ruleSources,
            'isotretinoin-recent': [],
            'nickel-allergy': ['B-16', 'X-99'],
          },
        },
        note: null,
      },
      admin,
      NOW,
    )
    expect(result).toMatchObject({
      ok: false,
      reason: 'sources',
      // In the rule table's order.
      problems: [
        { ruleId: 'nickel-allergy', problem: 'X-99 is not in the source register' },
        { ruleId: 'isotretinoin-recent', problem: 'no source' },
      ],
    })
    expect(!result.ok && result.reason === 'sources' && result.message).toBe(
      'Every rule needs at least one source from the source register. Not published: Nickel allergy (X-99 is not in the source register); Isotretinoin stopped recently (no source).',
    )
    // The same refusal for an admin who works in Italian, the rules named in Italian.
    expect(
      !result.ok && result.reason === 'sources' && describeSourceProblems(result.problems, 'it'),
    ).toMatch(
      /^Ogni regola ha bisogno di almeno una fonte del registro delle fonti\. Non pubblicato: .+ \(X-99 non è nel registro delle fonti\); .+ \(nessuna fonte\)\.$/,
    )
    expect(getCurrentRuleSet().version).toBe(1)
    expect(getDb().select().from(screeningRuleSets).all()).toHaveLength(1)
    expect(
      getDb()
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, 'screening.rules_published'))
        .all(),
    ).toHaveLength(0)
  })

  test('a rule missing from the stored sources falls back to its default; changed sources are a change', () => {
    const admin = staffActorFor(DEMO_ADMIN)
    const sources = { ...DEFAULT_SCREENING_SETTINGS.ruleSources, 'nickel-allergy': ['B-16'] }
    expect(
      publishScreeningRuleSet(
        {
          settings: {
            ...DEFAULT_SCREENING_SETTINGS,
            ruleSources: sources,
            relaxedRuleIds: ['pregnancy-or-breastfeeding'],
          },
          note: null,
        },
        admin,
        NOW,
      ),
    ).toEqual({ ok: true, version: 2 })
    const current = getCurrentRuleSet()
    expect(current.settings.ruleSources['nickel-allergy']).toEqual(['B-16'])
    expect(current.settings.relaxedRuleIds).toEqual(['pregnancy-or-breastfeeding'])
    expect(getScreeningSettingsPage().history[0]!.changes).toEqual([
      'Pregnancy or breastfeeding: now clinician review',
      'Nickel allergy: sources B-16, B-2 → B-16',
    ])
    const italian = getScreeningSettingsPage('it').history
    expect(italian[0]!.changes).toEqual([
      expect.stringMatching(/: ora revisione del medico$/),
      expect.stringMatching(/: fonti B-16, B-2 → B-16$/),
    ])
    expect(italian.at(-1)).toMatchObject({
      publishedBy: 'Inclusa nell’app',
      changes: ['Prima versione'],
    })
  })

  test('a relaxed choice only for rules the table marks relaxable', () => {
    expect(
      publishScreeningRuleSet(
        {
          settings: { ...DEFAULT_SCREENING_SETTINGS, relaxedRuleIds: ['bleeding-disorder'] },
          note: null,
        },
        staffActorFor(DEMO_ADMIN),
        NOW,
      ),
    ).toEqual({ ok: false, reason: 'unknown-rule' })
  })
})

describe('append-only screening records', () => {
  test('answers, outcome and versions never change; a linked submission is never deleted', async () => {
    const { booking } = await bookWithAnswers(PAST_COLD_SORE, NOW)
    const client = getDb().$client
    const id = latestBookingSubmission(getDb(), booking.id)!.id
    expect(() =>
      client.prepare("UPDATE screening_submissions SET outcome = 'eligible' WHERE id = ?").run(id),
    ).toThrow(/append-only/)
    expect(() =>
      client.prepare('UPDATE screening_submissions SET booking_id = NULL WHERE id = ?').run(id),
    ).toThrow(/append-only/)
    expect(() => client.prepare('DELETE FROM screening_submissions WHERE id = ?').run(id)).toThrow(
      /append-only/,
    )
    expect(() => client.prepare('DELETE FROM screening_rule_sets').run()).toThrow(/append-only/)
    expect(() => client.prepare("UPDATE screening_rule_sets SET settings = '{}'").run()).toThrow(
      /append-only/,
    )
    decideReview({
      bookingId: booking.id,
      decision: { intent: 'request_info', submissionId: id, question: 'Since when?' },
      actor: staffActorFor('marco.bianchi@dermadesk.example'),
      now: NOW,
    })
    expect(getDb().select().from(screeningReviewEvents).all()).toHaveLength(1)
    expect(() => client.prepare("UPDATE screening_review_events SET message = 'x'").run()).toThrow(
      /append-only/,
    )
    expect(() => client.prepare('DELETE FROM screening_review_events').run()).toThrow(/append-only/)
  })

  test('an unlinked submission may be linked once, and only whole (patient, booking, version)', async () => {
    const { booking } = await bookWithAnswers(CLEAR_ANSWERS, NOW)
    const session = sessionWithDraft('skin-boost', NOW)
    const draft = getDb()
      .select()
      .from(bookingDrafts)
      .where(eq(bookingDrafts.sessionTokenHash, session.tokenHash))
      .get()!
    const id = draft.screeningSubmissionId!
    const client = getDb().$client
    expect(() =>
      client
        .prepare('UPDATE screening_submissions SET booking_id = ? WHERE id = ?')
        .run(booking.id, id),
    ).toThrow(/CHECK/)
    client
      .prepare(
        'UPDATE screening_submissions SET booking_id = ?, booking_version = 2, patient_id = ? WHERE id = ?',
      )
      .run(booking.id, booking.patientId, id)
    expect(() =>
      client.prepare('UPDATE screening_submissions SET booking_version = 3 WHERE id = ?').run(id),
    ).toThrow(/append-only/)
  })
})

describe('purging answers that never became a booking', () => {
  test('unlinked answers go after a day unless a draft still uses them; linked ones stay', async () => {
    const { booking } = await bookWithAnswers(CLEAR_ANSWERS, NOW)
    // A patient changed their mind: two sets of answers, the draft uses the second.
    const session = newPatientSession(NOW)
    startBookingDraft({ session, serviceId: serviceIdBySlug('skin-boost'), now: NOW })
    submitDraftScreening({ session, answers: PAST_COLD_SORE, now: NOW, actor: patientActor })
    submitDraftScreening({ session, answers: CLEAR_ANSWERS, now: NOW, actor: patientActor })
    expect(getDb().select().from(screeningSubmissions).all()).toHaveLength(3)

    expect(purgeAbandonedSubmissions(new Date(NOW.getTime() + 23 * HOUR))).toBe(0)
    expect(purgeAbandonedSubmissions(new Date(NOW.getTime() + 25 * HOUR))).toBe(1)
    const left = getDb().select().from(screeningSubmissions).all()
    expect(left).toHaveLength(2)
    expect(left.some((s) => s.bookingId === booking.id)).toBe(true)

    // The session ends (its draft goes with it): its answers go at the next purge.
    getDb()
      .$client.prepare('DELETE FROM patient_sessions WHERE token_hash = ?')
      .run(session.tokenHash)
    expect(purgeAbandonedSubmissions(new Date(NOW.getTime() + 26 * HOUR))).toBe(1)
    expect(
      getDb()
        .select()
        .from(screeningSubmissions)
        .all()
        .map((s) => s.bookingId),
    ).toEqual([booking.id])
    const purged = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'screening.purged'))
      .all()
    expect(purged.map((row) => JSON.parse(row.details))).toEqual([{ count: 1 }, { count: 1 }])
  })
})

describe('rule sets table', () => {
  test('every version is unique and numbered from 1', () => {
    expect(() =>
      getDb()
        .insert(screeningRuleSets)
        .values({ version: 1, settings: '{}', publishedAt: NOW })
        .run(),
    ).toThrow()
  })
})

import { describe, expect, test } from 'vitest'
import { content, VALUES } from '#tests/support/consent-content.ts'
import {
  canonicalConsentRecord,
  canonicalJson,
  type ConsentRecordCanonicalFields,
  type ConsentRecordFacts,
  consentExpiresAt,
  consentStatusFor,
  namesMatch,
  normaliseName,
  optionOrder,
  recordCoversSession,
  requiredVersionFor,
  scoreCheck,
} from './consent.rules.ts'

describe('the typed name', () => {
  test.each([
    ['José  da Silva', 'jose da silva'],
    ['  ZOË O’NEIL ', "zoe o'neil"],
    ['Łukasz', 'łukasz'],
  ])('%s normalises to %s', (input, expected) => {
    expect(normaliseName(input)).toBe(expected)
  })

  test('matches ignoring case, accents and spaces, not other names', () => {
    expect(namesMatch('chiara   esposito', 'Chiara Esposito')).toBe(true)
    expect(namesMatch('Jose Garcia', 'José García')).toBe(true)
    expect(namesMatch('Chiara', 'Chiara Esposito')).toBe(false)
    expect(namesMatch('Chiara Espósita', 'Chiara Esposito')).toBe(false)
    expect(namesMatch('   ', '')).toBe(false)
  })
})

describe('the comprehension check', () => {
  const questions = content().questions
  const right = Object.fromEntries(questions.map((q) => [q.key, q.answer]))

  test('all right passes', () => {
    expect(scoreCheck(questions, right)).toEqual({ passed: true, unanswered: [], wrong: [] })
  })

  test('a wrong answer names the question', () => {
    const answers = { ...right, q2: (right.q2! + 1) % 3 }
    expect(scoreCheck(questions, answers)).toEqual({ passed: false, unanswered: [], wrong: ['q2'] })
  })

  test('missing, null or out-of-range answers are unanswered', () => {
    const { q1: _q1, ...rest } = right
    expect(scoreCheck(questions, { ...rest, q3: null, q4: 7 })).toMatchObject({
      passed: false,
      unanswered: ['q1', 'q3', 'q4'],
    })
  })
})

describe('validity', () => {
  const DAY = 24 * 3600_000
  const signedAt = Date.UTC(2026, 0, 15, 10)

  test('a consent lasts 12 calendar months', () => {
    expect(consentExpiresAt(signedAt)).toBe(Date.UTC(2027, 0, 15, 10))
    // 29 February: the end is 28 February the next year, not 1 March.
    expect(consentExpiresAt(Date.UTC(2028, 1, 29, 9))).toBe(Date.UTC(2029, 1, 28, 9))
  })

  test('the version a session needs: the newest in effect at its start, else the first', () => {
    const v1 = { id: 'v1', versionNumber: 1, effectiveFrom: Date.UTC(2026, 0, 1) }
    const v2 = { id: 'v2', versionNumber: 2, effectiveFrom: Date.UTC(2026, 5, 1) }
    const v3 = { id: 'v3', versionNumber: 3, effectiveFrom: Date.UTC(2026, 5, 1) }
    expect(requiredVersionFor([v2, v1], Date.UTC(2026, 2, 1))?.id).toBe('v1')
    expect(requiredVersionFor([v1, v2], Date.UTC(2026, 6, 1))?.id).toBe('v2')
    expect(requiredVersionFor([v1, v2, v3], Date.UTC(2026, 6, 1))?.id).toBe('v3')
    expect(requiredVersionFor([v1, v2], Date.UTC(2025, 0, 1))?.id).toBe('v1')
    expect(requiredVersionFor([], Date.UTC(2025, 0, 1))).toBeNull()
    // A version that replaces the first from the first one's own date: needed before it too.
    const v1b = { ...v2, id: 'v1b', effectiveFrom: v1.effectiveFrom }
    expect(requiredVersionFor([v1, v1b], Date.UTC(2025, 0, 1))?.id).toBe('v1b')
    expect(requiredVersionFor([v1, v1b], Date.UTC(2026, 6, 1))?.id).toBe('v1b')
  })

  const record: ConsentRecordFacts = {
    id: 'r1',
    tier: 'medical',
    versionId: 'v1',
    signedAt,
    withdrawnAt: null,
    withdrawalId: null,
    countersignatureId: null,
  }
  const session = {
    tier: 'medical',
    needsConsent: true,
    startAt: signedAt + 30 * DAY,
    requiredVersionId: 'v1',
  }

  test('covers the same tier and version, from signing for 12 months', () => {
    expect(recordCoversSession(record, session)).toBe(true)
    expect(recordCoversSession(record, { ...session, tier: 'cosmetic' })).toBe(false)
    expect(recordCoversSession(record, { ...session, requiredVersionId: 'v2' })).toBe(false)
    expect(recordCoversSession(record, { ...session, startAt: signedAt - DAY })).toBe(false)
    expect(
      recordCoversSession(record, { ...session, startAt: consentExpiresAt(signedAt) - 1 }),
    ).toBe(true)
    expect(recordCoversSession(record, { ...session, startAt: consentExpiresAt(signedAt) })).toBe(
      false,
    )
  })

  test('status: missing, signed, countersigned, withdrawn, not required', () => {
    expect(consentStatusFor([], session)).toMatchObject({ status: 'missing', resignReason: null })
    expect(consentStatusFor([record], session)).toMatchObject({ status: 'signed', recordId: 'r1' })
    expect(consentStatusFor([{ ...record, countersignatureId: 'c1' }], session)).toMatchObject({
      status: 'countersigned',
      countersignatureId: 'c1',
    })
    const withdrawn = { ...record, withdrawnAt: signedAt + DAY, withdrawalId: 'w1' }
    expect(consentStatusFor([withdrawn], session)).toMatchObject({
      status: 'withdrawn',
      withdrawalId: 'w1',
    })
    expect(consentStatusFor([], { ...session, needsConsent: false }).status).toBe('not_required')
  })

  test('a withdrawal after the session does not change that session; signing again covers', () => {
    const later = { ...record, withdrawnAt: session.startAt + DAY, withdrawalId: 'w1' }
    expect(consentStatusFor([later], session).status).toBe('signed')
    const withdrawn = { ...record, withdrawnAt: signedAt + DAY, withdrawalId: 'w1' }
    const again = { ...record, id: 'r2', signedAt: signedAt + 2 * DAY }
    expect(consentStatusFor([withdrawn, again], session)).toMatchObject({
      status: 'signed',
      recordId: 'r2',
    })
  })

  test('why a patient must sign again: a new version, or more than 12 months', () => {
    expect(consentStatusFor([record], { ...session, requiredVersionId: 'v2' })).toMatchObject({
      status: 'missing',
      resignReason: 'new-version',
    })
    expect(
      consentStatusFor([record], { ...session, startAt: consentExpiresAt(signedAt) + DAY }),
    ).toMatchObject({ status: 'missing', resignReason: 'expired' })
  })
})

describe('record hashes', () => {
  const fields: ConsentRecordCanonicalFields = {
    id: 'r1',
    patientId: 'p1',
    bookingId: 'b1',
    documentVersionId: 'v1',
    tier: 'medical',
    textSha256: 'a'.repeat(64),
    textValues: VALUES,
    checkAttemptId: 'a1',
    checkAnswers: { q1: 1, q2: 2 },
    typedName: 'Chiara Esposito',
    drawnSignatureSha256: null,
    intentConfirmed: true,
    photoClinical: true,
    photoMarketing: false,
    signedAt: 1_800_000_000_000,
    ipAddress: '203.0.113.7',
    userAgent: 'UA',
    emailProvenBy: 'email_code',
    verifiedEmail: 'chiara@example.com',
    sessionTokenHash: 'b'.repeat(64),
  }

  test('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    )
  })

  test('the same facts in any order give the same string; any changed fact another', () => {
    const reordered = Object.fromEntries(Object.entries(fields).reverse()) as typeof fields
    expect(canonicalConsentRecord(reordered)).toBe(canonicalConsentRecord(fields))
    for (const change of [
      { typedName: 'Chiara Esposit0' },
      { photoMarketing: true },
      { signedAt: fields.signedAt + 1 },
      { checkAnswers: { q1: 1, q2: 1 } },
      { textValues: { ...VALUES, cancellation_hours: '24' } },
    ])
      expect(canonicalConsentRecord({ ...fields, ...change })).not.toBe(
        canonicalConsentRecord(fields),
      )
  })
})

describe("the order of a question's options", () => {
  test('is a shuffle of every option, the same for the same booking and question', () => {
    const order = optionOrder('booking-1', 'q1', 3)
    expect([...order].sort()).toEqual([0, 1, 2])
    expect(optionOrder('booking-1', 'q1', 3)).toEqual(order)
    expect(optionOrder('booking-1', 'q1', 5).sort()).toEqual([0, 1, 2, 3, 4])
  })

  test('differs between bookings and questions: the right answer is not always in one place', () => {
    const orders = Array.from({ length: 40 }, (_, i) => optionOrder(`booking-${i}`, 'q1', 3))
    expect(new Set(orders.map((o) => o.join())).size).toBeGreaterThanOrEqual(4)
    // Where option 0 ends up: every place, over enough bookings.
    expect(new Set(orders.map((o) => o.indexOf(0)))).toEqual(new Set([0, 1, 2]))
    const questions = ['q1', 'q2', 'q3', 'q4', 'q5'].map((q) => optionOrder('booking-1', q, 3))
    expect(new Set(questions.map((o) => o.join())).size).toBeGreaterThan(1)
  })
})

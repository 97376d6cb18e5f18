import { expect, test } from 'vitest'
import {
  buildWorld,
  callAction,
  firstFreeSlotAfter,
  requestTarget,
  routeIdOf,
  type RouteModule,
  tableDigests,
  type World,
} from '#tests/support/route-fixtures.ts'
import { answerFieldName } from '#app/domain/consent/consent.schema.ts'
import { PATIENT } from '#tests/support/booking-fixtures.ts'
import { rightAnswers } from '#tests/support/consent-fixtures.ts'
import { OWN_BOOKING_ACTION, ROUTE_POLICY } from './route-policy.ts'

/**
 * Security goal C2 for actions: the matrix posts a junk form, which an action refuses before it
 * looks the booking up. Here patient B posts a WELL-FORMED form for patient A's booking to every
 * action on A's booking pages: each must answer 404 (as for a booking that does not exist) and
 * change nothing. Then A posts the same forms, which must get past validation (not 400, not
 * 404): so B's 404 came from the ownership check, not from a bad form.
 */
const MODULES = import.meta.glob<RouteModule>('../../app/routes/*.{ts,tsx}')

/** One well-formed form per owned action, in the order A may send them (cancelling last). */
const WELL_FORMED: [string, (world: World) => Record<string, string | string[]>][] = [
  ['bookings.$reference.screening._index', () => ({ answer: 'Can I wear make-up afterwards?' })],
  [
    'bookings.$reference.screening.update',
    (world) => ({
      // The privacy notice the page showed (ADR 050).
      privacyNoticeVersionId: world.params.noticeId!,
      dateOfBirth: PATIENT.dateOfBirth,
      areas: 'face',
      skinType: 'III',
      skinNow: 'none',
      history: 'none',
      medicines: 'none',
      allergies: 'none',
      pregnancy: 'no',
      procedures: 'none',
    }),
  ],
  [
    'bookings.$reference.consent',
    (world) => {
      const versionId = world.params.versionId!
      const answers = Object.entries(rightAnswers(versionId)).map(([key, value]) => [
        answerFieldName(key),
        String(value),
      ])
      return { intent: 'check', versionId, ...Object.fromEntries(answers) }
    },
  ],
  [
    'bookings.$reference.reschedule',
    (world) => {
      const slot = firstFreeSlotAfter(world, 'medical-face', 10)
      return { slot: `${slot.practitionerId}@${slot.startAt}` }
    },
  ],
  ['bookings.$reference.privacy-request', () => ({ kind: 'restriction', details: '' })],
  ['bookings.$reference._index', () => ({ intent: 'cancel', reason: 'Plans changed' })],
]

function body(fields: Record<string, string | string[]>) {
  const form = new URLSearchParams()
  for (const [key, value] of Object.entries(fields))
    for (const one of Array.isArray(value) ? value : [value]) form.append(key, one)
  return form.toString()
}

function moduleOf(id: string) {
  const entry = Object.entries(MODULES).find(([file]) => routeIdOf(file) === id)
  if (!entry) throw new Error(`No route module ${id}`)
  return entry[1]()
}

test('every action on a patient’s own booking has a well-formed form here', () => {
  const owned = Object.entries(ROUTE_POLICY)
    .filter(([, policy]) => policy.action === OWN_BOOKING_ACTION)
    .map(([id]) => id)
    .sort()
  expect(WELL_FORMED.map(([id]) => id).sort()).toEqual(owned)
})

test('patient B gets 404 and changes nothing with well-formed forms for A’s booking; A gets through', async () => {
  const world = await buildWorld()
  const forms = WELL_FORMED.map(([id, form]) => ({ id, body: body(form(world)) }))

  for (const { id, body: form } of forms) {
    const mod = await moduleOf(id)
    const before = tableDigests()
    const outcome = await callAction(mod, requestTarget(id, world), world.cookies.patientB, form)
    expect({ id, status: outcome.status }).toEqual({ id, status: 404 })
    expect(tableDigests(), id).toEqual(before)
  }

  for (const { id, body: form } of forms) {
    const mod = await moduleOf(id)
    const outcome = await callAction(mod, requestTarget(id, world), world.cookies.patientA, form)
    expect(outcome.error, id).toBeUndefined()
    expect([400, 404], `${id} as A: ${outcome.status}`).not.toContain(outcome.status)
  }
})

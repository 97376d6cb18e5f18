import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getSessionUser } from '#app/domain/auth/sessions.server.ts'
import { loadOwnedBooking } from '#app/domain/booking/owned-booking.server.ts'
import { withdrawConsent } from '#app/domain/consent/consent-withdrawal.server.ts'
import { getPatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { getDb } from '#db/client.server.ts'
import { bookings } from '#db/schema/index.ts'
import { bookForPatient, firstFreeSlot } from '#tests/support/booking-fixtures.ts'
import { passCheckAndSign, signingContext } from '#tests/support/consent-fixtures.ts'
import { auditActions, DOCTOR, passwordStep } from '#tests/support/mfa-fixtures.ts'
import { TEST_STAFF_PASSWORD } from '#tests/setup/test-staff.ts'
import { TABLET_LOCK_MAX_MS } from './tablet.rules.ts'
import { getTabletLock, getTabletScreen, handOverTablet, unlockTablet } from './tablet.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const actor = { ipAddress: '203.0.113.7', requestId: 'req-tablet' }

/** A treatment booked through the wizard whose consent the patient then withdrew. */
async function bookingWithoutConsent() {
  const slot = firstFreeSlot('skin-boost', NOW)
  const { reference, session } = await bookForPatient('skin-boost', slot, NOW)
  const withdrawn = withdrawConsent({
    session,
    reference,
    reason: null,
    now: NOW,
    ipAddress: null,
    userAgent: null,
    requestId: null,
  })
  expect(withdrawn.ok).toBe(true)
  const booking = getDb().select().from(bookings).where(eq(bookings.reference, reference)).get()!
  return { booking, patientSession: session }
}

async function handedOver() {
  const { booking } = await bookingWithoutConsent()
  const staff = await passwordStep(DOCTOR)
  const result = handOverTablet({
    staffToken: staff.sessionToken,
    bookingId: booking.id,
    actor,
    now: NOW,
  })
  if (!result.ok) throw new Error(`hand-over: ${result.reason}`)
  return { booking, staffToken: staff.sessionToken, patientToken: result.patientToken }
}

describe('handing the tablet over', () => {
  test('locks the staff session and proves a patient session for that booking only', async () => {
    const { booking, staffToken, patientToken } = await handedOver()
    expect(getSessionUser(staffToken, NOW)).toEqual({ status: 'locked' })
    expect(getTabletLock(staffToken, NOW)).toMatchObject({
      bookingId: booking.id,
      reference: booking.reference,
    })
    const patient = getPatientSession(patientToken, NOW)!
    expect(patient).toMatchObject({ provenBy: 'manage_link', provenBookingId: booking.id })
    expect(loadOwnedBooking(getDb(), patient, booking.reference)?.booking.id).toBe(booking.id)
    expect(auditActions()).toContain('tablet.handed_over')
  })

  test('the tablet session reaches no other booking of the same patient', async () => {
    const { patientToken } = await handedOver()
    const other = await bookForPatient('consultation', firstFreeSlot('consultation', NOW), NOW)
    const patient = getPatientSession(patientToken, NOW)!
    expect(loadOwnedBooking(getDb(), patient, other.reference)).toBeUndefined()
  })

  test('is refused when nothing is left for the patient to do, and changes nothing', async () => {
    const slot = firstFreeSlot('skin-boost', NOW)
    const { reference } = await bookForPatient('skin-boost', slot, NOW)
    const booking = getDb().select().from(bookings).where(eq(bookings.reference, reference)).get()!
    const staff = await passwordStep(DOCTOR)
    expect(
      handOverTablet({ staffToken: staff.sessionToken, bookingId: booking.id, actor, now: NOW }),
    ).toEqual({ ok: false, reason: 'nothing-to-do' })
    expect(getSessionUser(staff.sessionToken, NOW).status).toBe('active')
    expect(
      handOverTablet({ staffToken: staff.sessionToken, bookingId: 'nope', actor, now: NOW }),
    ).toEqual({ ok: false, reason: 'not-found' })
  })

  test('the screen follows the patient and ends their session once the consent is signed', async () => {
    const { staffToken, patientToken } = await handedOver()
    const lock = () => getTabletLock(staffToken, NOW)!
    expect(getTabletScreen({ lock: lock(), patientToken })?.step).toBe('consent')
    // Another browser's cookie (or none) shows the lock, never the patient's steps.
    expect(getTabletScreen({ lock: lock(), patientToken: null })?.step).toBe('done')
  })

  test('after signing, the screen says done and the patient session is over', async () => {
    const { staffToken, patientToken } = await handedOver()
    const patient = getPatientSession(patientToken, NOW)!
    await passCheckAndSign(signingContext(patient, NOW), {
      kind: 'booking',
      reference: getTabletLock(staffToken, NOW)!.reference,
    })
    expect(getTabletScreen({ lock: getTabletLock(staffToken, NOW)!, patientToken })?.step).toBe(
      'done',
    )
    expect(getPatientSession(patientToken, NOW)).toBeNull()
    expect(getSessionUser(staffToken, NOW).status).toBe('locked')
  })
})

describe('unlocking', () => {
  test('a wrong password keeps the lock and is audited; the right one reopens staff pages', async () => {
    const { booking, staffToken, patientToken } = await handedOver()
    const later = new Date(NOW.getTime() + 20 * 60_000)
    expect(
      await unlockTablet({ staffToken, password: 'not-the-password', actor, now: later }),
    ).toEqual({ ok: false, reason: 'wrong-password' })
    expect(getSessionUser(staffToken, later).status).toBe('locked')
    expect(auditActions()).toContain('tablet.unlock_failed')
    // 20 minutes on: a locked tablet does not time out like an idle staff session.
    expect(
      await unlockTablet({ staffToken, password: TEST_STAFF_PASSWORD, actor, now: later }),
    ).toEqual({ ok: true, bookingId: booking.id })
    expect(getSessionUser(staffToken, later).status).toBe('active')
    expect(getTabletLock(staffToken, later)).toBeNull()
    expect(getPatientSession(patientToken, later)).toBeNull()
    expect(auditActions()).toContain('tablet.unlocked')
  })

  test('wrong passwords are throttled as at sign-in: even the right one waits', async () => {
    const { staffToken } = await handedOver()
    for (let i = 0; i < 10; i++)
      await unlockTablet({ staffToken, password: `wrong-${i}`, actor, now: NOW })
    expect(
      await unlockTablet({ staffToken, password: TEST_STAFF_PASSWORD, actor, now: NOW }),
    ).toMatchObject({ ok: false, reason: 'throttled' })
    expect(getSessionUser(staffToken, NOW).status).toBe('locked')
    expect(auditActions()).toContain('tablet.unlock_throttled')
  })

  test('an unlocked session has nothing to unlock', async () => {
    const staff = await passwordStep(DOCTOR)
    expect(
      await unlockTablet({
        staffToken: staff.sessionToken,
        password: TEST_STAFF_PASSWORD,
        actor,
        now: NOW,
      }),
    ).toEqual({ ok: false, reason: 'not-locked' })
  })

  test('a lock left past its limit ends both sessions', async () => {
    const { staffToken, patientToken } = await handedOver()
    const late = new Date(NOW.getTime() + TABLET_LOCK_MAX_MS + 1000)
    expect(getTabletLock(staffToken, late)).toBeNull()
    expect(getSessionUser(staffToken, late).status).toBe('missing')
    expect(getPatientSession(patientToken, NOW)).toBeNull()
  })
})

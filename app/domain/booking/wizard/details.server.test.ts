import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { bookings, emailOutbox } from '#db/schema/index.ts'
import {
  bookThroughWizard,
  firstFreeSlot,
  latestCodeSentTo,
  PATIENT,
  patientActor,
  reloadSession,
  serviceIdBySlug,
  sessionWithDraft,
} from '#tests/support/booking-fixtures.ts'
import { saveDraftDetails } from './details.server.ts'
import { startBookingDraft } from './draft.server.ts'
import { holdSlot } from './hold.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')

describe('the details step', () => {
  test('the code email keeps the code out of its subject (lock screens show subjects)', () => {
    const session = sessionWithDraft('consultation', NOW)
    holdSlot({ session, ...firstFreeSlot('consultation', NOW), now: NOW, actor: patientActor })
    saveDraftDetails({ session, details: PATIENT, now: NOW, actor: patientActor })
    const code = latestCodeSentTo(PATIENT.email)
    const mail = getDb()
      .select()
      .from(emailOutbox)
      .all()
      .find((m) => m.dedupeKey.startsWith('verification:'))!
    expect(mail.subject).toBe('Your email code for Dermadesk Skin Clinic Milano')
    expect(mail.subject).not.toMatch(/\d{6}/)
    expect(mail.textBody).toContain(code)
  })

  test('a session that already proved the email books straight after the details', async () => {
    const booked = await bookThroughWizard(
      sessionWithDraft('skin-boost', NOW),
      firstFreeSlot('skin-boost', NOW),
      NOW,
    )
    expect(booked.ok).toBe(true)
    const proven = reloadSession(booked.session)
    expect(proven.verifiedEmail).toBe(PATIENT.email)
    expect(
      startBookingDraft({ session: proven, serviceId: serviceIdBySlug('consultation'), now: NOW })
        .ok,
    ).toBe(true)
    expect(
      holdSlot({
        session: proven,
        ...firstFreeSlot('consultation', NOW),
        now: NOW,
        actor: patientActor,
      }).ok,
    ).toBe(true)
    expect(
      saveDraftDetails({ session: proven, details: PATIENT, now: NOW, actor: patientActor }),
    ).toEqual({ ok: true, next: 'confirmation' })
    expect(
      getDb().select().from(bookings).where(eq(bookings.status, 'confirmed')).all(),
    ).toHaveLength(2)
  })
})

import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { emailOutbox } from '#db/schema/index.ts'
import { getPatientBooking } from '#app/domain/booking/booking-manage.server.ts'
import {
  bookForPatient,
  CLEAR_ANSWERS,
  firstFreeSlot,
  PATIENT,
  patientActor,
} from '#tests/support/booking-fixtures.ts'
import { COLD_SORE_REMINDER } from './tier-content.ts'

const NOW = new Date('2026-11-25T08:00:00Z')

describe('the cold-sore reminder (ADR 033)', () => {
  test('shows behind the booking link to a patient who reported past cold sores, and never in an email', async () => {
    const { session, reference } = await bookForPatient(
      'skin-boost',
      firstFreeSlot('skin-boost', NOW),
      NOW,
      PATIENT,
      { ...CLEAR_ANSWERS, dateOfBirth: PATIENT.dateOfBirth, history: ['cold_sores'] },
    )
    const view = getPatientBooking({ session, reference, now: NOW, actor: patientActor })!
    expect(view.coldSoreHistory).toBe(true)
    const mails = getDb()
      .select({ text: emailOutbox.textBody, html: emailOutbox.htmlBody })
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, PATIENT.email))
      .all()
    expect(mails.length).toBeGreaterThan(0)
    for (const mail of mails) {
      expect(mail.text).not.toContain(COLD_SORE_REMINDER)
      expect(mail.text).not.toMatch(/you have had cold sores/i)
    }
  })

  test('is not shown when the answers report none', async () => {
    const { session, reference } = await bookForPatient(
      'skin-boost',
      firstFreeSlot('skin-boost', NOW),
      NOW,
    )
    expect(
      getPatientBooking({ session, reference, now: NOW, actor: patientActor })!.coldSoreHistory,
    ).toBe(false)
  })
})

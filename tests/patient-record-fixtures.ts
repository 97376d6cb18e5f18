import { randomBytes, randomUUID } from 'node:crypto'
import { type Page } from '@playwright/test'
import { waitForEmail } from './mail-utils.ts'
import { serverNow } from './test-clock.ts'
import {
  expect,
  farFutureStart,
  insertE2eBooking,
  insertE2eScreening,
  insertE2ePatient,
  openE2eDb,
} from './playwright-utils.ts'

/**
 * E2E fixtures for the patient's privacy pages (who looked at my record, my data): a patient
 * with a confirmed treatment and clear health answers, and their browser proving the email.
 */

/** Health answers with nothing to flag (the shape tests/support/booking-fixtures.ts uses). */
const CLEAR_ANSWERS = {
  dateOfBirth: '1988-03-14',
  areas: ['face'],
  skinType: 'III',
  skinNow: [],
  history: [],
  medicines: [],
  allergies: [],
  pregnancy: 'no',
  procedures: [],
}

/**
 * A patient with a confirmed medical treatment months ahead (at a random five minutes past
 * midnight, so no other test's booking is near it), clear health answers, written straight into
 * the e2e database. Each call makes a new person.
 */
export function arrangePatient(prefix = 'record-access') {
  const db = openE2eDb()
  const now = serverNow().getTime()
  const suffix = randomBytes(3).toString('hex')
  const patient = {
    id: randomUUID(),
    name: `Lucia Marino ${suffix}`,
    email: `${prefix}-${suffix}@example.com`,
  }
  insertE2ePatient(db, patient, now)
  const { id: bookingId, reference } = insertE2eBooking(db, {
    patientId: patient.id,
    startAt: () => farFutureStart(now),
    now,
  })
  insertE2eScreening(db, {
    patientId: patient.id,
    bookingId,
    submittedAt: now,
    answers: CLEAR_ANSWERS,
  })
  db.close()
  return { ...patient, reference, bookingId }
}

/** The patient proves their email with the emailed code, from "find my booking". */
export async function openBookingAsPatient(
  page: Page,
  patient: { reference: string; email: string },
) {
  await page.goto(`/bookings?reference=${patient.reference}`)
  await page.getByLabel('Email').fill(patient.email)
  const before = new Date()
  await page.getByRole('button', { name: 'Send me a code' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible()
  const mail = await waitForEmail({
    to: patient.email,
    subject: /Your email code for/,
    after: before,
  })
  await page.getByLabel('Code from the email').fill(/Your code is (\d{6})/.exec(mail.text)![1]!)
  await page.getByRole('button', { name: 'Open my booking' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: `Your booking ${patient.reference}` }),
  ).toBeVisible()
}

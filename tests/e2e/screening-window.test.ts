import { randomBytes, randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { serverNow } from '../test-clock.ts'
import { expect, expectAccessible, insertE2ePatient, openE2eDb, test } from '../playwright-utils.ts'

const ZONE = 'Europe/Rome'

/**
 * A pending booking whose answers say "isotretinoin stopped 2 months ago" (window of 6 months),
 * written straight into the e2e database as the booking code writes it (like agenda.test.ts).
 */
function insertBookingInWindow(name: string) {
  const db = openE2eDb()
  const now = serverNow().getTime()
  const today = DateTime.fromJSDate(serverNow(), { zone: ZONE })
  const lastDose = today.minus({ months: 2 }).toISODate()!
  const windowEnds = today.plus({ months: 4 }).toISODate()!
  const svc = db
    .prepare(
      "SELECT id, duration_minutes AS duration, buffer_after_minutes AS buffer FROM services WHERE slug = 'skin-boost'",
    )
    .get() as { id: string; duration: number; buffer: number }
  const practitioner = db
    .prepare("SELECT id FROM practitioners WHERE display_name LIKE 'Marco Bianchi%'")
    .get() as { id: string }
  const patientId = randomUUID()
  insertE2ePatient(
    db,
    { id: patientId, email: `window-${patientId.slice(0, 8)}@example.com`, name },
    now,
  )
  // Far ahead, in the small hours, so that no other test's booking is likely in the way; one that
  // is (the database refuses it with booking_overlap) makes the fixture draw another day.
  const bookingId = randomUUID()
  const insert = db.prepare(
    `INSERT INTO bookings (id, reference, service_id, practitioner_id, patient_id, status, start_at,
       end_at, blocked_until, time_zone, course_session_number, confirmed_at, completed_at,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'pending_review', ?, ?, ?, ?, 1, NULL, NULL, ?, ?)`,
  )
  for (let attempt = 0; ; attempt += 1) {
    const startAt = today
      .plus({ days: 200 + Math.floor(Math.random() * 100) })
      .set({ hour: 3, minute: Math.floor(Math.random() * 4) * 15 })
      .toMillis()
    const endAt = startAt + svc.duration * 60_000
    try {
      insert.run(
        bookingId,
        `DD-${randomBytes(3).toString('hex').toUpperCase()}`,
        svc.id,
        practitioner.id,
        patientId,
        startAt,
        endAt,
        endAt + svc.buffer * 60_000,
        ZONE,
        now,
        now,
      )
      break
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('booking_overlap')) throw error
    }
  }
  const ruleSet = db
    .prepare('SELECT id, version FROM screening_rule_sets ORDER BY version DESC LIMIT 1')
    .get() as { id: string; version: number }
  const answers = {
    dateOfBirth: '1988-03-14',
    areas: ['face'],
    skinType: 'II',
    skinNow: [],
    history: [],
    medicines: ['isotretinoin_past'],
    allergies: [],
    pregnancy: 'no',
    procedures: [],
    isotretinoinLastDose: lastDose,
  }
  const findings = [
    {
      ruleId: 'isotretinoin-recent',
      kind: 'wait_until',
      label: 'Isotretinoin stopped recently',
      until: windowEnds,
      patientText: 'We wait 6 months after your last tablet.',
      clinicianText: `Isotretinoin stopped on ${lastDose}.`,
      sources: 'B-12, B-13, D-3',
    },
  ]
  db.prepare(
    `INSERT INTO screening_submissions (id, questionnaire_version, rule_set_id, rule_set_version,
       answers, outcome, wait_until, findings, source, patient_id, booking_id, booking_version,
       submitted_at)
     VALUES (?, 2, ?, ?, ?, 'eligible', ?, ?, 'booking', ?, ?, 1, ?)`,
  ).run(
    randomUUID(),
    ruleSet.id,
    ruleSet.version,
    JSON.stringify(answers),
    windowEnds,
    JSON.stringify(findings),
    patientId,
    bookingId,
    now,
  )
  db.close()
  return { bookingId, windowEnds, earlier: today.plus({ days: 7 }).toISODate()! }
}

test.describe('waiting windows for staff', () => {
  test('a clinician approves an earlier first day with a reason; the flag names its sources', async ({
    page,
    login,
  }) => {
    const name = `Window ${randomBytes(3).toString('hex')}`
    const { bookingId, earlier } = insertBookingInWindow(name)
    await login('nurse')
    await page.goto(`/staff/reviews/${bookingId}`)
    await expect(page.getByRole('heading', { level: 1, name: `Review for ${name}` })).toBeVisible()
    const flag = page.getByRole('listitem').filter({ hasText: 'Isotretinoin stopped recently' })
    await expect(flag).toContainText(
      'ASDS task force consensus on procedures after isotretinoin, 2017 (B-12)',
    )
    await expect(flag).toContainText('clinic practice pages (D-3)')
    const window = page.getByRole('region', { name: 'Waiting window' })
    await expectAccessible(page)
    // The reason is required.
    await window.getByLabel('Earlier first day').fill(earlier)
    await window.getByRole('button', { name: 'Approve the earlier day' }).click()
    await expect(
      window.getByText('Write why the earlier day is safe for this patient.'),
    ).toBeVisible()
    await window
      .getByLabel('Why is the earlier day safe for this patient?')
      .fill('Low dose; the dermatologist agrees to a test patch first.')
    await window.getByRole('button', { name: 'Approve the earlier day' }).click()
    await expect(page.getByRole('status')).toContainText('Earlier first day saved')
    await expect(window).toContainText('A clinician approved')
    await expect(window.getByRole('listitem')).toContainText('approved by Marco Bianchi')
    await expect(window.getByRole('listitem')).toContainText('test patch first')
    await expectAccessible(page)

    const db = openE2eDb()
    const rows = db
      .prepare('SELECT first_day AS firstDay FROM screening_window_overrides WHERE booking_id = ?')
      .all(bookingId)
    const audit = db
      .prepare(
        "SELECT details FROM audit_events WHERE action = 'screening.window_approved' AND subject_id = ?",
      )
      .all(bookingId) as { details: string }[]
    db.close()
    expect(rows).toEqual([{ firstDay: earlier }])
    expect(audit).toHaveLength(1)
    expect(audit[0]!.details).not.toContain('dermatologist')
  })
})

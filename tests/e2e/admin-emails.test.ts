import { serverNow } from '../test-clock.ts'
import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import { waitForEmail } from '../mail-utils.ts'
import { E2E_LOG, expect, expectAccessible, openE2eDb, test } from '../playwright-utils.ts'

const CALENDAR = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:dermadesk/booking',
  'METHOD:PUBLISH',
  'BEGIN:VEVENT',
  'UID:e2e@dermadesk.test',
  'DTSTART:20261201T090000Z',
  'DTEND:20261201T100000Z',
  'SUMMARY:Appointment at Dermadesk Skin Clinic Milano',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n')

/** An outbox row as the booking code would write it, straight into the e2e server's database. */
function insertOutboxEmail() {
  const token = randomBytes(4).toString('hex').toUpperCase()
  const email = {
    id: randomUUID(),
    to: `e2e-${token.toLowerCase()}@example.com`,
    subject: `Booking confirmed: DD-${token}`,
    // Markup in a message must show as text, never run.
    text: `Dear Ada Lovelace,\nYour appointment is booked.\n<script>alert("x")</script>`,
    messageId: `<${randomUUID()}@dermadesk.mail>`,
    token,
  }
  const db = openE2eDb()
  const now = serverNow().getTime()
  db.prepare(
    `INSERT INTO email_outbox (id, dedupe_key, to_address, subject, text_body, html_body,
       ics_content, ics_filename, status, attempts, next_attempt_at, message_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'appointment.ics', 'pending', 0, ?, ?, ?)`,
  ).run(
    email.id,
    `e2e:${email.id}`,
    email.to,
    email.subject,
    email.text,
    '<p>Dear Ada Lovelace,</p>',
    CALENDAR,
    now,
    email.messageId,
    now,
  )
  db.close()
  return email
}

function outboxStatus(id: string) {
  const db = openE2eDb()
  const row = db.prepare('SELECT status FROM email_outbox WHERE id = ?').get(id) as
    { status: string } | undefined
  db.close()
  return row?.status
}

function emailViews(id: string) {
  const db = openE2eDb()
  const rows = db
    .prepare(
      "SELECT actor_type AS actorType, details FROM audit_events WHERE action = 'email.viewed' AND subject_id = ?",
    )
    .all(id) as { actorType: string; details: string }[]
  db.close()
  return rows
}

test.describe('sent emails @no-js', () => {
  test('a queued email reaches the mail server, and an admin reads it as sent', async ({
    page,
    login,
  }) => {
    const after = new Date()
    const email = insertOutboxEmail()

    const received = await waitForEmail({ to: email.to, subject: new RegExp(email.token), after })
    expect(received.messageId).toBe(email.messageId)
    // From the clinic by name (on the server's sending address); replies go to the clinic.
    expect(received.from).toBe('"Dermadesk Skin Clinic Milano" <no-reply@dermadesk.local>')
    expect(received.replyTo).toMatch(/@/)
    expect(received.text).toContain('Dear Ada Lovelace,')
    expect(received.attachments).toEqual([
      expect.objectContaining({
        filename: 'appointment.ics',
        contentType: 'text/calendar',
        method: 'PUBLISH',
        content: CALENDAR,
      }),
    ])
    await expect.poll(() => outboxStatus(email.id)).toBe('sent')

    await login('doctorAdmin')
    await page.goto('/admin/emails')
    await expect(page.getByRole('heading', { level: 1, name: 'Sent emails' })).toBeVisible()
    // A mail server is configured here, so the "kept in the outbox" warning is absent.
    await expect(page.getByRole('main')).not.toContainText('No mail server is configured')
    const row = page.getByRole('row', { name: new RegExp(email.token) })
    await expect(row.getByRole('cell').nth(1)).toHaveText(email.to)
    await expect(row).toContainText('Sent')
    await expectAccessible(page)

    await row.getByRole('link', { name: email.subject }).click()
    await expect(page).toHaveURL(`/admin/emails/${email.id}`)
    await expect(page.getByRole('heading', { level: 1, name: email.subject })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Delivery' })).toContainText('Sent')
    const headers = page.getByRole('region', { name: 'Headers' })
    await expect(headers).toContainText(email.messageId)
    await expect(headers).toContainText(email.to)
    const body = page.getByRole('region', { name: 'Message text' })
    await expect(body).toContainText('<script>alert("x")</script>')
    await expectAccessible(page)

    const downloading = page.waitForEvent('download')
    await page.getByRole('link', { name: /Download the calendar file/ }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('appointment.ics')
    expect(fs.readFileSync(await download.path(), 'utf8')).toBe(CALENDAR)

    // Both reads are audited; the log never names the patient (security goal D8).
    expect(emailViews(email.id).map((view) => JSON.parse(view.details).part)).toEqual([
      'message',
      'calendar',
    ])
    const log = fs.readFileSync(E2E_LOG, 'utf8')
    expect(log).not.toContain(email.to)
    expect(log).not.toContain('Ada Lovelace')
  })

  test('an email whose text retention removed says so, with its headers still there', async ({
    page,
    login,
  }) => {
    const token = randomBytes(4).toString('hex').toUpperCase()
    const id = randomUUID()
    const db = openE2eDb()
    const now = serverNow().getTime()
    // As the outbox job leaves a sent email after 90 days: headers kept, bodies cleared.
    db.prepare(
      `INSERT INTO email_outbox (id, dedupe_key, to_address, subject, text_body, status, attempts,
         next_attempt_at, message_id, created_at, sent_at)
       VALUES (?, ?, ?, ?, '', 'sent', 1, ?, ?, ?, ?)`,
    ).run(
      id,
      `e2e:${id}`,
      `old-${token.toLowerCase()}@example.com`,
      `Booking confirmed: DD-${token}`,
      now,
      `<${id}@dermadesk.mail>`,
      now - 100 * 86_400_000,
      now - 100 * 86_400_000,
    )
    db.close()
    await login('admin')
    await page.goto(`/admin/emails/${id}`)
    await expect(page.getByRole('region', { name: 'Headers' })).toContainText(
      `old-${token.toLowerCase()}@example.com`,
    )
    await expect(page.getByRole('region', { name: 'Message text' })).toContainText(
      'The text of this email is no longer kept: the clinic’s retention rules remove it 90 days after sending',
    )
    await expectAccessible(page)
  })

  test('an unknown email is a 404 page', async ({ page, login }) => {
    await login('admin')
    for (const url of [`/admin/emails/${randomUUID()}`, '/admin/emails/not-an-id']) {
      const response = await page.goto(url)
      expect(response?.status()).toBe(404)
      await expect(page.getByRole('heading', { level: 1, name: 'Email not found' })).toBeVisible()
      await expectAccessible(page)
    }
    const calendar = await page.request.get(`/admin/emails/${randomUUID()}/ics`)
    expect(calendar.status()).toBe(404)
  })

  test('a clinician without the admin role is refused', async ({ page, login }) => {
    const email = insertOutboxEmail()
    await login('nurse')
    for (const url of ['/admin/emails', `/admin/emails/${email.id}`]) {
      const response = await page.goto(url)
      expect(response?.status()).toBe(403)
      await expect(
        page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }),
      ).toBeVisible()
      await expectAccessible(page)
    }
    const calendar = await page.request.get(`/admin/emails/${email.id}/ics`)
    expect(calendar.status()).toBe(403)
    expect(emailViews(email.id)).toEqual([])
  })
})

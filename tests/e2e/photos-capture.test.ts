import { randomBytes, randomInt, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { formatDateInZone } from '#app/utils/format.ts'
import { serverNow } from '../test-clock.ts'
import {
  expect,
  expectAccessible,
  farFutureStart,
  insertE2eBooking,
  insertE2ePatient,
  openE2eDb,
  signInAs,
  test,
} from '../playwright-utils.ts'

const DAY_MS = 24 * 3600_000
const HASH = 'a'.repeat(64)

type Visit = {
  patient: { id: string; name: string; email: string }
  bookingId: string
  startAt: number
}

/**
 * A patient with a booked medical needling treatment months ahead (a random time, so no other
 * test's booking is near it) and a signed consent covering it, with the photo choices given,
 * written straight into the e2e database. `previousOf` books the patient's next session instead,
 * with its own signature.
 */
function arrangeVisit(
  photos: { clinical: boolean; marketing: boolean },
  previousOf?: Visit,
): Visit {
  const db = openE2eDb()
  const now = serverNow().getTime()
  const suffix = randomBytes(3).toString('hex')
  const patient = previousOf?.patient ?? {
    id: randomUUID(),
    name: `Alessia Greco ${suffix}`,
    email: `photos-${suffix}@example.com`,
  }
  if (!previousOf)
    insertE2ePatient(
      db,
      {
        id: patient.id,
        email: patient.email,
        name: patient.name,
        phone: `+39348${randomInt(1_000_000, 9_999_999)}`,
        dateOfBirth: '1991-05-14',
      },
      now,
    )
  // The second visit of a course: four weeks or a little more after the first.
  const { id: bookingId, startAt } = insertE2eBooking(db, {
    patientId: patient.id,
    startAt: previousOf
      ? () => previousOf.startAt + (28 + randomInt(0, 8)) * DAY_MS
      : () => farFutureStart(now),
    now,
    courseSessionNumber: previousOf ? 2 : 1,
  })
  // The version a medical session at that time needs: the newest published one in effect. Each
  // visit signs its own: another test may publish a version that takes effect between two
  // sessions, and then the first signature no longer covers the second.
  const version = db
    .prepare(
      `SELECT v.id FROM consent_document_versions v
         JOIN consent_documents d ON d.id = v.document_id
         WHERE d.tier = 'medical' AND v.status = 'published' AND v.effective_from <= ?
         ORDER BY v.version_number DESC LIMIT 1`,
    )
    .pluck()
    .get(startAt) as string
  const attemptId = randomUUID()
  db.prepare(
    `INSERT INTO consent_check_attempts (id, session_token_hash, patient_id, booking_id,
         document_version_id, answers, wrong_question_keys, passed, created_at)
       VALUES (?, ?, ?, ?, ?, '{}', '[]', 1, ?)`,
  ).run(attemptId, HASH, patient.id, bookingId, version, now)
  db.prepare(
    `INSERT INTO consent_records (id, patient_id, booking_id, document_version_id, tier, locale,
         text_sha256, text_values, check_attempt_id, check_answers, typed_name, drawn_signature,
         intent_confirmed, photo_clinical, photo_marketing, signed_at, ip_address, user_agent,
         email_proven_by, verified_email, session_token_hash, record_sha256)
       VALUES (?, ?, ?, ?, 'medical', 'en', ?, '{}', ?, '{}', ?, NULL, 1, ?, ?, ?, NULL, NULL,
         'email_code', ?, ?, ?)`,
  ).run(
    randomUUID(),
    patient.id,
    bookingId,
    version,
    HASH,
    attemptId,
    patient.name,
    photos.clinical ? 1 : 0,
    photos.marketing ? 1 : 0,
    now,
    patient.email,
    HASH,
    HASH,
  )
  db.close()
  return { patient, bookingId, startAt }
}

/** A small camera JPEG (a face-sized oval on skin tone), written to a temporary file. */
async function cameraJpeg(name: string, tone: string) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dermadesk-photo-')), name)
  const oval = Buffer.from(
    `<svg width="600" height="800"><ellipse cx="300" cy="400" rx="200" ry="280" fill="${tone}"/></svg>`,
  )
  await sharp({ create: { width: 600, height: 800, channels: 3, background: '#d8c8b8' } })
    .composite([{ input: oval }])
    .jpeg({ quality: 85 })
    .withExif({ IFD0: { Make: 'ClinicPhone' } })
    .toFile(file)
  return file
}

test.describe('taking clinical photos @no-js', () => {
  test('a clinician adds a before and an after photo to a consenting patient’s visit and sees them', async ({
    page,
    login,
  }) => {
    const visit = arrangeVisit({ clinical: true, marketing: false })
    await login('nurse')
    await page.goto(`/staff/bookings/${visit.bookingId}`)
    await page.getByRole('link', { name: 'Photos', exact: true }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: `Photos of ${visit.patient.name}` }),
    ).toBeVisible()
    await expect(page.getByText('No photos of this visit yet.')).toBeVisible()
    // The consent allows clinical photos only: no marketing box.
    await expect(page.getByLabel(/marketing/)).toHaveCount(0)
    await expectAccessible(page)

    // Not a picture: refused beside the field.
    await page.getByLabel('Photo', { exact: true }).setInputFiles({
      name: 'notes.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('not a photo at all'),
    })
    await page.getByRole('button', { name: 'Add the photo' }).click()
    await expect(page.getByText('This file is not a photo we can read.')).toBeVisible()
    await expect(page.getByLabel('Photo', { exact: true })).toHaveAttribute('aria-invalid', 'true')
    await expectAccessible(page)

    await page.getByLabel('Area').selectOption({ label: 'Cheeks' })
    await page.getByLabel('View').selectOption({ label: 'Left 45°' })
    await page.getByLabel('Before', { exact: true }).check()
    await page
      .getByLabel('Photo', { exact: true })
      .setInputFiles(await cameraJpeg('before.jpg', '#c9a58c'))
    await page.getByRole('button', { name: 'Add the photo' }).click()
    await expect(page.getByRole('status')).toHaveText('Photo added.')
    const before = page.getByRole('img', { name: 'Before: Cheeks, Left 45°' })
    await expect(before).toBeVisible()
    await expectAccessible(page)

    await page.getByLabel('Area').selectOption({ label: 'Cheeks' })
    await page.getByLabel('View').selectOption({ label: 'Left 45°' })
    await page.getByLabel('After', { exact: true }).check()
    await page
      .getByLabel('Photo', { exact: true })
      .setInputFiles(await cameraJpeg('after.jpg', '#d98c8c'))
    await page.getByRole('button', { name: 'Add the photo' }).click()
    await expect(page.getByRole('status')).toHaveText('Photo added.')
    await expect(page.getByRole('img', { name: 'After: Cheeks, Left 45°' })).toBeVisible()
    await expect(page.getByText('2 photos of at most 24.')).toBeVisible()
    await expectAccessible(page)

    // The thumbnail's address: a WebP, never cached, not sniffed.
    const src = await before.getAttribute('src')
    expect(src).toMatch(/^\/staff\/photos\/[0-9a-f-]{36}\/thumb$/)
    const response = await page.request.get(src!)
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toBe('image/webp')
    expect(response.headers()['cache-control']).toBe('no-store')
    expect(response.headers()['x-content-type-options']).toBe('nosniff')
    expect((await response.body()).includes(Buffer.from('ClinicPhone'))).toBe(false)

    const db = openE2eDb()
    const audited = db
      .prepare(
        "SELECT count(*) FROM audit_events WHERE action = 'clinical_photo.viewed' AND subject_id = ?",
      )
      .pluck()
      .get(src!.split('/')[3]) as number
    db.close()
    expect(audited).toBeGreaterThan(0)
  })

  test('photos taken at two sessions of a course compare side by side from the chart', async ({
    page,
    login,
  }) => {
    const first = arrangeVisit({ clinical: true, marketing: false })
    const second = arrangeVisit({ clinical: true, marketing: false }, first)
    await login('nurse')
    const take = async (visit: Visit, stage: 'Before' | 'After', tone: string) => {
      await page.goto(`/staff/bookings/${visit.bookingId}/photos`)
      await page.getByLabel('Area').selectOption({ label: 'Cheeks' })
      await page.getByLabel('View').selectOption({ label: 'Front' })
      await page.getByLabel(stage, { exact: true }).check()
      await page
        .getByLabel('Photo', { exact: true })
        .setInputFiles(await cameraJpeg(`${stage}.jpg`, tone))
      await page.getByRole('button', { name: 'Add the photo' }).click()
      await expect(page.getByRole('status')).toHaveText('Photo added.')
    }
    await take(first, 'Before', '#c9a58c')
    await take(first, 'After', '#d98c8c')
    await take(second, 'After', '#e0a0a0')

    await page.goto(`/staff/patients/${first.patient.id}`)
    await page
      .getByRole('region', { name: 'Photos', exact: true })
      .getByRole('link', { name: 'Compare Cheeks, Front' })
      .click()
    // The first session's before against the latest session's after, each with its date.
    const figures = page
      .getByRole('region', { name: 'Side by side: Cheeks, Front' })
      .getByRole('figure')
    await expect(figures).toHaveCount(2)
    const date = (visit: Visit) => formatDateInZone(visit.startAt, 'Europe/Rome', 'en')
    await expect(figures.nth(0)).toContainText(`Before treatment, ${date(first)}. Session 1 of`)
    await expect(figures.nth(1)).toContainText(`After treatment, ${date(second)}. Session 2 of`)
    // The pictures are the ones taken, served to the clinician.
    for (const index of [0, 1])
      await expect
        .poll(() =>
          figures
            .nth(index)
            .getByRole('img')
            .evaluate((img: HTMLImageElement) => img.naturalWidth),
        )
        .toBeGreaterThan(0)
    await expect(
      page.getByRole('region', { name: 'All photos of this area and view' }).getByRole('listitem'),
    ).toHaveCount(3)
    await expectAccessible(page)
  })

  test('a patient whose consent says no photos: the page says photos cannot be taken', async ({
    page,
    login,
  }) => {
    const visit = arrangeVisit({ clinical: false, marketing: false })
    await login('nurse')
    await page.goto(`/staff/bookings/${visit.bookingId}/photos`)
    await expect(
      page.getByText(
        'Photos cannot be taken: the patient’s consent does not allow clinical photos.',
      ),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: 'Add the photo' })).toHaveCount(0)
    await expectAccessible(page)
  })

  test('reception may open neither the photos page nor a photo', async ({
    page,
    browser,
    baseURL,
    login,
  }) => {
    const visit = arrangeVisit({ clinical: true, marketing: false })
    // A photo taken by a clinician, in a browser of their own.
    const clinicianContext = await browser.newContext({ baseURL })
    await signInAs(clinicianContext, 'nurse')
    const clinician = await clinicianContext.newPage()
    await clinician.goto(`/staff/bookings/${visit.bookingId}/photos`)
    await clinician
      .getByLabel('Photo', { exact: true })
      .setInputFiles(await cameraJpeg('front.jpg', '#c9a58c'))
    await clinician.getByRole('button', { name: 'Add the photo' }).click()
    await expect(clinician.getByRole('status')).toHaveText('Photo added.')
    const src = await clinician.getByRole('listitem').getByRole('img').first().getAttribute('src')
    await clinicianContext.close()

    await login('receptionist')
    const denied = await page.goto(`/staff/bookings/${visit.bookingId}/photos`)
    expect(denied?.status()).toBe(403)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'You do not have access to this page',
    )
    await expect(page.getByRole('button', { name: 'Add the photo' })).toHaveCount(0)
    await expectAccessible(page)
    // The appointment page offers reception no photos.
    await page.goto(`/staff/bookings/${visit.bookingId}`)
    await expect(page.getByRole('link', { name: 'Photos', exact: true })).toHaveCount(0)
    await expectAccessible(page)
    const photo = await page.request.get(src!)
    expect(photo.status()).toBe(403)
    expect(photo.headers()['content-type']).not.toBe('image/webp')
  })

  test('uploads: a guest is sent to sign in unread, and a body over the 20 MB cap gets 413', async ({
    request,
  }) => {
    const visit = arrangeVisit({ clinical: true, marketing: false })
    const url = `/staff/bookings/${visit.bookingId}/photos`
    const small = { name: 'p.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(1024) }
    const asGuest = await request.post(url, { multipart: { photo: small }, maxRedirects: 0 })
    expect(asGuest.status()).toBe(302)
    expect(asGuest.headers()['location']).toMatch(/^\/login/)
    const tooBig = await request.post(url, {
      multipart: {
        photo: { name: 'p.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(21 * 1024 * 1024) },
      },
      maxRedirects: 0,
    })
    expect(tooBig.status()).toBe(413)
  })
})

test.describe('lining up a photo', () => {
  test('with JavaScript, the previous session’s photo of the same area and view shows faintly over the preview', async ({
    page,
    login,
  }) => {
    const first = arrangeVisit({ clinical: true, marketing: true })
    await login('nurse')
    await page.goto(`/staff/bookings/${first.bookingId}/photos`)
    await page.getByLabel('Area').selectOption({ label: 'Forehead' })
    await page.getByLabel('View').selectOption({ label: 'Front' })
    await page
      .getByLabel('Photo', { exact: true })
      .setInputFiles(await cameraJpeg('first.jpg', '#c9a58c'))
    // The consent allows marketing: the box is there.
    await page.getByLabel('May be used for marketing (the patient agreed to this)').check()
    await page.getByRole('button', { name: 'Add the photo' }).click()
    await expect(page.getByRole('status')).toHaveText('Photo added.')
    await expect(page.getByText('For marketing', { exact: true })).toBeVisible()

    const next = arrangeVisit({ clinical: true, marketing: true }, first)
    await page.goto(`/staff/bookings/${next.bookingId}/photos`)
    await page.getByLabel('Area').selectOption({ label: 'Forehead' })
    await page.getByLabel('View').selectOption({ label: 'Front' })
    await expect(
      page.getByText(/A faint guide shows the .+ photo of the same area and view\./),
    ).toBeVisible()
    await page
      .getByLabel('Photo', { exact: true })
      .setInputFiles(await cameraJpeg('second.jpg', '#d98c8c'))
    await expect(page.getByRole('img', { name: 'The photo you chose' })).toBeVisible()
    const overlay = page.locator('.photo-guide__overlay')
    await expect(overlay).toHaveAttribute('alt', '')
    await expect(overlay).toHaveCSS('opacity', '0.35')
    await expectAccessible(page)
    // The guide can be hidden from the keyboard.
    await page.getByLabel('Show the guide over the photo').press('Space')
    await expect(overlay).toHaveCount(0)
    // Another view has no earlier photo.
    await page.getByLabel('View').selectOption({ label: 'Close-up' })
    await expect(
      page.getByText('There is no earlier photo of this area and view to line up with.'),
    ).toBeVisible()
  })
})

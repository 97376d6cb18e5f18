import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { formatDateInZone } from '#app/utils/format.ts'
import { serverNow } from '../test-clock.ts'
import {
  E2E_DB,
  expect,
  expectAccessible,
  expectNoEnglish,
  insertE2ePatient,
  openE2eDb,
  signInAs,
  test,
} from '../playwright-utils.ts'

const DAY_MS = 24 * 3600_000
const ZONE = 'Europe/Rome'
/** The e2e server's photo store: MEDIA_DIR is not set, so `media/` beside its database. */
const CLINICAL_DIR = path.join(path.dirname(E2E_DB), 'media', 'clinical')

/** A small real WebP of one colour, stored as the photo store names it (SHA-256 of its bytes). */
async function storeWebp(colour: { r: number; g: number; b: number }, width: number) {
  const bytes = await sharp({
    create: { width, height: Math.round((width * 4) / 3), channels: 3, background: colour },
  })
    .webp({ quality: 80 })
    .toBuffer()
  const key = createHash('sha256').update(bytes).digest('hex')
  fs.mkdirSync(CLINICAL_DIR, { recursive: true })
  fs.writeFileSync(path.join(CLINICAL_DIR, `${key}.webp`), bytes)
  return key
}

/**
 * A patient who signed a consent with "clinical photos: yes", two completed sessions of a medical
 * course (35 days apart, months ago, at a random minute past midnight so no other test's booking
 * is near), and a before and an after photo of the cheeks from the front at each, written
 * straight into the e2e database and photo store. `withdrawn`: the patient has since withdrawn
 * that consent.
 */
async function arrangePatientWithPhotos(options: { withdrawn?: boolean } = {}) {
  const now = serverNow().getTime()
  const suffix = randomBytes(3).toString('hex')
  const name = `Beatrice Foto ${suffix}`
  const keys = {
    display: [
      await storeWebp({ r: randomInt(0, 255), g: 90, b: 90 }, 600),
      await storeWebp({ r: randomInt(0, 255), g: 140, b: 120 }, 600),
    ],
    thumb: [
      await storeWebp({ r: randomInt(0, 255), g: 90, b: 90 }, 150),
      await storeWebp({ r: randomInt(0, 255), g: 140, b: 120 }, 150),
    ],
  }
  const db = openE2eDb()
  const patientId = randomUUID()
  insertE2ePatient(
    db,
    { id: patientId, email: `photos-${suffix}@example.com`, name, dateOfBirth: '1987-06-21' },
    now,
  )
  const service = db
    .prepare("SELECT id, duration_minutes AS duration FROM services WHERE slug = 'medical-face'")
    .get() as { id: string; duration: number }
  const practitioner = db
    .prepare("SELECT id FROM practitioners WHERE display_name = 'Marco Bianchi'")
    .get() as { id: string }
  const nurse = db
    .prepare("SELECT id FROM users WHERE email = 'marco.bianchi@dermadesk.example'")
    .get() as { id: string }
  const firstStart =
    Math.floor((now - randomInt(120, 300) * DAY_MS) / DAY_MS) * DAY_MS + randomInt(0, 60) * 300_000
  const starts = [firstStart, firstStart + 35 * DAY_MS]
  const bookingIds = starts.map((startAt, index) => {
    const id = randomUUID()
    const endAt = startAt + service.duration * 60_000
    db.prepare(
      `INSERT INTO bookings (id, reference, service_id, practitioner_id, patient_id, status,
         start_at, end_at, blocked_until, time_zone, course_session_number, confirmed_at,
         completed_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'completed', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      `DD-${randomBytes(3).toString('hex').toUpperCase()}`,
      service.id,
      practitioner.id,
      patientId,
      startAt,
      endAt,
      endAt,
      ZONE,
      index + 1,
      startAt - 10 * DAY_MS,
      endAt,
      startAt - 10 * DAY_MS,
      endAt,
    )
    return id
  })

  // The consent signed for the first session, which covers the course.
  const version = db
    .prepare(
      `SELECT v.id FROM consent_document_versions v JOIN consent_documents d ON d.id = v.document_id
        WHERE d.tier = 'medical' AND v.status = 'published' ORDER BY v.version_number LIMIT 1`,
    )
    .get() as { id: string }
  const attemptId = randomUUID()
  const tokenHash = randomBytes(32).toString('hex')
  const signedAt = firstStart - 5 * DAY_MS
  db.prepare(
    `INSERT INTO consent_check_attempts (id, session_token_hash, patient_id, booking_id,
       document_version_id, answers, wrong_question_keys, passed, created_at)
     VALUES (?, ?, ?, ?, ?, '{}', '[]', 1, ?)`,
  ).run(attemptId, tokenHash, patientId, bookingIds[0], version.id, signedAt)
  const consentId = randomUUID()
  db.prepare(
    `INSERT INTO consent_records (id, patient_id, booking_id, document_version_id, tier,
       text_sha256, text_values, check_attempt_id, check_answers, typed_name, intent_confirmed,
       photo_clinical, photo_marketing, signed_at, email_proven_by, verified_email,
       session_token_hash, record_sha256)
     VALUES (?, ?, ?, ?, 'medical', ?, '{}', ?, '{}', ?, 1, 1, 0, ?, 'email_code', ?, ?, ?)`,
  ).run(
    consentId,
    patientId,
    bookingIds[0],
    version.id,
    randomBytes(32).toString('hex'),
    attemptId,
    name,
    signedAt,
    `photos-${suffix}@example.com`,
    tokenHash,
    randomBytes(32).toString('hex'),
  )

  const insertPhoto = db.prepare(
    `INSERT INTO clinical_photos (id, patient_id, booking_id, consent_record_id, area, view, stage,
       display_key, thumb_key, width, height, upload_sha256, marketing_use, taken_by_user_id,
       taken_at, created_at)
     VALUES (?, ?, ?, ?, 'cheeks', 'front', ?, ?, ?, 600, 800, ?, 0, ?, ?, ?)`,
  )
  bookingIds.forEach((bookingId, visit) => {
    ;(['before', 'after'] as const).forEach((stage, index) => {
      const takenAt = starts[visit]! + (stage === 'before' ? 5 : 50) * 60_000
      insertPhoto.run(
        randomUUID(),
        patientId,
        bookingId,
        consentId,
        stage,
        keys.display[index],
        keys.thumb[index],
        randomBytes(32).toString('hex'),
        nurse.id,
        takenAt,
        takenAt,
      )
    })
  })
  if (options.withdrawn)
    db.prepare(
      `INSERT INTO consent_withdrawals (id, consent_record_id, booking_id, patient_id, withdrawn_at,
         email_proven_by, record_sha256)
       VALUES (?, ?, ?, ?, ?, 'email_code', ?)`,
    ).run(
      randomUUID(),
      consentId,
      bookingIds[1],
      patientId,
      starts[1]! + 3 * DAY_MS,
      randomBytes(32).toString('hex'),
    )
  db.close()
  return {
    patientId,
    bookingIds,
    name,
    dates: starts.map((start) => formatDateInZone(start, ZONE, 'en')),
  }
}

test.describe('comparing clinical photos across a course', () => {
  test('a clinician follows the chart’s photos link, compares two sessions, slides and prints', async ({
    page,
    login,
  }) => {
    const patient = await arrangePatientWithPhotos()
    await login('nurse')
    await page.goto(`/staff/patients/${patient.patientId}`)
    await expect(page.getByRole('heading', { level: 1, name: patient.name })).toBeVisible()
    const photos = page.getByRole('region', { name: 'Photos', exact: true })
    await expect(photos.getByRole('heading', { level: 3, name: 'Cheeks, Front' })).toBeVisible()
    await expect(
      photos.getByRole('img', { name: `Cheeks, Front, after treatment, ${patient.dates[1]}` }),
    ).toBeVisible()
    await expectAccessible(page)

    await photos.getByRole('link', { name: 'Compare Cheeks, Front' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: `Photos of ${patient.name}` }),
    ).toBeVisible()
    await expect(page.getByRole('combobox', { name: 'Area' })).toHaveValue('cheeks')
    await expect(page.getByRole('combobox', { name: 'View' })).toHaveValue('front')

    // Side by side: the first session's before and the latest session's after.
    const pair = page.getByRole('region', { name: 'Side by side: Cheeks, Front' })
    const figures = pair.getByRole('figure')
    await expect(figures).toHaveCount(2)
    await expect(figures.nth(0)).toContainText(
      `Before treatment, ${patient.dates[0]}. Session 1 of 3.`,
    )
    await expect(figures.nth(1)).toContainText(
      `After treatment, ${patient.dates[1]}. Session 2 of 3.`,
    )
    await expect(
      figures.nth(0).getByRole('img', {
        name: `Cheeks, Front, before treatment, ${patient.dates[0]}`,
      }),
    ).toBeVisible()
    // The thumbnail strip lists all four photos.
    const strip = page.getByRole('region', { name: 'All photos of this area and view' })
    await expect(strip.getByRole('listitem')).toHaveCount(4)
    await expectAccessible(page)

    // The slider: a labelled range, moved with the keyboard.
    const slider = page.getByRole('slider', { name: 'Show the later photo over the earlier one' })
    await expect(slider).toHaveValue('50')
    await slider.focus()
    await page.keyboard.press('End')
    await expect(slider).toHaveValue('100')
    await expect(slider).toHaveAttribute('aria-valuetext', '100% of the later photo shown')
    const reveal = () =>
      page
        .locator('.photo-slider')
        .evaluate((element) => (element as HTMLElement).style.getPropertyValue('--reveal'))
    await expect.poll(reveal).toBe('100%')
    await page.keyboard.press('Home')
    await expect(slider).toHaveValue('0')
    await page.keyboard.press('ArrowRight')
    await expect(slider).toHaveValue('5')
    await expect.poll(reveal).toBe('5%')

    // Another pair from the strip: the first session's after.
    await strip
      .getByRole('link', {
        name: `Compare with this photo (${patient.dates[0]}, Session 1 of 3, after)`,
      })
      .click()
    await expect(page.getByRole('combobox', { name: 'Later photo' })).toHaveValue(/.+/)
    await expect(
      page.getByRole('region', { name: 'Side by side: Cheeks, Front' }).getByRole('figure').nth(1),
    ).toContainText(`After treatment, ${patient.dates[0]}. Session 1 of 3.`)
    await expectAccessible(page)

    // At phone width the page fits without sideways scrolling.
    await page.setViewportSize({ width: 360, height: 740 })
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth))
      .toBe(true)
    await expectAccessible(page)

    // Print for the patient: a PDF whose name carries no name or health detail.
    const downloading = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Print for the patient (PDF)' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe(`photos-${patient.patientId.slice(0, 8)}.pdf`)
    const file = fs.readFileSync((await download.path())!)
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  test('the appointment shows the patient’s latest photos with a link to compare them', async ({
    page,
    login,
  }) => {
    const patient = await arrangePatientWithPhotos()
    await login('nurse')
    await page.goto(`/staff/bookings/${patient.bookingIds[1]}`)
    const photos = page.getByRole('region', { name: 'Photos', exact: true })
    await expect(
      photos.getByRole('img', { name: `Cheeks, Front, before treatment, ${patient.dates[1]}` }),
    ).toBeVisible()
    await expectAccessible(page)
    await photos.getByRole('link', { name: 'Compare Cheeks, Front' }).click()
    await expect(page).toHaveURL(
      new RegExp(`/staff/patients/${patient.patientId}/photos\\?area=cheeks&view=front$`),
    )
    await expect(page.getByRole('region', { name: 'Side by side: Cheeks, Front' })).toBeVisible()
  })

  test('the compare page works without JavaScript: the form and the figures, no slider @no-js', async ({
    page,
    login,
  }) => {
    const patient = await arrangePatientWithPhotos()
    await login('nurse')
    await page.goto(`/staff/patients/${patient.patientId}/photos`)
    await expect(page.getByRole('region', { name: 'Side by side: Cheeks, Front' })).toBeVisible()
    // Without JavaScript only the figures show; with it the slider joins them.
    await expect(page.getByRole('slider')).toHaveCount(test.info().project.name === 'no-js' ? 0 : 1)
    await page.getByRole('combobox', { name: 'Earlier photo' }).selectOption({
      label: `${patient.dates[1]}, Session 2 of 3, before`,
    })
    await page.getByRole('button', { name: 'Compare' }).click()
    const figures = page
      .getByRole('region', { name: 'Side by side: Cheeks, Front' })
      .getByRole('figure')
    await expect(figures.nth(0)).toContainText(
      `Before treatment, ${patient.dates[1]}. Session 2 of 3.`,
    )
    await expect(figures.nth(1)).toContainText(
      `After treatment, ${patient.dates[1]}. Session 2 of 3.`,
    )
    await expectAccessible(page)
  })

  test('a clinician whose browser reads Italian compares the photos in Italian', async ({
    browser,
    baseURL,
  }) => {
    const patient = await arrangePatientWithPhotos()
    const context = await browser.newContext({ baseURL, locale: 'it-IT' })
    const page = await context.newPage()
    await signInAs(context, 'nurse')
    await page.goto(`/staff/patients/${patient.patientId}`)
    const photos = page.getByRole('region', { name: 'Foto', exact: true })
    await expect(photos.getByRole('link', { name: 'Confronta Guance, Di fronte' })).toBeVisible()
    await expectNoEnglish(page)
    await photos.getByRole('link', { name: 'Confronta Guance, Di fronte' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: `Foto di ${patient.name}` }),
    ).toBeVisible()
    await expect(
      page.getByRole('slider', { name: 'Mostra la foto successiva sopra quella precedente' }),
    ).toBeVisible()
    await expect(page.getByRole('figure').first()).toContainText('Prima del trattamento')
    await expectNoEnglish(page)
    await expectAccessible(page)
    await context.close()
  })

  test('reception is refused the compare page and the PDF, and sees no photos on the chart', async ({
    page,
    login,
  }) => {
    const patient = await arrangePatientWithPhotos()
    await login('receptionist')
    await page.goto(`/staff/patients/${patient.patientId}`)
    await expect(page.getByRole('heading', { level: 1, name: patient.name })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Photos', exact: true })).toHaveCount(0)
    await expectAccessible(page)
    const denied = await page.goto(`/staff/patients/${patient.patientId}/photos`)
    expect(denied?.status()).toBe(403)
    await expectAccessible(page)
    const pdf = await page.request.get(
      `/staff/patients/${patient.patientId}/photos.pdf?area=cheeks&view=front`,
      { maxRedirects: 0 },
    )
    expect(pdf.status()).toBe(403)
  })

  test('after the patient withdraws consent, the page says the photos are hidden', async ({
    page,
    login,
  }) => {
    const patient = await arrangePatientWithPhotos({ withdrawn: true })
    await login('nurse')
    await page.goto(`/staff/patients/${patient.patientId}/photos`)
    await expect(
      page.getByText(
        '4 photos are hidden because the patient withdrew the consent they were taken under.',
      ),
    ).toBeVisible()
    await expect(page.getByText('No photos yet. Photos taken at a visit show here.')).toBeVisible()
    await expect(page.getByRole('figure')).toHaveCount(0)
    await expectAccessible(page)
  })
})

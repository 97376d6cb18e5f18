import { fullSizePhoto, phonePhoto } from '#tests/support/image-fixtures.ts'
import { answerHealthQuestions } from '../screening-utils.ts'
import { expect, expectAccessible, openE2eDb, signInAs, test } from '../playwright-utils.ts'

const LUCA = 'Luca Ferrari'

/** Luca's profile as the demo has it, put back after each run (the test's own data). */
function restoreLuca() {
  const db = openE2eDb()
  const before = db
    .prepare('SELECT id, bio, photo_key AS photoKey FROM practitioners WHERE display_name = ?')
    .get(LUCA) as { id: string; bio: string; photoKey: string | null }
  db.close()
  return () => {
    const after = openE2eDb()
    after
      .prepare('UPDATE practitioners SET bio = ?, photo_key = ? WHERE id = ?')
      .run(before.bio, before.photoKey, before.id)
    after.close()
  }
}

test.describe('practitioner photos and bios @no-js', () => {
  test('an admin adds a photo and a one-line bio; a patient sees them when choosing who to see', async ({
    page: patient,
    browser,
    baseURL,
  }) => {
    const restore = restoreLuca()
    // The admin in a browser of their own; the patient in the test's (with or without JavaScript).
    const adminContext = await browser.newContext({ baseURL })
    await signInAs(adminContext, 'admin')
    const page = await adminContext.newPage()
    try {
      await page.goto('/admin/practitioners')
      await page.getByRole('link', { name: LUCA }).click()
      await page
        .getByLabel('One line for patients (optional)')
        .fill('Calm hands; ten years of skin care.')
      await page.getByRole('button', { name: 'Save profile' }).click()
      await expect(page.getByRole('status')).toHaveText('Profile saved.')

      await page.getByRole('link', { name: 'Add a photo' }).click()
      await expect(page.getByRole('heading', { level: 1, name: `Photo of ${LUCA}` })).toBeVisible()
      await expect(page.getByText('No photo yet: patients see these initials.')).toBeVisible()
      await expectAccessible(page)

      // Not a picture: refused beside the field, nothing stored.
      await page.getByLabel('Photo', { exact: true }).setInputFiles({
        name: 'notes.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from('these are not the pixels you are looking for'),
      })
      await page.getByRole('button', { name: 'Upload photo' }).click()
      await expect(page.getByText('That file is not a photo we can read.')).toBeVisible()
      await expect(page.getByLabel('Photo', { exact: true })).toHaveAttribute(
        'aria-invalid',
        'true',
      )
      await expectAccessible(page)

      // A camera's full-size photo, over the 1 MB other forms may send.
      const photo = await fullSizePhoto()
      expect(photo.length).toBeGreaterThan(1024 * 1024)
      await page.getByLabel('Photo', { exact: true }).setInputFiles({
        name: 'luca.jpg',
        mimeType: 'image/jpeg',
        buffer: photo,
      })
      await page.getByRole('button', { name: 'Upload photo' }).click()
      await expect(page.getByRole('heading', { level: 1, name: LUCA })).toBeVisible()
      await expect(page.getByRole('status')).toContainText('Photo saved')
      await expect(page.getByRole('link', { name: 'Change or remove the photo' })).toBeVisible()

      // The patient's side, in a browser with no staff session.
      await patient.goto('/book')
      await patient.getByRole('button', { name: 'Choose Cosmetic skin boost' }).click()
      await answerHealthQuestions(patient)
      await patient.getByRole('link', { name: 'Choose a day and time' }).click()
      const choice = patient.getByRole('radio', { name: LUCA })
      await expect(choice).toHaveAccessibleDescription(
        /Aesthetician.*Calm hands; ten years of skin care\..*Regione Lombardia n\. 4107/,
      )
      const portrait = patient.locator(`img[src^="/practitioner-photos/"]`)
      await expect(portrait).toHaveCount(1)
      const src = (await portrait.getAttribute('src'))!
      const served = await patient.request.get(src)
      expect(served.status()).toBe(200)
      expect(served.headers()['content-type']).toBe('image/webp')
      expect(served.headers()['cache-control']).toContain('immutable')
      // Someone without a photo shows initials instead.
      await expect(patient.getByRole('radio', { name: 'Marco Bianchi' })).toBeVisible()
      await expectAccessible(patient)
      await choice.check()
      await patient.getByRole('button', { name: 'Show times' }).click()
      await expect(patient).toHaveURL(/[?&]practitioner=[0-9a-f-]{36}/)
      await expect(patient.getByRole('radio', { name: LUCA })).toBeChecked()

      // Removed again: the address no longer serves it.
      await page.getByRole('link', { name: 'Change or remove the photo' }).click()
      await page.getByRole('button', { name: 'Remove photo' }).click()
      await expect(page.getByRole('status')).toContainText('Photo removed')
      expect((await page.request.get(src)).status()).toBe(404)
    } finally {
      await adminContext.close()
      restore()
    }
  })

  test('uploads: a guest is sent to sign in unread, and a body over the cap gets 413', async ({
    request,
  }) => {
    const db = openE2eDb()
    const { id } = db.prepare('SELECT id FROM practitioners WHERE display_name = ?').get(LUCA) as {
      id: string
    }
    db.close()
    const photo = await phonePhoto()
    const asGuest = await request.post(`/admin/practitioners/${id}/photo`, {
      multipart: {
        intent: 'photo-upload',
        photo: { name: 'p.jpg', mimeType: 'image/jpeg', buffer: photo },
      },
      maxRedirects: 0,
    })
    expect(asGuest.status()).toBe(302)
    expect(asGuest.headers()['location']).toMatch(/^\/login/)
    const tooBig = await request.post(`/admin/practitioners/${id}/photo`, {
      multipart: {
        intent: 'photo-upload',
        photo: { name: 'p.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(11 * 1024 * 1024) },
      },
      maxRedirects: 0,
    })
    expect(tooBig.status()).toBe(413)
  })
})

import { type Page } from '@playwright/test'
import { expect, expectAccessible, expectNoEnglish, openE2eDb, test } from '../playwright-utils.ts'
import { answerHealthQuestions } from '../screening-utils.ts'

/**
 * The privacy notice (issue 19, ADR 050): a patient sees it above the first health question, in
 * Italian and in English, and the version they were shown is recorded with their answers; an
 * admin writes and publishes a new version, which the next patient is shown and which is
 * recorded. Other tests may publish versions too: nothing here depends on version numbers, only
 * on "the version the page showed is the one recorded".
 */

function submissionIds(): string[] {
  const db = openE2eDb()
  const rows = db.prepare('SELECT id FROM screening_submissions').all() as { id: string }[]
  db.close()
  return rows.map((row) => row.id)
}

/** The notice versions recorded with the answers this test added. */
function recordedSince(before: string[]): (string | null)[] {
  const db = openE2eDb()
  const rows = db
    .prepare(
      'SELECT privacy_notice_version_id AS v FROM screening_submissions WHERE id NOT IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify(before)) as { v: string | null }[]
  db.close()
  return rows.map((row) => row.v)
}

function versionNumberOf(id: string): number {
  const db = openE2eDb()
  const row = db
    .prepare('SELECT version_number AS n FROM privacy_notice_versions WHERE id = ?')
    .get(id) as { n: number }
  db.close()
  return row.n
}

async function shownVersionId(page: Page): Promise<string> {
  return page.locator('input[name="privacyNoticeVersionId"]').inputValue()
}

test.describe('a patient sees the privacy notice before the first health question', () => {
  test('in English, and the version shown is recorded with the answers @no-js', async ({
    page,
  }) => {
    test.setTimeout(60_000)
    await page.goto('/book')
    await page.getByRole('button', { name: 'Choose Cosmetic skin boost' }).click()
    await expect(page).toHaveURL(/\/book\/screening\/questions$/)

    // The box comes before the first question.
    const box = page.getByRole('region', { name: 'Before the health questions: your privacy' })
    await expect(box).toBeVisible()
    await expect(box.getByText(/Only the clinicians who treat you see your answers/)).toBeVisible()
    const boxTop = (await box.boundingBox())!.y
    const firstQuestion = (await page.getByLabel('Your date of birth').boundingBox())!.y
    expect(boxTop).toBeLessThan(firstQuestion)
    await expectAccessible(page)

    // The whole notice opens in place (no script needed), keyboard first.
    await box.getByText('Read the full privacy notice').focus()
    await page.keyboard.press('Enter')
    for (const heading of [
      'Who holds your data',
      'What we collect and why',
      'Why the law lets us use it',
      'How long we keep it',
      'Your rights',
      'How to reach us',
    ])
      await expect(box.getByRole('heading', { level: 3, name: heading })).toBeVisible()
    await expect(box.getByText(/GDPR Art\. 9\(2\)\(h\)/)).toBeVisible()
    await expect(box.getByText(/Garante per la protezione dei dati personali/)).toBeVisible()
    await expect(
      box.getByText(/We keep signed consents, health answers and treatment records for 10 years/),
    ).toBeVisible()
    await expectAccessible(page)

    const shown = await shownVersionId(page)
    const before = submissionIds()
    await answerHealthQuestions(page)
    await expect(page).toHaveURL(/\/book\/screening\/result$/)
    expect(recordedSince(before)).toEqual([shown])

    // The same version on its own page, linked from the footer too.
    await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy notice' }).click()
    await expect(page).toHaveURL(/\/privacy$/)
    await expect(page).toHaveTitle('Privacy notice | Dermadesk')
    await expect(page.getByRole('heading', { level: 2, name: 'Your rights' })).toBeVisible()
    await expectAccessible(page)
  })

  test.describe('in Italian', () => {
    test.use({ locale: 'it-IT' })

    test('the box and the notice read in Italian, and the version is recorded @no-js', async ({
      page,
    }) => {
      test.setTimeout(60_000)
      await page.goto('/book')
      await page
        .getByRole('button', { name: 'Scegli Trattamento cosmetico per una pelle luminosa' })
        .click()
      await expect(page).toHaveURL(/\/book\/screening\/questions$/)
      const box = page.getByRole('region', {
        name: 'Prima delle domande sulla salute: la tua privacy',
      })
      await expect(box.getByText(/Le tue risposte le vedono solo i medici/)).toBeVisible()
      await box.getByText('Leggi l’informativa privacy completa').click()
      await expect(box.getByRole('heading', { level: 3, name: 'I tuoi diritti' })).toBeVisible()
      await expect(box.getByText(/art\. 9, par\. 2, lett\. h/)).toBeVisible()
      await expect(box.getByText(/Teniamo i consensi firmati.*per 10 anni/)).toBeVisible()
      await expectAccessible(page)
      await expectNoEnglish(page)

      const shown = await shownVersionId(page)
      const before = submissionIds()
      await answerHealthQuestions(page)
      await expect(page).toHaveURL(/\/book\/screening\/result$/)
      expect(recordedSince(before)).toEqual([shown])

      await page.goto(`/privacy?version=${versionNumberOf(shown)}`)
      await expect(
        page.getByRole('heading', { level: 2, name: 'Chi tiene i tuoi dati' }),
      ).toBeVisible()
      await expectAccessible(page)
      await expectNoEnglish(page)
    })
  })

  test('a version id that is not a published one is refused, and nothing is stored', async ({
    page,
  }) => {
    await page.goto('/book')
    await page.getByRole('button', { name: 'Choose Cosmetic skin boost' }).click()
    await expect(page).toHaveURL(/\/book\/screening\/questions$/)
    const before = submissionIds()
    const tampered = await page.request.post('/book/screening/questions', {
      form: {
        privacyNoticeVersionId: '00000000-0000-4000-8000-000000000000',
        dateOfBirth: '1988-03-14',
        areas: 'face',
        skinType: 'II',
        skinNow: 'none',
        history: 'none',
        medicines: 'none',
        allergies: 'none',
        pregnancy: 'no',
        procedures: 'none',
      },
      maxRedirects: 0,
    })
    expect(tampered.status()).toBe(400)
    expect(await tampered.text()).toMatch(
      /The privacy notice has changed since you opened this page|L’informativa privacy è cambiata/,
    )
    expect(recordedSince(before)).toEqual([])
  })
})

test.describe('an admin publishes a new version', () => {
  test('edits a draft in both languages, publishes it, and the next patient’s answers record it', async ({
    page,
    login,
    browser,
  }) => {
    test.setTimeout(90_000)
    await login('admin')
    await page.goto('/admin')
    await page
      .getByRole('navigation', { name: 'Clinic settings sections' })
      .getByRole('link', { name: 'Privacy notice' })
      .click()
    await expect(page.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeVisible()
    await expectAccessible(page)

    // A draft: a new one, or the one another run left open.
    const write = page.getByRole('button', { name: /^Write version \d+$/ })
    if (await write.count()) await write.click()
    else await page.getByRole('link', { name: /^Edit the draft/ }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: /draft of version \d+/ }),
    ).toBeVisible()
    await expectAccessible(page)

    const title = `How we use your data (${Date.now().toString(36)})`
    const titles = page.getByRole('group', { name: 'Title' })
    await titles.getByLabel('English').fill(title)
    await titles.getByLabel('Italiano').fill('')
    await page.getByRole('button', { name: 'Save draft' }).click()
    await expect(page.getByText('Write this part.').first()).toBeVisible()
    await titles.getByLabel('Italiano').fill('Come usiamo i tuoi dati')
    await page.getByRole('button', { name: 'Save draft' }).click()
    await expect(page.getByRole('status')).toHaveText('Draft saved.')
    await expect(page.getByRole('heading', { level: 3, name: `English: ${title}` })).toBeVisible()
    await expectAccessible(page)

    // Publishing needs the tick.
    const publish = page.getByRole('button', { name: /^Publish version \d+$/ })
    await publish.click()
    await expect(page.getByText('Tick the box to confirm that you want to publish.')).toBeVisible()
    await page.getByLabel(/I have checked both languages/).check()
    await publish.click()
    await expect(page.getByRole('status')).toHaveText(
      'Published: patients see this version from now on.',
    )
    await expectAccessible(page)

    // The next patient is shown it, and their answers record it.
    const patient = await browser.newContext()
    const patientPage = await patient.newPage()
    await patientPage.goto('/book')
    await patientPage.getByRole('button', { name: 'Choose Cosmetic skin boost' }).click()
    const box = patientPage.getByRole('region', {
      name: 'Before the health questions: your privacy',
    })
    await box.getByText('Read the full privacy notice').click()
    await expect(box.getByText(title)).toBeVisible()
    const shown = await shownVersionId(patientPage)
    const before = submissionIds()
    await answerHealthQuestions(patientPage)
    await expect(patientPage).toHaveURL(/\/book\/screening\/result$/)
    expect(recordedSince(before)).toEqual([shown])
    const n = versionNumberOf(shown)
    expect(n).toBeGreaterThanOrEqual(2)

    await patientPage.goto('/privacy')
    await expect(patientPage.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await patientPage.goto('/privacy?version=1')
    await expect(patientPage.getByText('This is an older version of the notice.')).toBeVisible()
    await expectAccessible(patientPage)
    await patient.close()

    // The published version is read-only now.
    await page.getByRole('link', { name: `Version ${n}`, exact: true }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: `Privacy notice: version ${n}` }),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: 'Save draft' })).toHaveCount(0)
    await expectAccessible(page)
  })
})

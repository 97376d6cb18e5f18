import { serverNow } from '../test-clock.ts'
import { type Browser, type Page } from '@playwright/test'
import { PDFDocument } from 'pdf-lib'
import { answerCheck, passCheck, sign } from '../consent-utils.ts'
import { waitForEmail } from '../mail-utils.ts'
import { chooseDayWithTimes, holdFirstOfferedTime } from '../booking-utils.ts'
import { answerHealthQuestions } from '../screening-utils.ts'
import { expect, expectAccessible, openE2eDb, test, signInAs } from '../playwright-utils.ts'

function uniqueEmail(label: string) {
  return `${label}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`
}

/** Through the wizard to the consent step, a few days ahead (so withdrawing is possible). */
async function reachConsentStep(page: Page, email: string, name = 'Chiara Esposito') {
  await page.goto('/book')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Choose Cosmetic skin boost' }).click()
  await answerHealthQuestions(page)
  await page.getByRole('link', { name: 'Choose a day and time' }).click()
  await chooseDayWithTimes(page, 2)
  await expectAccessible(page)
  await holdFirstOfferedTime(page)
  await expectAccessible(page)
  await page.getByLabel('Full name').fill(name)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Mobile phone').fill('+39 333 123 4567')
  const before = new Date()
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible()
  await expectAccessible(page)
  const mail = await waitForEmail({ to: email, subject: /Your email code for/, after: before })
  await page.getByLabel('Code from the email').fill(/Your code is (\d{6})/.exec(mail.text)![1]!)
  await page.getByRole('button', { name: 'Check the code and continue' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Read and sign your consent' }),
  ).toBeVisible()
  await expectAccessible(page)
}

function referenceOn(text: string | null): string {
  const reference = text?.match(/DD-[0-9A-Z]{6}/)?.[0]
  expect(reference).toBeTruthy()
  return reference!
}

function bookingIdOf(reference: string): string {
  const db = openE2eDb()
  const row = db.prepare('SELECT id FROM bookings WHERE reference = ?').get(reference) as {
    id: string
  }
  db.close()
  return row.id
}

async function expectPdf(page: Page, url: string, reference: string) {
  const response = await page.request.get(url)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('application/pdf')
  expect(response.headers()['cache-control']).toBe('no-store')
  const pdf = await PDFDocument.load(await response.body())
  expect(pdf.getTitle()).toBe(`Signed consent ${reference}`)
  expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2)
}

async function clinicianPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL })
  await signInAs(context, 'nurse')
  return context.newPage()
}

test.describe('informed consent @no-js', () => {
  test.describe.configure({ timeout: 120_000 })

  test('a patient reads, passes the check after a wrong answer, signs and downloads the PDF; a clinician countersigns', async ({
    page,
    browser,
    baseURL,
  }) => {
    const email = uniqueEmail('consent')
    await reachConsentStep(page, email)
    await expect(page.getByText('Step 6 of 7 · Consent')).toBeVisible()
    // The healing timeline of the cosmetic tier: a picture named stage by stage on two skin
    // tones, and the same in words under it.
    await expect(
      page.getByRole('img', {
        name: /shown on a lighter and a deeper skin tone: Day 0, treatment day; Days 1 to 3, pinkness fades; From day 4, fresh skin/,
      }),
    ).toBeVisible()
    await expect(page.getByText('Days 1 to 3: Pinkness fades.', { exact: true })).toBeVisible()
    await expect(page.getByText(/Crusts are not expected/).first()).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Sign', exact: true })).toBeVisible()
    await expect(page.getByLabel('Type your full name')).toHaveCount(0)
    await expectAccessible(page)

    // One wrong answer: the part of the form that answers it is shown, and it is asked again.
    await answerCheck(page, (index) => (index === 0 ? 'wrong' : 'right'))
    await expect(page.getByText('One answer is not right yet.', { exact: false })).toBeVisible()
    const question = page.getByRole('group', { name: /How will your skin most likely look/ })
    await expect(question.getByText('Not quite.', { exact: false })).toBeVisible()
    const link = question.getByRole('link', { name: /part 2, “What to expect, day by day”/ })
    await expect(link).toHaveAttribute('href', '#consent-what-to-expect')
    await expect(question.getByText(/Bleeding is not expected/)).toBeVisible()
    await expect(page.getByLabel('Type your full name')).toHaveCount(0)
    await expectAccessible(page)
    await passCheck(page)

    // A name that is not the patient's is refused; the right one signs and books.
    await sign(page, 'Chiara Rossi', 'Sign and book')
    await expect(page.getByText(/This does not match the name you gave us/)).toBeVisible()
    await expectAccessible(page)
    await sign(page, 'chiara  esposito', 'Sign and book')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Your booking is confirmed' }),
    ).toBeVisible()
    await expectAccessible(page)
    const reference = referenceOn(await page.getByText(/Your reference is DD-/).textContent())

    // The booking page: consent signed, the aftercare timeline, the PDF.
    await page.getByRole('link', { name: 'See, move or cancel this booking' }).click()
    const consent = page.getByRole('region', { name: 'Your consent' })
    await expect(consent.getByText('Signed', { exact: true })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'After your treatment' })).toBeVisible()
    await expect(
      page.getByRole('img', {
        name: /Picture of how skin heals, shown on a lighter and a deeper skin tone/,
      }),
    ).toBeVisible()
    await expectAccessible(page)
    await expectPdf(page, `/bookings/${reference}/consent.pdf`, reference)
    await consent.getByRole('link', { name: 'See your signed consent' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: `Your consent for booking ${reference}` }),
    ).toBeVisible()
    await expect(page.getByText('chiara  esposito')).toBeVisible()
    await expect(page.getByText('Not yet: the clinician countersigns at your visit.')).toBeVisible()
    await expectAccessible(page)
    // On a 360 px phone the signed consent needs no sideways scrolling (the signature scales).
    await page.setViewportSize({ width: 360, height: 800 })
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(360)
    await page.setViewportSize({ width: 1280, height: 720 })

    // The clinician opens the same consent and PDF, and countersigns at the visit.
    const clinician = await clinicianPage(browser, baseURL!)
    const staffUrl = `/staff/bookings/${bookingIdOf(reference)}/consent`
    await clinician.goto(staffUrl)
    await expect(
      clinician.getByRole('heading', { level: 1, name: 'Consent of Chiara Esposito' }),
    ).toBeVisible()
    await expect(clinician.getByText('Text and record match their hashes')).toBeVisible()
    await expectAccessible(clinician)
    await expectPdf(clinician, `${staffUrl}.pdf`, reference)
    await clinician.getByRole('button', { name: 'Countersign' }).click()
    await expect(
      clinician.getByText('Tick the box to confirm you went through the form with the patient.'),
    ).toBeVisible()
    await clinician
      .getByLabel(/I have gone through this consent with the patient in person/)
      .check()
    await clinician.getByRole('button', { name: 'Countersign' }).click()
    await expect(clinician.getByRole('status')).toHaveText(/Countersigned\./)
    await expect(clinician.getByText('Signed and countersigned')).toBeVisible()
    await expectAccessible(clinician)
    await clinician.context().close()

    await page.reload()
    await expect(page.getByText(/^By Marco Bianchi on /)).toBeVisible()
    await expect(page.getByText('Signed and countersigned')).toBeVisible()
    await expectAccessible(page)
  })

  test('a patient withdraws the consent, the clinic is told, and the patient signs again', async ({
    page,
  }) => {
    const email = uniqueEmail('withdraw')
    await reachConsentStep(page, email)
    await passCheck(page)
    await sign(page, 'Chiara Esposito', 'Sign and book')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Your booking is confirmed' }),
    ).toBeVisible()
    await expectAccessible(page)
    const reference = referenceOn(await page.getByText(/Your reference is DD-/).textContent())
    await page.getByRole('link', { name: 'See, move or cancel this booking' }).click()
    await expect(page.getByRole('button', { name: 'Withdraw my consent' })).toBeVisible()
    await expectAccessible(page)

    const started = new Date()
    await page.getByLabel('Why are you withdrawing? (optional)').fill('I want to think about it')
    await page.getByRole('button', { name: 'Withdraw my consent' }).click()
    await expect(page.getByRole('status')).toHaveText(/You have withdrawn your consent/)
    const consent = page.getByRole('region', { name: 'Your consent' })
    await expect(consent.getByText('Withdrawn', { exact: true })).toBeVisible()
    await expectAccessible(page)
    const told = await waitForEmail({
      to: 'clinic@dermadesk.example',
      // The clinic's address reads the clinic's language: Italian for the demo clinic.
      subject: new RegExp(`Consenso revocato: ${reference}`),
      after: started,
    })
    expect(told.text).not.toMatch(/skin boost|needl|think about it|Chiara/i)

    await consent.getByRole('link', { name: 'Read and sign the consent' }).click()
    await expect(page.getByText('You withdrew your consent.', { exact: false })).toBeVisible()
    await expectAccessible(page)
    await passCheck(page)
    // Signing without ticking the intent box is refused (security goal E6).
    await page.getByLabel('Type your full name').fill('Chiara Esposito')
    await page.getByRole('button', { name: 'Sign the consent' }).click()
    await expect(
      page.getByText('Tick the box to show that you have read the form, agree and sign it.'),
    ).toBeVisible()
    await expectAccessible(page)
    await sign(page, 'Chiara Esposito', 'Sign the consent')
    await expect(
      page.getByRole('status').filter({ hasText: 'your consent is signed' }),
    ).toBeVisible()
    await expect(page.getByText('Signed', { exact: true })).toBeVisible()
    await expectAccessible(page)
  })

  test('going back from the consent step finds the details kept and the email already proved', async ({
    page,
  }) => {
    const email = uniqueEmail('back')
    await reachConsentStep(page, email)
    // With JavaScript the browser's back button; without it, the step list's link.
    if (test.info().project.use.javaScriptEnabled === false)
      await page
        .getByRole('navigation', { name: 'Booking progress' })
        .getByRole('link', { name: 'Your details' })
        .click()
    else await page.goBack()
    await expect(page.getByRole('heading', { level: 1, name: 'Your details' })).toBeVisible()
    await expect(page.getByLabel('Email')).toHaveValue(email)
    await expect(page.getByLabel('Mobile phone')).toHaveValue('333 123 4567')
    await expect(page.getByLabel('Code from the email')).toHaveCount(0)
    // The code step is not a place to go back to once passed.
    await expect(
      page
        .getByRole('navigation', { name: 'Booking progress' })
        .getByRole('link', { name: 'Check your email' }),
    ).toHaveCount(0)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Read and sign your consent' }),
    ).toBeVisible()
    await expectAccessible(page)
  })
})

test.describe('drawing a signature', () => {
  test.describe.configure({ timeout: 90_000 })

  test('with JavaScript on, the patient can draw a signature with the mouse', async ({ page }) => {
    await reachConsentStep(page, uniqueEmail('drawn'))
    await passCheck(page)
    const pad = page.getByRole('img', { name: 'Signature drawing area' })
    await expect(pad).toBeVisible()
    const box = (await pad.boundingBox())!
    await page.mouse.move(box.x + 20, box.y + box.height / 2)
    await page.mouse.down()
    for (let i = 1; i <= 12; i++)
      await page.mouse.move(box.x + 20 + i * 18, box.y + box.height / 2 + (i % 2 ? -15 : 15), {
        steps: 3,
      })
    await page.mouse.up()
    await expect(page.getByText('Your drawing will be added to your signature.')).toBeVisible()
    await expectAccessible(page)
    await sign(page, 'Chiara Esposito', 'Sign and book')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Your booking is confirmed' }),
    ).toBeVisible()
    await expectAccessible(page)
    const reference = referenceOn(await page.getByText(/Your reference is DD-/).textContent())
    await page.goto(`/bookings/${reference}/consent`)
    await expect(
      page.getByRole('img', { name: 'Signature drawn by Chiara Esposito' }),
    ).toBeVisible()
    await expectAccessible(page)
    // On a 360 px phone the drawn signature scales with the page: no sideways scrolling.
    await page.setViewportSize({ width: 360, height: 800 })
    const signature = page.getByRole('img', { name: 'Signature drawn by Chiara Esposito' })
    await expect
      .poll(async () => (await signature.boundingBox())!.width)
      .toBeLessThanOrEqual(360 - 32)
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(360)
    await expectPdf(page, `/bookings/${reference}/consent.pdf`, reference)
  })
})

test.describe('consent forms in the admin console', () => {
  test('an admin writes, saves and publishes a new version for a later date', async ({
    page,
    login,
  }) => {
    // Five long pages, each checked with axe: more than 30 s on a busy machine.
    test.setTimeout(60_000)
    await login('admin')
    await page.goto('/admin/consent')
    await expect(page.getByRole('heading', { level: 1, name: 'Consent forms' })).toBeVisible()
    await expectAccessible(page)
    const medical = page.getByRole('region', { name: /Medical needling/ })
    await medical.getByRole('button', { name: 'Write version 3' }).click()
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: 'Medical needling consent form, version 3 (draft)',
      }),
    ).toBeVisible()
    await expectAccessible(page)
    const body = page.getByLabel('Text of part 8')
    await body.fill(`${await body.inputValue()} Please call us if you are late.`)
    await page.getByRole('button', { name: 'Save the draft' }).click()
    await expect(page.getByRole('status')).toHaveText('Draft saved.')
    await expect(page.getByText(/Please call us if you are late\./).first()).toBeVisible()
    await expectAccessible(page)

    const later = new Date(serverNow().getTime() + 150 * 24 * 3600_000).toISOString().slice(0, 10)
    // A form that drops a warning sign of its tier is refused, naming what is missing.
    const whenToCall = page.getByLabel('Text of part 6')
    const original = await whenToCall.inputValue()
    await whenToCall.fill(original.replace(', or you have a fever or feel unwell', ''))
    await page.getByRole('button', { name: 'Save the draft' }).click()
    await expect(page.getByRole('status')).toHaveText('Draft saved.')
    await page.getByLabel('Applies to sessions from').fill(later)
    await page.getByRole('button', { name: 'Publish version 3' }).click()
    await expect(page.getByText(/Missing: when to call: .*fever/)).toBeVisible()
    await page.getByLabel('Text of part 6').fill(original)
    await page.getByRole('button', { name: 'Save the draft' }).click()
    await expect(page.getByRole('status')).toHaveText('Draft saved.')

    await page.getByLabel('Applies to sessions from').fill(later)
    await page.getByRole('button', { name: 'Publish version 3' }).click()
    await expect(page.getByRole('status')).toHaveText('Published.')
    await expect(medical.getByText(/Scheduled: version 3 applies to sessions from/)).toBeVisible()
    await expectAccessible(page)
    await medical.getByRole('link', { name: 'Version 3', exact: true }).click()
    await expect(page.getByText(/Published versions never change\./)).toBeVisible()
    await expect(page.getByRole('button', { name: 'Save the draft' })).toHaveCount(0)
    await expectAccessible(page)
  })
})

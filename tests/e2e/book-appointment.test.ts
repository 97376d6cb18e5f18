import { type Page } from '@playwright/test'
import { passCheck, sign } from '../consent-utils.ts'
import { waitForEmail } from '../mail-utils.ts'
import { expect, expectAccessible, test } from '../playwright-utils.ts'
import { answerHealthQuestions } from '../screening-utils.ts'

function uniqueEmail(label: string) {
  return `${label}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`
}

/** Goes through the wizard up to the confirmation page; returns the booking reference. */
async function bookSkinBoost(
  page: Page,
  email: string,
  options: { practitioner?: string; dayIndex?: number } = {},
) {
  await page.goto('/book')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Choose Cosmetic skin boost' }).click()

  await expect(page.getByText('Step 2 of 7 · Health questions')).toBeVisible()
  await answerHealthQuestions(page)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Thank you, you can book' }),
  ).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Choose a day and time' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Choose a day and time' })).toBeVisible()
  await expect(page.getByText('Step 3 of 7 · Day and time')).toBeVisible()
  await expect(page.getByText('Times are shown in Rome time (Europe/Rome).')).toBeVisible()
  if (options.practitioner) {
    await page.getByRole('radio', { name: options.practitioner }).check()
    // With JavaScript the times follow the choice at once; without it, the button shows them.
    if (test.info().project.use.javaScriptEnabled === false)
      await page.getByRole('button', { name: 'Show times' }).click()
    await expect(page).toHaveURL(/practitioner=/)
  }
  await expectAccessible(page)
  if (options.dayIndex) {
    await page
      .getByRole('region', { name: 'Choose a day' })
      .getByRole('link')
      .nth(options.dayIndex)
      .click()
  }
  const times = page.getByRole('region', { name: /Choose a time on/ }).getByRole('button')
  await times.first().click()

  await expect(page.getByRole('heading', { level: 1, name: 'Your details' })).toBeVisible()
  // On a desktop the booking so far stands beside the step.
  const summary = page.getByRole('complementary', { name: 'Your booking' })
  await expect(summary).toContainText('Cosmetic skin boost')
  await expect(summary).toContainText(/€\d/)
  await expect(summary.getByText('When')).toBeVisible()
  await expect(page.getByText(/We are keeping this time for you until \d\d:\d\d/)).toBeVisible()
  if (test.info().project.use.javaScriptEnabled !== false)
    await expect(page.getByRole('timer')).toHaveText(/^\s?\(\d{1,2}:\d\d left\)$/)
  await expectAccessible(page)
  await page.getByLabel('Full name').fill('Chiara Esposito')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Mobile phone').fill('+39 333 123 4567')
  await page.getByLabel('Date of birth').fill('1988-03-14')
  const before = new Date()
  await page.getByRole('button', { name: 'Continue' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible()
  await expectAccessible(page)
  const codeEmail = await waitForEmail({ to: email, subject: /Your email code for/, after: before })
  const code = /Your code is (\d{6})/.exec(codeEmail.text)?.[1]
  expect(code).toBeTruthy()
  await page.getByLabel('Code from the email').fill(code!)
  // A treatment: the consent comes before the booking is made.
  await page.getByRole('button', { name: 'Check the code and continue' }).click()

  await expect(
    page.getByRole('heading', { level: 1, name: 'Read and sign your consent' }),
  ).toBeVisible()
  await expect(page.getByText('Step 6 of 7 · Consent')).toBeVisible()
  await expectAccessible(page)
  await passCheck(page)
  await sign(page, 'Chiara Esposito', 'Sign and book')

  await expect(
    page.getByRole('heading', { level: 1, name: 'Your booking is confirmed' }),
  ).toBeVisible()
  await expect(page.getByText('Step 7 of 7 · Confirmation')).toBeVisible()
  await expectAccessible(page)
  const reference = (await page.getByText(/Your reference is DD-/).textContent())?.match(
    /DD-[0-9A-Z]{6}/,
  )?.[0]
  expect(reference).toBeTruthy()
  return reference!
}

test.describe('booking a treatment @no-js', () => {
  // Seven steps (health questions and consent included) with an accessibility check on each.
  test.describe.configure({ timeout: 90_000 })

  test('a patient books, gets the confirmation email with its calendar file, then moves and cancels it', async ({
    page,
  }) => {
    const email = uniqueEmail('patient')
    const started = new Date()
    // A few days ahead, so that it can still be moved and cancelled online (48-hour window).
    const reference = await bookSkinBoost(page, email, { dayIndex: 2 })
    await expect(page.getByRole('heading', { name: 'Before your visit' })).toBeVisible()
    // The skin boost takes 45 minutes: the advice says so, not "about an hour".
    await expect(page.getByText('Allow 45 minutes for the visit.')).toBeVisible()

    const confirmation = await waitForEmail({
      to: email,
      subject: new RegExp(`Booking confirmed: ${reference}`),
      after: started,
    })
    const ics = confirmation.attachments.find((a) => a.contentType === 'text/calendar')
    expect(ics?.content).toContain('BEGIN:VEVENT')
    for (const text of [confirmation.subject, confirmation.text, ics?.content ?? '']) {
      expect(text).not.toMatch(/skin boost|microneedling|needl|1988-03-14/i)
    }
    const manageLink = /https?:\/\/\S+\/bookings\/manage\?token=[A-Za-z0-9_-]+/.exec(
      confirmation.text,
    )?.[0]
    expect(manageLink).toBeTruthy()

    // The emailed link opens the booking in a fresh browser.
    await page.context().clearCookies()
    await page.goto(new URL(manageLink!).pathname + new URL(manageLink!).search)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Open my booking' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: `Your booking ${reference}` }),
    ).toBeVisible()
    await expect(page.getByText('Confirmed')).toBeVisible()
    await expectAccessible(page)

    // Move it.
    await page.getByRole('link', { name: 'Move to another time' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Move your booking' })).toBeVisible()
    await expectAccessible(page)
    // The last day offered: far enough ahead that the moved booking can still be cancelled
    // online (48-hour window), whatever the day and hour the test runs.
    const days = page
      .getByRole('region', { name: 'Choose a day' })
      .getByRole('listitem')
      .getByRole('link')
    await days.last().click()
    // With JavaScript the day loads in place: wait for it before picking its first time.
    await expect(days.last()).toHaveAttribute('aria-current', 'date')
    await page
      .getByRole('region', { name: /Choose a time on/ })
      .getByRole('button')
      .first()
      .click()
    await expect(
      page.getByRole('status').filter({ hasText: 'Your booking has moved' }),
    ).toBeVisible()
    await expectAccessible(page)
    await waitForEmail({
      to: email,
      subject: new RegExp(`Booking moved: ${reference}`),
      after: started,
    })

    // Cancel it: the booking page asks first (a dialog with JavaScript, a page without) and
    // states the policy.
    await page.getByRole('link', { name: 'Cancel this booking' }).click()
    const confirm =
      test.info().project.use.javaScriptEnabled === false
        ? page.getByRole('main')
        : page.getByRole('dialog', { name: 'Cancel your booking?' })
    await expect(
      confirm.getByText(/you can cancel or move a booking online, free of charge/),
    ).toBeVisible()
    await expectAccessible(page)
    await confirm.getByLabel('Why are you cancelling? (optional)').fill('Plans changed')
    await confirm.getByRole('button', { name: 'Yes, cancel my booking' }).click()
    await expect(
      page.getByRole('status').filter({ hasText: 'Your booking is cancelled' }),
    ).toBeVisible()
    await expectAccessible(page)
    const cancelled = await waitForEmail({
      to: email,
      subject: new RegExp(`Booking cancelled: ${reference}`),
      after: started,
    })
    expect(cancelled.attachments.find((a) => a.contentType === 'text/calendar')?.method).toBe(
      'CANCEL',
    )
    // A cancelled booking offers to book again and no longer shows the aftercare.
    await expect(page.getByRole('link', { name: 'Book again' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'After your treatment' })).toHaveCount(0)
    await expect(page.getByRole('link', { name: 'Cancel this booking' })).toHaveCount(0)
  })

  test('a patient finds a booking with its reference and an emailed code', async ({ page }) => {
    const email = uniqueEmail('finder')
    const reference = await bookSkinBoost(page, email)
    await page.context().clearCookies()
    await page.goto('/bookings')
    await expectAccessible(page)
    await page.getByLabel('Booking reference').fill(reference.toLowerCase())
    await page.getByLabel('Email').fill(email)
    const before = new Date()
    await page.getByRole('button', { name: 'Send me a code' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible()
    await expectAccessible(page)
    const mail = await waitForEmail({ to: email, subject: /Your email code for/, after: before })
    await page
      .getByLabel('Code from the email')
      .fill('000000' === /(\d{6})/.exec(mail.text)![1] ? '111111' : '000000')
    await page.getByRole('button', { name: 'Open my booking' }).click()
    await expect(page.getByText(/That code is not right. You have 4 tries left./)).toBeVisible()
    await page.getByLabel('Code from the email').fill(/Your code is (\d{6})/.exec(mail.text)![1]!)
    await page.getByRole('button', { name: 'Open my booking' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: `Your booking ${reference}` }),
    ).toBeVisible()
    await expectAccessible(page)
  })

  test('bad details get a message beside each field and nothing is saved', async ({ page }) => {
    await page.goto('/book')
    await page.getByRole('button', { name: 'Choose Skin consultation' }).click()
    // A consultation needles nothing: no consent step.
    await expect(page.getByText('Step 2 of 5 · Day and time')).toBeVisible()
    await page
      .getByRole('region', { name: /Choose a time on/ })
      .getByRole('button')
      .first()
      .click()
    await page.getByLabel('Full name').fill('C')
    await page.getByLabel('Email').fill('not-an-email')
    await page.getByLabel('Mobile phone').fill('12')
    await page.getByLabel('Date of birth').fill('2999-01-01')
    await page.getByRole('button', { name: 'Continue' }).click()
    // Each message in the error summary at the top (which takes the focus) and beside its field.
    await expect(page.getByRole('alert', { name: 'There is a problem' })).toBeFocused()
    await expect(page.getByText('Enter your full name.')).toHaveCount(2)
    await expect(page.getByText('Enter an email address like name@example.com.')).toHaveCount(2)
    await expect(
      page.getByText(
        'Enter a phone number we can call, for example 333 123 4567 or +39 02 1234 5678.',
      ),
    ).toHaveCount(2)
    await expect(page.getByText('Your date of birth must be in the past.')).toHaveCount(2)
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByRole('heading', { level: 1, name: 'Your details' })).toBeVisible()
    await expectAccessible(page)
    // A number written the Italian way is read as Italian, kept in E.164 and shown as typed.
    await page.getByLabel('Full name').fill('Chiara Telefono')
    await page.getByLabel('Email').fill(`phone.${Date.now()}@example.com`)
    await page.getByLabel('Mobile phone').fill('333 123 4567')
    await page.getByLabel('Date of birth').fill('1990-04-25')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Your details' })).toHaveCount(0)
    await page.goto('/book/details')
    await expect(page.getByLabel('Mobile phone')).toHaveValue('333 123 4567')
  })

  test('on a phone the progress is one line with a bar and a way back; the header has no staff link', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 800 })
    await page.goto('/book')
    await expect(page.getByRole('link', { name: 'Staff' })).toBeHidden()
    // The page's main action shows without scrolling.
    await expect(page.getByRole('button', { name: /^Choose / }).first()).toBeInViewport()
    await page.getByRole('button', { name: 'Choose Cosmetic skin boost' }).click()
    const progress = page.getByRole('navigation', { name: 'Booking progress' })
    await expect(progress.getByText('Step 2 of 7 · Health questions')).toBeVisible()
    await expect(progress.getByRole('list')).toBeHidden()
    await expect(progress.locator('svg')).toBeVisible()
    await expectAccessible(page)
    await page.setViewportSize({ width: 1280, height: 800 })
    await expect(progress.getByRole('list')).toBeVisible()
    await expect(progress.getByRole('link', { name: 'Back to treatment' })).toBeHidden()
    await expect(page.getByRole('link', { name: 'Staff' })).toBeVisible()
    await page.setViewportSize({ width: 360, height: 800 })
    await progress.getByRole('link', { name: 'Back to treatment' }).click()
    await expect(page).toHaveURL('/book')
  })

  test('a patient cannot skip ahead in the wizard', async ({ page }) => {
    await page.goto('/book/verify')
    await expect(page).toHaveURL('/book')
    await page.getByRole('button', { name: 'Choose Cosmetic skin boost' }).click()
    await expect(page).toHaveURL(/\/book\/screening\/questions$/)
    // Not past the health questions: sent back to them, whatever the URL asked for.
    for (const path of ['/book/verify', '/book/time', '/book/details', '/book/consent']) {
      await page.goto(path)
      await expect(page).toHaveURL(/\/book\/screening\/questions$/)
    }
  })
})

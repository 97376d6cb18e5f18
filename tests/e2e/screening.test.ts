import { passCheck, sign } from '../consent-utils.ts'
import { type Page } from '@playwright/test'
import { waitForEmail } from '../mail-utils.ts'
import {
  bookSkinBoostAsPatient,
  chooseDayWithTimes,
  holdFirstOfferedTime,
} from '../booking-utils.ts'
import { expect, expectAccessible, openE2eDb, test } from '../playwright-utils.ts'
import {
  addDays,
  addMonths,
  answerHealthQuestions,
  type HealthAnswers,
  monthsAgo,
} from '../screening-utils.ts'

function uniqueEmail(label: string) {
  return `${label}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`
}

/** A patient name nobody else in this run has (letters only, as the name field wants). */
function uniqueName(first: string) {
  const letters = Array.from({ length: 6 }, () =>
    String.fromCharCode(97 + Math.floor(Math.random() * 26)),
  ).join('')
  return `${first} ${letters[0]!.toUpperCase()}${letters.slice(1)}`
}

const MARCO = 'Marco Bianchi'

/** Health words that must never appear in an email. */
const HEALTH_WORDS =
  /cold sore|herpes|antiviral|infection|isotretinoin|skin boost|needl|1988-03-14/i

async function startSkinBoost(page: Page) {
  await page.goto('/book')
  await page.getByRole('button', { name: 'Choose Cosmetic skin boost' }).click()
  await expect(page).toHaveURL(/\/book\/screening\/questions$/)
  await expect(page.getByText('Step 2 of 7 · Health questions')).toBeVisible()
}

/** From the screening result to the confirmation page; returns the booking reference. */
async function chooseTimeAndConfirm(page: Page, who: { name: string; email: string }) {
  await page.getByRole('link', { name: 'Choose a day and time' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a day and time' })).toBeVisible()
  // The nurse, so that these bookings never land on the days other tests give Sofia off.
  await page.getByRole('radio', { name: 'Marco Bianchi' }).check()
  await page.getByRole('button', { name: 'Show times' }).click()
  await expectAccessible(page)
  await chooseDayWithTimes(page, 1)
  await holdFirstOfferedTime(page)
  // The date of birth was asked in the health questions: it is filled in already.
  await expect(page.getByLabel('Date of birth')).toHaveValue('1988-03-14')
  await expectAccessible(page)
  await page.getByLabel('Full name').fill(who.name)
  await page.getByLabel('Email').fill(who.email)
  await page.getByLabel('Mobile phone').fill('+39 333 123 4567')
  const before = new Date()
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible()
  await expectAccessible(page)
  const codeEmail = await waitForEmail({
    to: who.email,
    subject: /Your email code for/,
    after: before,
  })
  await page
    .getByLabel('Code from the email')
    .fill(/Your code is (\d{6})/.exec(codeEmail.text)![1]!)
  await page.getByRole('button', { name: 'Check the code and continue' }).click()
  // A treatment: the consent comes last, then the booking is made.
  await expect(page.getByText('Step 6 of 7 · Consent')).toBeVisible()
  await passCheck(page)
  await sign(page, who.name, 'Sign and book')
  await expect(page.getByText('Step 7 of 7 · Confirmation')).toBeVisible()
  await expectAccessible(page)
  const reference = (await page.getByText(/Your reference is DD-/).textContent())?.match(
    /DD-[0-9A-Z]{6}/,
  )?.[0]
  expect(reference).toBeTruthy()
  return reference!
}

async function bookWith(page: Page, answers: HealthAnswers, who: { name: string; email: string }) {
  await startSkinBoost(page)
  await answerHealthQuestions(page, answers)
  return chooseTimeAndConfirm(page, who)
}

test.describe('eligibility screening @no-js', () => {
  // Whole bookings through seven steps, with an accessibility check on every page (a copy of each
  // page without JavaScript): longer than the default 30 seconds on a 2-core machine.
  test.describe.configure({ timeout: 90_000 })

  test('a patient with nothing to flag books straight through, and sees their own answers', async ({
    page,
  }) => {
    const who = { name: uniqueName('Anna'), email: uniqueEmail('clear') }
    await startSkinBoost(page)
    await answerHealthQuestions(page)
    await expect(
      page.getByRole('heading', { level: 1, name: 'Thank you, you can book' }),
    ).toBeVisible()
    await expectAccessible(page)
    const reference = await chooseTimeAndConfirm(page, who)
    await expect(
      page.getByRole('heading', { level: 1, name: 'Your booking is confirmed' }),
    ).toBeVisible()
    await expectAccessible(page)

    await page.getByRole('link', { name: 'See, move or cancel this booking' }).click()
    await expect(page.getByRole('heading', { name: 'Health questions' })).toBeVisible()
    await expectAccessible(page)
    const response = await page.goto(`/bookings/${reference}/screening`)
    expect(response?.headers()['cache-control']).toContain('no-store')
    await expect(page.getByRole('heading', { level: 1, name: 'Your health answers' })).toBeVisible()
    await expect(page.getByText('Face, but not around the eyes')).toBeVisible()
    await expectAccessible(page)
  })

  test('a past cold sore books as pending review, and a clinician approves it', async ({
    page,
    login,
  }) => {
    const who = { name: uniqueName('Paola'), email: uniqueEmail('coldsore') }
    const started = new Date()
    await startSkinBoost(page)
    await answerHealthQuestions(page, { history: ['Cold sores, even once'] })
    await expect(
      page.getByRole('heading', { level: 1, name: 'A clinician will check your answers' }),
    ).toBeVisible()
    await expect(
      page.getByText('A clinician will check if you need medicine to prevent one.'),
    ).toBeVisible()
    await expectAccessible(page)
    const reference = await chooseTimeAndConfirm(page, who)
    await expect(
      page.getByRole('heading', { level: 1, name: 'Your time is reserved' }),
    ).toBeVisible()
    await expect(
      page.getByText(/A clinician will check your answers to the health questions/),
    ).toBeVisible()
    await expect(page.getByText('Waiting for a clinician to check')).toBeVisible()
    await expectAccessible(page)
    const received = await waitForEmail({
      to: who.email,
      subject: new RegExp(`waiting for a clinician: ${reference}`),
      after: started,
    })
    expect(received.text).toContain('A clinician will look at your answers')
    expect(`${received.subject}\n${received.text}`).not.toMatch(/have had cold sores|antiviral/i)

    // A clinician (the nurse) signs in, finds it in the queue and approves it.
    await page.context().clearCookies()
    await login('nurse')
    await page.goto('/staff')
    await expectAccessible(page)
    await page.getByRole('link', { name: /waiting for review/ }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Eligibility reviews' })).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('link', { name: new RegExp(`review ${who.name}`) }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: `Review for ${who.name}` }),
    ).toBeVisible()
    const finding = page.getByRole('listitem').filter({ hasText: 'History of cold sores' })
    await expect(finding).toContainText('Clinician review')
    await expect(finding).toContainText('antiviral cover')
    // Sources in words (the source register), not only codes (docs/decisions/032).
    await expect(finding).toContainText(
      'Sources: clinic practice pages (D-4, D-5, D-10, D-13, D-21)',
    )
    await expect(finding).toContainText('The patient was told:')
    await expectAccessible(page)
    await page.getByLabel('Note for the record (optional)').fill('Antiviral cover prescribed')
    await page.getByRole('button', { name: 'Approve and confirm the booking' }).click()
    await expect(page.getByRole('status')).toContainText('Approved')
    await expect(page.getByRole('link', { name: new RegExp(`review ${who.name}`) })).toHaveCount(0)
    await expectAccessible(page)

    const approved = await waitForEmail({
      to: who.email,
      subject: new RegExp(`Booking confirmed: ${reference}`),
      after: started,
    })
    expect(`${approved.subject}\n${approved.text}`).not.toMatch(HEALTH_WORDS)
    const db = openE2eDb()
    const row = db.prepare('SELECT status FROM bookings WHERE reference = ?').get(reference)
    db.close()
    expect(row).toEqual({ status: 'confirmed' })
  })

  test('an active infection is told kindly why not, and offered a consultation', async ({
    page,
  }) => {
    await startSkinBoost(page)
    await answerHealthQuestions(page, {
      skinNow: ['A skin infection, such as red, hot or weepy skin, or a rash from a fungus'],
    })
    await expect(
      page.getByRole('heading', { level: 1, name: 'We cannot book this treatment for you now' }),
    ).toBeVisible()
    await expect(page.getByText(/Thank you for your honest answers/)).toBeVisible()
    await expect(
      page.getByText(/The needles could spread it. Please book again when it has healed./),
    ).toBeVisible()
    await expectAccessible(page)
    // No way round it: the times are not offered.
    await page.goto('/book/time')
    await expect(page).toHaveURL(/\/book\/screening\/result$/)
    await page.getByRole('button', { name: 'Book a consultation instead' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Choose a day and time' }),
    ).toBeVisible()
    // The step names it, and so does the summary beside it on a wide screen.
    await expect(page.getByText('Skin consultation').first()).toBeVisible()
    await expect(page.getByText('Step 2 of 5 · Day and time')).toBeVisible()
    await expectAccessible(page)
  })

  test('stopped isotretinoin two months ago: times are offered only after the window', async ({
    page,
  }) => {
    const lastDose = monthsAgo(2)
    await startSkinBoost(page)
    await answerHealthQuestions(page, {
      medicines: ['Acne tablets called isotretinoin. I took them, but I have stopped.'],
      dates: { 'When did you take your last tablet?': lastDose },
    })
    await expect(
      page.getByRole('heading', { level: 1, name: 'You can book from a later date' }),
    ).toBeVisible()
    await expect(page.getByText(/We wait 6 months after your last tablet/)).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Choose a day and time' }).click()
    await expect(page.getByText(/the first day you can book is/)).toBeVisible()
    await expectAccessible(page)
    // Six months after the last tablet (the default window), and not long after it either.
    const windowEnds = addMonths(lastDose, 6)
    const firstDay = page.getByRole('region', { name: 'Choose a day' }).getByRole('link').first()
    const href = await firstDay.getAttribute('href')
    const firstOffered = new URL(href!, 'http://localhost').searchParams.get('date')!
    expect(firstOffered >= windowEnds).toBe(true)
    expect(firstOffered <= addDays(windowEnds, 10)).toBe(true)
    await expect(
      page
        .getByRole('region', { name: /Choose a time on/ })
        .getByRole('button')
        .first(),
    ).toBeVisible()
    // Back through the step list: the answers' result, then the questions with the answers kept.
    await page
      .getByRole('navigation', { name: 'Booking progress' })
      .getByRole('link', { name: 'Health questions' })
      .click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'You can book from a later date' }),
    ).toBeVisible()
    await page.getByRole('link', { name: 'Change my answers' }).click()
    await expect(page.getByLabel('When did you take your last tablet?')).toHaveValue(lastDose)
    await expectAccessible(page)
  })

  test('bad answers get messages beside the questions, a 400, and nothing is saved', async ({
    page,
  }) => {
    await startSkinBoost(page)
    const db = openE2eDb()
    const count = () =>
      (db.prepare('SELECT count(*) AS n FROM screening_submissions').get() as { n: number }).n
    const before = count()
    const idsBefore = (
      db.prepare('SELECT id FROM screening_submissions').all() as { id: string }[]
    ).map((row) => row.id)
    await page.getByRole('button', { name: 'Check my answers' }).click()
    // The GOV.UK pattern: a summary at the top takes the focus and links to every problem, in
    // the order of the page; each message also stands beside its question.
    const summary = page.getByRole('alert', { name: 'There is a problem' })
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('link').first()).toHaveText('Enter your date of birth.')
    expect(await summary.getByRole('link').count()).toBeGreaterThanOrEqual(8)
    await expect(page.getByText('Enter your date of birth.')).toHaveCount(2)
    await expect(page.getByText('Tick at least one area.')).toHaveCount(2)
    await expect(
      page.getByText('Tick the ones that apply, or “None of these”.').first(),
    ).toBeVisible()
    await expect(
      page.getByText('Answer this question. Choose “No” if it does not apply.'),
    ).toHaveCount(2)
    await expectAccessible(page)
    await summary.getByRole('link', { name: 'Tick at least one area.' }).click()
    if (test.info().project.use.javaScriptEnabled === false)
      await expect(page).toHaveURL(/#field-areas$/)
    else await expect(page.locator('#field-areas')).toBeFocused()

    await answerHealthQuestions(page, {
      medicines: [
        'Medicine that thins the blood, such as warfarin, or aspirin every day',
        'Acne tablets called isotretinoin. I took them, but I have stopped.',
      ],
      dates: { 'When did you take your last tablet?': '2099-01-01' },
    })
    const medicines = page.getByRole('group', { name: 'Do you take or use any of these?' })
    await medicines.getByLabel('None of these').check()
    await page.getByRole('button', { name: 'Check my answers' }).click()
    await expect(
      page.getByText('You ticked “None of these” and another answer. Untick one of them.'),
    ).toHaveCount(2)
    await expect(
      page.getByText(
        'This date is in the future. If you still take it, tick “I take it now” instead.',
      ),
    ).toHaveCount(2)
    await expectAccessible(page)
    expect(count()).toBe(before)

    // Straight posts: a 400 for a contradiction; a posted outcome or status is ignored.
    const base = {
      dateOfBirth: '1988-03-14',
      areas: 'face',
      skinType: 'II',
      skinNow: 'none',
      history: 'none',
      allergies: 'none',
      pregnancy: 'no',
      procedures: 'none',
    }
    const rejected = await page.request.post('/book/screening/questions', {
      form: { ...base, medicines: 'isotretinoin_now', isotretinoinLastDose: '2099-01-01' },
      maxRedirects: 0,
    })
    expect(rejected.status()).toBe(400)
    expect(count()).toBe(before)
    // The privacy notice the page showed goes with the answers (ADR 050).
    const privacyNoticeVersionId = await page
      .locator('input[name="privacyNoticeVersionId"]')
      .inputValue()
    const tampered = await page.request.post('/book/screening/questions', {
      form: {
        ...base,
        privacyNoticeVersionId,
        medicines: 'isotretinoin_now',
        outcome: 'eligible',
        status: 'confirmed',
      },
      maxRedirects: 0,
    })
    expect(tampered.headers()['location']).toBe('/book/screening/result')
    // This test's own row: the one the tampered post added (other tests' answers may carry
    // later times, since some move the server's clock).
    const stored = db
      .prepare(
        'SELECT outcome FROM screening_submissions WHERE id NOT IN (SELECT value FROM json_each(?))',
      )
      .all(JSON.stringify(idsBefore))
    db.close()
    expect(stored).toEqual([{ outcome: 'not_eligible' }])
    await page.goto('/book/screening/result')
    await expect(
      page.getByRole('heading', { level: 1, name: 'We cannot book this treatment for you now' }),
    ).toBeVisible()
    await expectAccessible(page)
  })

  test('the clinic asks a question, the patient answers it and updates their answers', async ({
    page,
    login,
  }) => {
    const who = { name: uniqueName('Elisa'), email: uniqueEmail('question') }
    const started = new Date()
    const reference = await bookWith(
      page,
      { allergies: ['Nickel, for example a rash from cheap jewellery'] },
      who,
    )
    await expect(
      page.getByRole('heading', { level: 1, name: 'Your time is reserved' }),
    ).toBeVisible()

    await page.context().clearCookies()
    await login('doctorAdmin')
    await page.goto('/staff/reviews')
    await expectAccessible(page)
    await page.getByRole('link', { name: new RegExp(`review ${who.name}`) }).click()
    await expectAccessible(page)
    const question = 'What happens when you wear a steel watch?'
    await page.getByLabel('Question for the patient').fill(question)
    await page.getByRole('button', { name: 'Send the question' }).click()
    await expect(page.getByRole('status')).toContainText('Question sent')
    await expectAccessible(page)

    const mail = await waitForEmail({
      to: who.email,
      subject: new RegExp(`A question about your booking: ${reference}`),
      after: started,
    })
    expect(mail.text).not.toContain('steel watch')
    expect(`${mail.subject}\n${mail.text}`).not.toMatch(HEALTH_WORDS)
    const link = /https?:\/\/\S+\/bookings\/manage\?token=[A-Za-z0-9_-]+/.exec(mail.text)![0]

    await page.context().clearCookies()
    await page.goto(new URL(link).pathname + new URL(link).search)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Open my booking' }).click()
    await expect(page.getByText('A clinician has a question for you.')).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Read and answer it' }).click()
    await expect(
      page.getByRole('region', { name: 'A question from the clinic' }).getByText(question),
    ).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Your answer').fill('Nothing at all, only cheap earrings.')
    await page.getByRole('button', { name: 'Send my answer' }).click()
    await expect(page.getByRole('status')).toContainText('We have sent your answer to the clinic.')
    await expect(page.getByText('Nothing at all, only cheap earrings.')).toBeVisible()
    await expectAccessible(page)

    // They change their answers too: the rules run again; the booking stays pending.
    await page.getByRole('link', { name: 'Change my answers' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Change your health answers' }),
    ).toBeVisible()
    // Their answers are filled in, exactly as given.
    const areas = page.getByRole('group', { name: 'Where would you like the treatment?' })
    await expect(areas.getByLabel('Face, but not around the eyes')).toBeChecked()
    await expect(areas.getByLabel('Around the eyes', { exact: true })).not.toBeChecked()
    const allergies = page.getByRole('group', { name: 'Are you allergic to any of these?' })
    const nickel = allergies.getByLabel('Nickel, for example a rash from cheap jewellery')
    await expect(nickel).toBeChecked()
    await expect(allergies.getByLabel('None of these')).not.toBeChecked()
    await nickel.uncheck()
    await answerHealthQuestions(page, {}, 'Save my answers')
    await expect(page.getByRole('status')).toContainText('We have saved your new answers.')
    await expect(page.getByRole('status')).toContainText('A clinician will check them')
    await expectAccessible(page)
  })

  test('another patient, proved for their own booking only, gets a 404 for these answers', async ({
    page,
  }) => {
    // Both bookings are set up through the wizard without checking each page again: the tests
    // above check those pages; this one is about who may open what.
    const first = { name: uniqueName('Elisa'), email: uniqueEmail('first'), practitioner: MARCO }
    const reference = await bookSkinBoostAsPatient(page, first)
    await page.context().clearCookies()
    const other = { name: uniqueName('Bruno'), email: uniqueEmail('other'), practitioner: MARCO }
    await bookSkinBoostAsPatient(page, other)
    const response = await page.goto(`/bookings/${reference}/screening`)
    expect(response?.status()).toBe(404)
    await expect(
      page.getByRole('heading', { level: 1, name: 'We could not find that booking' }),
    ).toBeVisible()
    await expectAccessible(page)
    const update = await page.goto(`/bookings/${reference}/screening/update`)
    expect(update?.status()).toBe(404)
  })
})

test.describe('screening for staff', () => {
  test('an admin publishes a new rule-set version and sees it in the history', async ({
    page,
    login,
  }) => {
    await login('doctorAdmin')
    await page.goto('/admin')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Screening rules' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Screening rules' })).toBeVisible()
    await expectAccessible(page)
    const tan = page.getByLabel('Wait after a tan or self-tan (days)')
    const current = Number(await tan.inputValue())
    const next = current === 14 ? 15 : 14
    await tan.fill(String(next))
    await page.getByLabel('Keloid or raised scar tendency: not eligible').check()
    await page.getByLabel('Why are you changing the rules? (optional)').fill('Clinic meeting')
    const publish = page.getByRole('button', { name: /Publish version \d+/ })
    const label = await publish.textContent()
    await publish.click()
    await expect(page.getByRole('status')).toContainText('Published')
    const version = Number(/\d+/.exec(label!)![0])
    const row = page.getByRole('row', { name: new RegExp(`^${version} \\(in use\\)`) })
    await expect(row).toContainText(`Wait after a tan or self-tan: ${current} → ${next} days`)
    await expect(row).toContainText('Clinic meeting')
    await expectAccessible(page)

    // The same settings again: nothing to publish.
    await page.getByRole('button', { name: `Publish version ${version + 1}` }).click()
    await expect(page.getByText(`Nothing has changed since version ${version}`)).toBeVisible()
    await expectAccessible(page)

    // Put keloid back to review for the other tests.
    await page.getByLabel('Keloid or raised scar tendency: not eligible').uncheck()
    await page.getByRole('button', { name: `Publish version ${version + 1}` }).click()
    await expect(page.getByRole('status')).toContainText('Published')
  })

  test('only clinicians review; only admins change the rules', async ({ page, login }) => {
    await login('admin')
    const queue = await page.goto('/staff/reviews')
    expect(queue?.status()).toBe(403)
    await expectAccessible(page)
    await page.context().clearCookies()
    await login('nurse')
    const rules = await page.goto('/admin/screening')
    expect(rules?.status()).toBe(403)
    await expectAccessible(page)
    const missing = await page.goto('/staff/reviews/00000000-0000-4000-8000-000000000000')
    expect(missing?.status()).toBe(404)
    const junk = await page.goto('/staff/reviews/not-a-booking')
    expect(junk?.status()).toBe(404)
    await expectAccessible(page)
  })
})

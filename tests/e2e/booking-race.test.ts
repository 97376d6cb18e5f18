import { request as playwrightRequest } from '@playwright/test'
import { expect, openE2eDb, test } from '../playwright-utils.ts'

const ATTEMPTS = 50

test('50 patients asking for one slot at once get exactly one hold; the rest hear it was just taken', async ({
  baseURL,
}) => {
  const db = openE2eDb()
  const { id: serviceId } = db.prepare("SELECT id FROM services WHERE slug = 'eye-neck'").get() as {
    id: string
  }
  db.close()

  const contexts = await Promise.all(
    // Plain HTTP clients send no Accept-Language, so they would get the clinic's default
    // (Italian); the test reads the English answers.
    Array.from({ length: ATTEMPTS }, () =>
      playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { 'Accept-Language': 'en' } }),
    ),
  )
  try {
    for (const context of contexts) {
      const started = await context.post('/book', { form: { serviceId }, maxRedirects: 0 })
      expect(started.status()).toBe(302)
      // The questions page shows the privacy notice; its version goes back with the answers.
      const questions = await (await context.get('/book/screening/questions')).text()
      const privacyNoticeVersionId = /name="privacyNoticeVersionId" value="([^"]+)"/.exec(
        questions,
      )?.[1]
      expect(privacyNoticeVersionId).toBeTruthy()
      // Nothing to flag in the health questions (a post, as the form sends without JavaScript).
      const screened = await context.post('/book/screening/questions', {
        form: {
          privacyNoticeVersionId: privacyNoticeVersionId!,
          dateOfBirth: '1988-03-14',
          areas: 'neck',
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
      expect(screened.headers()['location']).toBe('/book/screening/result')
    }
    const page = await contexts[0]!.get('/book/time')
    const slot = /name="slot" value="([^"]+)"/.exec(await page.text())?.[1]
    expect(slot).toBeTruthy()

    const responses = await Promise.all(
      contexts.map((context) =>
        context.post('/book/time', { form: { slot: slot! }, maxRedirects: 0 }),
      ),
    )
    const statuses = responses.map((r) => r.status())
    expect(statuses.filter((s) => s === 302)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(ATTEMPTS - 1)
    const loser = responses.find((r) => r.status() === 409)!
    expect(await loser.text()).toContain('someone has just taken that time')

    const check = openE2eDb()
    const [practitionerId, startAt] = slot!.split('@') as [string, string]
    const { n } = check
      .prepare(
        "SELECT count(*) AS n FROM bookings WHERE practitioner_id = ? AND start_at = ? AND status = 'held'",
      )
      .get(practitionerId, Number(startAt)) as { n: number }
    check.close()
    expect(n).toBe(1)
  } finally {
    await Promise.all(contexts.map((context) => context.dispose()))
  }
})

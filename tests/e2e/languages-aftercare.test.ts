import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { type Page } from '@playwright/test'
import { type ReceivedEmail, waitForEmail } from '../mail-utils.ts'
import {
  E2E_DB,
  expect,
  expectAccessible,
  expectNoEnglish,
  ROOT,
  test,
} from '../playwright-utils.ts'
import { serverNow } from '../test-clock.ts'

const E2E_PORT = Number(process.env.E2E_PORT ?? 3101)
const HOUR = 3600_000
const DAY = 24 * HOUR
const WEEKDAY = '(lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)'
// Treatment names and kinds, tiers, depths, the date of birth: never in an email, in either language.
const HEALTH_WORDS =
  /needl|microneedl|medical|cosmetic|estetic|acne|scar|cicatric|smagliatur|collagen|\d\s?mm\b|depth|profondit|1988-03-14/i

/** The scheduler's clinical work at a chosen "now" (tests/support/clinical-clock.ts). */
function clinicalClock(...args: string[]): Record<string, unknown> {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'tests/support/clinical-clock.ts'), ...args],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_PATH: E2E_DB,
        SMTP_URL: `smtp://127.0.0.1:${E2E_PORT + 1000}`,
        APP_ORIGIN: `http://localhost:${E2E_PORT}`,
        LOG_LEVEL: 'silent',
        NODE_ENV: 'production',
      },
      encoding: 'utf8',
    },
  )
  return JSON.parse(out) as Record<string, unknown>
}

function expectNoHealthDetails(email: ReceivedEmail) {
  const words = (text: string) => text.replace(/token=[\w-]+/g, 'token=…')
  for (const text of [email.subject, email.text, email.html ?? ''])
    expect(words(text)).not.toMatch(HEALTH_WORDS)
}

/** An Italian email: Italian frame, Italian advice, nothing marked as English. */
function expectItalianEmail(email: ReceivedEmail) {
  expect(email.html).toMatch(/<html[^>]* lang="it"/)
  expect(email.html).not.toContain('lang="en"')
  expect(email.text).not.toMatch(/Dear |Before your visit|Allow \d+ minutes|Phone /)
  expectNoHealthDetails(email)
}

async function expectItalianPage(page: Page, heading: string | RegExp) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'it')
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  await expectAccessible(page)
  await expectNoEnglish(page)
}

test.describe('an Italian patient’s booking page, aftercare plan and clinical emails @no-js', () => {
  test.use({ locale: 'it-IT' })
  test.describe.configure({ timeout: 120_000 })

  test('the advice before the visit, the healing timeline, the aftercare plan and the day-3 email speak Italian', async ({
    page,
  }) => {
    const email = `cura.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`
    // A medical face visit (60 minutes) booked on an Italian page: the booking records "it".
    const { reference, startAt } = clinicalClock(
      'book',
      email,
      String(serverNow().getTime()),
      'it',
    ) as { reference: string; startAt: number }

    // 48 hours before: the confirmation (queued at booking) and the reminder go out.
    clinicalClock('run', String(startAt - 48 * HOUR))
    const confirmation = await waitForEmail({
      to: email,
      subject: new RegExp(`^Prenotazione confermata: ${reference}$`),
    })
    expect(confirmation.text).toContain('Prima della visita:')
    expect(confirmation.text).toContain(
      '- Per 5 giorni prima, smetti di usare sulla zona retinolo, retinoidi, acidi (AHA, BHA) e scrub.',
    )
    expect(confirmation.text).toContain('- Calcola 60 minuti per la visita.')
    expect(confirmation.text).toMatch(/Prezzo: \d+,\d\d\s€, da pagare in clinica/)
    expect(confirmation.text).toMatch(new RegExp(`Quando: ${WEEKDAY} \\d+ \\p{L}+ 20\\d\\d`, 'u'))
    expectItalianEmail(confirmation)
    const reminder = await waitForEmail({ to: email, subject: /^Promemoria: / })
    expect(reminder.text).toContain('- Calcola 60 minuti per la visita.')
    expectItalianEmail(reminder)

    // The patient opens the link in the confirmation: the booking page, in Italian.
    const link = /https?:\/\/\S+\/bookings\/manage\?token=[A-Za-z0-9_-]+/.exec(
      confirmation.text,
    )?.[0]
    expect(link).toBeTruthy()
    await page.goto(new URL(link!).pathname + new URL(link!).search)
    await page.getByRole('button', { name: 'Apri la mia prenotazione' }).click()
    await expectItalianPage(page, `La tua prenotazione ${reference}`)
    await expect(page).toHaveTitle('La tua prenotazione | Dermadesk')
    const visit = page.getByRole('region', { name: 'La tua visita' })
    await expect(visit.getByText('Confermata', { exact: true })).toBeVisible()
    await expect(visit.getByText('Microneedling medico, viso', { exact: true })).toBeVisible()
    await expect(
      visit.getByText(
        new RegExp(
          `^${WEEKDAY} \\d{1,2} \\p{L}+ 20\\d\\d, \\d\\d:\\d\\d–\\d\\d:\\d\\d ora di Roma`,
          'u',
        ),
      ),
    ).toBeVisible()
    await expect(visit.getByRole('link', { name: 'Sposta a un altro orario' })).toBeVisible()
    await expect(
      visit.getByText(/^Puoi annullarla o spostarla online fino a \p{L}+ \d+ \p{L}+ 20\d\d alle/u),
    ).toBeVisible()
    const before = page.getByRole('region', { name: 'Prima della visita' })
    await expect(before).toContainText('Tieni la zona lontana dal sole forte.')
    await expect(before).toContainText('Calcola 60 minuti per la visita.')
    await expect(before).not.toContainText('Allow')
    await expect(page.getByRole('heading', { name: 'Il tuo consenso' })).toBeVisible()
    const after = page.getByRole('region', { name: 'Dopo il trattamento' })
    await expect(
      after.getByRole('img', {
        name: /^Disegno di come guarisce la pelle.*Dal giorno 4 al giorno 6, pellicine e piccole croste/,
      }),
    ).toBeVisible()
    await expect(after).toContainText('Chiamaci lo stesso giorno al +39 02 8295 4410 se:')
    await expect(
      page.getByRole('heading', { name: /How your skin heals|Before your visit|Your visit/ }),
    ).toHaveCount(0)

    // The full plan before the visit: no dates yet, the Italian timeline.
    await after
      .getByRole('link', { name: 'Leggi tutto il piano di cura, giorno per giorno' })
      .click()
    await expectItalianPage(page, 'Il tuo piano di cura')
    await expect(page).toHaveTitle('Il tuo piano di cura | Dermadesk')
    await expect(
      page.getByText(new RegExp(`^Il trattamento è ${WEEKDAY} \\d+ \\p{L}+ 20\\d\\d\\.`, 'u')),
    ).toBeVisible()
    const call = page.getByRole('region', { name: 'Quando chiamarci' })
    await expect(call.getByRole('link', { name: '+39 02 8295 4410' })).toBeVisible()
    await expect(call).toContainText('Vedi del pus o delle croste gialle')
    const timeline = page.getByRole('region', { name: 'Come guarisce la pelle' })
    // The picture's labels, short enough for their panels.
    await expect(timeline.locator('svg text', { hasText: 'Giorni 4–6' })).toHaveCount(1)
    await expect(timeline.locator('svg text', { hasText: 'Dal giorno 11' })).toHaveCount(1)
    await expect(timeline).toContainText('Ogni fase è su una pelle più chiara (sopra)')
    const days = page.getByRole('region', { name: 'Giorno per giorno: cosa fare e cosa evitare' })
    for (const stage of [
      'Giorno 0',
      'Dal giorno 1 al giorno 3',
      'Dal giorno 4 al giorno 6',
      'Dal giorno 7 al giorno 10',
      'Dal giorno 11',
    ])
      await expect(
        days.getByRole('heading', { level: 3, name: new RegExp(`^${stage}:`) }),
      ).toBeVisible()
    await expect(days.getByRole('heading', { level: 4, name: 'Cosa fare' }).first()).toBeVisible()
    await expect(days).toContainText('Non staccare, grattare o strofinare pellicine o croste.')
    await expect(page.getByRole('heading', { name: 'Le regole in breve' })).toBeVisible()

    // The clinician records the treatment; three days later the day-3 email comes, in Italian.
    const done = startAt + HOUR
    clinicalClock('complete', reference, String(done))
    clinicalClock('run', String(done + 3 * DAY))
    const day3 = await waitForEmail({
      to: email,
      subject: /^La tua pelle dopo il trattamento: giorno 3$/,
    })
    expect(day3.text).toContain(
      'Il rossore e il gonfiore scendono. Entro il giorno 3 sono quasi spariti.',
    )
    expect(day3.text).toContain('Usa la crema lenitiva ogni giorno.')
    expect(day3.text).toContain('Se qualcosa ti preoccupa, chiamaci al +39 02 8295 4410.')
    expect(day3.attachments).toEqual([])
    expectItalianEmail(day3)

    // The booking page now leads with the plan, and the plan has its dates.
    await page.getByRole('link', { name: 'Torna alla prenotazione' }).click()
    await expectItalianPage(page, `La tua prenotazione ${reference}`)
    const plan = page.getByRole('region', { name: 'Il tuo piano di cura' })
    await expect(plan).toContainText(new RegExp(`Hai fatto il trattamento ${WEEKDAY} `, 'u'))
    await expect(page.getByText('Fatta', { exact: true })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Prima della visita' })).toHaveCount(0)
    await plan.getByRole('link', { name: 'Apri il tuo piano di cura' }).click()
    await expectItalianPage(page, 'Il tuo piano di cura')
    await expect(
      page.getByText(/^Hai fatto il trattamento .+\. Segui questo piano finché la pelle/),
    ).toBeVisible()
    await expect(
      page.getByRole('heading', {
        level: 3,
        name: /^Dal giorno 4 al giorno 6: Pellicine e piccole croste \(da \p{L}+ \d+ \p{L}+ a \p{L}+ \d+ \p{L}+\)$/u,
      }),
    ).toBeVisible()
    await expect(
      page.getByRole('heading', { level: 3, name: /^Dal giorno 11: Nuovo collagene \(da / }),
    ).toBeVisible()
  })
})

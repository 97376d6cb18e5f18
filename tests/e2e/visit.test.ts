import { bookSkinBoostAsPatient, moveBookingToNow, uniqueEmail } from '../booking-utils.ts'
import { expect, expectAccessible, openE2eDb, test, signInAs } from '../playwright-utils.ts'

/**
 * The clinician at the visit: appointment detail, check-in, countersignature, the treatment record
 * (stopped above the depth limit; a product not approved for needling warned about and confirmed),
 * completion, a correction that leaves the first entry in place, and the patient's aftercare page
 * speaking to that treatment.
 */
test.describe('the visit', () => {
  test.describe.configure({ timeout: 120_000 })

  test('a clinician checks the patient in, countersigns, is stopped above the depth limit, and records the treatment', async ({
    page,
    browser,
    baseURL,
  }) => {
    const name = 'Elena Marchetti'
    const reference = await bookSkinBoostAsPatient(page, {
      name,
      email: uniqueEmail('visit'),
      practitioner: 'Marco Bianchi',
    })
    const clinician = await browser.newContext({ baseURL })
    const staff = await clinician.newPage()
    await signInAs(clinician, 'nurse')

    // Booked for a later day: check-in shows when it opens instead of a form that would refuse,
    // and a no-show cannot be recorded before the start time.
    const lookup = openE2eDb()
    const bookingIdBefore = lookup
      .prepare('SELECT id FROM bookings WHERE reference = ?')
      .pluck()
      .get(reference) as string
    lookup.close()
    await staff.goto(`/staff/bookings/${bookingIdBefore}`)
    await expect(staff.getByRole('button', { name: 'Check in' })).toBeDisabled()
    await expect(staff.getByRole('button', { name: 'Check in' })).toHaveAccessibleDescription(
      /^Check-in opens on .+, the day of the appointment\.$/,
    )
    await expect(staff.getByRole('button', { name: 'Mark as no-show' })).toHaveCount(0)
    await expect(staff.getByRole('list', { name: 'Where this visit stands' })).toHaveCSS(
      'list-style-type',
      'none',
    )
    await expectAccessible(staff)
    await staff.goto(`/staff/bookings/${bookingIdBefore}/check-in`)
    await expect(
      staff.getByText(/^Check-in opens on .+, the day of the appointment\.$/),
    ).toBeVisible()
    await expect(staff.getByRole('button', { name: 'Check in' })).toHaveCount(0)
    await expectAccessible(staff)

    const bookingId = moveBookingToNow(reference)

    await staff.goto(`/staff/bookings/${bookingId}`)
    await expect(staff.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible()
    await expect(staff.getByText('Screening: Clear')).toBeVisible()
    await expect(staff.getByText('Not checked in')).toBeVisible()
    await expect(staff.getByText('Check the patient in first.')).toBeVisible()
    await expect(staff.getByText('Countersign the consent first.')).toBeVisible()
    await expect(staff.getByRole('heading', { name: 'Health answers' })).toBeVisible()
    await expectAccessible(staff)

    // Check-in: the form asks for the identity check and whether anything changed.
    await staff.getByRole('link', { name: 'Check in', exact: true }).click()
    await expect(staff.getByRole('heading', { level: 1, name: `Check in ${name}` })).toBeVisible()
    await expectAccessible(staff)
    await staff.getByRole('button', { name: 'Check in' }).click()
    await expect(staff.getByText("Confirm that you checked the patient's identity.")).toBeVisible()
    await expectAccessible(staff)
    await staff.getByLabel('Checked a photo ID').check()
    await staff.getByLabel(new RegExp(`This is ${name}`)).check()
    await staff.getByLabel('Nothing has changed').check()
    await staff.getByRole('button', { name: 'Check in' }).click()
    await expect(staff.getByRole('status')).toHaveText('Checked in.')
    await expect(staff.getByText('Checked in', { exact: true })).toBeVisible()

    // Countersignature, on the consent page.
    await staff.getByRole('link', { name: 'Read and countersign the consent' }).click()
    // Staff pages speak to staff.
    await expect(
      staff.getByText('Not yet: countersign it below when you see the patient.'),
    ).toBeVisible()
    await expectAccessible(staff)
    await staff.getByLabel(/I have gone through this consent with the patient in person/).check()
    await staff.getByRole('button', { name: /Countersign/ }).click()
    await expect(staff.getByRole('status')).toContainText('Countersigned.')
    await staff.getByRole('link', { name: 'Back to the appointment' }).click()
    await expect(staff.getByText('Countersign the consent first.')).toHaveCount(0)

    // The treatment record: 0.6 mm is above the cosmetic skin boost's 0.5 mm.
    await staff.getByRole('link', { name: 'Record the treatment' }).click()
    await expect(
      staff.getByRole('heading', { level: 1, name: /Record the treatment/ }),
    ).toBeVisible()
    await expectAccessible(staff)
    await staff.getByRole('checkbox', { name: 'Cheeks' }).check()
    await staff.getByLabel('Depth at cheeks (mm)').fill('0.6')
    await staff.getByRole('checkbox', { name: 'Forehead' }).check()
    await staff.getByLabel('Depth at forehead (mm)').fill('0.25')
    await staff.getByLabel('Device').fill('Dermapen 4')
    await staff.getByLabel('Numbing cream').selectOption({ label: 'Lidocaine cream' })
    await staff.getByLabel('Minutes the cream was on').fill('30')
    await staff.getByLabel('2 – moderate, red like a sunburn').check()
    await staff.getByLabel('Pinpoint (expected end point)').check()
    await staff.getByLabel('Passes over each area').fill('3')
    // A product not approved for needling: the warning appears as soon as it is ticked.
    await staff.getByRole('checkbox', { name: 'Growth factors or PRP-like serum' }).check()
    await staff.getByRole('checkbox', { name: 'Sterile saline' }).check()
    await expect(
      staff.getByText('Not approved for use with needling: Growth factors or PRP-like serum.'),
    ).toBeVisible()
    await expect(staff.getByText(/can cause granulomas/)).toBeVisible()
    await staff.getByLabel('Aftercare product given').selectOption({ label: 'Hyaluronic acid gel' })
    await staff.getByLabel('Aftercare product name').fill('Hydra Calm gel')
    await staff.getByRole('button', { name: 'Save and complete the visit' }).click()
    // No lot number: refused beside the field, before anything else.
    await expect(staff.getByText('Enter the lot number of the single-use cartridge.')).toBeVisible()
    await staff.getByLabel('Cartridge lot number').fill('LOT-2026-118')
    await staff.getByRole('button', { name: 'Save and complete the visit' }).click()
    // The warning asks for a confirmation and a reason before anything is sent.
    await expect(
      staff.getByText('Say why you used a product not approved for needling.'),
    ).toBeVisible()
    await expectAccessible(staff)
    await staff.getByLabel('I read this warning, and this product was used').check()
    await staff
      .getByLabel('Why this product was used')
      .fill('Sterile single-use vial made for needling, doctor’s protocol.')
    await staff.getByRole('button', { name: 'Save and complete the visit' }).click()
    await expect(staff.getByText("Above this service's limit of 0.5 mm.")).toBeVisible()
    await expectAccessible(staff)
    const db = openE2eDb()
    const count = () =>
      (
        db
          .prepare('SELECT count(*) AS n FROM treatment_records WHERE booking_id = ?')
          .get(bookingId) as { n: number }
      ).n
    expect(count()).toBe(0)

    await staff.getByLabel('Depth at cheeks (mm)').fill('0.5')
    await staff.getByRole('button', { name: 'Save and complete the visit' }).click()
    await expect(staff.getByRole('status')).toContainText('Treatment recorded.')
    await expect(staff.getByText('Done', { exact: true })).toBeVisible()
    await expect(staff.getByText('Forehead 0.25 mm, Cheeks 0.5 mm')).toBeVisible()
    await expect(staff.getByText('Growth factors or PRP-like serum, Sterile saline')).toBeVisible()
    await expect(
      staff.getByText(/Warning confirmed\. Reason: Sterile single-use vial/),
    ).toBeVisible()
    await expect(staff.getByText('Hyaluronic acid gel: Hydra Calm gel')).toBeVisible()
    await expectAccessible(staff)
    expect(count()).toBe(1)
    expect(
      db.prepare('SELECT status, completed_at FROM bookings WHERE id = ?').get(bookingId),
    ).toMatchObject({ status: 'completed', completed_at: expect.any(Number) })

    // A correction is a second entry; the first stays, marked as replaced.
    await staff.getByRole('link', { name: 'Add a correction' }).click()
    await expect(staff.getByLabel('Cartridge lot number')).toHaveValue('LOT-2026-118')
    await expectAccessible(staff)
    await staff.getByLabel('Cartridge lot number').fill('LOT-2026-119')
    await staff.getByLabel('Notes (optional)').fill('Lot number typed wrong at first.')
    await staff.getByRole('button', { name: 'Save the correction' }).click()
    await expect(staff.getByRole('status')).toContainText('Correction added.')
    await expect(staff.getByText('Replaced by a correction')).toBeVisible()
    expect(count()).toBe(2)
    db.close()
    await clinician.close()

    // The patient's aftercare page speaks to this treatment: areas, depths, passes, products.
    await page.goto(`/bookings/${reference}/aftercare`)
    const yours = page.getByRole('region', { name: 'Your treatment' })
    await expect(yours).toBeVisible()
    await expect(yours.getByText('Cheeks: needles 0.5 mm deep')).toBeVisible()
    await expect(yours.getByText('Forehead: needles 0.25 mm deep')).toBeVisible()
    await expect(yours.getByText('3 times')).toBeVisible()
    await expect(yours.getByText('Growth factor serum, Sterile salt water (saline)')).toBeVisible()
    await expect(yours.getByText('Hyaluronic acid gel (Hydra Calm gel)')).toBeVisible()
    await expect(yours.getByText(/use only the aftercare product we gave you/)).toBeVisible()
    await expect(yours.getByText(/a serum can cause firm, itchy red bumps/)).toBeVisible()
    expect(page.url()).not.toMatch(/serum|gel|needl/i)
    await expectAccessible(page)
  })

  test('only clinicians open an appointment’s health records; an unknown one is a 404', async ({
    page,
    login,
    browser,
    baseURL,
  }) => {
    const unknown = '/staff/bookings/00000000-0000-4000-8000-000000000000'
    await page.goto(unknown)
    expect(page.url()).toContain('/login')
    await login('nurse')
    const missing = await page.goto(unknown)
    expect(missing?.status()).toBe(404)
    await expect(
      page.getByRole('heading', { level: 1, name: 'Appointment not found' }),
    ).toBeVisible()
    await expectAccessible(page)

    // An admin who is not a clinician opens no health record (the appointment itself they may
    // see, in the front desk's view: ADR 041).
    const adminContext = await browser.newContext({ baseURL })
    await signInAs(adminContext, 'admin')
    const forbidden = await adminContext.request.get(`${unknown}/screening`, { maxRedirects: 0 })
    expect(forbidden.status()).toBe(403)
    await adminContext.close()
  })
})

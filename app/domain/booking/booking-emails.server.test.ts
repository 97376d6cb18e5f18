import { describe, expect, test } from 'vitest'
import {
  type BookingEmailContext,
  bookingConfirmedEmail,
  cancellationEmail,
  mapLinkFor,
  WHAT_TO_BRING,
} from './booking-emails.server.ts'

function context(overrides: Partial<BookingEmailContext> = {}): BookingEmailContext {
  const startAt = new Date('2027-03-10T09:00:00Z')
  return {
    bookingId: '00000000-0000-4000-8000-000000000009',
    reference: 'DD-EMAIL1',
    status: 'confirmed',
    startAt,
    endAt: new Date(startAt.getTime() + 45 * 60_000),
    timeZone: 'Europe/Rome',
    isConsultation: false,
    tier: 'cosmetic',
    practitionerName: 'Marco Bianchi',
    patientName: 'Chiara Esposito',
    patientEmail: 'chiara@example.com',
    clinic: {
      name: 'Dermadesk Skin Clinic Milano',
      phone: '+39 02 8295 4410',
      email: 'hello@clinic.example',
      address: 'Via Dante 12, 20121 Milano',
    },
    priceCents: 18000,
    cancellationWindowHours: 48,
    manageUrl: 'https://clinic.example/bookings/manage?token=abc',
    sequence: 0,
    ...overrides,
  }
}

describe('booking emails', () => {
  test('the confirmation is branded, responsive HTML with a button, and a plain-text part', () => {
    const email = bookingConfirmedEmail(context())
    expect(email.html).toContain(
      '<meta name="viewport" content="width=device-width, initial-scale=1"',
    )
    expect(email.html).toContain('Dermadesk Skin Clinic Milano')
    // The main action is a button (a styled link) to the booking page.
    expect(email.html).toMatch(
      /<a href="https:\/\/clinic\.example\/bookings\/manage\?token=abc"[^>]*>/,
    )
    expect(email.text).toContain(
      'See, move or cancel your booking: https://clinic.example/bookings/manage?token=abc',
    )
    expect(email.text).not.toMatch(/<[a-z]/i)
  })

  test('the confirmation gives the address with a map link, the price, what to bring and the policy', () => {
    const email = bookingConfirmedEmail(context())
    expect(email.text).toContain(
      `Where: Via Dante 12, 20121 Milano (${mapLinkFor('Via Dante 12, 20121 Milano')})`,
    )
    expect(email.html).toContain(mapLinkFor('Via Dante 12, 20121 Milano').replace(/&/g, '&amp;'))
    expect(email.text).toContain('Price: €180.00, paid at the clinic')
    for (const item of WHAT_TO_BRING) expect(email.text).toContain(`- ${item}`)
    expect(email.text).toContain(
      'You can cancel or move your booking online, free of charge, until Monday, 8 March 2027 at 10:00 (48 hours before). After that, please call us on +39 02 8295 4410.',
    )
  })

  test('no treatment or health detail in any part', () => {
    for (const email of [
      bookingConfirmedEmail(context()),
      cancellationEmail(context(), { byClinic: true, reason: null }),
    ]) {
      for (const part of [email.subject, email.text, email.html])
        expect(part).not.toMatch(/skin boost|microneedl|needl|cosmetic|medical/i)
    }
  })
})

import { desc, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { stageOnDay, tierContent } from '#app/domain/clinical-content/tier-content.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { formatDateInZone } from '#app/utils/format.ts'
import { getDb } from '#db/client.server.ts'
import { bookingDrafts, bookings, clinicSettings, emailOutbox } from '#db/schema/index.ts'
import { insertBooking } from '#tests/factories/bookings.ts'
import {
  CLEAR_ANSWERS,
  firstFreeSlot,
  newPatientSession,
  PATIENT,
  patientActor,
  serviceIdBySlug,
  sessionAfter,
} from '#tests/support/booking-fixtures.ts'
import { passCheckAndSign, signingContext } from '#tests/support/consent-fixtures.ts'
import { submitDraftScreening } from './wizard/draft-screening.server.ts'
import { saveDraftDetails } from './wizard/details.server.ts'
import { startBookingDraft } from './wizard/draft.server.ts'
import { holdSlot } from './wizard/hold.server.ts'
import { verifyBookingEmail } from './wizard/verify.server.ts'
import {
  aftercareEmail,
  type BookingEmailContext,
  bookingConfirmedEmail,
  bookingLocale,
  bookingRescheduledEmail,
  cancellationEmail,
  loadBookingEmailContext,
  reminderEmail,
  verificationCodeEmail,
} from './booking-emails.server.ts'

/**
 * The patient's language goes from the page that started the booking to the draft, the booking,
 * and every email and calendar file about it (ADR 038), on the real migrated demo clinic.
 */

const NOW = new Date('2026-11-25T08:00:00Z')

function loadContext(bookingId: string, now: Date) {
  return getDb().transaction((tx) => loadBookingEmailContext(tx, bookingId, now))
}

function newestEmailTo(email: string, keyEnd: string) {
  const row = getDb()
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, email))
    .orderBy(desc(emailOutbox.createdAt))
    .all()
    .find((mail) => mail.dedupeKey.endsWith(keyEnd) || mail.dedupeKey.startsWith(keyEnd))
  if (!row) throw new Error(`No ${keyEnd} email to ${email}`)
  return row
}

/** Books medical-face (€250) through the wizard, started on a page in `locale`. */
async function bookIn(locale: Locale, email: string) {
  const session = newPatientSession(NOW)
  const started = startBookingDraft({
    session,
    serviceId: serviceIdBySlug('medical-face'),
    now: NOW,
    locale,
  })
  if (!started.ok) throw new Error('could not start a draft')
  const screened = submitDraftScreening({
    session,
    answers: CLEAR_ANSWERS,
    now: NOW,
    actor: patientActor,
  })
  if (!screened.ok) throw new Error(`screening failed: ${screened.reason}`)
  const slot = firstFreeSlot('medical-face', NOW)
  const held = holdSlot({ session, ...slot, now: NOW, actor: patientActor })
  if (!held.ok) throw new Error(`hold failed: ${held.reason}`)
  const saved = saveDraftDetails({
    session,
    details: { ...PATIENT, email },
    now: NOW,
    actor: patientActor,
  })
  if (!saved.ok) throw new Error(`details failed: ${saved.reason}`)
  const codeEmail = newestEmailTo(email, 'verification:')
  const code = /\b(\d{6})\b/.exec(codeEmail.textBody)?.[1]
  if (!code) throw new Error('No code in the email')
  const verified = verifyBookingEmail({ session, code, now: NOW, actor: patientActor })
  if (!verified.ok) throw new Error(`verify failed: ${JSON.stringify(verified)}`)
  const signed = await passCheckAndSign(
    signingContext(sessionAfter(session, verified.sessionToken, NOW), NOW),
  )
  const reference = signed.bookedReference
  if (!reference) throw new Error('not booked')
  const booking = getDb().select().from(bookings).where(eq(bookings.reference, reference)).get()!
  return { codeEmail, booking, confirmation: newestEmailTo(email, ':booked') }
}

describe('emails in the patient’s language', () => {
  test('a booking started in Italian is Italian: draft, booking, code, confirmation and calendar file', async () => {
    const email = 'giulia.rossi@example.com'
    const { codeEmail, booking, confirmation } = await bookIn('it', email)

    expect(getDb().select({ locale: bookingDrafts.locale }).from(bookingDrafts).get()).toEqual({
      locale: 'it',
    })
    expect(booking.locale).toBe('it')

    expect(codeEmail.subject).toBe('Il tuo codice email per Dermadesk Skin Clinic Milano')
    expect(codeEmail.textBody).toMatch(/^Il tuo codice è \d{6}$/m)
    expect(codeEmail.textBody).toMatch(/Vale per \d+ minuti\./)
    expect(codeEmail.htmlBody).toMatch(/<html[^>]* lang="it"/)

    const date = formatDateInZone(booking.startAt, 'Europe/Rome', 'it')
    expect(date).toMatch(
      /^(lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica) \d+ \w+ 20\d\d$/,
    )
    expect(confirmation.subject).toBe(`Prenotazione confermata: ${booking.reference}`)
    expect(confirmation.textBody).toContain(`Ciao ${PATIENT.fullName},`)
    expect(confirmation.textBody).toContain('Il tuo appuntamento è prenotato.')
    expect(confirmation.textBody).toContain(`Quando: ${date}, `)
    expect(confirmation.textBody).toContain('ora di Roma (Europe/Rome)')
    expect(confirmation.textBody).toContain('Prezzo: 250,00\u00a0€, da pagare in clinica')
    expect(confirmation.textBody).toContain('Cosa portare:')
    expect(confirmation.textBody).toContain('Puoi annullare o spostare la prenotazione online')
    expect(confirmation.textBody).toContain(
      'Vedi, sposta o annulla la prenotazione: http://localhost',
    )
    expect(confirmation.textBody).toMatch(/^Telefono \+39/m)
    expect(confirmation.htmlBody).toMatch(/<html[^>]* lang="it"/)
    // The clinical advice is Italian too (the medical tier's, with the visit's length), so
    // nothing in the email is marked as another language.
    expect(confirmation.textBody).toContain('Prima della visita:')
    for (const line of tierContent('medical', 'it').preVisit)
      expect(confirmation.textBody).toContain(`- ${line}`)
    expect(confirmation.textBody).toMatch(/Calcola \d+ minuti per la visita\./)
    expect(confirmation.textBody).not.toContain('stop retinol')
    expect(confirmation.htmlBody).not.toContain('lang="en"')
    expect(confirmation.textBody).not.toMatch(/Dear |When:|Price:|Phone /)

    const ics = confirmation.icsContent!.replace(/\r\n\t/g, '')
    expect(ics).toContain('SUMMARY:Appuntamento da Dermadesk Skin Clinic Milano')
    expect(ics).toContain(
      `DESCRIPTION:Prenotazione ${booking.reference}. Gestisci la prenotazione:`,
    )
    expect(ics).toContain('DESCRIPTION:Domani hai un appuntamento in clinica')
    // Still no treatment or health detail anywhere.
    for (const text of [confirmation.subject, confirmation.textBody, confirmation.htmlBody!, ics])
      expect(text).not.toMatch(/microneedl|needl|viso|face|medical/i)
  })

  test('a booking started in English stays English, word for word', async () => {
    const email = 'john.smith@example.com'
    const { codeEmail, booking, confirmation } = await bookIn('en', email)
    expect(booking.locale).toBe('en')
    expect(codeEmail.subject).toBe('Your email code for Dermadesk Skin Clinic Milano')
    expect(codeEmail.textBody).toMatch(/^Your code is \d{6}$/m)
    expect(codeEmail.htmlBody).toMatch(/<html[^>]* lang="en"/)
    expect(confirmation.subject).toBe(`Booking confirmed: ${booking.reference}`)
    expect(confirmation.textBody).toContain('Price: €250.00, paid at the clinic')
    expect(confirmation.htmlBody).toMatch(/<html[^>]* lang="en"/)
    expect(confirmation.htmlBody).not.toContain('lang="it"')
    expect(confirmation.icsContent).toContain('SUMMARY:Appointment at Dermadesk Skin Clinic Milano')
    expect(confirmation.icsContent).toContain('DESCRIPTION:Clinic appointment tomorrow')

    // The same email as one built with no language at all (what every email was before).
    const context = loadContext(booking.id, NOW)
    const { locale: _, ...withoutLocale } = context
    // (The calendar file's DTSTAMP is the moment it is built.)
    const stamped = (mail: ReturnType<typeof bookingConfirmedEmail>) => ({
      ...mail,
      calendar: { ...mail.calendar!, content: mail.calendar!.content.replace(/DTSTAMP:\w+/, '') },
    })
    expect(stamped(bookingConfirmedEmail(context))).toEqual(
      stamped(bookingConfirmedEmail(withoutLocale)),
    )
  })

  test('a booking with no recorded language speaks the clinic’s default', () => {
    const { id } = insertBooking({
      practitioner: 'marco',
      service: 'skin-boost',
      startAt: new Date('2026-12-10T09:00:00Z'),
    })
    getDb().update(bookings).set({ locale: null }).where(eq(bookings.id, id)).run()
    // The demo clinic's default is Italian.
    expect(loadContext(id, NOW).locale).toBe('it')
    getDb().update(clinicSettings).set({ defaultLocale: 'en' }).run()
    expect(loadContext(id, NOW).locale).toBe('en')
  })

  test('a booking written without a language is English (as every booking was before)', () => {
    const { id } = insertBooking({
      practitioner: 'marco',
      service: 'skin-boost',
      startAt: new Date('2026-12-10T09:00:00Z'),
    })
    expect(getDb().select().from(bookings).where(eq(bookings.id, id)).get()?.locale).toBe('en')
  })
})

/** A Thursday-morning visit in Milan, for emails built without the database. */
function context(locale?: Locale): BookingEmailContext {
  const startAt = new Date('2027-03-11T09:00:00Z')
  return {
    bookingId: '00000000-0000-4000-8000-000000000011',
    reference: 'DD-LINGUA',
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
    priceCents: 25000,
    cancellationWindowHours: 48,
    manageUrl: 'https://clinic.example/bookings/manage?token=abc',
    sequence: 0,
    ...(locale ? { locale } : {}),
  }
}

describe('the language of one email', () => {
  test('no recorded language: the clinic’s default', () => {
    expect(bookingLocale(null, 'it')).toBe('it')
    expect(bookingLocale(null, 'en')).toBe('en')
    expect(bookingLocale('en', 'it')).toBe('en')
    expect(bookingLocale('it', 'en')).toBe('it')
  })

  test('Italian dates, times, prices and policy', () => {
    const email = bookingConfirmedEmail(context('it'))
    expect(email.subject).toBe('Prenotazione confermata: DD-LINGUA')
    expect(email.text).toContain(
      'Quando: giovedì 11 marzo 2027, 10:00–10:45 ora di Roma (Europe/Rome)',
    )
    expect(email.text).toContain('Prezzo: 250,00\u00a0€, da pagare in clinica')
    expect(email.text).toContain(
      'Puoi annullare o spostare la prenotazione online, gratis, fino a martedì 9 marzo 2027 alle 10:00 (48 ore prima). Dopo, chiamaci al +39 02 8295 4410.',
    )
  })

  test('moved, cancelled, reminder and aftercare emails are Italian too, their clinical advice included', () => {
    const moved = bookingRescheduledEmail(context('it'), new Date('2027-03-04T14:30:00Z'), 'e1')
    expect(moved.subject).toBe('Prenotazione spostata: DD-LINGUA')
    expect(moved.text).toContain(
      'Il tuo appuntamento di giovedì 4 marzo 2027 alle 15:30 è stato spostato.',
    )
    expect(moved.text).toContain('Nuovo orario: giovedì 11 marzo 2027')

    const cancelled = cancellationEmail(context('it'), { byClinic: true, reason: 'Sciopero' })
    expect(cancelled.subject).toBe('Prenotazione annullata: DD-LINGUA')
    expect(cancelled.text).toContain('Motivo: Sciopero')
    expect(cancelled.calendar?.content).toContain('METHOD:CANCEL')
    expect(cancelled.calendar?.content).toContain('SUMMARY:Appuntamento da')

    const reminder = reminderEmail(context('it'))
    expect(reminder.subject).toBe('Promemoria: il tuo appuntamento di giovedì 11 marzo 2027')
    expect(reminder.text).not.toContain('Quando:')
    expect(reminder.text).toContain('- Calcola 45 minuti per la visita.')
    for (const line of tierContent('cosmetic', 'it').preVisit)
      expect(reminder.text).toContain(`- ${line}`)
    expect(reminder.html).not.toContain('lang="en"')

    const aftercare = aftercareEmail(context('it'), 3)
    expect(aftercare.subject).toBe('La tua pelle dopo il trattamento: giorno 3')
    expect(aftercare.text).toContain('Se qualcosa ti preoccupa, chiamaci al +39 02 8295 4410.')
    const stage = stageOnDay('cosmetic', 3, 'it')
    expect(aftercare.text).toContain(stage.text)
    for (const line of stage.do) expect(aftercare.text).toContain(line)
    expect(aftercare.html).not.toContain('lang="en"')
    expect(aftercareEmail(context('en'), 3).subject).toBe('Your skin after the treatment: day 3')
  })

  test('the email code without a language is English, as before', () => {
    const input = {
      verificationId: 'v1',
      to: 'a@example.com',
      code: '123456',
      clinic: context().clinic,
      minutesValid: 15,
    }
    expect(verificationCodeEmail(input)).toEqual(verificationCodeEmail({ ...input, locale: 'en' }))
    expect(verificationCodeEmail({ ...input, locale: 'it' }).text).toContain(
      'Il tuo codice è 123456',
    )
  })
})

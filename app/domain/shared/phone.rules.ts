import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min'

/**
 * Phone numbers (docs/decisions/035-phone-numbers.md): stored in E.164 ("+393331234567") so the
 * clinic can dial and compare them, typed and shown as people write them. The clinic's country
 * is the country of its own phone number: a patient in Milan types "333 123 4567".
 */

export type PhoneCountry = CountryCode

/** The country of the clinic's own number, or undefined until it has a valid one. */
export function phoneCountryOf(clinicPhone: string): PhoneCountry | undefined {
  const parsed = parsePhoneNumberFromString(clinicPhone)
  return parsed?.isValid() ? parsed.country : undefined
}

/** A typed number in E.164, or null when it is not a number anyone could call. */
export function toE164(input: string, defaultCountry: PhoneCountry | undefined): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry)
  return parsed?.isValid() ? parsed.number : null
}

/**
 * A stored number as the clinic reads it: national format for numbers of the clinic's country
 * ("333 123 4567"), international for the rest ("+44 20 7946 0958"); as stored if unparsable.
 */
export function formatPhone(stored: string, clinicCountry: PhoneCountry | undefined): string {
  const parsed = parsePhoneNumberFromString(stored)
  if (!parsed) return stored
  return parsed.country && parsed.country === clinicCountry
    ? parsed.formatNational()
    : parsed.formatInternational()
}

/** The href of a link that dials the number. */
export function phoneHref(stored: string): string {
  return `tel:${parsePhoneNumberFromString(stored)?.number ?? stored.replace(/[^+\d]/g, '')}`
}

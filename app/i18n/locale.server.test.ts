import { describe, expect, test } from 'vitest'
import { languageCookie, localeFromAcceptLanguage, resolveLocale } from './locale.server.ts'

function request(url: string, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${url}`, { headers })
}

describe('resolveLocale', () => {
  test('the URL, then the cookie, then Accept-Language, then the clinic default', async () => {
    const cookie = await languageCookie.serialize('en')
    const both = { Cookie: cookie, 'Accept-Language': 'it-IT,it;q=0.9' }
    expect(await resolveLocale(request('/?lang=it', both), 'en')).toBe('it')
    expect(await resolveLocale(request('/', both), 'it')).toBe('en')
    expect(await resolveLocale(request('/', { 'Accept-Language': 'it-IT,en;q=0.5' }), 'en')).toBe(
      'it',
    )
    expect(await resolveLocale(request('/'), 'it')).toBe('it')
    expect(await resolveLocale(request('/'), 'en')).toBe('en')
  })

  test('a staff member’s profile language comes after the URL, before the cookie', async () => {
    const cookie = await languageCookie.serialize('en')
    const english = { Cookie: cookie, 'Accept-Language': 'en-US,en;q=0.9' }
    expect(await resolveLocale(request('/', english), 'en', 'it')).toBe('it')
    expect(await resolveLocale(request('/?lang=en', english), 'en', 'it')).toBe('en')
    expect(await resolveLocale(request('/', english), 'it', null)).toBe('en')
  })

  test('an unknown code anywhere falls through to the next source', async () => {
    const unknownCookie = await languageCookie.serialize('fr')
    const headers = { Cookie: unknownCookie, 'Accept-Language': 'fr-FR,de;q=0.8' }
    expect(await resolveLocale(request('/?lang=xx', headers), 'it')).toBe('it')
    const garbage = { Cookie: 'dermadesk_lang=%%%not-base64', 'Accept-Language': 'en' }
    expect(await resolveLocale(request('/?lang=', garbage), 'it')).toBe('en')
  })
})

describe('localeFromAcceptLanguage', () => {
  test.each([
    ['it-IT,it;q=0.9,en;q=0.8', 'it'],
    ['en-US,en;q=0.9', 'en'],
    ['de-CH, en-GB;q=0.5, it;q=0.4', 'en'],
    ['fr-FR,fr;q=0.9', null],
    ['', null],
    ['*;q=abc', null],
  ])('%j → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected)
  })
})

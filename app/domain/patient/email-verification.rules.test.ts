import { describe, expect, test } from 'vitest'
import {
  describeCodeProblem,
  otherAddressCodeMessage,
  tooManyCodesMessage,
} from './email-verification.rules.ts'

describe('what is said about an email code', () => {
  test('in Italian: tries left, in the singular and the plural, and the wait', () => {
    expect(describeCodeProblem({ ok: false, reason: 'wrong-code', attemptsLeft: 1 }, 'it')).toBe(
      'Il codice non è giusto. Ti resta 1 tentativo.',
    )
    expect(describeCodeProblem({ ok: false, reason: 'wrong-code', attemptsLeft: 3 }, 'it')).toBe(
      'Il codice non è giusto. Ti restano 3 tentativi.',
    )
    expect(describeCodeProblem({ ok: false, reason: 'expired' }, 'it')).toBe(
      'Il codice è scaduto. Chiedine uno nuovo qui sotto.',
    )
    expect(
      describeCodeProblem({ ok: false, reason: 'limited', retryAfterSeconds: 600 }, 'it'),
    ).toBe(
      'Per questo indirizzo sono stati scritti troppi codici sbagliati. Riprova tra circa 10 minuti, oppure chiama la clinica.',
    )
    expect(tooManyCodesMessage(3 * 3600, 'it')).toBe(
      'Ti abbiamo già mandato diversi codici. Riprova tra circa 3 ore, oppure chiama la clinica.',
    )
    expect(otherAddressCodeMessage('it')).toBe(
      'Questo codice è stato mandato a un altro indirizzo. Chiedine uno nuovo qui sotto.',
    )
  })

  test('in English, as before', () => {
    expect(describeCodeProblem({ ok: false, reason: 'wrong-code', attemptsLeft: 1 })).toBe(
      'That code is not right. You have 1 try left.',
    )
    expect(describeCodeProblem({ ok: false, reason: 'wrong-code', attemptsLeft: 4 })).toBe(
      'That code is not right. You have 4 tries left.',
    )
    expect(describeCodeProblem({ ok: false, reason: 'no-code' })).toBe(
      'There is no code waiting for this page. Ask for a new one below.',
    )
    expect(describeCodeProblem({ ok: false, reason: 'limited', retryAfterSeconds: 30 })).toBe(
      'Too many wrong codes have been typed for this address. Please try again in a minute, or call the clinic.',
    )
    expect(tooManyCodesMessage(600)).toBe(
      'We have sent several codes already. Please try again in about 10 minutes, or call the clinic.',
    )
  })
})

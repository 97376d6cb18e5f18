import { describe, expect, test } from 'vitest'
import {
  base32Encode,
  groupForReading,
  isUnusedStep,
  MFA_THROTTLE,
  normalizeRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  recoveryCodeFromBytes,
  recoveryCodesDocument,
  staffAccess,
  totpStepAt,
} from './mfa.rules.ts'
import { addFailure, checkThrottle, type ThrottleState } from './throttle.rules.ts'

const MINUTE = 60_000

describe('TOTP time steps', () => {
  test('a step is 30 seconds, counted from the Unix epoch', () => {
    expect(totpStepAt(0)).toBe(0)
    expect(totpStepAt(29_999)).toBe(0)
    expect(totpStepAt(30_000)).toBe(1)
    // RFC 6238 appendix B test time 1111111109 s → T = 0x23523EC.
    expect(totpStepAt(1_111_111_109_000)).toBe(0x23523ec)
  })

  test('a step is usable once: never the last used one, never an earlier one', () => {
    expect(isUnusedStep(100, null)).toBe(true)
    expect(isUnusedStep(101, 100)).toBe(true)
    expect(isUnusedStep(100, 100)).toBe(false)
    expect(isUnusedStep(99, 100)).toBe(false)
  })
})

describe('base32 (RFC 4648 test vectors, no padding)', () => {
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ]
  test.each(vectors)('%j → %s', (input, output) => {
    expect(base32Encode(new TextEncoder().encode(input))).toBe(output)
  })

  test('a 20-byte seed is 32 characters', () => {
    expect(base32Encode(new Uint8Array(20).fill(255))).toBe('7'.repeat(32))
  })

  test('keys are grouped by four for reading', () => {
    expect(groupForReading('ABCDEFGHIJ')).toBe('ABCD EFGH IJ')
  })
})

describe('recovery codes', () => {
  test('12 symbols from the unambiguous alphabet, shown in three groups', () => {
    const bytes = Uint8Array.from({ length: 12 }, (_, i) => i * 23)
    const code = recoveryCodeFromBytes(bytes)
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    for (const symbol of code.replace(/-/g, '')) expect(RECOVERY_CODE_ALPHABET).toContain(symbol)
    expect(code).not.toMatch(/[ILOU]/)
  })

  test('every byte value maps evenly onto the 32 symbols (no modulo bias)', () => {
    const counts = new Map<string, number>()
    for (let byte = 0; byte < 256; byte++) {
      const symbol = recoveryCodeFromBytes(new Uint8Array(12).fill(byte))[0]!
      counts.set(symbol, (counts.get(symbol) ?? 0) + 1)
    }
    expect(counts.size).toBe(32)
    expect(new Set(counts.values())).toEqual(new Set([8]))
  })

  test('needs exactly 12 random bytes', () => {
    expect(() => recoveryCodeFromBytes(new Uint8Array(11))).toThrow(RangeError)
  })

  test('what people type is read forgivingly: case, spaces, dashes, O for 0, I and L for 1', () => {
    expect(normalizeRecoveryCode('7kq4-m2xd-9pfa')).toBe('7KQ4M2XD9PFA')
    expect(normalizeRecoveryCode(' 7KQ4 M2XD 9PFA ')).toBe('7KQ4M2XD9PFA')
    expect(normalizeRecoveryCode('O1IL-0000-0000')).toBe('011100000000')
  })

  test('anything else is not a code', () => {
    expect(normalizeRecoveryCode('7KQ4-M2XD-9PF')).toBeNull()
    expect(normalizeRecoveryCode('7KQ4-M2XD-9PFAA')).toBeNull()
    expect(normalizeRecoveryCode('7KQ4-M2XD-9PFU')).toBeNull()
    expect(normalizeRecoveryCode('')).toBeNull()
  })

  test('the download lists every code, numbered, and nothing secret besides them', () => {
    const text = recoveryCodesDocument({
      codes: ['AAAA-BBBB-CCCC', 'DDDD-EEEE-FFFF'],
      accountEmail: 'nurse@example.com',
      clinicName: 'Clinic',
      createdAt: 'today',
    })
    expect(text).toContain(' 1. AAAA-BBBB-CCCC')
    expect(text).toContain(' 2. DDDD-EEEE-FFFF')
    expect(text).toContain('nurse@example.com')
    expect(text.split('\n').slice(0, 5)).toEqual([
      'Clinic: recovery codes for nurse@example.com',
      'Created today',
      '',
      'Each code signs you in once if you cannot use your authenticator app.',
      'Keep them somewhere safe and private. Making new codes cancels these.',
    ])
  })

  test('the download speaks the staff member’s language', () => {
    const text = recoveryCodesDocument(
      {
        codes: ['AAAA-BBBB-CCCC'],
        accountEmail: 'nurse@example.com',
        clinicName: 'Clinica',
        createdAt: 'lunedì 7 dicembre 2026, 10:00',
      },
      'it',
    )
    expect(text).toBe(
      [
        'Clinica: codici di recupero per nurse@example.com',
        'Creati il lunedì 7 dicembre 2026, 10:00',
        '',
        'Ogni codice ti fa accedere una volta, se non puoi usare l’app di autenticazione.',
        'Tienili in un posto sicuro e privato. Se crei nuovi codici, questi non valgono più.',
        '',
        ' 1. AAAA-BBBB-CCCC',
        '',
      ].join('\n'),
    )
  })
})

describe('second-factor attempt limit (goal A6)', () => {
  function fail(times: number, spacingMs: number): ThrottleState | undefined {
    let state: ThrottleState | undefined
    for (let i = 0; i < times; i++) state = addFailure(state, i * spacingMs, MFA_THROTTLE)
    return state
  }

  test('4 wrong codes leave the door open; the 5th within 5 minutes closes it', () => {
    expect(checkThrottle(fail(4, 10_000), 40_000)).toEqual({ blocked: false })
    expect(checkThrottle(fail(5, 10_000), 41_000).blocked).toBe(true)
  })

  test('5 wrong codes spread over more than 5 minutes do not block', () => {
    expect(checkThrottle(fail(5, 80_000), 5 * 80_000)).toEqual({ blocked: false })
  })

  test('the block ends after 15 minutes', () => {
    const state = fail(5, 1000)
    expect(checkThrottle(state, 4000 + 15 * MINUTE - 1).blocked).toBe(true)
    expect(checkThrottle(state, 4000 + 15 * MINUTE)).toEqual({ blocked: false })
  })
})

describe('where a staff session may go (goal A5)', () => {
  test('an enrolled user needs the second factor on this session', () => {
    for (const mfaRequired of [true, false]) {
      expect(staffAccess({ authLevel: 'password', mfaEnrolled: true, mfaRequired })).toBe(
        'needs-second-factor',
      )
      expect(staffAccess({ authLevel: 'mfa', mfaEnrolled: true, mfaRequired })).toBe('full')
    }
  })

  test('where two-factor is required, a user without it must set it up first', () => {
    expect(staffAccess({ authLevel: 'password', mfaEnrolled: false, mfaRequired: true })).toBe(
      'needs-enrolment',
    )
    // Turning it off must not leave a full session behind.
    expect(staffAccess({ authLevel: 'mfa', mfaEnrolled: false, mfaRequired: true })).toBe(
      'needs-enrolment',
    )
  })

  test('where it is optional, the password is enough for a user without it', () => {
    expect(staffAccess({ authLevel: 'password', mfaEnrolled: false, mfaRequired: false })).toBe(
      'full',
    )
  })
})

import { describe, expect, test } from 'vitest'
import { toEncodableText, wrapText } from './pdf-text.rules.ts'

/** Latin-1 printable: what WinAnsi mostly covers (the real set comes from the font). */
const LATIN1 = new Set<number>([
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i),
  ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => 0xa0 + i),
  0x2013,
  0x2014,
  0x2022,
])

describe('toEncodableText', () => {
  test('keeps what the font has (é, ü, ñ, ø, ß)', () => {
    expect(toEncodableText('José Müller Niño Øre Straße', LATIN1)).toBe(
      'José Müller Niño Øre Straße',
    )
  })

  test('transliterates what it lacks, drops controls and invisible marks', () => {
    expect(toEncodableText('Łukasz Dvořák-Đurić', LATIN1)).toBe('Lukasz Dvorák-Duric')
    expect(toEncodableText('Ana\u200b\u202e Maria\u0007', LATIN1)).toBe('Ana Maria')
    expect(toEncodableText('a\tb', LATIN1)).toBe('a b')
  })

  test('what has no Latin form becomes "?"', () => {
    expect(toEncodableText('Иван 李', LATIN1)).toBe('???? ?')
  })
})

describe('wrapText', () => {
  const width = (s: string) => s.length

  test('wraps at spaces without exceeding the width', () => {
    expect(wrapText('the quick brown fox jumps', 10, width)).toEqual([
      'the quick',
      'brown fox',
      'jumps',
    ])
  })

  test('cuts a word longer than a line, keeps paragraphs', () => {
    expect(wrapText('0123456789abcdef\nend', 6, width)).toEqual(['012345', '6789ab', 'cdef', 'end'])
  })
})

import { expect, test } from 'vitest'
import { formatNumber, renderTable } from './table.ts'

test('numbers keep digits that mean something', () => {
  expect(formatNumber(1999)).toBe('1,999')
  expect(formatNumber(1)).toBe('1')
  expect(formatNumber(1234.5)).toBe('1,235')
  expect(formatNumber(123.4)).toBe('123')
  expect(formatNumber(12.34)).toBe('12.3')
  expect(formatNumber(1.234)).toBe('1.23')
  expect(formatNumber(0.01234)).toBe('0.012')
  expect(formatNumber(null)).toBe('–')
  expect(formatNumber(Number.NaN)).toBe('–')
})

test('columns line up; numbers right, words left', () => {
  const table = renderTable(
    ['name', 'n'],
    [
      ['a', 5],
      ['long name', 1500],
    ],
  )
  expect(table.split('\n')).toEqual([
    'name       n',
    '---------  -----',
    'a              5',
    'long name  1,500',
  ])
})

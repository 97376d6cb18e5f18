import { describe, expect, test } from 'vitest'
import { mergeRefusal, recordsOf, survivorOf } from './patient-merge.rules.ts'

const record = (id: string, mergedIntoPatientId: string | null = null) => ({
  id,
  mergedIntoPatientId,
})

describe('when a merge is refused', () => {
  test('two records never merged may be merged', () => {
    expect(mergeRefusal(record('a'), record('b'))).toBeNull()
  })
  test('a record with itself', () => {
    expect(mergeRefusal(record('a'), record('a'))).toBe('same-record')
  })
  test('a duplicate already merged, into this survivor or another', () => {
    expect(mergeRefusal(record('a'), record('b', 'a'))).toBe('duplicate-merged')
    expect(mergeRefusal(record('a'), record('b', 'c'))).toBe('duplicate-merged')
  })
  test('a survivor that was itself merged', () => {
    expect(mergeRefusal(record('a', 'c'), record('b'))).toBe('survivor-merged')
  })
})

describe('following merges', () => {
  const links = new Map([
    ['b', 'a'],
    ['c', 'b'],
    ['e', 'd'],
  ])
  test('a record never merged is its own survivor', () => {
    expect(survivorOf('a', links)).toBe('a')
    expect(survivorOf('z', links)).toBe('z')
  })
  test('a chain of merges ends at the last survivor', () => {
    expect(survivorOf('b', links)).toBe('a')
    expect(survivorOf('c', links)).toBe('a')
    expect(survivorOf('e', links)).toBe('d')
  })
  test('the survivor holds every record merged into it, directly or not', () => {
    expect(recordsOf('a', links)).toEqual(['a', 'b', 'c'])
    expect(recordsOf('d', links)).toEqual(['d', 'e'])
    expect(recordsOf('z', links)).toEqual(['z'])
  })
  test('a cycle (which mergeRefusal never lets happen) does not loop', () => {
    const cycle = new Map([
      ['a', 'b'],
      ['b', 'a'],
    ])
    expect(['a', 'b']).toContain(survivorOf('a', cycle))
  })
})

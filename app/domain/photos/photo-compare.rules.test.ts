import { describe, expect, test } from 'vitest'
import {
  type ComparedPhoto,
  defaultPair,
  findGroup,
  groupPhotos,
  latestBeforeAfter,
  pickPair,
} from './photo-compare.rules.ts'
import { parsePhotoCompareQuery } from './photo-compare.schema.ts'

const DAY = 24 * 3600_000
const START = Date.UTC(2026, 9, 5, 8)

let next = 0
function photo(input: Partial<ComparedPhoto> & { visit: number }): ComparedPhoto {
  next += 1
  const visitStartAt = START + input.visit * 35 * DAY
  return {
    id: `photo-${String(next).padStart(2, '0')}`,
    area: 'cheeks',
    view: 'front',
    stage: 'before',
    bookingId: `booking-${input.visit}`,
    visitStartAt,
    takenAt: visitStartAt + (input.stage === 'after' ? 3000_000 : 60_000),
    timeZone: 'Europe/Rome',
    courseSessionNumber: input.visit + 1,
    courseSessions: 3,
    width: 600,
    height: 800,
    ...input,
  }
}

describe('grouping photos by area and view', () => {
  test('groups follow the list order of areas and views; photos go by visit, before first', () => {
    const after0 = photo({ visit: 0, stage: 'after' })
    const before1 = photo({ visit: 1 })
    const before0 = photo({ visit: 0 })
    const neck = photo({ visit: 0, area: 'neck' })
    const profile = photo({ visit: 0, view: 'left_profile' })
    const forehead = photo({ visit: 1, area: 'forehead' })
    const groups = groupPhotos([after0, before1, neck, before0, profile, forehead])
    expect(groups.map((g) => `${g.area}/${g.view}`)).toEqual([
      'forehead/front',
      'cheeks/front',
      'cheeks/left_profile',
      'neck/front',
    ])
    expect(groups[1]!.photos).toEqual([before0, after0, before1])
    expect(groups[1]!.visits).toBe(2)
    expect(findGroup(groups, 'cheeks', 'left_profile')!.photos).toEqual([profile])
    expect(findGroup(groups, 'cheeks', 'close_up')).toBeNull()
    expect(findGroup(groups, undefined, 'front')).toBeNull()
  })

  test('no photos, no groups', () => {
    expect(groupPhotos([])).toEqual([])
  })
})

describe('the pair to compare', () => {
  test('by default the first visit’s before against the latest visit’s after', () => {
    const photos = [
      photo({ visit: 0 }),
      photo({ visit: 0, stage: 'after' }),
      photo({ visit: 1 }),
      photo({ visit: 2 }),
      photo({ visit: 2, stage: 'after' }),
    ]
    const [group] = groupPhotos(photos)
    const pair = defaultPair(group!)!
    expect([pair.from, pair.to]).toEqual([photos[0], photos[4]])
  })

  test('without a before at the first visit or an after at the latest, their other photo', () => {
    const first = photo({ visit: 0, stage: 'after' })
    const last = photo({ visit: 1 })
    const [group] = groupPhotos([last, first])
    expect(defaultPair(group!)).toEqual({ from: first, to: last })
  })

  test('a single photo is both sides; an empty group has no pair', () => {
    const only = photo({ visit: 0 })
    expect(defaultPair(groupPhotos([only])[0]!)).toEqual({ from: only, to: only })
    expect(defaultPair({ area: 'cheeks', view: 'front', photos: [], visits: 0 })).toBeNull()
  })

  test('any two photos of the group may be picked, shown oldest first', () => {
    const photos = [photo({ visit: 0 }), photo({ visit: 1 }), photo({ visit: 2 })]
    const [group] = groupPhotos(photos)
    expect(pickPair(group!, { from: photos[2]!.id, to: photos[1]!.id })).toEqual({
      from: photos[1],
      to: photos[2],
    })
    // A pick that is not in the group (another area, a hand-edited link) falls back.
    expect(pickPair(group!, { from: 'elsewhere', to: photos[1]!.id })).toEqual({
      from: photos[0],
      to: photos[1],
    })
    expect(pickPair(group!, {})).toEqual({ from: photos[0], to: photos[2] })
  })
})

test('the chart shows each group’s latest before and latest after', () => {
  const photos = [photo({ visit: 0 }), photo({ visit: 0, stage: 'after' }), photo({ visit: 1 })]
  const [group] = groupPhotos(photos)
  expect(latestBeforeAfter(group!)).toEqual({ before: photos[2], after: photos[1] })
  const [onlyBefore] = groupPhotos([photos[0]!])
  expect(latestBeforeAfter(onlyBefore!)).toEqual({ before: photos[0], after: null })
})

test('the query keeps known areas, views and ids, and drops anything else', () => {
  const id = '0b7c3e1a-2f4d-4c6b-9a8e-1d2c3b4a5f60'
  expect(parsePhotoCompareQuery(`http://x/?area=cheeks&view=front&from=${id}&to=${id}`)).toEqual({
    area: 'cheeks',
    view: 'front',
    from: id,
    to: id,
  })
  expect(
    parsePhotoCompareQuery('http://x/?area=elbow&view=%3Cscript%3E&from=1%20OR%201&to='),
  ).toEqual({ area: undefined, view: undefined, from: undefined, to: undefined })
  expect(parsePhotoCompareQuery('http://x/')).toEqual({})
})

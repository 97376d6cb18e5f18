import { TREATMENT_AREAS, type TreatmentArea } from '#app/domain/treatment/treatment.schema.ts'
import { PHOTO_VIEWS, type PhotoStage, type PhotoView } from './photo.constants.ts'

/**
 * Comparing one patient's clinical photos across a course (issue 18): the photos of one treated
 * area and standard view, visit by visit, and the pair a clinician usually compares (the first
 * visit's "before" against the latest visit's "after"). Pure functions, client-safe.
 */

/** One visible photo, with the visit it was taken at. */
export type ComparedPhoto = {
  id: string
  area: TreatmentArea
  view: PhotoView
  stage: PhotoStage
  takenAt: number
  bookingId: string
  /** The visit's start, and the zone its date is read in (the clinic's). */
  visitStartAt: number
  timeZone: string
  /** The visit's place in its course: "session 2 of 3" (bookings.course_session_number). */
  courseSessionNumber: number
  courseSessions: number
  /** The display file's size in pixels. */
  width: number
  height: number
}

export type PhotoGroup = {
  area: TreatmentArea
  view: PhotoView
  /** Ordered by visit, "before" ahead of "after" within a visit, then by when each was taken. */
  photos: ComparedPhoto[]
  /** How many visits have a photo in this group. */
  visits: number
}

const STAGE_ORDER: Record<PhotoStage, number> = { before: 0, after: 1 }

/** Visit order, then before ahead of after, then the order they were taken in. */
export function comparePhotoOrder(a: ComparedPhoto, b: ComparedPhoto): number {
  return (
    a.visitStartAt - b.visitStartAt ||
    a.bookingId.localeCompare(b.bookingId) ||
    STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage] ||
    a.takenAt - b.takenAt ||
    a.id.localeCompare(b.id)
  )
}

/** Groups photos by area and view, in the order areas and views are listed everywhere else. */
export function groupPhotos(photos: readonly ComparedPhoto[]): PhotoGroup[] {
  const groups = new Map<string, ComparedPhoto[]>()
  for (const photo of photos) {
    const key = `${photo.area}/${photo.view}`
    groups.set(key, [...(groups.get(key) ?? []), photo])
  }
  return [...groups.values()]
    .map((members) => {
      const sorted = [...members].sort(comparePhotoOrder)
      return {
        area: sorted[0]!.area,
        view: sorted[0]!.view,
        photos: sorted,
        visits: new Set(sorted.map((photo) => photo.bookingId)).size,
      }
    })
    .sort(
      (a, b) =>
        TREATMENT_AREAS.indexOf(a.area) - TREATMENT_AREAS.indexOf(b.area) ||
        PHOTO_VIEWS.indexOf(a.view) - PHOTO_VIEWS.indexOf(b.view),
    )
}

export type PhotoPair = { from: ComparedPhoto; to: ComparedPhoto }

/**
 * The usual comparison: the first visit's "before" (or its first photo) against the latest
 * visit's "after" (or its last photo). With one photo only, both sides are that photo.
 */
export function defaultPair(group: PhotoGroup): PhotoPair | null {
  const { photos } = group
  if (!photos.length) return null
  const first = photos[0]!
  const last = photos[photos.length - 1]!
  const firstVisit = photos.filter((photo) => photo.bookingId === first.bookingId)
  const lastVisit = photos.filter((photo) => photo.bookingId === last.bookingId)
  return {
    from: firstVisit.find((photo) => photo.stage === 'before') ?? first,
    to: lastVisit.findLast((photo) => photo.stage === 'after') ?? last,
  }
}

/**
 * The two photos to show: the ones picked when both belong to the group (a stale pick, e.g. from
 * another area, falls back side by side), else the usual pair. Shown oldest on the left.
 */
export function pickPair(
  group: PhotoGroup,
  picked: { from?: string | null; to?: string | null },
): PhotoPair | null {
  const usual = defaultPair(group)
  if (!usual) return null
  const byId = (id?: string | null) => group.photos.find((photo) => photo.id === id)
  const from = byId(picked.from) ?? usual.from
  const to = byId(picked.to) ?? usual.to
  return comparePhotoOrder(from, to) <= 0 ? { from, to } : { from: to, to: from }
}

/** The group of an area and view, when it has photos. */
export function findGroup(
  groups: readonly PhotoGroup[],
  area: string | null | undefined,
  view: string | null | undefined,
): PhotoGroup | null {
  return groups.find((group) => group.area === area && group.view === view) ?? null
}

/** For the chart and the appointment: each group's latest "before" and latest "after". */
export function latestBeforeAfter(group: PhotoGroup): {
  before: ComparedPhoto | null
  after: ComparedPhoto | null
} {
  return {
    before: group.photos.findLast((photo) => photo.stage === 'before') ?? null,
    after: group.photos.findLast((photo) => photo.stage === 'after') ?? null,
  }
}

import { and, count, eq, inArray, not } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { seesHealthDetails, type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { auditActorOf, type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { mergedInto, patientRecordIds } from '#app/domain/patients/patient-merge.server.ts'
import { type Db, getDb } from '#db/client.server.ts'
import { bookings, clinicalPhotos, patients, services } from '#db/schema/index.ts'
import {
  type ComparedPhoto,
  findGroup,
  groupPhotos,
  latestBeforeAfter,
  type PhotoGroup,
  type PhotoPair,
  pickPair,
} from './photo-compare.rules.ts'
import { type PhotoCompareQuery } from './photo-compare.schema.ts'
import { photoIsVisible } from './photo-visibility.server.ts'

/**
 * The read side of clinical photos (issue 18): one patient's visible photos (every record merged
 * into theirs included), grouped by area and view, for the compare page, its PDF, and the photos
 * section of the chart and the appointment. Clinicians only, here as on the routes: any other
 * viewer gets nothing. Every read filters with photoIsVisible(); photos hidden after a withdrawal
 * are only counted.
 */

type PhotoRow = ComparedPhoto & { displayKey: string; thumbKey: string }

function visiblePhotos(db: Db, recordIds: readonly string[]): PhotoRow[] {
  if (!recordIds.length) return []
  return db
    .select({
      id: clinicalPhotos.id,
      area: clinicalPhotos.area,
      view: clinicalPhotos.view,
      stage: clinicalPhotos.stage,
      takenAt: clinicalPhotos.takenAt,
      bookingId: clinicalPhotos.bookingId,
      displayKey: clinicalPhotos.displayKey,
      thumbKey: clinicalPhotos.thumbKey,
      width: clinicalPhotos.width,
      height: clinicalPhotos.height,
      visitStartAt: bookings.startAt,
      timeZone: bookings.timeZone,
      courseSessionNumber: bookings.courseSessionNumber,
      courseSessions: services.courseSessions,
    })
    .from(clinicalPhotos)
    .innerJoin(bookings, eq(bookings.id, clinicalPhotos.bookingId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(and(inArray(clinicalPhotos.patientId, [...recordIds]), photoIsVisible()))
    .all()
    .map((row) => ({
      ...row,
      takenAt: row.takenAt.getTime(),
      visitStartAt: row.visitStartAt.getTime(),
    }))
}

/** How many of these records' photos are hidden (consent withdrawn): a count, nothing else. */
function hiddenPhotoCount(db: Db, recordIds: readonly string[]): number {
  if (!recordIds.length) return 0
  return (
    db
      .select({ n: count() })
      .from(clinicalPhotos)
      .where(and(inArray(clinicalPhotos.patientId, [...recordIds]), not(photoIsVisible())))
      .get()?.n ?? 0
  )
}

function patientOf(db: Db, patientId: string) {
  return db
    .select({ id: patients.id, fullName: patients.fullName })
    .from(patients)
    .where(eq(patients.id, patientId))
    .get()
}

export type PhotoComparison = {
  patient: { id: string; fullName: string }
  /** Every area and view with visible photos (for the picker), in the usual order. */
  groups: { area: PhotoGroup['area']; view: PhotoGroup['view']; photos: number; visits: number }[]
  /** The area and view shown, with all its photos (the strip) and the two compared. */
  selected: { group: PhotoGroup; pair: PhotoPair } | null
  /** An area and view was asked for that has no visible photos. */
  missingGroup: boolean
  hiddenCount: number
}

function comparisonOf(
  db: Db,
  patientId: string,
  query: PhotoCompareQuery,
): (PhotoComparison & { rows: PhotoRow[] }) | null {
  const patient = patientOf(db, patientId)
  if (!patient) return null
  const recordIds = patientRecordIds(patientId, db)
  const rows = visiblePhotos(db, recordIds)
  const groups = groupPhotos(rows)
  const asked = query.area !== undefined || query.view !== undefined
  const group = asked ? findGroup(groups, query.area, query.view) : (groups[0] ?? null)
  const pair = group ? pickPair(group, query) : null
  return {
    patient,
    groups: groups.map((g) => ({
      area: g.area,
      view: g.view,
      photos: g.photos.length,
      visits: g.visits,
    })),
    selected: group && pair ? { group, pair } : null,
    missingGroup: asked && !group,
    hiddenCount: hiddenPhotoCount(db, recordIds),
    rows,
  }
}

/**
 * The compare page: the photos of one area and view (the asked one, else the first with photos)
 * and the two to compare. Null for an unknown patient; `forbidden` for a viewer without a
 * clinical role. Each comparison shown is audited (`clinical_photo.compared`, ids only).
 */
export function getPhotoComparison(input: {
  patientId: string
  query: PhotoCompareQuery
  viewerRoles: readonly StaffRole[]
  actor: StaffActor
  now: Date
}): { ok: true; comparison: PhotoComparison } | { ok: false; reason: 'forbidden' | 'not-found' } {
  if (!seesHealthDetails(input.viewerRoles)) return { ok: false, reason: 'forbidden' }
  const db = getDb()
  const found = comparisonOf(db, input.patientId, input.query)
  if (!found) return { ok: false, reason: 'not-found' }
  const { rows: _rows, ...comparison } = found
  if (comparison.selected)
    recordAuditEvent(db, {
      action: 'clinical_photo.compared',
      actor: auditActorOf(input.actor),
      subjectType: 'patient',
      subjectId: comparison.patient.id,
      patientId: comparison.patient.id,
      details: {
        fromPhotoId: comparison.selected.pair.from.id,
        toPhotoId: comparison.selected.pair.to.id,
      },
      at: input.now,
    })
  return { ok: true, comparison }
}

/** What the PDF needs: the patient, the group and the two photos with their display files. */
export type PhotoPrint = {
  patient: { id: string; fullName: string }
  group: PhotoGroup
  photos: (ComparedPhoto & { displayKey: string })[]
}

/**
 * The two photos to print for the patient: only for an area and view that has visible photos
 * (nothing is guessed for a print). Audited (`clinical_photo.printed`, ids only).
 */
export function getPhotoPrint(input: {
  patientId: string
  query: PhotoCompareQuery
  viewerRoles: readonly StaffRole[]
  actor: StaffActor
  now: Date
}): { ok: true; print: PhotoPrint } | { ok: false; reason: 'forbidden' | 'not-found' } {
  if (!seesHealthDetails(input.viewerRoles)) return { ok: false, reason: 'forbidden' }
  if (!input.query.area || !input.query.view) return { ok: false, reason: 'not-found' }
  const db = getDb()
  const found = comparisonOf(db, input.patientId, input.query)
  if (!found?.selected) return { ok: false, reason: 'not-found' }
  const { pair, group } = found.selected
  const keyOf = new Map(found.rows.map((row) => [row.id, row.displayKey]))
  const photos = (pair.from.id === pair.to.id ? [pair.from] : [pair.from, pair.to]).map(
    (photo) => ({ ...photo, displayKey: keyOf.get(photo.id)! }),
  )
  recordAuditEvent(db, {
    action: 'clinical_photo.printed',
    actor: auditActorOf(input.actor),
    subjectType: 'patient',
    subjectId: found.patient.id,
    patientId: found.patient.id,
    details: { photoIds: photos.map((photo) => photo.id) },
    at: input.now,
  })
  return { ok: true, print: { patient: found.patient, group, photos } }
}

export type PhotoSummaryGroup = {
  area: PhotoGroup['area']
  view: PhotoGroup['view']
  before: ComparedPhoto | null
  after: ComparedPhoto | null
  photos: number
}

export type PhotoSummary = {
  patientId: string
  groups: PhotoSummaryGroup[]
  hiddenCount: number
}

/**
 * The photos section of the chart and the appointment: per area and view, the latest "before"
 * and "after". For a patient (their merged records included) or a booking's patient. Null for a
 * viewer without a clinical role, so reception's pages never read a photo row. The pictures
 * themselves are audited per view by the file route.
 */
export function getPhotoSummary(
  input: ({ patientId: string } | { bookingId: string }) & {
    viewerRoles: readonly StaffRole[]
  },
): PhotoSummary | null {
  if (!seesHealthDetails(input.viewerRoles)) return null
  const db = getDb()
  const ownId =
    'patientId' in input
      ? input.patientId
      : db
          .select({ patientId: bookings.patientId })
          .from(bookings)
          .where(eq(bookings.id, input.bookingId))
          .get()?.patientId
  if (!ownId) return null
  // A booking of a merged record shows (and links to) the survivor's photos.
  const patientId = mergedInto(ownId, db) ?? ownId
  const recordIds = patientRecordIds(patientId, db)
  const groups = groupPhotos(visiblePhotos(db, recordIds)).map((group) => ({
    area: group.area,
    view: group.view,
    ...latestBeforeAfter(group),
    photos: group.photos.length,
  }))
  return { patientId, groups, hiddenCount: hiddenPhotoCount(db, recordIds) }
}

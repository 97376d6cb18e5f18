import { desc, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { verifyAuditChain } from '#app/domain/audit/audit.server.ts'
import { getDb } from '#db/client.server.ts'
import { auditEvents, bookings, patients } from '#db/schema/index.ts'
import { bookForPatient, firstFreeSlot, PATIENT } from '#tests/support/booking-fixtures.ts'
import { pdfText } from '#tests/support/pdf-text.ts'
import {
  insertClinicalPhoto,
  withdrawConsentOfPhoto,
} from '#tests/support/photo-compare-fixtures.ts'
import { DEMO_CLINICIAN, staffActorFor } from '#tests/support/screening-fixtures.ts'
import { completeBookingForTest } from '#tests/support/treatment-fixtures.ts'
import { PDFDocument } from 'pdf-lib'
import { getPhotoComparison, getPhotoSummary } from './photo-compare.server.ts'
import { getPhotoPrintPdf } from './photo-print-pdf.server.ts'

const NOW = new Date('2026-11-25T08:00:00Z')
const DAY = 24 * 3600_000

/** The demo patient's two completed sessions of a course, with before and after photos of each. */
async function twoSessionsWithPhotos() {
  const first = firstFreeSlot('medical-face', NOW)
  const { reference: ref1 } = await bookForPatient('medical-face', first, NOW)
  const second = firstFreeSlot('medical-face', new Date(first.startAt + 35 * DAY))
  const { reference: ref2 } = await bookForPatient('medical-face', second, NOW)
  const b1 = completeBookingForTest(ref1, new Date(first.startAt + 3600_000))
  const b2 = completeBookingForTest(ref2, new Date(second.startAt + 3600_000))
  const clinician = staffActorFor(DEMO_CLINICIAN)
  const photo = (bookingId: string, stage: 'before' | 'after', at: number, view = 'front') =>
    insertClinicalPhoto({
      bookingId,
      area: 'cheeks',
      view: view as 'front',
      stage,
      takenAt: new Date(at),
      takenByUserId: clinician.userId,
    })
  const ids = {
    before1: await photo(b1.id, 'before', first.startAt + 60_000),
    after1: await photo(b1.id, 'after', first.startAt + 3000_000),
    before2: await photo(b2.id, 'before', second.startAt + 60_000),
    after2: await photo(b2.id, 'after', second.startAt + 3000_000),
    profile: await photo(b2.id, 'before', second.startAt + 120_000, 'left_profile'),
  }
  const patient = getDb().select().from(patients).where(eq(patients.email, PATIENT.email)).get()!
  return { patientId: patient.id, bookings: [b1.id, b2.id], ids, clinician, second }
}

describe('comparing a patient’s clinical photos', () => {
  test('groups by area and view, and compares the first before with the latest after', async () => {
    const world = await twoSessionsWithPhotos()
    const result = getPhotoComparison({
      patientId: world.patientId,
      query: {},
      viewerRoles: ['clinician'],
      actor: world.clinician,
      now: NOW,
    })
    if (!result.ok) throw new Error(result.reason)
    const { comparison } = result
    expect(comparison.groups).toEqual([
      { area: 'cheeks', view: 'front', photos: 4, visits: 2 },
      { area: 'cheeks', view: 'left_profile', photos: 1, visits: 1 },
    ])
    const group = comparison.selected!.group
    expect(group.photos.map((p) => p.id)).toEqual([
      world.ids.before1,
      world.ids.after1,
      world.ids.before2,
      world.ids.after2,
    ])
    expect(group.photos.map((p) => p.courseSessionNumber)).toEqual([1, 1, 2, 2])
    expect(group.photos[0]).toMatchObject({ courseSessions: 3, timeZone: 'Europe/Rome' })
    expect(comparison.selected!.pair.from.id).toBe(world.ids.before1)
    expect(comparison.selected!.pair.to.id).toBe(world.ids.after2)
    expect(comparison.hiddenCount).toBe(0)

    // Audited with ids only, and the chain still verifies.
    const row = getDb().select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1).get()!
    expect(row).toMatchObject({
      action: 'clinical_photo.compared',
      patientId: world.patientId,
      subjectId: world.patientId,
    })
    expect(JSON.parse(row.details)).toEqual({
      fromPhotoId: world.ids.before1,
      toPhotoId: world.ids.after2,
    })
    expect(verifyAuditChain(getDb()).ok).toBe(true)
  })

  test('any two photos of the group may be picked; a pick from another group falls back', async () => {
    const world = await twoSessionsWithPhotos()
    const compare = (query: Parameters<typeof getPhotoComparison>[0]['query']) => {
      const result = getPhotoComparison({
        patientId: world.patientId,
        query,
        viewerRoles: ['clinician'],
        actor: world.clinician,
        now: NOW,
      })
      if (!result.ok) throw new Error(result.reason)
      return result.comparison
    }
    const picked = compare({
      area: 'cheeks',
      view: 'front',
      from: world.ids.after2,
      to: world.ids.after1,
    }).selected!.pair
    // Shown oldest on the left.
    expect([picked.from.id, picked.to.id]).toEqual([world.ids.after1, world.ids.after2])
    const stale = compare({ area: 'cheeks', view: 'front', from: world.ids.profile }).selected!
    expect(stale.pair.from.id).toBe(world.ids.before1)
    const profile = compare({ area: 'cheeks', view: 'left_profile' }).selected!
    expect([profile.pair.from.id, profile.pair.to.id]).toEqual([
      world.ids.profile,
      world.ids.profile,
    ])
    const none = compare({ area: 'neck', view: 'front' })
    expect(none.selected).toBeNull()
    expect(none.missingGroup).toBe(true)
  })

  test('reception and admins who are not clinicians get nothing, and nothing is audited', async () => {
    const world = await twoSessionsWithPhotos()
    const before = getDb().select().from(auditEvents).orderBy(desc(auditEvents.seq)).get()!.seq
    for (const viewerRoles of [['reception'], ['admin']] as const) {
      expect(
        getPhotoComparison({
          patientId: world.patientId,
          query: {},
          viewerRoles,
          actor: world.clinician,
          now: NOW,
        }),
      ).toEqual({ ok: false, reason: 'forbidden' })
      expect(getPhotoSummary({ patientId: world.patientId, viewerRoles })).toBeNull()
      expect(
        await getPhotoPrintPdf({
          patientId: world.patientId,
          query: { area: 'cheeks', view: 'front' },
          viewerRoles,
          actor: world.clinician,
          now: NOW,
          locale: 'en',
        }),
      ).toEqual({ ok: false, reason: 'forbidden' })
    }
    const after = getDb().select().from(auditEvents).orderBy(desc(auditEvents.seq)).get()!.seq
    expect(after).toBe(before)
  })

  test('after a withdrawal the photos taken under that consent are hidden and only counted', async () => {
    const world = await twoSessionsWithPhotos()
    // One consent covers the course here: withdrawing it hides every photo taken under it.
    withdrawConsentOfPhoto(world.ids.after2, new Date(world.second.startAt + 2 * DAY))
    const result = getPhotoComparison({
      patientId: world.patientId,
      query: {},
      viewerRoles: ['clinician'],
      actor: world.clinician,
      now: NOW,
    })
    if (!result.ok) throw new Error(result.reason)
    expect(result.comparison).toMatchObject({ groups: [], selected: null, hiddenCount: 5 })
    const summary = getPhotoSummary({ patientId: world.patientId, viewerRoles: ['clinician'] })!
    expect(summary).toMatchObject({ groups: [], hiddenCount: 5 })
    expect(
      await getPhotoPrintPdf({
        patientId: world.patientId,
        query: { area: 'cheeks', view: 'front' },
        viewerRoles: ['clinician'],
        actor: world.clinician,
        now: NOW,
        locale: 'en',
      }),
    ).toEqual({ ok: false, reason: 'not-found' })
  })

  test('a merged record’s photos show in the survivor’s comparison and in its bookings’ summary', async () => {
    const world = await twoSessionsWithPhotos()
    const survivor = getDb()
      .insert(patients)
      .values({
        email: 'survivor@example.com',
        fullName: 'Survivor Record',
        phone: '+390212345678',
        dateOfBirth: PATIENT.dateOfBirth,
      })
      .returning({ id: patients.id })
      .get()
    getDb()
      .update(patients)
      .set({ mergedIntoPatientId: survivor.id })
      .where(eq(patients.id, world.patientId))
      .run()
    const result = getPhotoComparison({
      patientId: survivor.id,
      query: {},
      viewerRoles: ['clinician'],
      actor: world.clinician,
      now: NOW,
    })
    if (!result.ok) throw new Error(result.reason)
    expect(result.comparison.groups.map((g) => g.photos)).toEqual([4, 1])
    const booking = getDb()
      .select()
      .from(bookings)
      .where(eq(bookings.id, world.bookings[0]!))
      .get()!
    const summary = getPhotoSummary({ bookingId: booking.id, viewerRoles: ['clinician'] })!
    expect(summary.patientId).toBe(survivor.id)
    expect(summary.groups).toHaveLength(2)
  })

  test('the print is an A4 PDF with the clinic, the patient, both photos and their sessions', async () => {
    const world = await twoSessionsWithPhotos()
    const result = await getPhotoPrintPdf({
      patientId: world.patientId,
      query: { area: 'cheeks', view: 'front' },
      viewerRoles: ['clinician'],
      actor: world.clinician,
      now: NOW,
      locale: 'en',
    })
    if (!result.ok) throw new Error(result.reason)
    expect(result.filename).toBe(`photos-${world.patientId.slice(0, 8)}.pdf`)
    expect(Buffer.from(result.bytes).subarray(0, 5).toString()).toBe('%PDF-')
    const doc = await PDFDocument.load(result.bytes)
    expect(doc.getPageCount()).toBe(1)
    const { width, height } = doc.getPage(0).getSize()
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842])
    const { title, text: lines } = await pdfText(result.bytes)
    // Captions wrap in their columns: read the page as one run of words.
    const text = lines.replace(/\n/g, ' ')
    expect(title).toBe('Your treatment photos')
    expect(text).toContain(`Patient: ${PATIENT.fullName}`)
    expect(text).toContain('Area and view: Cheeks, Front')
    expect(text).toMatch(/Before treatment, .*\. Session 1 of 3\./)
    expect(text).toMatch(/After treatment, .*\. Session 2 of 3\./)
    expect(text).not.toContain('could not be read')
    const row = getDb().select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1).get()!
    expect(row.action).toBe('clinical_photo.printed')
    expect(JSON.parse(row.details)).toEqual({ photoIds: [world.ids.before1, world.ids.after2] })

    // Nothing is guessed for a print: without an area and view there is nothing to print.
    expect(
      await getPhotoPrintPdf({
        patientId: world.patientId,
        query: {},
        viewerRoles: ['clinician'],
        actor: world.clinician,
        now: NOW,
        locale: 'en',
      }),
    ).toEqual({ ok: false, reason: 'not-found' })
  })
})

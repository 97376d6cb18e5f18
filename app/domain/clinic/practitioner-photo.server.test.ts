import { randomUUID } from 'node:crypto'
import { desc, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { readImage } from '#app/domain/media/image-store.server.ts'
import { verifyAuditChain } from '#app/domain/audit/audit.server.ts'
import { getDb } from '#db/client.server.ts'
import { auditEvents, practitioners, users } from '#db/schema/index.ts'
import { practitionerIdOf } from '#tests/factories/bookings.ts'
import { phonePhoto, plainPng, pngBomb } from '#tests/support/image-fixtures.ts'
import {
  readPractitionerPhoto,
  removePractitionerPhoto,
  setPractitionerPhoto,
} from './practitioner-photo.server.ts'
import { type StaffActor } from './stranding.server.ts'

const NOW = new Date('2027-02-01T08:00:00Z')

function admin(): StaffActor {
  const user = getDb()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'elena.greco@dermadesk.example'))
    .get()
  return { userId: user!.id, ipAddress: '203.0.113.9', requestId: 'req-photo' }
}

const photoKeyOf = (id: string) =>
  getDb()
    .select({ photoKey: practitioners.photoKey })
    .from(practitioners)
    .where(eq(practitioners.id, id))
    .get()!.photoKey

const auditCount = () => getDb().$client.prepare('SELECT count(*) AS n FROM audit_events').get()

const lastAudit = () =>
  getDb().select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1).get()!

describe('practitioner photos', () => {
  test('an upload is stored re-encoded, the practitioner points at it, and it is audited', async () => {
    const marco = practitionerIdOf('marco')
    const result = await setPractitionerPhoto(marco, await phonePhoto(), admin(), NOW)
    if (!result.ok) throw new Error(result.reason)
    expect(photoKeyOf(marco)).toBe(result.photoKey)
    const served = await readPractitionerPhoto(result.photoKey!)
    expect(served?.subarray(8, 12).toString('ascii')).toBe('WEBP')
    const audit = lastAudit()
    expect(audit.action).toBe('admin.practitioner.photo_set')
    expect(audit.subjectId).toBe(marco)
    expect(JSON.parse(audit.details)).toEqual({ photoKey: result.photoKey, previousPhotoKey: null })
    expect(verifyAuditChain(getDb())).toMatchObject({ ok: true })
  })

  test('a new photo replaces the old one, whose file is deleted; removing goes back to none', async () => {
    const sofia = practitionerIdOf('sofia')
    const first = await setPractitionerPhoto(sofia, await plainPng(), admin(), NOW)
    const second = await setPractitionerPhoto(sofia, await phonePhoto(), admin(), NOW)
    if (!first.ok || !second.ok) throw new Error('upload refused')
    expect(second.photoKey).not.toBe(first.photoKey)
    expect(await readImage('portraits', first.photoKey!)).toBeNull()
    expect(await readPractitionerPhoto(first.photoKey!)).toBeNull()

    expect(await removePractitionerPhoto(sofia, admin(), NOW)).toEqual({ ok: true, photoKey: null })
    expect(photoKeyOf(sofia)).toBeNull()
    expect(await readImage('portraits', second.photoKey!)).toBeNull()
    expect(lastAudit().action).toBe('admin.practitioner.photo_removed')
  })

  test('one picture used by two practitioners stays until neither uses it', async () => {
    const [giulia, luca] = [practitionerIdOf('giulia'), practitionerIdOf('luca')]
    const upload = await plainPng()
    const a = await setPractitionerPhoto(giulia, upload, admin(), NOW)
    const b = await setPractitionerPhoto(luca, upload, admin(), NOW)
    if (!a.ok || !b.ok) throw new Error('upload refused')
    expect(b.photoKey).toBe(a.photoKey)
    await removePractitionerPhoto(giulia, admin(), NOW)
    expect(await readPractitionerPhoto(a.photoKey!)).not.toBeNull()
  })

  test.each([
    ['a text file', () => Buffer.from('hello'), 'not-an-image'],
    ['a decompression bomb', () => pngBomb(), 'too-many-pixels'],
  ] as const)('%s is refused and nothing changes', async (_name, upload, reason) => {
    const marco = practitionerIdOf('marco')
    const auditBefore = auditCount()
    expect(await setPractitionerPhoto(marco, upload(), admin(), NOW)).toEqual({ ok: false, reason })
    expect(photoKeyOf(marco)).toBeNull()
    expect(auditCount()).toEqual(auditBefore)
  })

  test('an unknown practitioner is not found; an unused key reads nothing', async () => {
    expect(await setPractitionerPhoto(randomUUID(), await plainPng(), admin(), NOW)).toEqual({
      ok: false,
      reason: 'not-found',
    })
    expect(await removePractitionerPhoto(randomUUID(), admin(), NOW)).toEqual({
      ok: false,
      reason: 'not-found',
    })
    expect(await readPractitionerPhoto('0'.repeat(64))).toBeNull()
    expect(await readPractitionerPhoto('not-a-key')).toBeNull()
  })
})

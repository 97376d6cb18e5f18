// The child process of the crash test (tests/crash/crash.slow.test.ts, security goal G2): books
// visits through the real booking wizard, alternating a consultation (booking only) and a
// needling treatment (screening, consent check and signature, then the booking), on the file in
// DATABASE_PATH, until it is killed; each treatment also gets a clinical photo (its files in the
// photo store beside the database, then its row). It prints "booking <id>", "consent <id>" and
// "photo <id>" to stdout only AFTER the transaction that wrote the row has returned (committed),
// so every printed id is a write that was acknowledged before the SIGKILL.
import { writeSync } from 'node:fs'

process.env.LOG_LEVEL = 'silent'
const prefix = process.env.CRASH_PREFIX ?? String(process.pid)

const { saveDraftDetails } = await import('#app/domain/booking/wizard/details.server.ts')
const { holdSlot } = await import('#app/domain/booking/wizard/hold.server.ts')
const { verifyBookingEmail } = await import('#app/domain/booking/wizard/verify.server.ts')
const { latestCodeSentTo, patientActor, sessionAfter, serviceIdBySlug, sessionWithDraft } =
  await import('./booking-fixtures.ts')
const { findAvailableSlots } = await import('#app/domain/availability/availability.server.ts')
const { localDateOf } = await import('#app/domain/shared/calendar.rules.ts')
const { passCheckAndSign, signingContext } = await import('./consent-fixtures.ts')
const { getDb } = await import('#db/client.server.ts')
const { addClinicalPhoto } = await import('#app/domain/photos/clinical-photos.server.ts')
const { clinician } = await import('./photo-fixtures.ts')
const { phonePhoto } = await import('./image-fixtures.ts')
const photo = await phonePhoto()

/** Synchronous, unbuffered: a line is in the pipe before the next write starts. */
function say(line: string) {
  writeSync(1, `${line}\n`)
}

/**
 * A time free now (live holds of earlier, killed writers count), searching a month at a time
 * from `fromDays` days ahead and wrapping round the booking horizon (150 of its 180 days).
 */
function freeSlot(slug: string, fromDays: number, now: Date) {
  for (let window = 0; window < 3; window++) {
    const days = (fromDays + window * 31) % 150
    const result = findAvailableSlots({
      serviceId: serviceIdBySlug(slug),
      practitionerId: 'any',
      fromDate: localDateOf(now.getTime() + days * 24 * 3600_000, 'Europe/Rome'),
      days: 31,
      now,
    })
    const slot = result.days.flatMap((day) => day.slots)[0]
    if (slot) return slot
  }
  throw new Error(`no free slot for ${slug}`)
}

function bookingIdOf(reference: string): string {
  const row = getDb()
    .$client.prepare('SELECT id FROM bookings WHERE reference = ?')
    .get(reference) as { id: string }
  return row.id
}

say('ready')
for (let n = 1; ; n++) {
  const now = new Date()
  const slug = n % 2 === 0 ? 'consultation' : 'skin-boost'
  const email = `crash-${prefix}-${n}@example.com`
  const details = {
    fullName: `Crash Test ${n}`,
    email,
    phone: '+393331234567',
    dateOfBirth: '1988-03-14',
  }
  // Each visit is a patient of their own, on an address of their own: the limits per client IP
  // (ADR 027) count real patients apart, and would stop one writer booking hundreds.
  const actor = {
    ...patientActor,
    ipAddress: `10.${Number(prefix) % 250}.${(n >> 8) & 255}.${n & 255}`,
  }
  const session = sessionWithDraft(slug, now)
  // Spread over the coming weeks so the diary does not fill up near today.
  const fromDays = (Number(prefix) * 11 + n * 7) % 150
  const held = holdSlot({ session, ...freeSlot(slug, fromDays, now), now, actor })
  if (!held.ok) throw new Error(`hold: ${held.reason}`)
  const saved = saveDraftDetails({ session, details, now, actor })
  if (!saved.ok) throw new Error(`details: ${saved.reason}`)
  const verified = verifyBookingEmail({
    session,
    code: latestCodeSentTo(email),
    now,
    actor,
  })
  if (!verified.ok) throw new Error(`verify: ${JSON.stringify(verified)}`)
  if (verified.reference) {
    say(`booking ${bookingIdOf(verified.reference)}`)
    continue
  }
  const signed = await passCheckAndSign(
    signingContext(sessionAfter(session, verified.sessionToken, now), now),
  )
  if (!signed.bookedReference)
    throw new Error(`not booked: ${JSON.stringify(signed.bookingProblem)}`)
  const bookingId = bookingIdOf(signed.bookedReference)
  const record = getDb()
    .$client.prepare('SELECT id FROM consent_records WHERE booking_id = ?')
    .get(bookingId) as { id: string }
  say(`consent ${record.id}`)
  say(`booking ${bookingId}`)
  const patientId = getDb()
    .$client.prepare('SELECT patient_id FROM bookings WHERE id = ?')
    .pluck()
    .get(bookingId) as string
  const added = await addClinicalPhoto({
    bookingId,
    patientId,
    area: 'cheeks',
    view: 'front',
    stage: 'before',
    marketingUse: false,
    upload: photo,
    actor: clinician(),
    now,
  })
  if (!added.ok) throw new Error(`photo: ${added.reason}`)
  say(`photo ${added.photoId}`)
}

import { asc, eq } from 'drizzle-orm'
import { addDays, instantAt, localDateOf, weekdayOf } from '#app/domain/shared/calendar.rules.ts'
import { getCurrentRuleSet } from '#app/domain/screening/screening.server.ts'
import { type Db } from './client.server.ts'
import {
  clinicClosures,
  clinicSettings,
  practitioners,
  practitionerServices,
  screeningReviewEvents,
  services,
  workingHours,
} from './schema/index.ts'
import {
  clearAnswers,
  completedFirstSession,
  type Context,
  insertAnswers,
  insertBooking,
  nextPatient,
  type PractitionerRow,
  signConsent,
} from './seed-visits.ts'

/**
 * Demo appointments, so that the clinicians' agenda is useful on the day the app first starts:
 * for today and the next six days, two or three visits per practitioner on each day they work,
 * cycling through the cases a clinic meets (clear answers, answers waiting for a clinician,
 * answers a clinician approved, the second session of a course, a consultation, answers too old
 * for the visit). Everything is placed relative to `now` in the clinic's zone, inside working
 * hours, so the same date always gives the same agenda. Rows are written as the booking,
 * screening and consent code writes them (same rules, hashes, booking events and audit rows).
 *
 * The doctor and the nurse get visits on the following days too; the aestheticians only today.
 * Only `npm start` and `npm run db:seed` call this, never the test databases: their base file is
 * built once and reused on later days, so dated rows would drift (tests/setup/global-setup.ts).
 */

const DAY_MS = 24 * 3600_000

const SCENARIOS = ['clear', 'review', 'course', 'consultation', 'approved', 'renewal'] as const
type Scenario = (typeof SCENARIOS)[number]

/** One demo visit of a scenario (a simpler one when the practitioner cannot offer it). */
function addVisit(
  ctx: Context,
  input: {
    scenario: Scenario
    practitioner: PractitionerRow & { maxNeedleDepthUm: number }
    startAt: number
    now: number
  },
): void {
  const { practitioner, startAt } = input
  const consultation = practitioner.services.find((s) => s.kind === 'consultation')
  const treatment = practitioner.services.find((s) => s.kind === 'treatment')!
  let scenario = input.scenario
  if (scenario === 'consultation' && !consultation) scenario = 'clear'
  if (scenario === 'course' && !practitioner.userId) scenario = 'clear'
  const serviceRef = scenario === 'consultation' ? consultation! : treatment
  const service = ctx.tx.select().from(services).where(eq(services.id, serviceRef.id)).get()!
  const bookedAt = new Date(
    Math.min(input.now, startAt) - (scenario === 'renewal' ? 40 : 6) * DAY_MS,
  )
  const patient = nextPatient(ctx, bookedAt)
  if (scenario === 'course')
    completedFirstSession(ctx, {
      practitioner: { ...practitioner, userId: practitioner.userId! },
      service,
      patient,
      startAt: instantAt(
        addDays(localDateOf(startAt, ctx.zone), -28),
        minutesOfDay(startAt, ctx.zone),
        ctx.zone,
      ),
    })
  const needsClinician = scenario === 'review' || scenario === 'approved'
  const booking = insertBooking(ctx, {
    service,
    practitionerId: practitioner.id,
    patientId: patient.id,
    startAt,
    status: scenario === 'review' ? 'pending_review' : 'confirmed',
    courseSessionNumber: scenario === 'course' ? 2 : 1,
    bookedAt,
  })
  if (scenario === 'consultation') return
  const answers = needsClinician
    ? { ...clearAnswers(patient.dateOfBirth), history: ['cold_sores' as const] }
    : clearAnswers(patient.dateOfBirth)
  const submission = insertAnswers(ctx, {
    answers,
    patientId: patient.id,
    bookingId: booking.id,
    version: 1,
    at: bookedAt,
  })
  if (scenario === 'approved') {
    const reviewer = practitioner.userId
    if (reviewer) {
      const at = new Date(bookedAt.getTime() + DAY_MS)
      ctx.tx
        .insert(screeningReviewEvents)
        .values({
          bookingId: booking.id,
          submissionId: submission.id,
          kind: 'approved',
          actorType: 'staff',
          actorId: reviewer,
          message: 'No cold sore for two years; antiviral cover discussed.',
          occurredAt: at,
          createdAt: at,
        })
        .run()
    }
  }
  // A course's consent covers its later sessions: only a new patient signs for this visit.
  if (scenario !== 'course')
    signConsent(ctx, {
      patient,
      bookingId: booking.id,
      tier: service.tier,
      sessionStartAt: startAt,
      at: bookedAt,
    })
}

function minutesOfDay(instant: number, zone: string): number {
  const date = localDateOf(instant, zone)
  return Math.round((instant - instantAt(date, 0, zone)) / 60_000)
}

/** Adds the demo appointments (see above) for the week starting on `now`'s clinic date. */
export function seedDemoAppointments(db: Db, now: Date = new Date()): number {
  return db.transaction(
    (tx) => {
      const zone = tx.select().from(clinicSettings).get()!.timeZone
      const ctx: Context = {
        tx,
        zone,
        ruleSet: getCurrentRuleSet(tx),
        patientIndex: 0,
        referenceIndex: 0,
      }
      const closed = new Set(
        tx
          .select({ date: clinicClosures.date })
          .from(clinicClosures)
          .all()
          .map((r) => r.date),
      )
      const rows = tx
        .select()
        .from(practitioners)
        .where(eq(practitioners.isActive, true))
        .orderBy(asc(practitioners.displayName))
        .all()
      const list = rows.map((p) => ({
        id: p.id,
        userId: p.userId,
        maxNeedleDepthUm: p.maxNeedleDepthUm,
        medical: p.credential === 'medical',
        services: tx
          .select({
            id: services.id,
            slug: services.slug,
            kind: services.kind,
            tier: services.tier,
          })
          .from(practitionerServices)
          .innerJoin(services, eq(services.id, practitionerServices.serviceId))
          .where(eq(practitionerServices.practitionerId, p.id))
          .orderBy(asc(services.sortOrder))
          .all(),
        hours: tx
          .select()
          .from(workingHours)
          .where(eq(workingHours.practitionerId, p.id))
          .orderBy(asc(workingHours.weekday), asc(workingHours.startMinute))
          .all(),
        visits: 0,
      }))
      const today = localDateOf(now.getTime(), zone)
      let count = 0
      for (let offset = 0; offset < 7; offset += 1) {
        const date = addDays(today, offset)
        if (closed.has(date)) continue
        for (const practitioner of list) {
          if (!practitioner.services.some((s) => s.kind === 'treatment')) continue
          // Aestheticians only today: their coming days stay free for patients and for the
          // end-to-end test that gives Sofia her first bookable day off.
          if (offset > 0 && !practitioner.medical) continue
          const intervals = practitioner.hours.filter((h) => h.weekday === weekdayOf(date))
          if (intervals.length === 0) continue
          // Two visits in the first stretch of the day and one after the break: never the very
          // first or last minutes, and at most 90 minutes each (75 + buffer) so all fit.
          const starts = [intervals[0]!.startMinute, intervals[0]!.startMinute + 120]
          if (intervals[1]) starts.push(intervals[1].startMinute + 60)
          for (const minute of starts) {
            addVisit(ctx, {
              scenario: SCENARIOS[practitioner.visits % SCENARIOS.length]!,
              practitioner,
              startAt: instantAt(date, minute, zone),
              now: now.getTime(),
            })
            practitioner.visits += 1
            count += 1
          }
        }
      }
      return count
    },
    { behavior: 'immediate' },
  )
}

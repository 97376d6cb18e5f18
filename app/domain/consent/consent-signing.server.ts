import { randomUUID } from 'node:crypto'
import { getDb, type Db, type Tx } from '#db/client.server.ts'
import { consentCheckAttempts } from '#db/schema/index.ts'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { findNearestFreeSlots } from '#app/domain/availability/availability.server.ts'
import { type Slot } from '#app/domain/availability/slots.rules.ts'
import { bookDraftIfReady, findOrCreatePatient } from '#app/domain/booking/index.server.ts'
import {
  currentTextValues,
  getRequiredVersion,
  type ConsentReading,
  type PublishedConsentVersion,
  toReading,
} from './consent-documents.server.ts'
import {
  insertConsentRecord,
  isUsableSignaturePng,
  unusedPassedAttempt,
} from './consent-records.server.ts'
import { consentStatusForSession } from './consent-status.server.ts'
import {
  type Resolved,
  resolveTarget,
  type SigningContext,
  type SigningTarget,
  type TargetProblem,
} from './consent-target.server.ts'
import { namesMatch, scoreCheck } from './consent.rules.ts'
import { type RenderedSection } from './consent-text.rules.ts'
import { type ConsentStatus, type SignConsentForm } from './consent.schema.ts'

export type { SigningContext, SigningTarget, TargetProblem } from './consent-target.server.ts'

/**
 * Reading, checking and signing a consent form, in the booking wizard (before the booking is
 * made: the held booking and the draft's details) or later from the booking page (an upcoming
 * booking of the patient who proved the email). Both end in the same append-only record.
 */

function requiredVersionOf(db: Tx | Db, resolved: Resolved): PublishedConsentVersion {
  const version = getRequiredVersion(db, resolved.tier, resolved.booking.startAt.getTime())
  // The first version of each tier comes with the migrations; without it nothing can be signed.
  if (!version) throw new Error(`No published consent form for the ${resolved.tier} tier`)
  return version
}

function statusOf(db: Tx | Db, resolved: Resolved): ConsentStatus {
  return consentStatusForSession(db, {
    patientId: resolved.patient?.id ?? null,
    tier: resolved.tier,
    kind: 'treatment',
    startAt: resolved.booking.startAt.getTime(),
  }).status
}

function auditActor(ctx: SigningContext, patientId: string | null): AuditActor {
  return { type: 'patient', id: patientId, ipAddress: ctx.ipAddress, requestId: ctx.requestId }
}

export type SigningPage = {
  reading: ConsentReading
  /** The name the typed signature must match (the patient's own, as they gave it). */
  expectedName: string
  checkPassed: boolean
  /** The session is already covered by a signed consent. */
  alreadySigned: boolean
  booking: { reference: string; startAt: number; timeZone: string; holdExpiresAt: number | null }
}

/** What the consent page shows: the form version this session needs and where the patient is. */
export function getConsentSigningPage(input: {
  ctx: SigningContext
  target: SigningTarget
}): { ok: true; page: SigningPage } | { ok: false; reason: TargetProblem } {
  const db = getDb()
  const resolved = resolveTarget(db, input.ctx, input.target)
  if (!resolved.ok) return resolved
  const value = resolved.value
  const version = requiredVersionOf(db, value)
  const status = statusOf(db, value)
  return {
    ok: true,
    page: {
      reading: toReading(version, currentTextValues(db), value.booking.id, input.ctx.locale),
      expectedName: value.expectedName,
      checkPassed: unusedPassedAttempt(db, input.ctx.session.tokenHash, version.id) !== null,
      alreadySigned: status === 'signed' || status === 'countersigned',
      booking: {
        reference: value.booking.reference,
        startAt: value.booking.startAt.getTime(),
        timeZone: value.booking.timeZone,
        holdExpiresAt: value.booking.holdExpiresAt?.getTime() ?? null,
      },
    },
  }
}

export type WrongAnswer = { questionKey: string; prompt: string; section: RenderedSection }

export type CheckResult =
  | { ok: true }
  | { ok: false; reason: TargetProblem }
  | { ok: false; reason: 'version-changed' }
  | { ok: false; reason: 'unanswered'; questionKeys: string[] }
  | { ok: false; reason: 'wrong'; wrong: WrongAnswer[] }

/**
 * Scores the comprehension check. Every complete answer sheet is kept, right or wrong (teach-back
 * evidence); a wrong answer comes back with the section that answers it. An unanswered question
 * sends the form back without keeping anything.
 */
export function submitConsentCheck(input: {
  ctx: SigningContext
  target: SigningTarget
  versionId: string
  answers: Record<string, number | null>
}): CheckResult {
  return getDb().transaction(
    (tx): CheckResult => {
      const resolved = resolveTarget(tx, input.ctx, input.target)
      if (!resolved.ok) return resolved
      const value = resolved.value
      const version = requiredVersionOf(tx, value)
      if (input.versionId !== version.id) return { ok: false, reason: 'version-changed' }
      const score = scoreCheck(version.content.questions, input.answers)
      if (score.unanswered.length > 0)
        return { ok: false, reason: 'unanswered', questionKeys: score.unanswered }
      const answers = Object.fromEntries(
        version.content.questions.map((q) => [q.key, input.answers[q.key] ?? null]),
      )
      const attemptId = randomUUID()
      tx.insert(consentCheckAttempts)
        .values({
          id: attemptId,
          sessionTokenHash: input.ctx.session.tokenHash,
          patientId: value.patient?.id ?? null,
          bookingId: value.booking.id,
          documentVersionId: version.id,
          answers: JSON.stringify(answers),
          wrongQuestionKeys: JSON.stringify(score.wrong),
          passed: score.passed,
          createdAt: input.ctx.now,
        })
        .run()
      recordAuditEvent(tx, {
        action: 'consent.check_answered',
        actor: auditActor(input.ctx, value.patient?.id ?? null),
        subjectType: 'consent_check_attempt',
        subjectId: attemptId,
        patientId: value.patient?.id ?? null,
        details: {
          bookingId: value.booking.id,
          documentVersionId: version.id,
          passed: score.passed,
          wrong: score.wrong.length,
        },
        at: input.ctx.now,
      })
      if (score.passed) return { ok: true }
      const reading = toReading(version, currentTextValues(tx), undefined, input.ctx.locale)
      return {
        ok: false,
        reason: 'wrong',
        wrong: score.wrong.map((key) => {
          const question = version.content.questions.find((q) => q.key === key)!
          return {
            questionKey: key,
            prompt: reading.questions.find((q) => q.key === key)!.prompt,
            section: reading.sections.find((s) => s.key === question.sectionKey)!,
          }
        }),
      }
    },
    { behavior: 'immediate' },
  )
}

export type SignResult =
  | {
      ok: true
      /** Wizard: the booking's reference when signing booked it. */
      bookedReference: string | null
      /** Wizard: signed, but the booking could not be made (the time was lost meanwhile). */
      bookingProblem:
        | { reason: 'slot-taken'; serviceId: string; around: number }
        | { reason: 'too-close'; earliestStartAt: number }
        | null
      /** With a lost time: the nearest free times to offer instead. */
      nearest: Slot[]
      reference: string
    }
  | { ok: false; reason: TargetProblem }
  | { ok: false; reason: 'version-changed' | 'check-not-passed' | 'bad-signature' }
  | { ok: false; reason: 'name-mismatch'; expectedName: string }

/**
 * Signs the consent: the typed name must match the patient's, the comprehension check must have
 * been passed for this exact version, and the text the patient saw must be the text in force
 * (the form carries both the version id and the text's hash). In the wizard the patient is found
 * or created now, and the booking is made in the same transaction when nothing else is missing.
 */
export async function signConsent(input: {
  ctx: SigningContext
  target: SigningTarget
  form: Omit<SignConsentForm, 'intent'>
}): Promise<SignResult> {
  // Decoding the image is asynchronous, so it happens before the (synchronous) transaction.
  if (input.form.drawnSignature && !(await isUsableSignaturePng(input.form.drawnSignature)))
    return { ok: false, reason: 'bad-signature' }
  const { ctx, form } = input
  const result = getDb().transaction(
    (tx): SignResult => {
      const resolved = resolveTarget(tx, ctx, input.target)
      if (!resolved.ok) return resolved
      const value = resolved.value
      const version = requiredVersionOf(tx, value)
      const values = currentTextValues(tx)
      if (
        form.versionId !== version.id ||
        form.textSha256 !== toReading(version, values, undefined, ctx.locale).textSha256
      )
        return { ok: false, reason: 'version-changed' }
      const alreadySigned = ['signed', 'countersigned'].includes(statusOf(tx, value))
      if (!alreadySigned) {
        if (!namesMatch(form.typedName, value.expectedName))
          return { ok: false, reason: 'name-mismatch', expectedName: value.expectedName }
        const attempt = unusedPassedAttempt(tx, ctx.session.tokenHash, version.id)
        if (!attempt) return { ok: false, reason: 'check-not-passed' }
        const draft = value.draft
        const patient =
          value.patient ??
          findOrCreatePatient(
            tx,
            {
              fullName: draft!.fullName!,
              email: draft!.email!,
              phone: draft!.phone!,
              dateOfBirth: draft!.dateOfBirth!,
            },
            ctx.now,
          )
        insertConsentRecord(tx, {
          patientId: patient.id,
          bookingId: value.booking.id,
          tier: value.tier,
          version,
          values,
          locale: ctx.locale,
          attempt,
          typedName: form.typedName,
          drawnSignature: form.drawnSignature,
          photoClinical: form.photoClinical,
          photoMarketing: form.photoMarketing,
          signedAt: ctx.now,
          ipAddress: ctx.ipAddress,
          userAgent: ctx.userAgent?.slice(0, 500) ?? null,
          emailProvenBy: value.provenBy,
          verifiedEmail: value.verifiedEmail,
          sessionTokenHash: ctx.session.tokenHash,
          actor: auditActor(ctx, patient.id),
        })
      }
      const base = { ok: true as const, reference: value.booking.reference, nearest: [] }
      if (!value.draft) return { ...base, bookedReference: null, bookingProblem: null }
      // The wizard: signing was the last step, so book now, in this transaction.
      const outcome = bookDraftIfReady(tx, {
        sessionTokenHash: ctx.session.tokenHash,
        verifiedEmail: value.verifiedEmail,
        now: ctx.now,
        actor: { type: 'patient', ipAddress: ctx.ipAddress, requestId: ctx.requestId },
      })
      if (outcome?.ok)
        return {
          ...base,
          reference: outcome.reference,
          bookedReference: outcome.reference,
          bookingProblem: null,
        }
      if (outcome && outcome.reason === 'slot-taken')
        return {
          ...base,
          bookedReference: null,
          bookingProblem: { reason: 'slot-taken', ...outcome.nearestFor },
        }
      if (outcome && outcome.reason === 'too-close')
        return {
          ...base,
          bookedReference: null,
          bookingProblem: { reason: 'too-close', earliestStartAt: outcome.earliestStartAt },
        }
      return { ...base, bookedReference: null, bookingProblem: null }
    },
    { behavior: 'immediate' },
  )
  if (result.ok && result.bookingProblem?.reason === 'slot-taken') {
    result.nearest = findNearestFreeSlots({
      serviceId: result.bookingProblem.serviceId,
      practitionerId: 'any',
      around: result.bookingProblem.around,
      now: ctx.now,
      count: 3,
    })
  }
  return result
}

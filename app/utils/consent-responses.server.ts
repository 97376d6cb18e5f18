import { type AppLoadContext, data } from '@remix-run/node'
import {
  type CheckResult,
  type SignResult,
  type SigningContext,
} from '#app/domain/consent/consent-signing.server.ts'
import { type CheckFeedback } from '#app/domain/consent/consent-text.rules.ts'
import { answerFieldName } from '#app/domain/consent/consent.schema.ts'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { formatDateInZone } from './format.ts'
import { formError } from './forms.server.ts'
import { nearestTimesResponse } from './slot-picker.server.ts'

/** HTTP answers shared by the patient's consent pages (the wizard step and the booking page). */

export function signingContextOf(
  request: Request,
  context: AppLoadContext,
  session: PatientSession,
  now = new Date(),
): SigningContext {
  return {
    session,
    now,
    ipAddress: context.clientIp ?? null,
    userAgent: request.headers.get('user-agent'),
    requestId: context.requestId ?? null,
  }
}

const CHANGED =
  'The consent form was updated while you were reading it. Please read the new version below, then answer the questions and sign again.'

/** Values to send back with a message: never the drawn signature (large, and a signature). */
function echo(values: Record<string, string | string[]>) {
  const { drawnSignature: _drawn, ...rest } = values
  return rest
}

/** The check's known failures as a 400/409 on the check form (the caller handles the others). */
export function checkFailure(
  result: Exclude<CheckResult, { ok: true }>,
  values: Record<string, string | string[]>,
) {
  switch (result.reason) {
    case 'version-changed':
      return formError({ formErrors: [CHANGED], values: { intent: 'check' } }, 409)
    case 'unanswered':
      return formError(
        {
          formErrors: ['Please answer every question.'],
          fieldErrors: Object.fromEntries(
            result.questionKeys.map((key) => [answerFieldName(key), ['Choose an answer.']]),
          ),
          values,
        },
        400,
      )
    case 'wrong': {
      const feedback: CheckFeedback = result.wrong.map((w) => ({
        questionKey: w.questionKey,
        section: w.section,
      }))
      return data(
        {
          formErrors: [
            result.wrong.length === 1
              ? 'One answer is not right yet. Read the part shown under it, then try again.'
              : `${result.wrong.length} answers are not right yet. Read the parts shown under them, then try again.`,
          ],
          fieldErrors: Object.fromEntries(
            result.wrong.map((w) => [
              answerFieldName(w.questionKey),
              ['Not quite. Please read this part again and choose another answer.'],
            ]),
          ),
          values,
          wrong: feedback,
        },
        { status: 400 },
      )
    }
    default:
      return null
  }
}

/** Signing's known failures as a 400/409 on the signature form (the caller handles the others). */
export function signFailure(
  result: Exclude<SignResult, { ok: true }>,
  values: Record<string, string | string[]>,
) {
  const kept = echo(values)
  switch (result.reason) {
    case 'version-changed':
      return formError({ formErrors: [CHANGED], values: { intent: 'sign' } }, 409)
    case 'name-mismatch':
      return formError(
        {
          fieldErrors: {
            typedName: [
              `This does not match the name you gave us. Type it as: ${result.expectedName}.`,
            ],
          },
          values: kept,
        },
        400,
      )
    case 'check-not-passed':
      return formError(
        {
          formErrors: [
            'Please answer the questions above first. You can sign once they are all right.',
          ],
          values: kept,
        },
        409,
      )
    case 'bad-signature':
      return formError(
        {
          fieldErrors: {
            drawnSignature: [
              'We could not read your drawing. Clear it and draw again, or just type your name.',
            ],
          },
          values: kept,
        },
        400,
      )
    default:
      return null
  }
}

/** Signed in the wizard, but the time was lost meanwhile: say so, and offer the nearest times. */
export function bookingProblemResponse(
  problem: NonNullable<Extract<SignResult, { ok: true }>['bookingProblem']>,
  nearest: Extract<SignResult, { ok: true }>['nearest'],
  timeZone: string,
) {
  const message =
    problem.reason === 'slot-taken'
      ? 'Thank you: your consent is signed. But someone took your time while it was no longer held. Please choose another: here are the nearest free times.'
      : `Thank you: your consent is signed. But your skin needs time to heal between sessions. Please choose a time from ${formatDateInZone(problem.earliestStartAt, timeZone)} onwards.`
  return nearestTimesResponse(message, nearest, { values: { intent: 'sign' } })
}

import { type AppLoadContext, data } from '@remix-run/node'
import {
  type CheckResult,
  type SignResult,
  type SigningContext,
} from '#app/domain/consent/consent-signing.server.ts'
import { type CheckFeedback } from '#app/domain/consent/consent-text.rules.ts'
import { answerFieldName } from '#app/domain/consent/consent.schema.ts'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { consentMessages } from '#app/i18n/messages/index.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { formatDateInZone } from './format.ts'
import { formError } from './forms.server.ts'
import { nearestTimesResponse } from './slot-picker.server.ts'

/** HTTP answers shared by the patient's consent pages (the wizard step and the booking page). */

export function signingContextOf(
  request: Request,
  context: AppLoadContext,
  session: PatientSession,
  now = new Date(),
  /** The page's language: the form is read, checked and signed in it. */
  locale: Locale = 'en',
): SigningContext {
  return {
    session,
    now,
    locale,
    ipAddress: context.clientIp ?? null,
    userAgent: request.headers.get('user-agent'),
    requestId: context.requestId ?? null,
  }
}

/** Values to send back with a message: never the drawn signature (large, and a signature). */
function echo(values: Record<string, string | string[]>) {
  const { drawnSignature: _drawn, ...rest } = values
  return rest
}

/** The check's known failures as a 400/409 on the check form (the caller handles the others). */
export function checkFailure(
  result: Exclude<CheckResult, { ok: true }>,
  values: Record<string, string | string[]>,
  locale: Locale = 'en',
) {
  const t = translator(consentMessages, locale)
  switch (result.reason) {
    case 'version-changed':
      return formError({ formErrors: [t('formChanged')], values: { intent: 'check' } }, 409)
    case 'unanswered':
      return formError(
        {
          formErrors: [t('answerEvery')],
          fieldErrors: Object.fromEntries(
            result.questionKeys.map((key) => [answerFieldName(key), [t('chooseAnswer')]]),
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
              ? t('oneWrong')
              : t('manyWrong', { count: result.wrong.length }),
          ],
          fieldErrors: Object.fromEntries(
            result.wrong.map((w) => [answerFieldName(w.questionKey), [t('notQuite')]]),
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
  locale: Locale = 'en',
) {
  const t = translator(consentMessages, locale)
  const kept = echo(values)
  switch (result.reason) {
    case 'version-changed':
      return formError({ formErrors: [t('formChanged')], values: { intent: 'sign' } }, 409)
    case 'name-mismatch':
      return formError(
        {
          fieldErrors: {
            typedName: [t('nameMismatch', { name: result.expectedName })],
          },
          values: kept,
        },
        400,
      )
    case 'check-not-passed':
      return formError(
        {
          formErrors: [t('checkFirst')],
          values: kept,
        },
        409,
      )
    case 'bad-signature':
      return formError(
        {
          fieldErrors: {
            drawnSignature: [t('badDrawing')],
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
  locale: Locale = 'en',
) {
  const t = translator(consentMessages, locale)
  const message =
    problem.reason === 'slot-taken'
      ? t('slotTakenAfterSigning')
      : t('tooCloseAfterSigning', {
          date: formatDateInZone(problem.earliestStartAt, timeZone, locale),
        })
  return nearestTimesResponse(message, nearest, { values: { intent: 'sign' }, locale })
}

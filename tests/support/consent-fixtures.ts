import {
  getConsentSigningPage,
  type SigningContext,
  type SigningTarget,
  signConsent,
  submitConsentCheck,
} from '#app/domain/consent/consent-signing.server.ts'
import { getVersionById } from '#app/domain/consent/consent-documents.server.ts'
import { type PatientSession } from '#app/domain/patient/patient-sessions.server.ts'
import { getDb } from '#db/client.server.ts'

/** Integration-test helpers for consent: read, pass the check and sign, as a patient would. */

export function signingContext(session: PatientSession, now: Date): SigningContext {
  return {
    session,
    now,
    ipAddress: '203.0.113.7',
    userAgent: 'Vitest/4 (consent test)',
    requestId: 'test',
  }
}

/** The right answer to every question of a version (what a patient who read it would pick). */
export function rightAnswers(versionId: string): Record<string, number> {
  const version = getVersionById(getDb(), versionId)
  if (!version) throw new Error(`No consent version ${versionId}`)
  return Object.fromEntries(version.content.questions.map((q) => [q.key, q.answer]))
}

/** A wrong answer to the first question, right answers to the rest. */
export function oneWrongAnswer(versionId: string): Record<string, number> {
  const version = getVersionById(getDb(), versionId)!
  const answers = rightAnswers(versionId)
  const first = version.content.questions[0]!
  answers[first.key] = (first.answer + 1) % first.options.length
  return answers
}

/** Reads the page, passes the check and signs. Throws when a step fails. */
export async function passCheckAndSign(
  ctx: SigningContext,
  target: SigningTarget = { kind: 'wizard' },
  form: Partial<{
    typedName: string
    drawnSignature: string | null
    photoClinical: boolean
    photoMarketing: boolean
  }> = {},
) {
  const page = getConsentSigningPage({ ctx, target })
  if (!page.ok) throw new Error(`consent page: ${page.reason}`)
  const { versionId, textSha256 } = page.page.reading
  const check = submitConsentCheck({ ctx, target, versionId, answers: rightAnswers(versionId) })
  if (!check.ok) throw new Error(`check: ${JSON.stringify(check)}`)
  const signed = await signConsent({
    ctx,
    target,
    form: {
      versionId,
      textSha256,
      typedName: form.typedName ?? page.page.expectedName,
      drawnSignature: form.drawnSignature ?? null,
      agree: true,
      photoClinical: form.photoClinical ?? true,
      photoMarketing: form.photoMarketing ?? false,
    },
  })
  if (!signed.ok) throw new Error(`sign: ${JSON.stringify(signed)}`)
  return signed
}

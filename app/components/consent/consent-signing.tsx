import { type ShouldRevalidateFunction } from '@remix-run/react'
import { formErrorsFor, useIsPending } from '#app/components/forms/action-data.ts'
import { type CheckFeedback, type RenderedSection } from '#app/domain/consent/consent-text.rules.ts'
import { type FormErrors } from '#app/utils/forms.ts'
import { HealingTimeline } from '#app/components/healing-timeline.tsx'
import { useT } from '#app/i18n/locale-context.tsx'
import { consentMessages } from '#app/i18n/messages/index.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { ConsentDocument } from './consent-document.tsx'
import { ConsentCheckForm, SignConsentForm } from './consent-forms.tsx'

export type SigningModel = {
  reading: {
    versionId: string
    versionNumber: number
    tier: 'medical' | 'cosmetic'
    locale: Locale
    fallbackFrom: Locale | null
    title: string
    sections: RenderedSection[]
    questions: { key: string; prompt: string; options: string[]; order: number[] }[]
    textSha256: string
  }
  expectedName: string
  checkPassed: boolean
}

/**
 * The signing pages' shouldRevalidate: a 409 means the form changed under the patient, so the
 * page loads the new text.
 */
export const reloadWhenConsentChanged: ShouldRevalidateFunction = ({
  actionStatus,
  defaultShouldRevalidate,
}) => actionStatus === 409 || defaultShouldRevalidate

type ActionPayload = FormErrors & { wrong?: CheckFeedback }

function wrongOf(actionData: unknown): CheckFeedback {
  if (actionData && typeof actionData === 'object' && 'wrong' in actionData)
    return (actionData as ActionPayload).wrong ?? []
  return []
}

/**
 * Read, check, sign: the consent form with the healing timeline, the comprehension check, and —
 * once every answer is right — the signature form. Shared by the booking wizard and the booking
 * page (signing again after a new version or a withdrawal).
 */
export function ConsentSigning({
  model,
  actionData,
  justChecked,
  submitLabel,
}: {
  model: SigningModel
  actionData: unknown
  justChecked: boolean
  submitLabel: string
}) {
  const t = useT(consentMessages)
  const checking = useIsPending('check')
  const signing = useIsPending('sign')
  const { reading } = model
  return (
    <>
      {reading.fallbackFrom ? <p className="notice notice--warning">{t('englishOnly')}</p> : null}
      <ConsentDocument
        title={reading.title}
        versionNumber={reading.versionNumber}
        sections={reading.sections}
        lang={reading.fallbackFrom ? reading.locale : undefined}
      >
        <HealingTimeline tier={reading.tier} headingLevel={4} />
      </ConsentDocument>
      <section aria-labelledby="check-heading" className="stack">
        <h2 id="check-heading">{t('checkHeading')}</h2>
        {model.checkPassed ? (
          <p className="notice notice--success" role={justChecked ? 'status' : undefined}>
            {t('checkPassed')}
          </p>
        ) : (
          <>
            <p>{t('checkIntro', { count: reading.questions.length })}</p>
            <ConsentCheckForm
              questions={reading.questions}
              versionId={reading.versionId}
              serverErrors={formErrorsFor(actionData, 'check')}
              wrong={wrongOf(actionData)}
              pending={checking}
            />
          </>
        )}
      </section>
      <section aria-labelledby="sign-heading" className="stack">
        <h2 id="sign-heading">{t('signHeading')}</h2>
        {model.checkPassed ? (
          <SignConsentForm
            versionId={reading.versionId}
            textSha256={reading.textSha256}
            expectedName={model.expectedName}
            serverErrors={formErrorsFor(actionData, 'sign')}
            pending={signing}
            submitLabel={submitLabel}
          />
        ) : (
          <>
            <p>{t('signAfterCheck')}</p>
            {formErrorsFor(actionData, 'sign')?.formErrors.length ? (
              <p className="notice notice--warning">
                {formErrorsFor(actionData, 'sign')!.formErrors[0]}
              </p>
            ) : null}
          </>
        )}
      </section>
    </>
  )
}

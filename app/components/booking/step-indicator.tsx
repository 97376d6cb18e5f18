import { Link } from '@remix-run/react'
import { useT } from '#app/i18n/locale-context.tsx'
import { wizardMessages } from '#app/i18n/messages/index.ts'
import { type WizardStepId } from '#app/domain/booking/wizard/steps.ts'

export type StepIndicatorStep = {
  id: WizardStepId
  label: string
  path: string
  complete: boolean
}

/**
 * Where the patient is in the booking: an ordered list, the current step marked for screen
 * readers (aria-current="step"), finished steps linked so people can go back and change them.
 */
export function StepIndicator({
  steps,
  currentId,
}: {
  steps: StepIndicatorStep[]
  currentId: string
}) {
  const t = useT(wizardMessages)
  const label = (step: StepIndicatorStep) => t(`step.${step.id}`)
  const currentIndex = steps.findIndex((step) => step.id === currentId)
  const previous = steps
    .slice(0, Math.max(0, currentIndex))
    .findLast((step) => step.complete && isRevisitable(step))
  return (
    <nav aria-label={t('progress')} className="steps">
      <p className="steps__summary">
        {t('stepOf', {
          current: currentIndex + 1,
          total: steps.length,
          label: steps[currentIndex] ? label(steps[currentIndex]) : '',
        })}
      </p>
      {/* On a phone the list below is hidden: one line, a bar, and the way back. */}
      {/* An SVG, not a styled width: the content security policy allows no inline styles. */}
      <svg
        className="steps__bar"
        viewBox="0 0 100 2"
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        <rect width="100" height="2" className="steps__bar-track" />
        <rect
          width={((currentIndex + 1) / steps.length) * 100}
          height="2"
          className="steps__bar-fill"
        />
      </svg>
      {previous && currentId !== 'confirmation' ? (
        <p className="steps__back">
          <Link to={previous.path}>
            <span aria-hidden="true">← </span>
            {t('backTo', { label: label(previous).toLocaleLowerCase() })}
          </Link>
        </p>
      ) : null}
      <ol className="steps__list">
        {steps.map((step, index) => {
          const state = index === currentIndex ? 'current' : step.complete ? 'done' : 'todo'
          const canGoBack = state === 'done' && index < currentIndex && isRevisitable(step)
          return (
            <li
              key={step.id}
              className={`steps__item steps__item--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="steps__number" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              {canGoBack ? <Link to={step.path}>{label(step)}</Link> : <span>{label(step)}</span>}
              {state === 'done' ? <span className="visually-hidden"> {t('done')}</span> : null}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}

/**
 * Steps a patient can go back to and change. Not the email code once proved (going back means
 * changing the details), nor the confirmation.
 */
function isRevisitable(step: StepIndicatorStep): boolean {
  return step.id !== 'confirmation' && step.id !== 'verify'
}

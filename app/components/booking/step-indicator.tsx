import { Link } from '@remix-run/react'

export type StepIndicatorStep = { id: string; label: string; path: string; complete: boolean }

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
  const currentIndex = steps.findIndex((step) => step.id === currentId)
  return (
    <nav aria-label="Booking progress" className="steps">
      <p className="steps__summary">
        Step {currentIndex + 1} of {steps.length}: {steps[currentIndex]?.label}
      </p>
      <ol className="steps__list">
        {steps.map((step, index) => {
          const state = index === currentIndex ? 'current' : step.complete ? 'done' : 'todo'
          const canGoBack = state === 'done' && index < currentIndex && step.id !== 'confirmation'
          return (
            <li
              key={step.id}
              className={`steps__item steps__item--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="steps__number" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              {canGoBack ? <Link to={step.path}>{step.label}</Link> : <span>{step.label}</span>}
              {state === 'done' ? <span className="visually-hidden"> (done)</span> : null}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}

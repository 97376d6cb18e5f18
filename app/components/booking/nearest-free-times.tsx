import { Form } from '@remix-run/react'
import { useT } from '#app/i18n/locale-context.tsx'
import { timeMessages } from '#app/i18n/messages/index.ts'

export type NearestTime = { value: string; label: string; practitionerName: string }

/** The nearest free times an action answered with after the chosen one was lost, if any. */
export function nearestTimesOf(actionData: unknown): NearestTime[] {
  if (actionData && typeof actionData === 'object' && 'nearest' in actionData)
    return actionData.nearest as NearestTime[]
  return []
}

/**
 * After a patient lost the time they chose (someone else took it): the nearest free times, each a
 * button that holds it at once. Posts to the time step's action unless `action` says otherwise.
 */
export function NearestFreeTimes({
  times,
  pending,
  action,
}: {
  times: NearestTime[]
  pending: boolean
  action?: string
}) {
  const t = useT(timeMessages)
  if (times.length === 0) return null
  return (
    <Form method="post" action={action} aria-label={t('nearestLabel')}>
      <ul className="cluster">
        {times.map((slot) => (
          <li key={slot.value}>
            <button
              type="submit"
              name="slot"
              value={slot.value}
              className="button button--secondary"
              disabled={pending}
            >
              {t('nearestTime', { when: slot.label, practitioner: slot.practitionerName })}
            </button>
          </li>
        ))}
      </ul>
    </Form>
  )
}

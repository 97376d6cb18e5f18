import { Form } from '@remix-run/react'
import { useT } from '#app/i18n/locale-context.tsx'
import { screeningMessages } from '#app/i18n/messages/index.ts'

/** A consultation instead: a clinician looks at the skin and talks it through (ADR 017, 032). */
export function ConsultationOffer({
  text,
  serviceId,
  pending,
  primary = false,
}: {
  text: string
  serviceId: string | null
  pending: boolean
  /** The main way on when the treatment cannot be booked. */
  primary?: boolean
}) {
  const t = useT(screeningMessages)
  return (
    <section aria-labelledby="consultation-heading">
      <h2 id="consultation-heading">{t('consultationHeading')}</h2>
      <p>{text}</p>
      {serviceId ? (
        <Form method="post" action="/book">
          <input type="hidden" name="serviceId" value={serviceId} />
          <button
            type="submit"
            className={primary ? 'button' : 'button button--secondary'}
            disabled={pending}
          >
            {t('consultationButton')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}

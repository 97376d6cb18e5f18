import { Form } from '@remix-run/react'

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
  return (
    <section aria-labelledby="consultation-heading">
      <h2 id="consultation-heading">Talk to a clinician</h2>
      <p>{text}</p>
      {serviceId ? (
        <Form method="post" action="/book">
          <input type="hidden" name="serviceId" value={serviceId} />
          <button
            type="submit"
            className={primary ? 'button' : 'button button--secondary'}
            disabled={pending}
          >
            Book a consultation instead
          </button>
        </Form>
      ) : null}
    </section>
  )
}

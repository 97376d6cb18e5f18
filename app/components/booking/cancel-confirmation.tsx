import { Form, Link } from '@remix-run/react'
import { type ReactNode } from 'react'
import { SubmitButton, TextareaField } from '#app/components/forms/fields.tsx'

export type CancelFacts = {
  reference: string
  serviceName: string
  when: string
  practitionerName: string
  /** "Thursday, 11 March 2027 at 10:15": the last moment to cancel or move it online. */
  changeDeadline: string
  clinicPhone: string
}

/**
 * "Cancel your booking?": what is cancelled, the policy, an optional reason and the choice. The
 * same content is the dialog on the booking page (with JavaScript) and the page
 * /bookings/<ref>/cancel (without). It posts to the booking page's action.
 */
export function CancelConfirmation({
  facts,
  pending,
  headingId,
  headingLevel: Heading = 'h2',
  keepButton,
}: {
  facts: CancelFacts
  pending: boolean
  headingId: string
  headingLevel?: 'h1' | 'h2'
  /** How to keep the booking: a button that closes the dialog, or a link back. */
  keepButton?: ReactNode
}) {
  return (
    <div className="stack">
      <Heading id={headingId}>Cancel your booking?</Heading>
      <p>
        {facts.serviceName}, {facts.when}, with {facts.practitionerName}. Reference{' '}
        <span className="nowrap">{facts.reference}</span>.
      </p>
      <p>
        Our policy: you can cancel or move a booking online, free of charge, until{' '}
        {facts.changeDeadline}. After that, please call us on{' '}
        <a href={`tel:${facts.clinicPhone.replace(/\s/g, '')}`}>{facts.clinicPhone}</a>. Cancelling
        frees the time for someone else and cannot be undone, but you can book again at any time.
      </p>
      <Form method="post" action={`/bookings/${facts.reference}?index`} className="stack">
        <input type="hidden" name="intent" value="cancel" />
        <TextareaField
          label="Why are you cancelling? (optional)"
          textareaProps={{ name: 'reason', rows: 3, maxLength: 500 }}
        />
        <div className="cluster">
          <SubmitButton
            pending={pending}
            pendingText="Cancelling…"
            className="button button--danger"
          >
            Yes, cancel my booking
          </SubmitButton>
          {keepButton ?? (
            <Link className="button button--secondary" to={`/bookings/${facts.reference}`}>
              No, keep my booking
            </Link>
          )}
        </div>
      </Form>
    </div>
  )
}

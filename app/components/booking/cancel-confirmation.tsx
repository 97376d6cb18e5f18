import { Form, Link } from '@remix-run/react'
import { Fragment, type ReactNode } from 'react'
import { SubmitButton, TextareaField } from '#app/components/forms/fields.tsx'
import { useT } from '#app/i18n/locale-context.tsx'
import { manageMessages } from '#app/i18n/messages/index.ts'

/** Stands in a message for an argument that is an element, to be put back by withElement. */
const SLOT = '\u0000'

/** A whole translated sentence with one element (a link, a span) in place of SLOT. */
function withElement(sentence: string, element: ReactNode): ReactNode {
  return sentence
    .split(SLOT)
    .map((part, index) => <Fragment key={index}>{index === 0 ? part : [element, part]}</Fragment>)
}

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
  const t = useT(manageMessages)
  return (
    <div className="stack">
      <Heading id={headingId}>{t('cancelHeading')}</Heading>
      <p>
        {withElement(
          t('cancelFacts', {
            service: facts.serviceName,
            when: facts.when,
            practitioner: facts.practitionerName,
            reference: SLOT,
          }),
          <span key="reference" className="nowrap">
            {facts.reference}
          </span>,
        )}
      </p>
      <p>
        {t('policyUntil', { deadline: facts.changeDeadline })}{' '}
        {withElement(
          t('policyCall', { phone: SLOT }),
          <a key="phone" href={`tel:${facts.clinicPhone.replace(/\s/g, '')}`}>
            {facts.clinicPhone}
          </a>,
        )}{' '}
        {t('policyFinal')}
      </p>
      <Form method="post" action={`/bookings/${facts.reference}?index`} className="stack">
        <input type="hidden" name="intent" value="cancel" />
        <TextareaField
          label={t('reasonLabel')}
          textareaProps={{ name: 'reason', rows: 3, maxLength: 500 }}
        />
        <div className="cluster">
          <SubmitButton
            pending={pending}
            pendingText={t('cancelling')}
            className="button button--danger"
          >
            {t('confirmCancel')}
          </SubmitButton>
          {keepButton ?? (
            <Link className="button button--secondary" to={`/bookings/${facts.reference}`}>
              {t('keepBooking')}
            </Link>
          )}
        </div>
      </Form>
    </div>
  )
}

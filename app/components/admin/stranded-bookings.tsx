import { Form, Link } from '@remix-run/react'
import { useEffect, useId, useRef } from 'react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { SubmitButton, TextareaField } from '#app/components/forms/fields.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { STRAND_REASON_TEXT } from '#app/domain/clinic/stranding.rules.ts'
import { describeTimeZone, formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { type StrandedPayload } from '#app/components/admin/stranded.ts'
import { AdminNav } from './admin-nav.tsx'

/**
 * The page an admin sees instead of a silent change: the bookings it would strand, and a form
 * that posts the same change again with their choice (keep or cancel), or a way back.
 */
export function StrandedBookingsReview({
  stranded,
  change,
  backHref,
}: {
  stranded: StrandedPayload['stranded']
  /** What the admin was doing, e.g. "Saving the weekly hours of Dr Giulia Romano". */
  change: string
  backHref: string
}) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const errorId = useId()
  const isSubmitting = useIsPending()
  const count = stranded.bookings.length
  const zone = stranded.timeZone

  // With JavaScript the page swaps in place: move focus to the news, as a new page would.
  useEffect(() => {
    headingRef.current?.focus()
  }, [stranded])

  return (
    <div className="stack">
      <AdminNav />
      <h1 ref={headingRef} tabIndex={-1}>
        Check the bookings this change affects
      </h1>
      {stranded.listChanged ? (
        <p className="notice notice--warning" role="alert">
          The affected bookings have changed since you looked: a booking was made, moved or
          cancelled in the meantime. Nothing was changed. Check the list again.
        </p>
      ) : null}
      <p>
        {change} affects {count === 1 ? 'this booking' : `these ${count} bookings`}, which{' '}
        {count === 1 ? 'a patient is' : 'patients are'} relying on. Nothing has been changed yet.
      </p>
      <div className="table-wrap">
        <table>
          <caption>
            {count === 1 ? 'Affected booking' : `${count} affected bookings`}, times in{' '}
            {describeTimeZone(zone)}
          </caption>
          <TableHead
            columns={[
              'Reference',
              'Date and time',
              'Patient',
              'Service',
              'Practitioner',
              'Why it is affected',
            ]}
          />
          <tbody>
            {stranded.bookings.map((booking) => (
              <tr key={booking.id}>
                <th scope="row">
                  {booking.reference}
                  {booking.status === 'pending_review' ? (
                    <>
                      <br />
                      <span className="badge badge--warn">Awaiting review</span>
                    </>
                  ) : null}
                </th>
                <td>
                  {formatDateInZone(booking.startAt, zone)},{' '}
                  {formatTimeInZone(booking.startAt, zone)}–{formatTimeInZone(booking.endAt, zone)}
                </td>
                <td>{booking.patientName}</td>
                <td>{booking.serviceName}</td>
                <td>{booking.practitionerName}</td>
                <td>{booking.reasons.map((reason) => STRAND_REASON_TEXT[reason]).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Form method="post" aria-labelledby="stranded-choice-heading">
        <h2 id="stranded-choice-heading">What should happen to {count === 1 ? 'it' : 'them'}?</h2>
        {Object.entries(stranded.values).flatMap(([name, value]) =>
          (Array.isArray(value) ? value : [value]).map((item, index) => (
            <input key={`${name}-${index}`} type="hidden" name={name} value={item} />
          )),
        )}
        {stranded.bookings.map((booking) => (
          <input key={booking.id} type="hidden" name="acknowledgedBookingIds" value={booking.id} />
        ))}
        <fieldset aria-describedby={stranded.choiceError ? errorId : undefined}>
          <legend>Apply the change and…</legend>
          {stranded.choiceError ? (
            <p id={errorId} className="field-error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {stranded.choiceError}
            </p>
          ) : null}
          <div className="field field--checkbox">
            <input id="stranded-keep" type="radio" name="strandedChoice" value="keep" />
            <label htmlFor="stranded-keep">
              Keep these bookings (the practitioner still sees these patients)
            </label>
          </div>
          <div className="field field--checkbox">
            <input id="stranded-cancel" type="radio" name="strandedChoice" value="cancel" />
            <label htmlFor="stranded-cancel">Cancel them and email each patient</label>
          </div>
        </fieldset>
        <TextareaField
          label="Reason for the patients (optional)"
          hint="Only used when you cancel: it is added to each patient's cancellation email. Do not include health details."
          textareaProps={{
            name: 'cancelReason',
            maxLength: 500,
            rows: 3,
            defaultValue: stranded.cancelReason,
          }}
        />
        <div className="cluster">
          <SubmitButton pending={isSubmitting} pendingText="Applying…">
            Apply the change
          </SubmitButton>
          <Link to={backHref} className="button button--secondary">
            Go back without changing anything
          </Link>
        </div>
      </Form>
    </div>
  )
}

import { Form, Link } from '@remix-run/react'
import { useEffect, useId, useRef } from 'react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { SubmitButton, TextareaField } from '#app/components/forms/fields.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { strandReasonText } from '#app/domain/clinic/stranding.rules.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { adminFormsMessages, adminMessages } from '#app/i18n/messages/index.ts'
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
  const t = useT(adminMessages)
  const tf = useT(adminFormsMessages)
  const locale = useLocale()

  // With JavaScript the page swaps in place: move focus to the news, as a new page would.
  useEffect(() => {
    headingRef.current?.focus()
  }, [stranded])

  return (
    <div className="stack">
      <AdminNav />
      <h1 ref={headingRef} tabIndex={-1}>
        {t('strandedHeading')}
      </h1>
      {stranded.listChanged ? (
        <p className="notice notice--warning" role="alert">
          {t('strandedListChanged')}
        </p>
      ) : null}
      <p>{t('strandedIntro', { change, count })}</p>
      <div className="table-wrap">
        <table>
          <caption>{t('strandedCaption', { count, zone: describeTimeZone(zone, locale) })}</caption>
          <TableHead
            columns={[
              t('colReference'),
              t('colDateAndTime'),
              t('colPatient'),
              t('colService'),
              t('colPractitioner'),
              t('colWhyAffected'),
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
                      <span className="badge badge--warn">{t('awaitingReview')}</span>
                    </>
                  ) : null}
                </th>
                <td>
                  {t('bookingWhen', {
                    date: formatDateInZone(booking.startAt, zone, locale),
                    start: formatTimeInZone(booking.startAt, zone, locale),
                    end: formatTimeInZone(booking.endAt, zone, locale),
                  })}
                </td>
                <td>{booking.patientName}</td>
                <td>{booking.serviceName}</td>
                <td>{booking.practitionerName}</td>
                <td>
                  {booking.reasons.map((reason) => strandReasonText(reason, locale)).join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Form method="post" aria-labelledby="stranded-choice-heading">
        <h2 id="stranded-choice-heading">{t('strandedChoiceHeading', { count })}</h2>
        {Object.entries(stranded.values).flatMap(([name, value]) =>
          (Array.isArray(value) ? value : [value]).map((item, index) => (
            <input key={`${name}-${index}`} type="hidden" name={name} value={item} />
          )),
        )}
        {stranded.bookings.map((booking) => (
          <input key={booking.id} type="hidden" name="acknowledgedBookingIds" value={booking.id} />
        ))}
        <fieldset aria-describedby={stranded.choiceError ? errorId : undefined}>
          <legend>{t('strandedLegend')}</legend>
          {stranded.choiceError ? (
            <p id={errorId} className="field-error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {/* The one choice error the server sends (admin-responses.server.ts), in this language. */}
              {tf('strandedChoice')}
            </p>
          ) : null}
          <div className="field field--checkbox">
            <input id="stranded-keep" type="radio" name="strandedChoice" value="keep" />
            <label htmlFor="stranded-keep">{t('strandedKeep')}</label>
          </div>
          <div className="field field--checkbox">
            <input id="stranded-cancel" type="radio" name="strandedChoice" value="cancel" />
            <label htmlFor="stranded-cancel">{t('strandedCancel')}</label>
          </div>
        </fieldset>
        <TextareaField
          label={t('strandedReason')}
          hint={t('strandedReasonHint')}
          textareaProps={{
            name: 'cancelReason',
            maxLength: 500,
            rows: 3,
            defaultValue: stranded.cancelReason,
          }}
        />
        <div className="cluster">
          <SubmitButton pending={isSubmitting} pendingText={t('applying')}>
            {t('applyChange')}
          </SubmitButton>
          <Link to={backHref} className="button button--secondary">
            {t('goBack')}
          </Link>
        </div>
      </Form>
    </div>
  )
}

import { Form, useSearchParams } from '@remix-run/react'
import { type ConsentStatus } from '#app/domain/consent/consent.schema.ts'
import { tabletHelps } from '#app/domain/tablet/tablet.rules.ts'
import { type ScreeningClearance } from '#app/domain/treatment/treatment.rules.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { tabletMessages } from '#app/i18n/messages/index.ts'

/**
 * "Hand the tablet to the patient" (ADR 045), on the check-in and appointment pages when the
 * health questions or the consent are still to do, with what the last hand-over left to say.
 */
export function HandOverTablet({
  bookingId,
  facts,
}: {
  bookingId: string
  facts: { status: string; screening: ScreeningClearance; consent: ConsentStatus }
}) {
  const t = useT(tabletMessages)
  const [searchParams] = useSearchParams()
  const said = searchParams.get('tablet')
  return (
    <>
      {said === 'back' ? (
        <p className="notice notice--success" role="status">
          {t('unlocked')}
        </p>
      ) : said === 'not-needed' ? (
        <p className="notice" role="status">
          {t('notNeeded')}
        </p>
      ) : null}
      {tabletHelps(facts) ? (
        <Form method="post" action={`/staff/bookings/${bookingId}/tablet`} className="stack">
          <p id="hand-over-hint" className="muted">
            {t('handOverHint')}
          </p>
          <p>
            <button
              type="submit"
              name="intent"
              value="hand-over"
              className="button button--secondary"
              aria-describedby="hand-over-hint"
            >
              {t('handOver')}
            </button>
          </p>
        </Form>
      ) : null}
    </>
  )
}

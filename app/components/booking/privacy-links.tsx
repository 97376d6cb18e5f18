import { Link } from '@remix-run/react'
import { useT } from '#app/i18n/locale-context.tsx'
import {
  myDataMessages,
  privacyMessages,
  privacyRequestsMessages,
} from '#app/i18n/messages/index.ts'

/** The patient's privacy pages about their record (issue 19). */
export function PrivacyLinks({ reference }: { reference: string }) {
  const t = useT(privacyMessages)
  const myData = useT(myDataMessages)
  const tr = useT(privacyRequestsMessages)
  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('privacyHeading')}</h2>
      <ul>
        <li>
          <Link to={`/bookings/${reference}/record-access`}>{t('accessLink')}</Link>
        </li>
        <li>
          <Link to={`/bookings/${reference}/my-data`}>{myData('bookingLink')}</Link>
        </li>
        <li>
          <Link to={`/bookings/${reference}/privacy-request`}>{tr('requestLink')}</Link>
        </li>
      </ul>
    </section>
  )
}

import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import * as z from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { PrivacyNoticeText } from '#app/components/privacy/privacy-notice.tsx'
import { getPublicPrivacyNotice } from '#app/domain/privacy/privacy-notice.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useRichT, useT } from '#app/i18n/locale-context.tsx'
import { privacyNoticeMessages } from '#app/i18n/messages/index.ts'
import { notFound } from '#app/utils/admin-responses.server.ts'
import { formatDateInZone } from '#app/utils/format.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

/** `?version=N`: a past published version, by its number (what a patient was shown then). */
const VersionSchema = z.coerce.number().int().min(1).max(1_000_000).optional()

/** The clinic's privacy notice, for anyone (GDPR Art. 13): the version in force, or a past one. */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await requestLocale(request)
  const raw = new URL(request.url).searchParams.get('version')
  const versionNumber = VersionSchema.safeParse(raw ?? undefined)
  const found = versionNumber.success
    ? getPublicPrivacyNotice({ versionNumber: versionNumber.data, locale })
    : null
  if (!found) throw notFound(translate(privacyNoticeMessages, locale, 'versionNotFound'))
  return {
    title: translate(privacyNoticeMessages, locale, 'pageTitle'),
    reading: found.notice.reading,
    versionNumber: found.notice.versionNumber,
    since: formatDateInZone(found.publishedAt, found.timeZone, locale),
    isCurrent: found.isCurrent,
  }
}

export default function PrivacyNoticeRoute() {
  const { reading, versionNumber, since, isCurrent } = useLoaderData<typeof loader>()
  const t = useT(privacyNoticeMessages)
  const richT = useRichT(privacyNoticeMessages)
  return (
    <div className="stack page--medium">
      <h1>{reading.title}</h1>
      <p>{t('versionLine', { n: versionNumber, date: since })}</p>
      {isCurrent ? null : (
        <p className="notice notice--warning">
          {richT('olderVersion', { a: (chunks) => <Link to="/privacy">{chunks}</Link> })}
        </p>
      )}
      {reading.summary.map((paragraph) => (
        <p key={paragraph} className="lead">
          {paragraph}
        </p>
      ))}
      <PrivacyNoticeText reading={reading} headingLevel={2} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

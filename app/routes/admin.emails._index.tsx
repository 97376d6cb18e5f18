import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { OutboxPageQuerySchema } from '#app/domain/email/email.schema.ts'
import { listOutboxEmails } from '#app/domain/email/outbox-admin.server.ts'
import { describeOutboxStatus } from '#app/domain/email/outbox.rules.ts'
import { describeTimeZone, formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { outboxStatusText } from '#app/components/admin/outbox-status.ts'
import { type Translator, translator } from '#app/i18n/catalogue.ts'
import { useRichT, useT } from '#app/i18n/locale-context.tsx'
import { type Locale } from '#app/i18n/locales.ts'
import { adminEmailsMessages } from '#app/i18n/messages/index.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Sent emails | Dermadesk' },
]

type EmailsT = Translator<keyof (typeof adminEmailsMessages)['en'] & string>

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const t = translator(adminEmailsMessages, locale)
  const { page } = OutboxPageQuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  )
  const outbox = listOutboxEmails({ page })
  const at = (instant: Date) =>
    t('at', {
      date: formatDateInZone(instant, outbox.timeZone, locale),
      time: formatTimeInZone(instant, outbox.timeZone, locale),
    })
  return {
    title: t('title'),
    page: outbox.page,
    pageCount: outbox.pageCount,
    total: outbox.total,
    timeZone: describeTimeZone(outbox.timeZone, locale),
    mailServerConfigured: outbox.mailServerConfigured,
    emails: outbox.emails.map((email) => ({
      id: email.id,
      createdIso: email.createdAt.toISOString(),
      created: at(email.createdAt),
      to: email.toAddress,
      subject: email.subject,
      status: translatedStatus(
        describeOutboxStatus({
          status: email.status,
          attempts: email.attempts,
          mailServerConfigured: outbox.mailServerConfigured,
        }),
        locale,
        t,
      ),
      statusDetail: statusDetail(email, outbox.mailServerConfigured, at, t),
    })),
  }
}

/** The line under the badge: when it went, or how the retries stand. */
function statusDetail(
  email: { status: string; attempts: number; sentAt: Date | null; nextAttemptAt: Date },
  mailServerConfigured: boolean,
  at: (instant: Date) => string,
  t: EmailsT,
): string | null {
  if (email.status === 'sent' && email.sentAt)
    return email.attempts > 1
      ? t('sentAttempt', { at: at(email.sentAt), attempts: String(email.attempts) })
      : at(email.sentAt)
  if (email.status === 'failed') return t('failedAfter', { attempts: String(email.attempts) })
  if (email.status === 'pending' && mailServerConfigured && email.attempts > 0)
    return t('retrying', { attempts: email.attempts, at: at(email.nextAttemptAt) })
  return null
}

function translatedStatus<S extends { label: string }>(status: S, locale: Locale, t: EmailsT): S {
  return { ...status, label: outboxStatusText(status.label, locale, t) }
}

export default function AdminEmailsRoute() {
  const { emails, page, pageCount, total, timeZone, mailServerConfigured } =
    useLoaderData<typeof loader>()
  const t = useT(adminEmailsMessages)
  const richT = useRichT(adminEmailsMessages)
  return (
    <div className="stack">
      <AdminNav />
      <h1>{t('heading')}</h1>
      {mailServerConfigured ? null : (
        <p className="notice notice--warning">
          {richT('noMailServer', {
            b: (chunks) => <strong>{chunks}</strong>,
            code: (chunks) => <code>{chunks}</code>,
          })}
        </p>
      )}
      <p className="muted">{t('intro', { zone: timeZone })}</p>
      {emails.length === 0 ? (
        <p>{total === 0 ? t('noEmails') : t('noEmailsOnPage')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>
              {pageCount > 1
                ? t('captionPaged', { shown: String(total), total, page, pageCount })
                : t('caption', { shown: String(total), total })}
            </caption>
            <TableHead columns={[t('colCreated'), t('colTo'), t('colSubject'), t('colStatus')]} />
            <tbody>
              {emails.map((email) => (
                <tr key={email.id}>
                  <td>
                    <time dateTime={email.createdIso}>{email.created}</time>
                  </td>
                  <td>{email.to}</td>
                  <th scope="row">
                    <Link to={`/admin/emails/${email.id}`}>{email.subject}</Link>
                  </th>
                  <td>
                    <span className={`badge badge--${email.status.tone}`}>
                      {email.status.label}
                    </span>
                    {email.statusDetail ? (
                      <>
                        <br />
                        <span className="muted">{email.statusDetail}</span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageCount > 1 ? <Pagination page={page} pageCount={pageCount} /> : null}
    </div>
  )
}

function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const t = useT(adminEmailsMessages)
  return (
    <nav aria-label={t('pagesLabel')}>
      <ul className="cluster pagination">
        {page > 1 ? (
          <li>
            <Link to={`?page=${Math.min(page - 1, pageCount)}`} rel="prev">
              {t('newer')}
            </Link>
          </li>
        ) : null}
        <li>{t('pageOf', { page, pageCount })}</li>
        {page < pageCount ? (
          <li>
            <Link to={`?page=${page + 1}`} rel="next">
              {t('older')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

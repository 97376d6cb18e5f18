import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { OutboxPageQuerySchema } from '#app/domain/email/email.schema.ts'
import { listOutboxEmails } from '#app/domain/email/outbox-admin.server.ts'
import { describeOutboxStatus } from '#app/domain/email/outbox.rules.ts'
import { describeTimeZone, formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [{ title: 'Sent emails | Dermadesk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { page } = OutboxPageQuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  )
  const outbox = listOutboxEmails({ page })
  const at = (instant: Date) =>
    `${formatDateInZone(instant, outbox.timeZone)}, ${formatTimeInZone(instant, outbox.timeZone)}`
  return {
    page: outbox.page,
    pageCount: outbox.pageCount,
    total: outbox.total,
    timeZone: describeTimeZone(outbox.timeZone),
    mailServerConfigured: outbox.mailServerConfigured,
    emails: outbox.emails.map((email) => ({
      id: email.id,
      createdIso: email.createdAt.toISOString(),
      created: at(email.createdAt),
      to: email.toAddress,
      subject: email.subject,
      status: describeOutboxStatus({
        status: email.status,
        attempts: email.attempts,
        mailServerConfigured: outbox.mailServerConfigured,
      }),
      statusDetail: statusDetail(email, outbox.mailServerConfigured, at),
    })),
  }
}

/** The line under the badge: when it went, or how the retries stand. */
function statusDetail(
  email: { status: string; attempts: number; sentAt: Date | null; nextAttemptAt: Date },
  mailServerConfigured: boolean,
  at: (instant: Date) => string,
): string | null {
  if (email.status === 'sent' && email.sentAt)
    return `${at(email.sentAt)}${email.attempts > 1 ? ` (attempt ${email.attempts})` : ''}`
  if (email.status === 'failed') return `After ${email.attempts} attempts`
  if (email.status === 'pending' && mailServerConfigured && email.attempts > 0)
    return `${email.attempts} failed ${email.attempts === 1 ? 'attempt' : 'attempts'}; next try ${at(email.nextAttemptAt)}`
  return null
}

export default function AdminEmailsRoute() {
  const { emails, page, pageCount, total, timeZone, mailServerConfigured } =
    useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <AdminNav />
      <h1>Sent emails</h1>
      {mailServerConfigured ? null : (
        <p className="notice notice--warning">
          <strong>No mail server is configured</strong>, so no email leaves the clinic. Every
          message is kept here instead: open one to read what the patient would have received. To
          send them, set <code>SMTP_URL</code> and restart the app; kept messages then go out.
        </p>
      )}
      <p className="muted">
        Every email the app writes to patients, newest first. Times are {timeZone}.
      </p>
      {emails.length === 0 ? (
        <p>{total === 0 ? 'No emails yet.' : 'There are no emails on this page.'}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>
              {total} {total === 1 ? 'email' : 'emails'}
              {pageCount > 1 ? `, page ${page} of ${pageCount}` : ''}
            </caption>
            <TableHead columns={['Created', 'To', 'Subject', 'Status']} />
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
  return (
    <nav aria-label="Pages of sent emails">
      <ul className="cluster pagination">
        {page > 1 ? (
          <li>
            <Link to={`?page=${Math.min(page - 1, pageCount)}`} rel="prev">
              Newer emails
            </Link>
          </li>
        ) : null}
        <li>
          Page {page} of {pageCount}
        </li>
        {page < pageCount ? (
          <li>
            <Link to={`?page=${page + 1}`} rel="next">
              Older emails
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

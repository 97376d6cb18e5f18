import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { NotFoundBoundary } from '#app/components/error-boundary.tsx'
import { OutboxEmailParamsSchema } from '#app/domain/email/email.schema.ts'
import { getOutboxEmailForAdmin } from '#app/domain/email/outbox-admin.server.ts'
import { describeOutboxStatus } from '#app/domain/email/outbox.rules.ts'
import { auditActorOf } from '#app/utils/admin-responses.server.ts'
import { describeTimeZone, formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

// The page title stays generic: subjects carry booking references, and titles end up in history.
export const meta: MetaFunction = () => [{ title: 'Email | Dermadesk' }]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const parsed = OutboxEmailParamsSchema.safeParse(params)
  if (!parsed.success) throw new Response('Not found', { status: 404 })
  const found = getOutboxEmailForAdmin({
    emailId: parsed.data.emailId,
    actor: auditActorOf(user, context),
  })
  if (!found) throw new Response('Not found', { status: 404 })
  const { email, timeZone } = found
  const at = (instant: Date) =>
    `${formatDateInZone(instant, timeZone)}, ${formatTimeInZone(instant, timeZone)}`
  return {
    id: email.id,
    from: found.from,
    to: email.toAddress,
    subject: email.subject,
    messageId: email.messageId,
    bookingReference: email.bookingReference,
    created: at(email.createdAt),
    timeZone: describeTimeZone(timeZone),
    status: describeOutboxStatus({
      status: email.status,
      attempts: email.attempts,
      mailServerConfigured: found.mailServerConfigured,
    }),
    attempts: email.attempts,
    sentAt: email.sentAt ? at(email.sentAt) : null,
    nextTry:
      email.status === 'pending' && found.mailServerConfigured ? at(email.nextAttemptAt) : null,
    lastError: email.lastError,
    text: email.textBody,
    hasHtml: email.htmlBody !== null,
    calendarFilename: email.icsContent ? (email.icsFilename ?? 'appointment.ics') : null,
  }
}

export default function AdminEmailRoute() {
  const email = useLoaderData<typeof loader>()
  return (
    <div className="stack page--medium">
      <p>
        <Link to="/admin/emails">Back to sent emails</Link>
      </p>
      <h1>{email.subject}</h1>
      <p className="muted">Times are {email.timeZone}. Opening this page is recorded.</p>

      <section aria-labelledby="delivery-heading">
        <h2 id="delivery-heading">Delivery</h2>
        <dl className="details">
          <dt>Status</dt>
          <dd>
            <span className={`badge badge--${email.status.tone}`}>{email.status.label}</span>
          </dd>
          <dt>Attempts</dt>
          <dd>{email.attempts}</dd>
          {email.sentAt ? (
            <>
              <dt>Sent</dt>
              <dd>{email.sentAt}</dd>
            </>
          ) : null}
          {email.nextTry ? (
            <>
              <dt>Next try</dt>
              <dd>{email.nextTry}</dd>
            </>
          ) : null}
          <dt>Last error</dt>
          <dd>{email.lastError ?? 'None'}</dd>
        </dl>
      </section>

      <section aria-labelledby="headers-heading">
        <h2 id="headers-heading">Headers</h2>
        <dl className="details">
          <dt>From</dt>
          <dd>{email.from}</dd>
          <dt>To</dt>
          <dd>{email.to}</dd>
          <dt>Subject</dt>
          <dd>{email.subject}</dd>
          <dt>Created</dt>
          <dd>{email.created}</dd>
          <dt>Message-ID</dt>
          <dd>
            <code className="break-anywhere">{email.messageId}</code>
          </dd>
          {email.bookingReference ? (
            <>
              <dt>Booking</dt>
              <dd>{email.bookingReference}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">Calendar file</h2>
        {email.calendarFilename ? (
          <p>
            Attached:{' '}
            <a href={`/admin/emails/${email.id}/ics`} download={email.calendarFilename}>
              Download the calendar file ({email.calendarFilename})
            </a>
          </p>
        ) : (
          <p>This email has no calendar file.</p>
        )}
      </section>

      <section aria-labelledby="text-heading">
        <h2 id="text-heading">Message text</h2>
        {email.hasHtml ? (
          <p className="muted">
            The email also has a formatted (HTML) version with the same words; it is not shown here.
          </p>
        ) : null}
        <pre className="email-body">{email.text}</pre>
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return (
    <NotFoundBoundary title="Email not found">
      <p>There is no email with that address. It may have been mistyped.</p>
      <p>
        <Link to="/admin/emails">Back to sent emails</Link>
      </p>
    </NotFoundBoundary>
  )
}

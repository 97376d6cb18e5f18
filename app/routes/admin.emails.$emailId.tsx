import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useT } from '#app/i18n/locale-context.tsx'
import { translator } from '#app/i18n/catalogue.ts'
import { Link, useLoaderData } from '@remix-run/react'
import { outboxStatusText } from '#app/components/admin/outbox-status.ts'
import { NotFoundBoundary } from '#app/components/error-boundary.tsx'
import { OutboxEmailParamsSchema } from '#app/domain/email/email.schema.ts'
import { getOutboxEmailForAdmin } from '#app/domain/email/outbox-admin.server.ts'
import { describeOutboxStatus } from '#app/domain/email/outbox.rules.ts'
import { OUTBOX_BODY_RETENTION_DAYS } from '#app/domain/privacy/retention.rules.ts'
import { auditActorOf } from '#app/utils/admin-responses.server.ts'
import { describeTimeZone, formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { adminEmailsMessages } from '#app/i18n/messages/index.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

// The page title stays generic: subjects carry booking references, and titles end up in history.
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Email | Dermadesk' },
]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const t = translator(adminEmailsMessages, locale)
  const parsed = OutboxEmailParamsSchema.safeParse(params)
  if (!parsed.success) throw new Response('Not found', { status: 404 })
  const found = getOutboxEmailForAdmin({
    emailId: parsed.data.emailId,
    actor: auditActorOf(user, context),
  })
  if (!found) throw new Response('Not found', { status: 404 })
  const { email, timeZone } = found
  const at = (instant: Date) =>
    t('at', {
      date: formatDateInZone(instant, timeZone, locale),
      time: formatTimeInZone(instant, timeZone, locale),
    })
  const status = describeOutboxStatus({
    status: email.status,
    attempts: email.attempts,
    mailServerConfigured: found.mailServerConfigured,
  })
  return {
    title: t('emailTitle'),
    id: email.id,
    from: found.from,
    to: email.toAddress,
    subject: email.subject,
    messageId: email.messageId,
    bookingReference: email.bookingReference,
    created: at(email.createdAt),
    timeZone: describeTimeZone(timeZone, locale),
    status: { ...status, label: outboxStatusText(status.label, locale, t) },
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
  const t = useT(adminEmailsMessages)
  return (
    <div className="stack page--medium">
      <p>
        <Link to="/admin/emails">{t('back')}</Link>
      </p>
      <h1>{email.subject}</h1>
      <p className="muted">{t('timesRecorded', { zone: email.timeZone })}</p>

      <section aria-labelledby="delivery-heading">
        <h2 id="delivery-heading">{t('delivery')}</h2>
        <dl className="details">
          <dt>{t('colStatus')}</dt>
          <dd>
            <span className={`badge badge--${email.status.tone}`}>{email.status.label}</span>
          </dd>
          <dt>{t('attempts')}</dt>
          <dd>{email.attempts}</dd>
          {email.sentAt ? (
            <>
              <dt>{t('sent')}</dt>
              <dd>{email.sentAt}</dd>
            </>
          ) : null}
          {email.nextTry ? (
            <>
              <dt>{t('nextTry')}</dt>
              <dd>{email.nextTry}</dd>
            </>
          ) : null}
          <dt>{t('lastError')}</dt>
          <dd>{email.lastError ?? t('none')}</dd>
        </dl>
      </section>

      <section aria-labelledby="headers-heading">
        <h2 id="headers-heading">{t('headers')}</h2>
        <dl className="details">
          <dt>{t('from')}</dt>
          <dd>{email.from}</dd>
          <dt>{t('colTo')}</dt>
          <dd>{email.to}</dd>
          <dt>{t('colSubject')}</dt>
          <dd>{email.subject}</dd>
          <dt>{t('colCreated')}</dt>
          <dd>{email.created}</dd>
          <dt>Message-ID</dt>
          <dd>
            <code className="break-anywhere">{email.messageId}</code>
          </dd>
          {email.bookingReference ? (
            <>
              <dt>{t('booking')}</dt>
              <dd>{email.bookingReference}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">{t('calendarFile')}</h2>
        {email.calendarFilename ? (
          <p>
            {t('attached')}{' '}
            <a href={`/admin/emails/${email.id}/ics`} download={email.calendarFilename}>
              {t('download', { filename: email.calendarFilename })}
            </a>
          </p>
        ) : (
          <p>{t('noCalendarFile')}</p>
        )}
      </section>

      <section aria-labelledby="text-heading">
        <h2 id="text-heading">{t('messageText')}</h2>
        {email.text === '' ? (
          <p>{t('bodyCleared', { days: String(OUTBOX_BODY_RETENTION_DAYS) })}</p>
        ) : (
          <>
            {email.hasHtml ? <p className="muted">{t('hasHtml')}</p> : null}
            <pre className="email-body">{email.text}</pre>
          </>
        )}
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  const t = useT(adminEmailsMessages)
  return (
    <NotFoundBoundary title={t('notFoundTitle')}>
      <p>{t('notFoundText')}</p>
      <p>
        <Link to="/admin/emails">{t('back')}</Link>
      </p>
    </NotFoundBoundary>
  )
}

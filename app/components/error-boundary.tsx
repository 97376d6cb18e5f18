import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { type ReactNode } from 'react'
import { useT } from '#app/i18n/locale-context.tsx'
import { errorsMessages } from '#app/i18n/messages/index.ts'

type StatusHandler = (info: { message: string | null }) => ReactNode

function Forbidden({ message }: { message: string | null }) {
  const t = useT(errorsMessages)
  return (
    <ErrorPage title={t('forbiddenTitle')}>
      <p>{message ?? t('forbiddenDefault')}</p>
      <p>
        {t('forbiddenHelp')} <Link to="/">{t('home')}</Link>.
      </p>
    </ErrorPage>
  )
}

function NotFound() {
  const t = useT(errorsMessages)
  return (
    <ErrorPage title={t('notFoundTitle')}>
      <p>{t('notFoundText')}</p>
      <p>
        <Link to="/">{t('home')}</Link>
      </p>
    </ErrorPage>
  )
}

const DEFAULT_HANDLERS: Record<number, StatusHandler> = {
  403: ({ message }) => <Forbidden message={message} />,
  404: () => <NotFound />,
}

function ErrorPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="page page--narrow">
      <h1>{title}</h1>
      {children}
    </div>
  )
}

function messageOf(data: unknown): string | null {
  if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string')
    return data.message
  return null
}

/** The error page of a page whose "not found" says more: what was not found, and where to go. */
export function NotFoundBoundary({ title, children }: { title: string; children: ReactNode }) {
  return (
    <GeneralErrorBoundary
      statusHandlers={{ 404: () => <ErrorPage title={title}>{children}</ErrorPage> }}
    />
  )
}

/**
 * One error page for the whole app: a friendly page per status code and, for anything
 * unexpected, a generic message that never shows internals.
 */
export function GeneralErrorBoundary({
  statusHandlers = {},
}: {
  statusHandlers?: Record<number, StatusHandler>
}) {
  const error = useRouteError()
  const t = useT(errorsMessages)
  if (isRouteErrorResponse(error)) {
    const handler = statusHandlers[error.status] ?? DEFAULT_HANDLERS[error.status]
    if (handler) return <>{handler({ message: messageOf(error.data) })}</>
    return (
      <ErrorPage title={t('statusTitle', { status: error.status })}>
        <p>{messageOf(error.data) ?? t('tryAgain')}</p>
      </ErrorPage>
    )
  }
  return (
    <ErrorPage title={t('unexpectedTitle')}>
      <p>{t('unexpectedText')}</p>
      <p>
        {t('unexpectedHelp')} <Link to="/">{t('home')}</Link>.
      </p>
    </ErrorPage>
  )
}

import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { type ReactNode } from 'react'

type StatusHandler = (info: { message: string | null }) => ReactNode

const DEFAULT_HANDLERS: Record<number, StatusHandler> = {
  403: ({ message }) => (
    <ErrorPage title="You do not have access to this page">
      <p>{message ?? 'Your account does not allow this.'}</p>
      <p>
        If you think you should, ask a clinic administrator. <Link to="/">Go to the home page</Link>
        .
      </p>
    </ErrorPage>
  ),
  404: () => (
    <ErrorPage title="Page not found">
      <p>We could not find that page. The link may be old or mistyped.</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </ErrorPage>
  ),
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
  if (isRouteErrorResponse(error)) {
    const handler = statusHandlers[error.status] ?? DEFAULT_HANDLERS[error.status]
    if (handler) return <>{handler({ message: messageOf(error.data) })}</>
    return (
      <ErrorPage title={`Something went wrong (${error.status})`}>
        <p>{messageOf(error.data) ?? 'Please try again.'}</p>
      </ErrorPage>
    )
  }
  return (
    <ErrorPage title="Something went wrong">
      <p>Sorry, something went wrong on our side. Please try again in a moment.</p>
      <p>
        If it keeps happening, call the clinic. <Link to="/">Go to the home page</Link>.
      </p>
    </ErrorPage>
  )
}

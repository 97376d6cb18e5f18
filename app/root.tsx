// First: configures zod before any schema in the browser is created (see the module).
import '#app/utils/zod-config.ts'
import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from '@remix-run/react'
import { type ReactNode } from 'react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { SiteFooter, SiteHeader } from '#app/components/site-chrome.tsx'
import { getClinicContact } from '#app/domain/clinic/clinic.server.ts'
import { getStaffSession } from '#app/utils/auth.server.ts'
import { InlineStyles } from '#app/utils/inline-styles.tsx'
import { useNonce } from '#app/utils/nonce-provider.ts'

export const links: LinksFunction = () => [
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'icon', href: '/favicon.ico', sizes: '32x32' },
]

export const meta: MetaFunction = () => [{ title: 'Dermadesk Skin Clinic' }]

/**
 * In the document head of every page: a route's `meta` replaces the root's, and the routes only
 * set their titles, so a description in `meta` would be missing from every page but the root's.
 */
const DESCRIPTION =
  'Book microneedling treatments, check you can have them, and sign your consent online.'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getStaffSession(request, context)
  return {
    clinic: getClinicContact(),
    // A sign-in that still owes its second factor (or its set-up) shows only "Sign out".
    staffUser: session
      ? { name: session.user.name, roles: session.user.roles, access: session.access }
      : null,
  }
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  const data = useRouteLoaderData<typeof loader>('root')
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <meta name="description" content={DESCRIPTION} />
        <Meta />
        <Links />
        <InlineStyles nonce={nonce} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <SiteHeader
          clinicName={data?.clinic?.name ?? 'Dermadesk'}
          staffUser={data?.staffUser ?? null}
        />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter clinic={data?.clinic ?? null} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

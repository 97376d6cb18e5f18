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
import { SiteFooter, SiteHeader, SkipLink } from '#app/components/site-chrome.tsx'
import { TabletHeader } from '#app/components/tablet-chrome.tsx'
import { translate } from '#app/i18n/catalogue.ts'
import { LocaleProvider } from '#app/i18n/locale-context.tsx'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { type Locale, LOCALES } from '#app/i18n/locales.ts'
import { layoutMessages } from '#app/i18n/messages/index.ts'
import { getClinicContact } from '#app/domain/clinic/clinic.server.ts'
import { getStaffSessionState } from '#app/utils/auth.server.ts'
import { STAFF_PAGES_FALLBACK } from '#app/utils/request-locale.server.ts'
import { InlineStyles } from '#app/utils/inline-styles.tsx'
import { useNonce } from '#app/utils/nonce-provider.ts'

export const links: LinksFunction = () => [
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'icon', href: '/favicon.ico', sizes: '32x32' },
]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.clinic?.name ?? 'Dermadesk' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session, tablet } = await getStaffSessionState(request, context)
  const clinic = getClinicContact()
  // The session is read once, here: a signed-in staff member's profile language comes second.
  const locale = session
    ? await resolveLocale(request, STAFF_PAGES_FALLBACK, session.user.locale ?? null)
    : await resolveLocale(request, clinic?.defaultLocale ?? 'en')
  return {
    clinic,
    locale,
    page: pageAddresses(request),
    // A clinic tablet handed to a patient (ADR 045): its own header, no links away.
    tablet,
    // A sign-in that still owes its second factor (or its set-up) shows only "Sign out".
    staffUser: session
      ? { name: session.user.name, roles: session.user.roles, access: session.access }
      : null,
  }
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>

/**
 * This page's address without `?lang=` (where the language switch comes back to) and its
 * address in each language (the hreflang alternates, which search engines and screen readers
 * can follow).
 */
function pageAddresses(request: Request) {
  const url = new URL(request.url)
  url.searchParams.delete('lang')
  const path = `${url.pathname}${url.search}`
  const inLanguage = (locale: Locale) => {
    const alternate = new URL(url)
    alternate.searchParams.set('lang', locale)
    return alternate.href
  }
  return {
    path,
    alternates: LOCALES.map((locale) => ({ locale, href: inLanguage(locale) })),
    defaultHref: url.href,
  }
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  const data = useRouteLoaderData<typeof loader>('root')
  const locale = data?.locale ?? 'en'
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        {/* Here, not in `meta`: a route's `meta` replaces the root's, and routes set titles. */}
        <meta name="description" content={translate(layoutMessages, locale, 'siteDescription')} />
        {data?.page.alternates.map((alternate) => (
          <link
            key={alternate.locale}
            rel="alternate"
            hrefLang={alternate.locale}
            href={alternate.href}
          />
        ))}
        {data ? <link rel="alternate" hrefLang="x-default" href={data.page.defaultHref} /> : null}
        <Meta />
        <Links />
        <InlineStyles nonce={nonce} />
      </head>
      <body>
        <LocaleProvider locale={locale}>
          <SkipLink />
          {data?.tablet ? (
            <TabletHeader clinicName={data.clinic?.name ?? 'Dermadesk'} pagePath={data.page.path} />
          ) : (
            <SiteHeader
              clinicName={data?.clinic?.name ?? 'Dermadesk'}
              staffUser={data?.staffUser ?? null}
              pagePath={data?.page.path ?? '/'}
            />
          )}
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          {data?.tablet ? null : <SiteFooter clinic={data?.clinic ?? null} />}
        </LocaleProvider>
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

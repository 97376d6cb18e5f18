import { Links, Meta, Outlet, Scripts } from '@remix-run/react'

/** The floor's layout: a document, its head and the framework's scripts; no data, no styles. */
export default function Root() {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <Scripts />
      </body>
    </html>
  )
}

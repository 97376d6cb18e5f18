import { type MetaFunction } from '@remix-run/node'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'

// Every URL no other route matches lands here, so unknown pages get the app's own 404 page
// (inside the normal layout, with a real 404 status) rather than a bare error.

export const meta: MetaFunction = () => [{ title: 'Page not found | Dermadesk' }]

export async function loader() {
  throw new Response('Not found', { status: 404 })
}

export async function action() {
  throw new Response('Not found', { status: 404 })
}

export default function NotFoundRoute() {
  return <GeneralErrorBoundary />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

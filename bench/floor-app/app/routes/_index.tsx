import { type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { readClinic } from '../clinic.server.ts'

export const meta: MetaFunction = () => [{ title: 'Floor' }]

export async function loader() {
  const clinic = readClinic(1)
  if (!clinic) throw new Response('Not found', { status: 404 })
  return clinic
}

export default function Index() {
  const clinic = useLoaderData<typeof loader>()
  return (
    <main>
      <h1>{clinic.name}</h1>
      <p>{clinic.tagline}</p>
    </main>
  )
}

import { type LoaderFunctionArgs } from '@remix-run/node'
import { readPractitionerPhoto } from '#app/domain/clinic/practitioner-photo.server.ts'

/**
 * A practitioner's portrait, public like their name. The address carries the picture's hash, so
 * a new photo gets a new address and this one may be cached for good.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const photo = await readPractitionerPhoto(params.photoKey ?? '')
  if (!photo)
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } })
  return new Response(new Uint8Array(photo), {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(photo.length),
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  })
}

import { type LoaderFunctionArgs } from '@remix-run/node'
import { readClinicalPhoto } from '#app/domain/photos/clinical-photos.server.ts'
import { PhotoParamsSchema } from '#app/domain/photos/photo.schema.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { photosMessages } from '#app/i18n/messages/index.ts'
import { staffActorOf } from '#app/utils/admin-responses.server.ts'
import { requireClinicalRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

/**
 * One clinical photo, `thumb` or `display` size (docs/decisions/047-clinical-photos.md): for
 * clinicians only, only while the consent it was taken under stands and (for all but admins)
 * the record is not restricted, never cached, every view audited. The comparison and its PDF use this same address.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireClinicalRole(request)
  const parsed = PhotoParamsSchema.safeParse(params)
  const photo = parsed.success
    ? await readClinicalPhoto({
        photoId: parsed.data.photoId,
        size: parsed.data.size,
        actor: staffActorOf(user, context),
        viewerRoles: user.roles,
      })
    : null
  if (!photo) {
    const locale = await requestLocale(request, user)
    throw new Response(translate(photosMessages, locale, 'photoNotFound'), {
      status: 404,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  }
  return new Response(new Uint8Array(photo), {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(photo.length),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { parsePhotoCompareQuery } from '#app/domain/photos/photo-compare.schema.ts'
import { getPhotoPrintPdf } from '#app/domain/photos/photo-print-pdf.server.ts'
import { staffActorOf } from '#app/utils/admin-responses.server.ts'
import { requireClinicalRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { requireOpenPatient } from '#app/utils/restricted-guards.server.ts'

/**
 * One area and view's two photos as an A4 PDF to hand to the patient (clinicians only, audited).
 * Only for an area and view with visible photos: `?area=…&view=…` (and optionally `from`, `to`).
 * The file name carries no name or health detail, and nothing is cached.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireClinicalRole(request)
  await requireOpenPatient(request, user, params.patientId ?? '')
  const locale = await requestLocale(request, user)
  const result = await getPhotoPrintPdf({
    patientId: params.patientId ?? '',
    query: parsePhotoCompareQuery(request.url),
    viewerRoles: user.roles,
    actor: staffActorOf(user, context),
    now: new Date(),
    locale,
  })
  if (!result.ok) {
    if (result.reason === 'forbidden')
      throw data({ message: 'This page is for clinicians.' }, { status: 403 })
    throw new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } })
  }
  return new Response(Buffer.from(result.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${result.filename}"`,
      'Cache-Control': 'no-store',
    },
  })
}

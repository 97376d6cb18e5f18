import { type LoaderFunctionArgs } from '@remix-run/node'
import { getStaffConsentPdf } from '#app/domain/consent/consent-staff.server.ts'
import { RecordIdSchema } from '#app/domain/consent/consent.schema.ts'
import { requireClinicalRole } from '#app/utils/permissions.server.ts'
import { requireOpenBooking } from '#app/utils/restricted-guards.server.ts'

/** A booking's signed consent as a PDF, for clinicians (resource route, audited). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireClinicalRole(request)
  const bookingId = RecordIdSchema.safeParse(params.bookingId)
  if (!bookingId.success) throw new Response('Not found', { status: 404 })
  await requireOpenBooking(request, user, bookingId.data)
  const pdf = await getStaffConsentPdf({
    bookingId: bookingId.data,
    actor: { userId: user.id, ipAddress: context.clientIp, requestId: context.requestId },
    now: new Date(),
  })
  if (!pdf) throw new Response('Not found', { status: 404 })
  return new Response(Buffer.from(pdf.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${pdf.filename}"`,
      'Cache-Control': 'no-store',
    },
  })
}

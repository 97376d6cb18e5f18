import { type LoaderFunctionArgs } from '@remix-run/node'
import { getPatientBookingCalendar } from '#app/domain/booking/booking-manage.server.ts'
import { requireReferenceParam } from '#app/utils/patient-guards.server.ts'
import { getPatientSessionFromRequest } from '#app/utils/patient-session.server.ts'

/** The appointment as a calendar file. It names the clinic only, never the treatment. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const reference = requireReferenceParam(params)
  const calendar = getPatientBookingCalendar({
    session: await getPatientSessionFromRequest(request),
    reference,
  })
  if (!calendar) throw new Response('Not found', { status: 404 })
  return new Response(calendar, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="dermadesk-${reference}.ics"`,
      'Cache-Control': 'no-store',
    },
  })
}

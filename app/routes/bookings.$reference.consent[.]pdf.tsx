import { type LoaderFunctionArgs } from '@remix-run/node'
import { getPatientConsentPdf } from '#app/domain/consent/consent-patient.server.ts'
import { requireReferenceParam } from '#app/utils/patient-guards.server.ts'
import { getPatientSessionFromRequest } from '#app/utils/patient-session.server.ts'

/** The patient's signed consent as a PDF (resource route, audited). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const reference = requireReferenceParam(params)
  const pdf = await getPatientConsentPdf({
    session: await getPatientSessionFromRequest(request),
    reference,
    actor: { ipAddress: context.clientIp, requestId: context.requestId },
    now: new Date(),
  })
  if (!pdf) throw new Response('Not found', { status: 404 })
  return new Response(Buffer.from(pdf.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${pdf.filename}"`,
      // A signed health document: never cached (security goal D8).
      'Cache-Control': 'no-store',
    },
  })
}

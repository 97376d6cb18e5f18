import { type LoaderFunctionArgs } from '@remix-run/node'
import { downloadMyData } from '#app/domain/privacy/my-data.server.ts'
import { type MyDataFormat } from '#app/domain/privacy/my-data.schema.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { myDataMessages } from '#app/i18n/messages/index.ts'
import { patientActor } from './booking-wizard.server.ts'
import { retryAfter } from './forms.server.ts'
import { requireReferenceParam } from './patient-guards.server.ts'
import { getPatientSessionFromRequest } from './patient-session.server.ts'
import { requestLocale } from './request-locale.server.ts'

/**
 * The loader of /bookings/<ref>/my-data.json and .pdf: the patient's whole record as a file, in
 * the page's language. Not theirs, or a session proven by a manage link only: 404 (a file has no
 * page to send anyone to). Too many downloads in an hour: 429 with Retry-After. Never cached.
 */
export async function myDataFileResponse(
  { request, params, context }: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>,
  format: MyDataFormat,
): Promise<Response> {
  const reference = requireReferenceParam(params)
  const locale = await requestLocale(request)
  const result = await downloadMyData({
    session: await getPatientSessionFromRequest(request),
    reference,
    now: new Date(),
    actor: patientActor(context),
    format,
    locale,
  })
  if (!result.ok && result.reason === 'rate-limited')
    throw new Response(translate(myDataMessages, locale, 'tooMany'), {
      status: 429,
      headers: retryAfter(result.retryAfterSeconds, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
      }),
    })
  if (!result.ok) throw new Response('Not found', { status: 404 })
  return new Response(typeof result.body === 'string' ? result.body : Buffer.from(result.body), {
    headers: {
      'Content-Type': result.contentType,
      'Content-Disposition': `attachment; filename="${result.filename}"`,
      // The whole health record: never cached (security goal D8).
      'Cache-Control': 'no-store',
    },
  })
}

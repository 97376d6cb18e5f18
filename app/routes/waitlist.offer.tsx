import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { SubmitButton } from '#app/components/forms/fields.tsx'
import {
  acceptOffer,
  getOfferView,
  type OfferState,
} from '#app/domain/waitlist/waitlist-offers.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { waitlistMessages } from '#app/i18n/messages/index.ts'
import { ensurePatientSession } from '#app/utils/patient-session.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

function tokenOf(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : null
}

function refusal(state: Exclude<OfferState, 'open'>, locale: Locale): string {
  const key = (
    {
      lapsed: 'offerLapsed',
      taken: 'offerTaken',
      accepted: 'offerAccepted',
      withdrawn: 'offerWithdrawn',
    } as const
  )[state]
  return translate(waitlistMessages, locale, key)
}

// The link in the offer email (?token=…). Opening it changes nothing; "Book this time" starts
// the booking wizard in this browser with the offered time held.
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await requestLocale(request)
  const token = tokenOf(new URL(request.url).searchParams.get('token'))
  const offer = token ? getOfferView({ token, now: new Date(), locale }) : null
  if (!offer || !token) throw new Response('Not found', { status: 404 })
  return {
    title: translate(waitlistMessages, locale, 'offerTitle'),
    token,
    offer,
    refusal: offer.state === 'open' ? null : refusal(offer.state, locale),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = await requestLocale(request)
  const token = tokenOf(
    await request.formData().then(
      (form) => form.get('token'),
      () => null,
    ),
  )
  // An unknown link changes nothing, not even a new browser session.
  if (!token || !getOfferView({ token, now: new Date(), locale }))
    throw new Response('Not found', { status: 404 })
  const { session, setCookie } = await ensurePatientSession(request)
  const headers = setCookie ? { 'Set-Cookie': setCookie } : undefined
  const result = acceptOffer({
    token,
    session,
    now: new Date(),
    actor: { type: 'patient', ipAddress: context.clientIp, requestId: context.requestId },
  })
  if (result.ok) return redirect(result.next, { headers })
  if (result.reason === 'not-found') throw new Response('Not found', { status: 404 })
  return data({ error: refusal(result.reason, locale) }, { status: 409, headers })
}

export default function WaitlistOfferRoute() {
  const { token, offer, refusal } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const t = useT(waitlistMessages)
  const problem = actionData?.error ?? refusal
  return (
    <div className="stack">
      <h1>{t('offerHeading')}</h1>
      <p className="lead">
        {t('offerBody', { when: offer.when, practitioner: offer.practitionerName })}
      </p>
      {problem ? (
        <>
          <p className="form-errors" role="alert">
            {problem}
          </p>
          <p>{t('offerNothingChanged')}</p>
          <p>
            <Link to="/book">{t('bookAnother')}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('offerUntil', { until: offer.until })}</p>
          <p>{t('offerSteps')}</p>
          <Form method="post">
            <input type="hidden" name="token" value={token} />
            <SubmitButton pending={pending}>{t('offerAccept')}</SubmitButton>
          </Form>
        </>
      )}
    </div>
  )
}

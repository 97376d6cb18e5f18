import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { manageLinkSchema } from '#app/domain/booking/booking.schema.ts'
import { openManageLink } from '#app/domain/booking/booking-manage.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { patientActor } from '#app/utils/booking-wizard.server.ts'
import { ensurePatientSession, patientSessionCookie } from '#app/utils/patient-session.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { manageMessages } from '#app/i18n/messages/index.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

// The emailed link lands here. Opening it changes nothing: mail scanners fetch links too. The
// patient presses the button, which posts the token and opens the booking.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  return {
    title: translate(manageMessages, await requestLocale(request), 'openTitle'),
    token: manageLinkSchema().safeParse({ token }).success ? token : null,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = await requestLocale(request)
  const parsed = await parseForm(request, manageLinkSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const { session, setCookie } = await ensurePatientSession(request)
  const result = openManageLink({
    session,
    token: parsed.data.token,
    now: new Date(),
    actor: patientActor(context),
  })
  if (!result.ok) {
    const headers = setCookie ? { 'Set-Cookie': setCookie } : undefined
    return formError(
      {
        formErrors: [translate(manageMessages, locale, 'linkExpired')],
      },
      400,
      headers,
    )
  }
  return redirect(`/bookings/${result.reference}`, {
    headers: { 'Set-Cookie': await patientSessionCookie(result.sessionToken) },
  })
}

export default function OpenManageLinkRoute() {
  const { token } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const t = useT(manageMessages)
  const problems = actionData
    ? [...actionData.formErrors, ...Object.values(actionData.fieldErrors).flat()].filter(
        (e): e is string => Boolean(e),
      )
    : []
  return (
    <div className="stack page--narrow">
      <h1>{t('openHeading')}</h1>
      <FormErrorList errors={problems} />
      {token ? (
        <Form method="post">
          <input type="hidden" name="token" value={token} />
          <SubmitButton pending={pending} pendingText={t('opening')}>
            {t('openBooking')}
          </SubmitButton>
        </Form>
      ) : (
        <p>{t('linkIncomplete')}</p>
      )}
      <p>
        <Link to="/bookings">{t('findInstead')}</Link>
      </p>
    </div>
  )
}

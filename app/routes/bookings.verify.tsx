import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { Field, oneTimeCodeProps, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { verificationCodeSchema } from '#app/domain/booking/booking.schema.ts'
import { verifyManageCode } from '#app/domain/booking/booking-manage.server.ts'
import { CODE_VALID_MINUTES } from '#app/domain/patient/email-verification.rules.ts'
import { patientActor } from '#app/utils/booking-wizard.server.ts'
import { formError, parseForm, retryAfter } from '#app/utils/forms.server.ts'
import { retryAfterHeaders } from '#app/utils/headers.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { manageMessages } from '#app/i18n/messages/index.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import {
  getPatientSessionFromRequest,
  patientSessionCookie,
} from '#app/utils/patient-session.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

// A 429 from the action says when to try again (Retry-After).
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getPatientSessionFromRequest(request))) throw redirect('/bookings')
  const reference = new URL(request.url).searchParams.get('reference') ?? ''
  return {
    title: translate(manageMessages, await requestLocale(request), 'verifyTitle'),
    reference: /^DD-[0-9A-Z]{6}$/.test(reference) ? reference : '',
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await getPatientSessionFromRequest(request)
  if (!session) throw redirect('/bookings')
  const locale = await requestLocale(request)
  const parsed = await parseForm(request, verificationCodeSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const result = verifyManageCode({
    session,
    code: parsed.data.code,
    now: new Date(),
    actor: patientActor(context),
    locale,
  })
  if (result.ok)
    return redirect(`/bookings/${result.reference}`, {
      headers: { 'Set-Cookie': await patientSessionCookie(result.sessionToken) },
    })
  if (result.retryAfterSeconds)
    return formError(
      { fieldErrors: { code: [result.message] } },
      429,
      retryAfter(result.retryAfterSeconds),
    )
  return formError({ fieldErrors: { code: [result.message] } }, 400)
}

export default function VerifyManageCodeRoute() {
  const { reference } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const locale = useLocale()
  const t = useT(manageMessages)
  const schema = useMemo(() => verificationCodeSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, actionData, {
    secretFields: ['code'],
  })
  return (
    <div className="stack page--narrow">
      <h1>{t('verifyHeading')}</h1>
      <p>{t('verifyIntro', { minutes: CODE_VALID_MINUTES })}</p>
      <Form {...formProps}>
        <Field label={t('codeLabel')} {...fields.input('code', oneTimeCodeProps(6))} />
        <SubmitButton pending={pending} pendingText={t('checking')}>
          {t('openBooking')}
        </SubmitButton>
      </Form>
      <p>
        <Link to={reference ? `/bookings?reference=${reference}` : '/bookings'}>
          {t('newCode')}
        </Link>
      </p>
    </div>
  )
}

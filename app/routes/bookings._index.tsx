import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { Field, FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { findBookingSchema } from '#app/domain/booking/booking.schema.ts'
import { requestManageCode } from '#app/domain/booking/booking-manage.server.ts'
import { tooManyCodesMessage } from '#app/domain/patient/email-verification.rules.ts'
import { patientActor } from '#app/utils/booking-wizard.server.ts'
import { formError, parseForm, retryAfter } from '#app/utils/forms.server.ts'
import { ensurePatientSession } from '#app/utils/patient-session.server.ts'
import { retryAfterHeaders } from '#app/utils/headers.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { manageMessages } from '#app/i18n/messages/index.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

// A 429 from the action says when to try again (Retry-After).
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  const reference = new URL(request.url).searchParams.get('reference') ?? ''
  return {
    title: translate(manageMessages, await requestLocale(request), 'findTitle'),
    reference: /^DD-[0-9A-Z]{6}$/.test(reference) ? reference : '',
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = await requestLocale(request)
  const parsed = await parseForm(request, findBookingSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const { session, setCookie } = await ensurePatientSession(request)
  const result = requestManageCode({
    session,
    ...parsed.data,
    now: new Date(),
    actor: patientActor(context),
  })
  const headers = setCookie ? { 'Set-Cookie': setCookie } : undefined
  if (!result.ok) {
    return formError(
      {
        formErrors: [tooManyCodesMessage(result.retryAfterSeconds, locale)],
        values: parsed.values,
      },
      429,
      retryAfter(result.retryAfterSeconds, headers),
    )
  }
  return redirect(`/bookings/verify?reference=${parsed.data.reference}`, { headers })
}

export default function FindBookingRoute() {
  const { reference } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const locale = useLocale()
  const t = useT(manageMessages)
  const schema = useMemo(() => findBookingSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, actionData, { secretFields: [] })
  return (
    <div className="stack page--narrow">
      <h1>{t('findHeading')}</h1>
      <p>{t('findIntro')}</p>
      <Form {...formProps}>
        <FormErrorList errors={actionData?.formErrors} />
        <Field
          label={t('referenceLabel')}
          hint={t('referenceHint')}
          {...fields.input('reference', { autoComplete: 'off', defaultValue: reference })}
        />
        <Field
          label={t('emailLabel')}
          {...fields.input('email', { type: 'email', autoComplete: 'email' })}
        />
        <SubmitButton pending={pending} pendingText={t('sending')}>
          {t('sendCode')}
        </SubmitButton>
      </Form>
    </div>
  )
}

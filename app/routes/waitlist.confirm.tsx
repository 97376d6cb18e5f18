import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { SubmitButton } from '#app/components/forms/fields.tsx'
import { confirmWaitlistEntry } from '#app/domain/waitlist/waitlist.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { waitlistMessages } from '#app/i18n/messages/index.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

// The link in the "confirm your place" email. Opening it changes nothing (mail scanners open
// links); the button does.
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await requestLocale(request)
  const token = new URL(request.url).searchParams.get('token') ?? ''
  return { title: translate(waitlistMessages, locale, 'confirmTitle'), token }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = await requestLocale(request)
  const token = await request.formData().then(
    (form) => form.get('token'),
    () => null,
  )
  const result =
    typeof token === 'string' && token.length > 0 && token.length <= 100
      ? confirmWaitlistEntry({
          token,
          now: new Date(),
          actor: { type: 'anonymous', ipAddress: context.clientIp, requestId: context.requestId },
        })
      : { ok: false as const }
  if (result.ok) return { confirmed: true as const, error: null }
  return data(
    { confirmed: false as const, error: translate(waitlistMessages, locale, 'linkNotFound') },
    { status: 404 },
  )
}

export default function WaitlistConfirmRoute() {
  const { token } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const t = useT(waitlistMessages)
  if (actionData?.confirmed) {
    return (
      <div className="stack">
        <h1>{t('confirmedHeading')}</h1>
        <p role="status">{t('confirmedBody')}</p>
      </div>
    )
  }
  return (
    <div className="stack">
      <h1>{t('confirmHeading')}</h1>
      {actionData?.error ? (
        <p className="form-errors" role="alert">
          {actionData.error}
        </p>
      ) : null}
      <p>{t('confirmIntro')}</p>
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <SubmitButton pending={pending}>{t('confirmButton')}</SubmitButton>
      </Form>
    </div>
  )
}

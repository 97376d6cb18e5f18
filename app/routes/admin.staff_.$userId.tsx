import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { getStaffAccount, setStaffAccess } from '#app/domain/auth/staff-access.server.ts'
import { staffAccessSchema } from '#app/domain/auth/staff.schema.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { adminStaffMessages } from '#app/i18n/messages/index.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

// A staff account's page: whether it may sign in, and the switch (docs/breach-response.md).
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Staff account | Dermadesk' },
]

function accountOr404(userId: string | undefined) {
  const account = userId ? getStaffAccount(userId) : null
  if (!account) throw new Response('Not found', { status: 404 })
  return account
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const t = translator(adminStaffMessages, await requestLocale(request))
  const account = accountOr404(params.userId)
  const done = new URL(request.url).searchParams.get('done')
  return {
    title: t('accountTitle'),
    account,
    done: done === 'off' || done === 'on' ? done : null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const t = translator(adminStaffMessages, locale)
  const account = accountOr404(params.userId)
  const parsed = await parseForm(request, staffAccessSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const result = setStaffAccess({
    userId: account.id,
    active: parsed.data.access === 'on',
    actor: { userId: user.id, ipAddress: context.clientIp, requestId: context.requestId },
    now: new Date(),
  })
  if (!result.ok) {
    if (result.reason === 'not-found') throw new Response('Not found', { status: 404 })
    return formError(
      { formErrors: [t(result.reason === 'self' ? 'refusedSelf' : 'refusedLastAdmin')] },
      409,
    )
  }
  return redirect(`/admin/staff/${account.id}?done=${parsed.data.access}`)
}

export default function AdminStaffAccountRoute() {
  const { account, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const t = useT(adminStaffMessages)
  const name = account.name
  return (
    <div className="stack page--medium">
      <p>
        <Link to="/admin/staff">{t('backToStaff')}</Link>
      </p>
      <h1>{name}</h1>
      {done ? (
        <p className="notice" role="status">
          {t(done === 'off' ? 'turnedOff' : 'turnedOn', { name })}
        </p>
      ) : null}
      <dl className="details">
        <dt>{t('colEmail')}</dt>
        <dd>{account.email}</dd>
        <dt>{t('roles')}</dt>
        <dd>{account.roles.map((role) => t('roleName', { role })).join(', ') || '—'}</dd>
        <dt>{t('twoStep')}</dt>
        <dd>{account.twoStep ? t('twoStepOn') : t('twoStepNotYet')}</dd>
        <dt>{t('status')}</dt>
        <dd>{t(account.isActive ? 'statusOn' : 'statusOff', { name })}</dd>
      </dl>
      <section aria-labelledby="access-heading" className="stack">
        <h2 id="access-heading">{t(account.isActive ? 'turnOffHeading' : 'turnOnHeading')}</h2>
        <p>{t(account.isActive ? 'turnOffIntro' : 'turnOnIntro')}</p>
        <Form method="post" aria-labelledby="access-heading">
          <FormErrorList errors={actionData?.formErrors} />
          <input type="hidden" name="access" value={account.isActive ? 'off' : 'on'} />
          <SubmitButton pending={pending} pendingText={t('saving')}>
            {t(account.isActive ? 'turnOff' : 'turnOn', { name })}
          </SubmitButton>
        </Form>
      </section>
    </div>
  )
}

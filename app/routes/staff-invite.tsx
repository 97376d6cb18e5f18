import { translator } from '#app/i18n/catalogue.ts'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { Field, FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { STAFF_PASSWORD_MIN_LENGTH } from '#app/domain/auth/auth.schema.ts'
import {
  acceptStaffInvitation,
  getOpenInvitation,
} from '#app/domain/auth/staff-invitations.server.ts'
import {
  InvitationTokenSchema,
  setPasswordFormSchema,
  setPasswordSchema,
} from '#app/domain/auth/staff.schema.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { authMessages, staffMessages } from '#app/i18n/messages/index.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Set your password | Dermadesk' },
]

// The invitation link lands here (GET changes nothing: mail scanners open links too). The token
// stays in a hidden field; the request log records paths only, never query strings.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  const parsed = InvitationTokenSchema.safeParse(token)
  const invitation = parsed.success ? getOpenInvitation(parsed.data, new Date()) : null
  const locale = await requestLocale(request)
  return {
    title: translator(authMessages, locale)('inviteTitle'),
    token: invitation ? token : null,
    invitation: invitation
      ? { name: invitation.name, email: invitation.email, roles: invitation.roles }
      : null,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = await requestLocale(request)
  const t = translator(authMessages, locale)
  const parsed = await parseForm(request, setPasswordSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const result = await acceptStaffInvitation({
    token: parsed.data.token,
    password: parsed.data.password,
    now: new Date(),
    ipAddress: context.clientIp,
    requestId: context.requestId,
  })
  if (!result.ok)
    return formError(
      {
        formErrors: [result.reason === 'already-staff' ? t('inviteAlreadyStaff') : t('inviteGone')],
      },
      result.reason === 'already-staff' ? 409 : 410,
    )
  return redirect(`/login?${new URLSearchParams({ welcome: '1' })}`)
}

export default function StaffInviteRoute() {
  const { token, invitation } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const t = useT(authMessages)
  const tStaff = useT(staffMessages)
  const locale = useLocale()
  const schema = useMemo(() => setPasswordFormSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, actionData, {
    secretFields: ['password', 'confirmPassword'],
  })
  const newPassword = { type: 'password', autoComplete: 'new-password' }
  if (!token || !invitation)
    return (
      <div className="stack page--narrow">
        <h1>{t('inviteBrokenHeading')}</h1>
        <p>{t('inviteBrokenText')}</p>
        <p>
          <Link to="/login">{t('signInHeading')}</Link>
        </p>
      </div>
    )
  const roleNames = invitation.roles.map((role) =>
    tStaff(role === 'admin' ? 'roleAdmin' : 'roleClinician'),
  )
  const roles =
    roleNames.length === 2
      ? tStaff('rolesBoth', { first: roleNames[0]!, second: roleNames[1]! })
      : roleNames.join(', ')
  return (
    <div className="stack page--narrow">
      <h1>{t('inviteHeading')}</h1>
      <p>{t('inviteWelcome', { name: invitation.name, email: invitation.email, roles })}</p>
      <Form {...formProps} aria-labelledby="password-heading">
        <h2 id="password-heading" className="visually-hidden">
          {t('invitePasswordHeading')}
        </h2>
        <FormErrorList errors={actionData?.formErrors} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
        <Field
          label={t('newPasswordLabel')}
          hint={t('newPasswordHint', { min: STAFF_PASSWORD_MIN_LENGTH })}
          {...fields.input('password', newPassword)}
        />
        <Field label={t('typeAgainLabel')} {...fields.input('confirmPassword', newPassword)} />
        <SubmitButton pending={pending} pendingText={t('saving')}>
          {t('setMyPassword')}
        </SubmitButton>
      </Form>
    </div>
  )
}

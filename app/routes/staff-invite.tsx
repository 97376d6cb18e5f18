import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
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
  SetPasswordFormSchema,
  SetPasswordSchema,
} from '#app/domain/auth/staff.schema.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'

export const meta: MetaFunction = () => [{ title: 'Set your password | Dermadesk' }]

// The invitation link lands here (GET changes nothing: mail scanners open links too). The token
// stays in a hidden field; the request log records paths only, never query strings.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  const parsed = InvitationTokenSchema.safeParse(token)
  const invitation = parsed.success ? getOpenInvitation(parsed.data, new Date()) : null
  return {
    token: invitation ? token : null,
    invitation: invitation
      ? { name: invitation.name, email: invitation.email, roles: invitation.roles }
      : null,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, SetPasswordSchema)
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
        formErrors: [
          result.reason === 'already-staff'
            ? 'This address already has an account. Sign in, or ask an admin for help.'
            : 'This invitation has been used or has expired. Ask an admin for a new one.',
        ],
      },
      result.reason === 'already-staff' ? 409 : 410,
    )
  return redirect(`/login?${new URLSearchParams({ welcome: '1' })}`)
}

export default function StaffInviteRoute() {
  const { token, invitation } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const { formProps, fields } = useSchemaForm(SetPasswordFormSchema, actionData, {
    secretFields: ['password', 'confirmPassword'],
  })
  const newPassword = { type: 'password', autoComplete: 'new-password' }
  if (!token || !invitation)
    return (
      <div className="stack page--narrow">
        <h1>This invitation does not work</h1>
        <p>
          The link has been used already, has expired (links work for 72 hours) or is not complete.
          Ask an admin of the clinic to invite you again.
        </p>
        <p>
          <Link to="/login">Staff sign-in</Link>
        </p>
      </div>
    )
  return (
    <div className="stack page--narrow">
      <h1>Set your password</h1>
      <p>
        Welcome, {invitation.name}. Your account ({invitation.email},{' '}
        {invitation.roles.join(' and ')}) is ready once you choose a password. Next you will set up
        two-step sign-in.
      </p>
      <Form {...formProps} aria-labelledby="password-heading">
        <h2 id="password-heading" className="visually-hidden">
          Your password
        </h2>
        <FormErrorList errors={actionData?.formErrors} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
        <Field
          label="New password"
          hint={`At least ${STAFF_PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong one; a password manager helps.`}
          {...fields.input('password', newPassword)}
        />
        <Field label="Type it again" {...fields.input('confirmPassword', newPassword)} />
        <SubmitButton pending={pending} pendingText="Saving…">
          Set my password
        </SubmitButton>
      </Form>
    </div>
  )
}

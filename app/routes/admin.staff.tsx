import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useId } from 'react'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import {
  CheckboxField,
  Field,
  FieldError,
  FormErrorList,
  SubmitButton,
} from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { TableHead } from '#app/components/table-head.tsx'
import { type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { createStaffInvitation, listStaff } from '#app/domain/auth/staff-invitations.server.ts'
import { INVITATION_VALID_HOURS, InviteStaffSchema } from '#app/domain/auth/staff.schema.ts'
import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [{ title: 'Staff | Clinic settings | Dermadesk' }]

const ROLE_LABELS: Record<StaffRole, string> = {
  clinician: 'Clinician (agenda, health answers, consent, treatments)',
  admin: 'Admin (clinic settings, staff, audit log)',
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const invited = new URL(request.url).searchParams.get('invited')
  return {
    ...listStaff(new Date()),
    invited: invited && /^[^@\s]+@[^@\s]+$/.test(invited) ? invited : null,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const parsed = await parseForm(request, InviteStaffSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const result = createStaffInvitation({
    ...parsed.data,
    inviter: { userId: user.id, ipAddress: context.clientIp, requestId: context.requestId },
    now: new Date(),
    sendEmail: true,
  })
  if (!result.ok)
    return formError(
      {
        fieldErrors: { email: ['This address already has a staff account.'] },
        values: parsed.values,
      },
      409,
    )
  return redirect(`/admin/staff?${new URLSearchParams({ invited: parsed.data.email })}`)
}

export default function AdminStaffRoute() {
  const { accounts, invitations, timeZone, invited } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  return (
    <div className="stack page--medium">
      <AdminNav />
      <h1>Staff</h1>
      <p>
        Everyone who signs in to the clinic&apos;s pages. A new colleague gets an invitation by
        email and chooses their own password; nobody else ever knows it.
      </p>
      {invited ? (
        <p className="notice" role="status">
          Invitation sent to {invited}. The link works once, for {INVITATION_VALID_HOURS} hours.
        </p>
      ) : null}
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">Accounts</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Staff accounts</caption>
            <TableHead columns={['Name', 'Email', 'Roles', 'Two-step sign-in']} />
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id}>
                  <th scope="row">
                    {account.name}
                    {account.isActive ? null : <span className="muted"> (disabled)</span>}
                  </th>
                  <td>{account.email}</td>
                  <td>{account.roles.join(', ') || '—'}</td>
                  <td>{account.twoStep ? 'On' : 'Not set up yet'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">Open invitations</h2>
        {invitations.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.name} ({invitation.email}), {invitation.roles.join(' and ')}: the link
                works until {formatDateInZone(invitation.expiresAt, timeZone)} at{' '}
                {formatTimeInZone(invitation.expiresAt, timeZone)}.
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite a colleague</h2>
        <InviteForm key={searchParams.get('invited') ?? 'invite'} />
      </section>
    </div>
  )
}

function InviteForm() {
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const { formProps, fields, register, fieldError } = useSchemaForm(InviteStaffSchema, actionData, {
    secretFields: [],
    defaultValues: { roles: [] },
  })
  const rolesErrorId = useId()
  const rolesError = fieldError('roles')
  const chosen = actionData?.values.roles
  const isChosen = (role: string) =>
    Array.isArray(chosen) ? chosen.includes(role) : chosen === role
  return (
    <Form {...formProps} aria-labelledby="invite-heading">
      <FormErrorList errors={actionData?.formErrors} />
      <Field label="Full name" {...fields.input('name', { autoComplete: 'off' })} />
      <Field
        label="Email"
        hint="The invitation goes to this address."
        {...fields.input('email', { type: 'email', autoComplete: 'off' })}
      />
      <fieldset aria-describedby={rolesError ? rolesErrorId : undefined}>
        <legend>Roles</legend>
        <FieldError id={rolesErrorId} error={rolesError} />
        {(Object.keys(ROLE_LABELS) as StaffRole[]).map((role) => (
          <CheckboxField
            key={role}
            label={ROLE_LABELS[role]}
            inputProps={{ ...register('roles'), value: role, defaultChecked: isChosen(role) }}
          />
        ))}
      </fieldset>
      <SubmitButton pending={pending} pendingText="Sending…">
        Send the invitation
      </SubmitButton>
    </Form>
  )
}

import { translator } from '#app/i18n/catalogue.ts'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useId, useMemo } from 'react'
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
import { ChoiceGroup } from '#app/components/forms/choice-group.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { createStaffInvitation, listStaff } from '#app/domain/auth/staff-invitations.server.ts'
import { INVITATION_VALID_HOURS, inviteStaffSchema } from '#app/domain/auth/staff.schema.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { type Locale, LOCALE_NAMES, LOCALES } from '#app/i18n/locales.ts'
import { adminStaffMessages } from '#app/i18n/messages/index.ts'
import { getClinicContact } from '#app/domain/clinic/clinic.server.ts'
import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Staff | Clinic settings | Dermadesk' },
]

const ROLE_LABELS = {
  clinician: 'roleClinician',
  admin: 'roleAdmin',
  reception: 'roleReception',
} as const satisfies Record<StaffRole, string>

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const t = translator(adminStaffMessages, await requestLocale(request))
  const invited = new URL(request.url).searchParams.get('invited')
  return {
    ...listStaff(new Date()),
    defaultLocale: getClinicContact()?.defaultLocale ?? 'en',
    title: t('title'),
    invited: invited && /^[^@\s]+@[^@\s]+$/.test(invited) ? invited : null,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const parsed = await parseForm(request, inviteStaffSchema(locale))
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
        fieldErrors: { email: [translator(adminStaffMessages, locale)('alreadyStaff')] },
        values: parsed.values,
      },
      409,
    )
  return redirect(`/admin/staff?${new URLSearchParams({ invited: parsed.data.email })}`)
}

export default function AdminStaffRoute() {
  const { accounts, invitations, timeZone, invited, defaultLocale } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const t = useT(adminStaffMessages)
  const locale = useLocale()
  const roleNames = (roles: string[], separator: string) =>
    roles.map((role) => t('roleName', { role })).join(separator)
  return (
    <div className="stack page--medium">
      <AdminNav />
      <h1>{t('heading')}</h1>
      <p>{t('intro')}</p>
      {invited ? (
        <p className="notice" role="status">
          {t('invitationSent', { email: invited, hours: String(INVITATION_VALID_HOURS) })}
        </p>
      ) : null}
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t('accounts')}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('staffAccounts')}</caption>
            <TableHead columns={[t('colName'), t('colEmail'), t('colRoles'), t('colTwoStep')]} />
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id}>
                  <th scope="row">
                    <Link
                      to={`/admin/staff/${account.id}`}
                      aria-label={t('manageAccount', { name: account.name })}
                    >
                      {account.name}
                    </Link>
                    {account.isActive ? null : <span className="muted"> {t('disabled')}</span>}
                  </th>
                  <td>{account.email}</td>
                  <td>{roleNames(account.roles, ', ') || '—'}</td>
                  <td>{account.twoStep ? t('twoStepOn') : t('twoStepNotYet')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{t('openInvitations')}</h2>
        {invitations.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <ul>
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                {t('invitationLine', {
                  name: invitation.name,
                  email: invitation.email,
                  roles: roleNames(invitation.roles, t('and')),
                  date: formatDateInZone(invitation.expiresAt, timeZone, locale),
                  time: formatTimeInZone(invitation.expiresAt, timeZone, locale),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('inviteColleague')}</h2>
        <InviteForm key={searchParams.get('invited') ?? 'invite'} defaultLocale={defaultLocale} />
      </section>
    </div>
  )
}

function InviteForm({ defaultLocale }: { defaultLocale: Locale }) {
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const t = useT(adminStaffMessages)
  const locale = useLocale()
  const schema = useMemo(() => inviteStaffSchema(locale), [locale])
  const { formProps, fields, register, fieldError } = useSchemaForm(schema, actionData, {
    secretFields: [],
    defaultValues: { roles: [], locale: defaultLocale },
  })
  const rolesErrorId = useId()
  const rolesError = fieldError('roles')
  const chosen = actionData?.values.roles
  const chosenLocale =
    typeof actionData?.values.locale === 'string' ? actionData.values.locale : defaultLocale
  const isChosen = (role: string) =>
    Array.isArray(chosen) ? chosen.includes(role) : chosen === role
  return (
    <Form {...formProps} aria-labelledby="invite-heading">
      <FormErrorList errors={actionData?.formErrors} />
      <Field label={t('fullName')} {...fields.input('name', { autoComplete: 'off' })} />
      <Field
        label={t('colEmail')}
        hint={t('emailHint')}
        {...fields.input('email', { type: 'email', autoComplete: 'off' })}
      />
      <fieldset aria-describedby={rolesError ? rolesErrorId : undefined}>
        <legend>{t('roles')}</legend>
        <FieldError id={rolesErrorId} error={rolesError} />
        {(Object.keys(ROLE_LABELS) as StaffRole[]).map((role) => (
          <CheckboxField
            key={role}
            label={t(ROLE_LABELS[role])}
            inputProps={{ ...register('roles'), value: role, defaultChecked: isChosen(role) }}
          />
        ))}
      </fieldset>
      <ChoiceGroup
        legend={t('invitationLanguage')}
        hint={t('invitationLanguageHint')}
        type="radio"
        options={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
        chosen={[chosenLocale]}
        {...fields.choices('locale')}
      />
      <SubmitButton pending={pending} pendingText={t('sending')}>
        {t('send')}
      </SubmitButton>
    </Form>
  )
}

import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useMemo } from 'react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { ChoiceGroup } from '#app/components/forms/choice-group.tsx'
import { FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { staffProfileSchema } from '#app/domain/auth/staff-profile.schema.ts'
import { getStaffProfile, setStaffLocale } from '#app/domain/auth/staff-profile.server.ts'
import { getClinicContact } from '#app/domain/clinic/clinic.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { LOCALE_NAMES, LOCALES } from '#app/i18n/locales.ts'
import { staffMessages } from '#app/i18n/messages/index.ts'
import { auditActorOf } from '#app/utils/admin-responses.server.ts'
import { requireStaffUser } from '#app/utils/auth.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

/** Every signed-in staff member's own profile: who they are, and the language they work in. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request)
  const locale = await requestLocale(request, user)
  const profile = getStaffProfile(user.id)
  return {
    title: translate(staffMessages, locale, 'profileTitle'),
    name: profile?.name ?? user.name,
    email: profile?.email ?? user.email,
    // Not chosen yet: the clinic's language is the one they read, so it is the one ticked.
    chosenLocale: profile?.locale ?? getClinicContact()?.defaultLocale ?? 'en',
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaffUser(request)
  const locale = await requestLocale(request, user)
  const parsed = await parseForm(request, staffProfileSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  setStaffLocale({
    userId: user.id,
    locale: parsed.data.locale,
    actor: auditActorOf(user, context),
  })
  return redirect('/staff/profile?saved=1')
}

export default function StaffProfileRoute() {
  const { name, email, chosenLocale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const pending = useIsPending()
  const t = useT(staffMessages)
  const locale = useLocale()
  const schema = useMemo(() => staffProfileSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, actionData, {
    defaultValues: { locale: chosenLocale },
  })
  return (
    <div className="stack page--narrow">
      <h1>{t('profileHeading')}</h1>
      {searchParams.get('saved') === '1' && !actionData ? (
        <p className="notice notice--success" role="status">
          {t('profileSaved')}
        </p>
      ) : null}
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('profileName')}</dt>
          <dd>{name}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('profileEmail')}</dt>
          <dd>{email}</dd>
        </div>
      </dl>
      <Form {...formProps} className="stack">
        <FormErrorList errors={actionData?.formErrors} />
        <ChoiceGroup
          legend={t('profileLanguage')}
          hint={t('profileLanguageHint')}
          type="radio"
          options={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
          chosen={[chosenLocale]}
          {...fields.choices('locale')}
        />
        <SubmitButton pending={pending} pendingText={t('profileSaving')}>
          {t('profileSave')}
        </SubmitButton>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

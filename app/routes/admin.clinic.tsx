import { translator } from '#app/i18n/catalogue.ts'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { RecordRetentionForm } from '#app/components/privacy/record-retention-form.tsx'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { recordRetentionSchema } from '#app/domain/privacy/privacy-requests.schema.ts'
import { setRecordRetentionYears } from '#app/domain/privacy/record-retention.server.ts'
import { AdminNav, SavedNotice } from '#app/components/admin/admin-nav.tsx'
import { formErrorsFor, useIsPending } from '#app/components/forms/action-data.ts'
import {
  Field,
  FormErrorList,
  SelectField,
  SubmitButton,
  TextareaField,
} from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { updateClinicDetails } from '#app/domain/clinic/admin-clinic.server.ts'
import { adminSchemas, type ClinicDetails } from '#app/domain/clinic/admin.schema.ts'
import { getClinicDetailsForm } from '#app/domain/clinic/admin.server.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { adminMessages } from '#app/i18n/messages/index.ts'
import { LOCALE_NAMES, LOCALES } from '#app/i18n/locales.ts'
import { auditActorOf, redirectSaved, staffActorOf } from '#app/utils/admin-responses.server.ts'
import { type FormErrors } from '#app/utils/forms.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Clinic details | Clinic settings | Dermadesk' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const t = translator(adminMessages, await requestLocale(request))
  return {
    ...getClinicDetailsForm(),
    recordRetentionYears: getClinicSettings().clinicalRecordRetentionYears,
    title: t('pageTitle', { page: t('clinicDetails') }),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  // The second form on the page: the retention period of clinical records (ADR 051).
  const intent = await request
    .clone()
    .formData()
    .then(
      (form) => form.get('intent'),
      () => null,
    )
  if (intent === 'record-retention') {
    const years = await parseForm(request, recordRetentionSchema(locale))
    if (!years.ok) return formError(years.errors)
    setRecordRetentionYears({
      years: years.data.years,
      actor: auditActorOf(user, context),
      now: new Date(),
    })
    return redirect('/admin/clinic?retention=saved')
  }
  const parsed = await parseForm(request, adminSchemas(locale).ClinicDetailsSchema)
  if (!parsed.ok) return formError(parsed.errors)
  updateClinicDetails(parsed.data, staffActorOf(user, context))
  return redirectSaved('/admin/clinic', 'clinic')
}

export default function AdminClinicRoute() {
  const { details, recordRetentionYears } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const [searchParams] = useSearchParams()
  const errors = formErrorsFor(actionData)
  const retentionErrors = errors?.values.intent === 'record-retention' ? errors : undefined
  const t = useT(adminMessages)
  return (
    <div className="stack page--medium">
      <AdminNav />
      <h1 id="clinic-heading">{t('clinicDetails')}</h1>
      <p>{t('clinicIntro')}</p>
      <SavedNotice />
      <ClinicDetailsForm
        key={location.key}
        details={details}
        serverErrors={retentionErrors ? undefined : errors}
      />
      <RecordRetentionForm
        key={`retention-${location.key}`}
        years={recordRetentionYears}
        saved={searchParams.get('retention') === 'saved'}
        errors={retentionErrors}
      />
    </div>
  )
}

function ClinicDetailsForm({
  details,
  serverErrors,
}: {
  details: ClinicDetails
  serverErrors: FormErrors | undefined
}) {
  const t = useT(adminMessages)
  const locale = useLocale()
  const { formProps, fields } = useSchemaForm(
    adminSchemas(locale).ClinicDetailsSchema,
    serverErrors,
    {
      secretFields: [],
    },
  )
  const isSubmitting = useIsPending()
  return (
    <Form {...formProps} aria-labelledby="clinic-heading">
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field
        label={t('clinicName')}
        {...fields.input('name', { autoComplete: 'organization', defaultValue: details.name })}
      />
      <Field
        label={t('phone')}
        hint={t('clinicPhoneHint')}
        {...fields.input('phone', {
          type: 'tel',
          autoComplete: 'tel',
          defaultValue: details.phone,
        })}
      />
      <Field
        label={t('email')}
        hint={t('clinicEmailHint')}
        {...fields.input('email', {
          type: 'email',
          autoComplete: 'email',
          defaultValue: details.email,
        })}
      />
      <TextareaField
        label={t('address')}
        hint={t('clinicAddressHint')}
        {...fields.textarea('address', {
          rows: 3,
          autoComplete: 'street-address',
          defaultValue: details.address,
        })}
      />
      <SelectField
        label={t('defaultLanguage')}
        hint={t('defaultLanguageHint')}
        {...fields.select('defaultLocale', { defaultValue: details.defaultLocale })}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </SelectField>
      <SubmitButton pending={isSubmitting} pendingText={t('saving')}>
        {t('saveClinicDetails')}
      </SubmitButton>
    </Form>
  )
}

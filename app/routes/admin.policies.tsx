import { translator } from '#app/i18n/catalogue.ts'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { strandedOf } from '#app/components/admin/stranded.ts'
import { AdminNav, SavedNotice } from '#app/components/admin/admin-nav.tsx'
import { StrandedBookingsReview } from '#app/components/admin/stranded-bookings.tsx'
import { formErrorsFor, useIsPending } from '#app/components/forms/action-data.ts'
import { Field, FormErrorList, SelectField, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { updatePolicies } from '#app/domain/clinic/admin-clinic.server.ts'
import { adminSchemas, type Policies, strandedAnswerOf } from '#app/domain/clinic/admin.schema.ts'
import { getPoliciesForm } from '#app/domain/clinic/admin.server.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { adminMessages } from '#app/i18n/messages/index.ts'
import { redirectSaved, staffActorOf, strandedResponse } from '#app/utils/admin-responses.server.ts'
import { type FormErrors } from '#app/utils/forms.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Booking policies | Clinic settings | Dermadesk' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const t = translator(adminMessages, await requestLocale(request))
  return { ...getPoliciesForm(), title: t('pageTitle', { page: t('bookingPolicies') }) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const parsed = await parseForm(request, adminSchemas(locale).PoliciesUpdateSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const answer = strandedAnswerOf(parsed.data)
  const result = updatePolicies({ ...parsed.data, answer }, staffActorOf(user, context))
  if (result.ok) return redirectSaved('/admin/policies', 'policies', result)
  return strandedResponse(result, parsed.values, answer)
}

export default function AdminPoliciesRoute() {
  const { policies, timeZones } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const t = useT(adminMessages)
  const stranded = strandedOf(actionData)
  if (stranded) {
    return (
      <StrandedBookingsReview
        stranded={stranded}
        change={t('changeTimeZone', { zone: String(stranded.values.timeZone) })}
        backHref="/admin/policies"
      />
    )
  }
  return (
    <div className="stack page--medium">
      <AdminNav />
      <h1 id="policies-heading">{t('bookingPolicies')}</h1>
      <SavedNotice />
      <PoliciesForm
        key={location.key}
        policies={policies}
        timeZones={timeZones}
        serverErrors={formErrorsFor(actionData)}
      />
    </div>
  )
}

type PolicyNumber = Exclude<keyof Policies, 'timeZone'>

const NUMBER_FIELDS: { name: PolicyNumber; min: number; max: number }[] = [
  {
    name: 'slotStepMinutes',
    min: 5,
    max: 120,
  },
  {
    name: 'minNoticeHours',
    min: 0,
    max: 720,
  },
  {
    name: 'maxAdvanceDays',
    min: 1,
    max: 730,
  },
  {
    name: 'holdMinutes',
    min: 1,
    max: 60,
  },
  {
    name: 'cancellationWindowHours',
    min: 0,
    max: 720,
  },
  {
    name: 'minDaysBetweenNeedling',
    min: 0,
    max: 365,
  },
  {
    name: 'maxUpcomingBookingsPerEmail',
    min: 1,
    max: 50,
  },
]

function PoliciesForm({
  policies,
  timeZones,
  serverErrors,
}: {
  policies: Policies
  timeZones: string[]
  serverErrors: FormErrors | undefined
}) {
  const t = useT(adminMessages)
  const locale = useLocale()
  const { formProps, fields } = useSchemaForm(adminSchemas(locale).PoliciesSchema, serverErrors)
  const isSubmitting = useIsPending()
  return (
    <Form {...formProps} aria-labelledby="policies-heading">
      <FormErrorList errors={serverErrors?.formErrors} />
      <SelectField
        label={t('clinicTimeZone')}
        hint={t('clinicTimeZoneHint')}
        {...fields.select('timeZone', { defaultValue: policies.timeZone })}
      >
        {timeZones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      {NUMBER_FIELDS.map((field) => (
        <Field
          key={field.name}
          label={t('policyLabel', { field: field.name })}
          hint={t('policyHint', { field: field.name })}
          {...fields.input(field.name, {
            type: 'number',
            inputMode: 'numeric',
            min: field.min,
            max: field.max,
            step: 1,
            defaultValue: String(policies[field.name]),
          })}
        />
      ))}
      <SubmitButton pending={isSubmitting} pendingText={t('saving')}>
        {t('savePolicies')}
      </SubmitButton>
    </Form>
  )
}

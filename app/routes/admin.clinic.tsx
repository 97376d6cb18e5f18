import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
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
import { type ClinicDetails, ClinicDetailsSchema } from '#app/domain/clinic/admin.schema.ts'
import { getClinicDetailsForm } from '#app/domain/clinic/admin.server.ts'
import { LOCALE_NAMES, LOCALES } from '#app/i18n/locales.ts'
import { redirectSaved, staffActorOf } from '#app/utils/admin-responses.server.ts'
import { type FormErrors } from '#app/utils/forms.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [{ title: 'Clinic details | Clinic settings | Dermadesk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return getClinicDetailsForm()
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const parsed = await parseForm(request, ClinicDetailsSchema)
  if (!parsed.ok) return formError(parsed.errors)
  updateClinicDetails(parsed.data, staffActorOf(user, context))
  return redirectSaved('/admin/clinic', 'clinic')
}

export default function AdminClinicRoute() {
  const { details } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  return (
    <div className="stack page--medium">
      <AdminNav />
      <h1 id="clinic-heading">Clinic details</h1>
      <p>Patients see these on the booking pages, in every email and in their calendar files.</p>
      <SavedNotice />
      <ClinicDetailsForm
        key={location.key}
        details={details}
        serverErrors={formErrorsFor(actionData)}
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
  const { formProps, fields } = useSchemaForm(ClinicDetailsSchema, serverErrors, {
    secretFields: [],
  })
  const isSubmitting = useIsPending()
  return (
    <Form {...formProps} aria-labelledby="clinic-heading">
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field
        label="Clinic name"
        {...fields.input('name', { autoComplete: 'organization', defaultValue: details.name })}
      />
      <Field
        label="Phone"
        hint="Patients call this number to book by phone or when they cannot cancel online."
        {...fields.input('phone', {
          type: 'tel',
          autoComplete: 'tel',
          defaultValue: details.phone,
        })}
      />
      <Field
        label="Email"
        hint="Where withdrawals of consent and other notices for the clinic are sent."
        {...fields.input('email', {
          type: 'email',
          autoComplete: 'email',
          defaultValue: details.email,
        })}
      />
      <TextareaField
        label="Address"
        hint="Street, number, postcode and city, as patients should find you."
        {...fields.textarea('address', {
          rows: 3,
          autoComplete: 'street-address',
          defaultValue: details.address,
        })}
      />
      <SelectField
        label="Default language"
        hint="For patients whose browser asks for neither Italian nor English, and for emails to people who never chose. Everyone can switch language on every page."
        {...fields.select('defaultLocale', { defaultValue: details.defaultLocale })}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </SelectField>
      <SubmitButton pending={isSubmitting} pendingText="Saving…">
        Save clinic details
      </SubmitButton>
    </Form>
  )
}

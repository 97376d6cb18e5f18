import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { formErrorsFor, useIsPending } from '#app/components/forms/action-data.ts'
import { AdminNav, SavedNotice } from '#app/components/admin/admin-nav.tsx'
import { Field, FormErrorList, SubmitButton, TextareaField } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { updateClinicDetails } from '#app/domain/clinic/admin-clinic.server.ts'
import { type ClinicDetails, ClinicDetailsSchema } from '#app/domain/clinic/admin.schema.ts'
import { getClinicDetailsForm } from '#app/domain/clinic/admin.server.ts'
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
  const { formRef, onSubmit, register, fieldError, defaultValue, shouldAutoFocus } = useSchemaForm(
    ClinicDetailsSchema,
    serverErrors,
    { secretFields: [] },
  )
  const isSubmitting = useIsPending()
  const initial = (name: keyof ClinicDetails) =>
    serverErrors ? (defaultValue(name) ?? '') : details[name]
  return (
    <Form
      method="post"
      noValidate
      ref={formRef}
      onSubmit={onSubmit}
      aria-labelledby="clinic-heading"
    >
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field
        label="Clinic name"
        error={fieldError('name')}
        inputProps={{
          ...register('name'),
          autoComplete: 'organization',
          defaultValue: initial('name'),
          autoFocus: shouldAutoFocus('name'),
        }}
      />
      <Field
        label="Phone"
        hint="Patients call this number to book by phone or when they cannot cancel online."
        error={fieldError('phone')}
        inputProps={{
          ...register('phone'),
          type: 'tel',
          autoComplete: 'tel',
          defaultValue: initial('phone'),
          autoFocus: shouldAutoFocus('phone'),
        }}
      />
      <Field
        label="Email"
        hint="Where withdrawals of consent and other notices for the clinic are sent."
        error={fieldError('email')}
        inputProps={{
          ...register('email'),
          type: 'email',
          autoComplete: 'email',
          defaultValue: initial('email'),
          autoFocus: shouldAutoFocus('email'),
        }}
      />
      <TextareaField
        label="Address"
        hint="Street, number, postcode and city, as patients should find you."
        error={fieldError('address')}
        textareaProps={{
          ...register('address'),
          rows: 3,
          autoComplete: 'street-address',
          defaultValue: initial('address'),
          autoFocus: shouldAutoFocus('address'),
        }}
      />
      <SubmitButton pending={isSubmitting} pendingText="Saving…">
        Save clinic details
      </SubmitButton>
    </Form>
  )
}

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
import {
  type Policies,
  PoliciesSchema,
  PoliciesUpdateSchema,
  strandedAnswerOf,
} from '#app/domain/clinic/admin.schema.ts'
import { getPoliciesForm } from '#app/domain/clinic/admin.server.ts'
import { redirectSaved, staffActorOf, strandedResponse } from '#app/utils/admin-responses.server.ts'
import { type FormErrors } from '#app/utils/forms.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [
  { title: 'Booking policies | Clinic settings | Dermadesk' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return getPoliciesForm()
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const parsed = await parseForm(request, PoliciesUpdateSchema)
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
  const stranded = strandedOf(actionData)
  if (stranded) {
    return (
      <StrandedBookingsReview
        stranded={stranded}
        change={`Changing the clinic's time zone to ${String(stranded.values.timeZone)}`}
        backHref="/admin/policies"
      />
    )
  }
  return (
    <div className="stack page--medium">
      <AdminNav />
      <h1 id="policies-heading">Booking policies</h1>
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

const NUMBER_FIELDS: {
  name: PolicyNumber
  label: string
  hint: string
  min: number
  max: number
}[] = [
  {
    name: 'slotStepMinutes',
    label: 'Slot step (minutes)',
    hint: 'Appointments start on this grid, for example every 15 minutes. 5 to 120.',
    min: 5,
    max: 120,
  },
  {
    name: 'minNoticeHours',
    label: 'Minimum notice (hours)',
    hint: 'Patients cannot book sooner than this.',
    min: 0,
    max: 720,
  },
  {
    name: 'maxAdvanceDays',
    label: 'Book up to (days ahead)',
    hint: 'How far ahead patients can book.',
    min: 1,
    max: 730,
  },
  {
    name: 'holdMinutes',
    label: 'Slot hold (minutes)',
    hint: 'How long a chosen time is kept while the patient fills in their details. 1 to 60.',
    min: 1,
    max: 60,
  },
  {
    name: 'cancellationWindowHours',
    label: 'Free cancellation until (hours before)',
    hint: 'Patients can cancel or move a booking themselves until this many hours before it.',
    min: 0,
    max: 720,
  },
  {
    name: 'minDaysBetweenNeedling',
    label: 'Minimum days between needling sessions',
    hint: 'For one patient, between two needling treatments.',
    min: 0,
    max: 365,
  },
  {
    name: 'maxUpcomingBookingsPerEmail',
    label: 'Upcoming bookings per email address',
    hint: 'How many upcoming visits one email address may book online at once; more by phone. 1 to 50.',
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
  const { formProps, fields } = useSchemaForm(PoliciesSchema, serverErrors)
  const isSubmitting = useIsPending()
  return (
    <Form {...formProps} aria-labelledby="policies-heading">
      <FormErrorList errors={serverErrors?.formErrors} />
      <SelectField
        label="Clinic time zone"
        hint="Working hours, time off and closures are clinic times in this zone. Changing it affects every upcoming booking: you will see them and choose what to do first."
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
          label={field.label}
          hint={field.hint}
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
      <SubmitButton pending={isSubmitting} pendingText="Saving…">
        Save policies
      </SubmitButton>
    </Form>
  )
}

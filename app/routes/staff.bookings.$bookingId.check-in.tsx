import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ConsentStatusBadge } from '#app/components/consent/consent-record.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { ChoiceGroup } from '#app/components/forms/choice-group.tsx'
import { CheckboxField, FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import {
  StaffBookingSummary,
  type StaffBookingRow,
} from '#app/components/visit/staff-booking-summary.tsx'
import { ScreeningClearanceBadge } from '#app/components/visit/visit-parts.tsx'
import { checkInPatient, getCheckInView } from '#app/domain/treatment/check-in.server.ts'
import { checkInClosedReason } from '#app/domain/treatment/visit-messages.ts'
import {
  CheckInSchema,
  IDENTITY_METHOD_LABELS,
  IDENTITY_METHODS,
} from '#app/domain/treatment/treatment.schema.ts'
import { notFound } from '#app/utils/admin-responses.server.ts'
import { formatCalendarDate } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireClinicianVisit } from '#app/utils/visit-params.server.ts'

export const meta: MetaFunction = () => [{ title: 'Check in | Staff | Dermadesk' }]

export async function loader(args: LoaderFunctionArgs) {
  const { bookingId } = await requireClinicianVisit(args)
  const view = getCheckInView(bookingId, new Date())
  if (!view) throw notFound('We could not find that appointment.')
  return view
}

export async function action(args: ActionFunctionArgs) {
  const { bookingId, actor } = await requireClinicianVisit(args)
  const parsed = await parseForm(args.request, CheckInSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const result = checkInPatient({
    bookingId,
    identityMethod: parsed.data.identityMethod,
    healthUnchanged: parsed.data.healthUnchanged === 'yes',
    actor,
    now: new Date(),
  })
  if (result.ok) {
    return redirect(
      result.next === 'update-answers'
        ? `/staff/bookings/${bookingId}/screening?from=check-in`
        : `/staff/bookings/${bookingId}?done=checked-in`,
    )
  }
  if (result.reason === 'not-found') throw notFound('We could not find that appointment.')
  const messages: Record<typeof result.reason, string> = {
    'not-open': 'This appointment is no longer open: it was cancelled, completed or missed.',
    'not-today': 'Patients are checked in on the day of their appointment.',
    'renewal-due':
      'The health answers are more than 30 days older than the appointment. Choose “Something has changed” and go through the questions again with the patient.',
    'no-screening':
      'There are no health answers for this visit. Choose “Something has changed” and go through the questions with the patient.',
  }
  return formError({ formErrors: [messages[result.reason]], values: parsed.values }, 409)
}

export default function CheckInRoute() {
  const { booking, patient, facts, timeZone, timing } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const { formProps, fields, register } = useSchemaForm(CheckInSchema, actionData, {
    defaultValues: booking.isTreatment ? {} : { healthUnchanged: 'yes' },
  })
  return (
    <div className="stack page--medium">
      <p>
        <Link to={`/staff/bookings/${booking.id}`}>Back to the appointment</Link>
      </p>
      <h1>Check in {patient.fullName}</h1>
      <StaffBookingSummary
        booking={booking}
        patient={patient}
        timeZone={timeZone}
        rows={[
          'when',
          'treatment',
          'practitioner',
          'dateOfBirth',
          'status',
          ...(booking.isTreatment
            ? ([
                ['Screening', <ScreeningClearanceBadge key="s" clearance={facts.screening} />],
                ['Consent', <ConsentStatusBadge key="c" status={facts.consent} />],
              ] as StaffBookingRow[])
            : []),
        ]}
      />
      {timing.checkIn !== 'open' ? (
        <p className="notice">{checkInClosedReason(timing.checkIn, timing.visitDate)}</p>
      ) : (
        <Form {...formProps} className="stack">
          <FormErrorList errors={actionData?.formErrors} />
          <ChoiceGroup
            legend="How did you check who they are?"
            type="radio"
            options={IDENTITY_METHODS.map((value) => ({
              value,
              label: IDENTITY_METHOD_LABELS[value],
            }))}
            chosen={[]}
            {...fields.choices('identityMethod')}
          />
          <CheckboxField
            label={`This is ${patient.fullName}, born ${formatCalendarDate(patient.dateOfBirth)}`}
            {...fields.checkbox('identityConfirmed')}
          />
          {booking.isTreatment ? (
            <ChoiceGroup
              legend="Has anything about their health changed since they answered the health questions?"
              hint="Ask about new medicines, skin problems, pregnancy, and any treatments or procedures since then."
              type="radio"
              options={[
                { value: 'yes', label: 'Nothing has changed' },
                {
                  value: 'changed',
                  label: 'Something has changed: go through the questions again',
                },
              ]}
              chosen={[]}
              {...fields.choices('healthUnchanged')}
            />
          ) : (
            <input type="hidden" {...register('healthUnchanged')} value="yes" />
          )}
          <SubmitButton pending={pending} pendingText="Checking in…">
            Check in
          </SubmitButton>
        </Form>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

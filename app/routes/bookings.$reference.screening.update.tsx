import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { ScreeningForm } from '#app/components/screening/screening-form.tsx'
import { RESULT_TEXTS } from '#app/domain/screening/questionnaire.ts'
import {
  getPatientScreening,
  updatePatientScreening,
} from '#app/domain/screening/screening-booking.server.ts'
import { screeningFormSchema } from '#app/domain/screening/screening.schema.ts'
import { clinicToday } from '#app/domain/screening/screening.server.ts'
import { patientActor } from '#app/utils/booking-wizard.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requirePatientBooking, requirePatientSession } from '#app/utils/patient-guards.server.ts'

export const meta: MetaFunction = () => [{ title: 'Change your health answers | Dermadesk' }]

export async function loader(args: LoaderFunctionArgs) {
  const { reference, booking: screening } = await requirePatientBooking(args, getPatientScreening)
  if (!screening.canUpdate) throw redirect(`/bookings/${reference}/screening`)
  return {
    reference: screening.reference,
    serviceName: screening.serviceName,
    today: screening.today,
    answers: screening.submission?.answers ?? null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { reference, session } = await requirePatientSession({ request, params })
  const parsed = await parseForm(request, screeningFormSchema(clinicToday(new Date())))
  if (!parsed.ok) return formError(parsed.errors)
  const result = updatePatientScreening({
    session,
    reference,
    answers: parsed.data,
    now: new Date(),
    actor: patientActor(context),
  })
  if (result.ok) return redirect(`/bookings/${reference}/screening?updated=1`)
  switch (result.reason) {
    case 'not-found':
      throw new Response('Not found', { status: 404 })
    case 'birth-date-differs':
      return formError(
        {
          fieldErrors: {
            dateOfBirth: ['This is not the date of birth on your booking. Please check it.'],
          },
          values: parsed.values,
        },
        400,
      )
    default:
      return formError(
        {
          formErrors: ['This booking can no longer be changed online. Please call the clinic.'],
          values: parsed.values,
        },
        409,
      )
  }
}

export default function UpdateScreeningRoute() {
  const { reference, serviceName, today, answers } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  return (
    <div className="stack page--medium">
      <p>
        <Link to={`/bookings/${reference}/screening`}>Back to your health answers</Link>
      </p>
      <h1>Change your health answers</h1>
      <p className="lead">
        {serviceName}, booking {reference}
      </p>
      <p>
        Please answer for how things are now. If anything has changed, a clinician will check your
        answers before your visit.
      </p>
      <p className="notice">{RESULT_TEXTS.privacy}</p>
      <ScreeningForm
        today={today}
        initial={answers}
        serverErrors={actionData}
        pending={pending}
        submitLabel="Save my answers"
      />
    </div>
  )
}

export { PatientBookingErrorBoundary as ErrorBoundary } from '#app/components/booking/booking-error-boundary.tsx'

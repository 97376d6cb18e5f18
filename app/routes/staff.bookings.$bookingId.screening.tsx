import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { ScreeningForm } from '#app/components/screening/screening-form.tsx'
import { getReviewForClinician } from '#app/domain/screening/screening-review.server.ts'
import { updateBookingScreening } from '#app/domain/screening/screening-visit.server.ts'
import { screeningFormSchema } from '#app/domain/screening/screening.schema.ts'
import { clinicToday } from '#app/domain/screening/screening.server.ts'
import { notFound } from '#app/utils/admin-responses.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireClinicianVisit } from '#app/utils/visit-params.server.ts'

export const meta: MetaFunction = () => [
  { title: 'Health answers at the visit | Staff | Dermadesk' },
]

/**
 * At check-in the patient said something has changed: the clinician goes through the questions
 * with them. The answers are stored as the booking's next version and the rules run again.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { bookingId, actor } = await requireClinicianVisit(args)
  const now = new Date()
  const review = getReviewForClinician({ bookingId, actor, now })
  if (!review) throw notFound('We could not find that appointment.')
  return {
    bookingId: review.booking.id,
    patientName: review.patient.fullName,
    serviceName: review.booking.serviceName,
    today: clinicToday(now),
    answers: review.submission?.answers ?? null,
  }
}

export async function action(args: ActionFunctionArgs) {
  const { bookingId, actor } = await requireClinicianVisit(args)
  const parsed = await parseForm(args.request, screeningFormSchema(clinicToday(new Date())))
  if (!parsed.ok) return formError(parsed.errors)
  const result = updateBookingScreening({
    bookingId,
    answers: parsed.data,
    actor,
    now: new Date(),
  })
  if (result.ok) return redirect(`/staff/bookings/${bookingId}?done=answers-${result.outcome}`)
  switch (result.reason) {
    case 'not-found':
      throw notFound('We could not find that appointment.')
    case 'birth-date-differs':
      return formError(
        {
          fieldErrors: {
            dateOfBirth: [
              'This is not the date of birth on the booking. Check it with the patient.',
            ],
          },
          values: parsed.values,
        },
        400,
      )
    case 'not-changeable':
      return formError(
        {
          formErrors: [
            'This appointment is no longer open: it was cancelled, completed or missed.',
          ],
          values: parsed.values,
        },
        409,
      )
  }
}

export default function StaffScreeningUpdateRoute() {
  const { bookingId, patientName, serviceName, today, answers } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const pending = useIsPending()
  return (
    <div className="stack page--medium">
      <p>
        <Link to={`/staff/bookings/${bookingId}`}>Back to the appointment</Link>
      </p>
      <h1>Health answers of {patientName}</h1>
      <p className="lead">{serviceName}</p>
      {searchParams.get('from') === 'check-in' ? (
        <p className="notice notice--success" role="status">
          Checked in. The patient said something has changed: go through the questions with them.
        </p>
      ) : null}
      <p>
        The form starts from their last answers. Change what is different now; the rules run again
        and the visit shows the new result.
      </p>
      <ScreeningForm
        today={today}
        initial={answers}
        serverErrors={actionData}
        pending={pending}
        submitLabel="Save the new answers"
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

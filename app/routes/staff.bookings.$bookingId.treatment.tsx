import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { StaffBookingSummary } from '#app/components/visit/staff-booking-summary.tsx'
import { TreatmentRecordForm } from '#app/components/visit/treatment-form.tsx'
import {
  getTreatmentFormView,
  recordTreatment,
} from '#app/domain/treatment/treatment-records.server.ts'
import {
  BookingIdParamSchema,
  TreatmentRecordSchema,
} from '#app/domain/treatment/treatment.schema.ts'
import { notFound } from '#app/utils/admin-responses.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireClinicianVisit } from '#app/utils/visit-params.server.ts'

export const meta: MetaFunction = () => [{ title: 'Treatment record | Staff | Dermadesk' }]

export async function loader(args: LoaderFunctionArgs) {
  const { bookingId, actor } = await requireClinicianVisit(args)
  const corrects = new URL(args.request.url).searchParams.get('corrects')
  const correctsRecordId = corrects === null ? null : BookingIdParamSchema.safeParse(corrects)
  if (correctsRecordId && !correctsRecordId.success) throw notFound('We could not find that entry.')
  const view = getTreatmentFormView({
    bookingId,
    correctsRecordId: correctsRecordId?.data ?? null,
    actor,
    now: new Date(),
  })
  if (!view) throw notFound('We could not find that appointment.')
  return view
}

export async function action(args: ActionFunctionArgs) {
  const { bookingId, actor } = await requireClinicianVisit(args)
  const parsed = await parseForm(args.request, TreatmentRecordSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const result = recordTreatment({
    bookingId,
    record: parsed.data,
    actor,
    now: new Date(),
  })
  if (result.ok) {
    const done = parsed.data.correctsRecordId ? 'corrected' : 'recorded'
    return redirect(`/staff/bookings/${bookingId}?done=${done}`)
  }
  switch (result.reason) {
    case 'not-found':
      throw notFound('We could not find that appointment.')
    case 'depth':
      return formError(
        {
          fieldErrors: Object.fromEntries(
            Object.entries(result.fieldErrors).map(([field, message]) => [field, [message]]),
          ),
          formErrors: ['A depth is above the limit for this visit. Nothing was saved.'],
          values: parsed.values,
        },
        400,
      )
    case 'blocked':
      return formError({ formErrors: result.blockers, values: parsed.values }, 409)
    case 'bad-correction':
      return formError(
        {
          formErrors: [
            'Only the newest entry of a completed visit can be corrected. Open the appointment again.',
          ],
          values: parsed.values,
        },
        409,
      )
  }
}

export default function TreatmentRoute() {
  const { booking, limits, blockers, corrected, timeZone } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const limitUm = Math.min(limits.serviceMaxUm ?? 0, limits.practitionerMaxUm)
  return (
    <div className="stack page--medium">
      <p>
        <Link to={`/staff/bookings/${booking.id}`}>Back to the appointment</Link>
      </p>
      <h1>
        {corrected ? 'Correct the treatment record' : 'Record the treatment'}: {booking.patientName}
      </h1>
      <StaffBookingSummary
        booking={booking}
        timeZone={timeZone}
        rows={['when', 'treatment', 'practitioner', 'reference']}
      />
      {corrected ? (
        <p className="notice">
          The entry you correct stays in the record, marked as replaced. Change what was wrong and
          say why in the notes.
        </p>
      ) : null}
      {blockers.length > 0 ? (
        <div className="notice notice--warning">
          <p>You cannot record the treatment yet:</p>
          <ul>
            {blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
          <p>
            <Link to={`/staff/bookings/${booking.id}`}>Back to the appointment</Link>
          </p>
        </div>
      ) : (
        <TreatmentRecordForm
          limitUm={limitUm}
          start={corrected}
          serverErrors={actionData}
          pending={pending}
        />
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

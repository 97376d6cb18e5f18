import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { SlotPicker } from '#app/components/booking/slot-picker.tsx'
import { StepIndicator } from '#app/components/booking/step-indicator.tsx'
import { FormErrorList } from '#app/components/forms/fields.tsx'
import { holdSlot } from '#app/domain/booking/booking-wizard.server.ts'
import { describeSlots, getSlotPickerModel } from '#app/domain/booking/slot-picker.server.ts'
import { slotQueryHref } from '#app/domain/booking/slot-query-href.ts'
import {
  pathAfterHold,
  timeStepNotices,
  holdLimitMessage,
  waitRefusalMessage,
} from '#app/domain/booking/time-step.server.ts'
import { patientActor, requireWizardStep } from '#app/utils/booking-wizard.server.ts'
import { tooManyBookingsMessage } from '#app/domain/booking/booking.rules.ts'
import { formError, parseForm, retryAfter } from '#app/utils/forms.server.ts'
import { retryAfterHeaders } from '#app/utils/headers.ts'
import { SlotChoiceSchema, SlotQuerySchema } from '#app/utils/route-schemas.server.ts'
import { useIsPending } from '#app/components/forms/action-data.ts'

export const meta: MetaFunction = () => [{ title: 'Choose a day and time | Dermadesk' }]

// A 429 from the action says when to try again (Retry-After).
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  const { draft, steps } = await requireWizardStep(request, 'time')
  const query = SlotQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const picker = getSlotPickerModel({
    serviceId: draft.service.id,
    practitioner: query.practitioner,
    from: query.from,
    date: query.date,
    now: new Date(),
    earliestStartAt: draft.earliestStartAt,
    ignoreBookingId: draft.hold?.bookingId,
  })
  const { hold, screeningWait } = timeStepNotices(draft, Date.now())
  return { steps, serviceName: draft.service.name, picker, query, hold, screeningWait }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { session, draft } = await requireWizardStep(request, 'time')
  const parsed = await parseForm(request, SlotChoiceSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const result = holdSlot({
    session,
    ...parsed.data.slot,
    now: new Date(),
    actor: patientActor(context),
  })
  if (result.ok) return redirect(pathAfterHold(result.booked, draft.progress))
  switch (result.reason) {
    case 'taken':
      return data(
        {
          formErrors: [
            'Sorry, someone has just taken that time. Please choose another: here are the nearest free times.',
          ],
          fieldErrors: {},
          values: {},
          nearest: describeSlots(result.nearest),
        },
        { status: 409 },
      )
    case 'too-close':
    case 'screening-wait':
      return formError({ formErrors: [waitRefusalMessage(result, draft.timeZone)] }, 409)
    case 'limited':
      return formError(
        { formErrors: [holdLimitMessage(result.limit, result.retryAfterSeconds)] },
        429,
        retryAfter(result.retryAfterSeconds),
      )
    case 'too-many-bookings':
      return formError(
        { formErrors: [tooManyBookingsMessage(result.max, result.clinicPhone)] },
        429,
        retryAfter(result.retryAfterSeconds),
      )
    case 'screening-needed':
      throw redirect('/book/screening')
    case 'no-draft':
    case 'already-booked':
      throw redirect('/book')
    default:
      return formError(
        { formErrors: ['That time is not available. Please choose one of the times shown.'] },
        400,
      )
  }
}

export default function BookTimeRoute() {
  const { steps, serviceName, picker, query, hold, screeningWait } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const nearest = actionData && 'nearest' in actionData ? actionData.nearest : []
  return (
    <div className="stack">
      <StepIndicator steps={steps} currentId="time" />
      <h1>Choose a day and time</h1>
      <p className="lead">{serviceName}</p>
      {hold ? (
        <p className="notice" role="status">
          You are holding {hold.label} with {hold.practitionerName}. Choose another time to change
          it.
        </p>
      ) : null}
      {screeningWait ? (
        <p className="notice">
          Because of your answers to the health questions, the first day you can book is{' '}
          <strong>{screeningWait}</strong>.
        </p>
      ) : null}
      <FormErrorList errors={actionData?.formErrors} />
      {nearest.length > 0 ? (
        <Form method="post" aria-label="Nearest free times">
          <ul className="cluster">
            {nearest.map((slot) => (
              <li key={slot.value}>
                <button
                  type="submit"
                  name="slot"
                  value={slot.value}
                  className="button button--secondary"
                  disabled={pending}
                >
                  {slot.label} with {slot.practitionerName}
                </button>
              </li>
            ))}
          </ul>
        </Form>
      ) : null}
      <SlotPicker
        days={picker.days}
        selectedDate={picker.selectedDate}
        selectedDateLabel={picker.selectedDateLabel}
        slots={picker.slots}
        practitioners={picker.practitioners}
        selectedPractitioner={picker.selectedPractitioner}
        timeZoneLabel={picker.timeZoneLabel}
        earlierHref={
          picker.earlierFrom
            ? slotQueryHref('/book/time', {
                practitioner: picker.selectedPractitioner,
                from: picker.earlierFrom,
              })
            : null
        }
        laterHref={
          picker.laterFrom
            ? slotQueryHref('/book/time', {
                practitioner: picker.selectedPractitioner,
                from: picker.laterFrom,
              })
            : null
        }
        dayHref={(date) =>
          slotQueryHref('/book/time', {
            practitioner: query.practitioner,
            from: picker.days[0]?.date,
            date,
          })
        }
        submitLabel="Hold this time"
        pending={pending}
      />
    </div>
  )
}

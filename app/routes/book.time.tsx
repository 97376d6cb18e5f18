import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { NearestFreeTimes, nearestTimesOf } from '#app/components/booking/nearest-free-times.tsx'
import { SlotPicker } from '#app/components/booking/slot-picker.tsx'
import { StepIndicator } from '#app/components/booking/step-indicator.tsx'
import { WizardPage } from '#app/components/booking/wizard-page.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { FormErrorList } from '#app/components/forms/fields.tsx'
import { holdSlot } from '#app/domain/booking/wizard/hold.server.ts'
import {
  pathAfterHold,
  timeStepNotices,
  holdLimitMessage,
  waitRefusalMessage,
} from '#app/domain/booking/wizard/time-step.ts'
import {
  patientActor,
  readSlotChoice,
  requireWizardStep,
} from '#app/utils/booking-wizard.server.ts'
import { tooManyBookingsMessage } from '#app/domain/limits/limits.rules.ts'
import { formError, retryAfter } from '#app/utils/forms.server.ts'
import { retryAfterHeaders } from '#app/utils/headers.ts'
import { nearestTimesResponse, slotPickerFromUrl } from '#app/utils/slot-picker.server.ts'

export const meta: MetaFunction = () => [{ title: 'Choose a day and time | Dermadesk' }]

// A 429 from the action says when to try again (Retry-After).
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  const { draft, steps, summary } = await requireWizardStep(request, 'time')
  const { query, picker } = slotPickerFromUrl(request, {
    serviceId: draft.service.id,
    now: new Date(),
    earliestStartAt: draft.earliestStartAt,
    ignoreBookingId: draft.hold?.bookingId,
  })
  const { hold, screeningWait } = timeStepNotices(draft, Date.now())
  return {
    summary,
    steps,
    serviceName: draft.service.name,
    picker,
    query,
    hold,
    screeningWait,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { session, draft } = await requireWizardStep(request, 'time')
  const parsed = await readSlotChoice(request)
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
      return nearestTimesResponse(
        'Sorry, someone has just taken that time. Please choose another: here are the nearest free times.',
        result.nearest,
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
  const { summary, steps, serviceName, picker, query, hold, screeningWait } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  return (
    <WizardPage summary={summary}>
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
      <NearestFreeTimes times={nearestTimesOf(actionData)} pending={pending} />
      <SlotPicker
        picker={picker}
        path="/book/time"
        practitioner={query.practitioner}
        submitLabel="Hold this time"
        pending={pending}
      />
    </WizardPage>
  )
}

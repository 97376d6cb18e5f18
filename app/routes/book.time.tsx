import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { NearestFreeTimes, nearestTimesOf } from '#app/components/booking/nearest-free-times.tsx'
import { SlotPicker } from '#app/components/booking/slot-picker.tsx'
import { StepIndicator } from '#app/components/booking/step-indicator.tsx'
import { WizardPage } from '#app/components/booking/wizard-page.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { FormErrorList } from '#app/components/forms/fields.tsx'
import { holdSlot } from '#app/domain/booking/wizard/hold.server.ts'
import { nextStep } from '#app/domain/booking/wizard/steps.ts'
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
import { translate, translator } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { timeMessages, waitlistMessages } from '#app/i18n/messages/index.ts'
import { formError, retryAfter } from '#app/utils/forms.server.ts'
import { retryAfterHeaders } from '#app/utils/headers.ts'
import { nearestTimesResponse, slotPickerFromUrl } from '#app/utils/slot-picker.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

// A 429 from the action says when to try again (Retry-After).
export const headers = retryAfterHeaders

export async function loader({ request }: LoaderFunctionArgs) {
  const { draft, steps, summary, locale } = await requireWizardStep(request, 'time')
  const { query, picker } = slotPickerFromUrl(request, {
    serviceId: draft.service.id,
    now: new Date(),
    earliestStartAt: draft.earliestStartAt,
    ignoreBookingId: draft.hold?.bookingId,
    locale,
  })
  const { hold, screeningWait } = timeStepNotices(draft, Date.now(), locale)
  return {
    title: translate(timeMessages, locale, 'title'),
    summary,
    steps,
    serviceName: summary.treatment,
    picker,
    query,
    hold,
    screeningWait,
    // No time suits: the waitlist (ADR 044). Its words come from the loader, so this budgeted
    // page does not load the waitlist's catalogue.
    waitlistLink: translate(waitlistMessages, locale, 'joinLink'),
    // A time already held (one offered from the waitlist, say): go on with it.
    nextPath: hold ? nextStep('time', draft.progress).path : null,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { session, draft, locale } = await requireWizardStep(request, 'time')
  const t = translator(timeMessages, locale)
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
      return nearestTimesResponse(t('taken'), result.nearest, { locale })
    case 'too-close':
    case 'screening-wait':
      return formError({ formErrors: [waitRefusalMessage(result, draft.timeZone, locale)] }, 409)
    case 'limited':
      return formError(
        { formErrors: [holdLimitMessage(result.limit, result.retryAfterSeconds, locale)] },
        429,
        retryAfter(result.retryAfterSeconds),
      )
    case 'too-many-bookings':
      return formError(
        { formErrors: [tooManyBookingsMessage(result.max, result.clinicPhone, locale)] },
        429,
        retryAfter(result.retryAfterSeconds),
      )
    case 'screening-needed':
      throw redirect('/book/screening')
    case 'no-draft':
    case 'already-booked':
      throw redirect('/book')
    default:
      return formError({ formErrors: [t('notAvailable')] }, 400)
  }
}

export default function BookTimeRoute() {
  const {
    summary,
    steps,
    serviceName,
    picker,
    query,
    hold,
    screeningWait,
    waitlistLink,
    nextPath,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const t = useT(timeMessages)
  return (
    <WizardPage summary={summary}>
      <StepIndicator steps={steps} currentId="time" />
      <h1>{t('heading')}</h1>
      <p className="lead">{serviceName}</p>
      {hold ? (
        <p className="notice" role="status">
          {t('holding', { when: hold.label, practitioner: hold.practitionerName })}
        </p>
      ) : null}
      {hold && nextPath ? (
        <p>
          <Link className="button" to={nextPath}>
            {t('keepHeldTime')}
          </Link>
        </p>
      ) : null}
      {screeningWait ? (
        <p className="notice">{t('screeningWait', { date: screeningWait })}</p>
      ) : null}
      <FormErrorList errors={actionData?.formErrors} />
      <NearestFreeTimes times={nearestTimesOf(actionData)} pending={pending} />
      <SlotPicker
        picker={picker}
        path="/book/time"
        practitioner={query.practitioner}
        submitLabel={t('holdThisTime')}
        pending={pending}
      />
      <p>
        <Link to="/book/waitlist">{waitlistLink}</Link>
      </p>
    </WizardPage>
  )
}

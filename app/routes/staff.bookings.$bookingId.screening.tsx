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
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { screeningStaffMessages } from '#app/i18n/messages/index.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

/**
 * At check-in the patient said something has changed: the clinician goes through the questions
 * with them. The answers are stored as the booking's next version and the rules run again.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { bookingId, actor } = await requireClinicianVisit(args)
  const now = new Date()
  const review = getReviewForClinician({ bookingId, actor, now })
  const locale = await requestLocale(args.request)
  if (!review) throw notFound(translate(screeningStaffMessages, locale, 'appointmentNotFound'))
  return {
    title: translate(screeningStaffMessages, locale, 'visitTitle'),
    bookingId: review.booking.id,
    patientName: review.patient.fullName,
    serviceName: review.booking.serviceName,
    today: clinicToday(now),
    answers: review.submission?.answers ?? null,
  }
}

export async function action(args: ActionFunctionArgs) {
  const { bookingId, actor } = await requireClinicianVisit(args)
  const locale = await requestLocale(args.request)
  const t = (key: 'appointmentNotFound' | 'visitBirthDateDiffers' | 'visitNotOpen') =>
    translate(screeningStaffMessages, locale, key)
  const parsed = await parseForm(args.request, screeningFormSchema(clinicToday(new Date()), locale))
  if (!parsed.ok) return formError(parsed.errors)
  const result = updateBookingScreening({
    bookingId,
    answers: parsed.data,
    actor,
    now: new Date(),
    locale,
  })
  if (result.ok) return redirect(`/staff/bookings/${bookingId}?done=answers-${result.outcome}`)
  switch (result.reason) {
    case 'not-found':
      throw notFound(t('appointmentNotFound'))
    case 'birth-date-differs':
      return formError(
        {
          fieldErrors: {
            dateOfBirth: [t('visitBirthDateDiffers')],
          },
          values: parsed.values,
        },
        400,
      )
    case 'not-changeable':
      return formError(
        {
          formErrors: [t('visitNotOpen')],
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
  const t = useT(screeningStaffMessages)
  return (
    <div className="stack page--medium">
      <p>
        <Link to={`/staff/bookings/${bookingId}`}>{t('backToAppointment')}</Link>
      </p>
      <h1>{t('visitHeading', { name: patientName })}</h1>
      <p className="lead">{serviceName}</p>
      {searchParams.get('from') === 'check-in' ? (
        <p className="notice notice--success" role="status">
          {t('checkedInChanged')}
        </p>
      ) : null}
      <p>{t('visitIntro')}</p>
      <ScreeningForm
        today={today}
        initial={answers}
        serverErrors={actionData}
        pending={pending}
        submitLabel={t('saveNewAnswers')}
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { PrivacyNoticeBox, ShownNoticeField } from '#app/components/privacy/privacy-notice.tsx'
import { ScreeningForm } from '#app/components/screening/screening-form.tsx'
import { getShownPrivacyNotice } from '#app/domain/privacy/privacy-notice.server.ts'
import { shownNoticeIdOf } from '#app/domain/privacy/privacy-notice.schema.ts'
import { questionnaire } from '#app/domain/screening/questionnaire.ts'
import {
  getPatientScreening,
  updatePatientScreening,
} from '#app/domain/screening/screening-booking.server.ts'
import { screeningFormSchema } from '#app/domain/screening/screening.schema.ts'
import { clinicToday } from '#app/domain/screening/screening.server.ts'
import { patientActor } from '#app/utils/booking-wizard.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requirePatientBooking, requirePatientSession } from '#app/utils/patient-guards.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { privacyNoticeMessages, screeningMessages } from '#app/i18n/messages/index.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

export async function loader(args: LoaderFunctionArgs) {
  const locale = await requestLocale(args.request)
  const { reference, booking: screening } = await requirePatientBooking(args, (query) =>
    getPatientScreening({ ...query, locale }),
  )
  if (!screening.canUpdate) throw redirect(`/bookings/${reference}/screening`)
  return {
    title: translate(screeningMessages, locale, 'updateTitle'),
    reference: screening.reference,
    serviceName: screening.serviceName,
    today: screening.today,
    answers: screening.submission?.answers ?? null,
    // Shown above the first health question; its id goes back with the answers (ADR 050).
    notice: getShownPrivacyNotice(locale),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { reference, session } = await requirePatientSession({ request, params })
  const locale = await requestLocale(request)
  const parsed = await parseForm(request, screeningFormSchema(clinicToday(new Date()), locale))
  if (!parsed.ok) return formError(parsed.errors)
  const result = updatePatientScreening({
    session,
    reference,
    answers: parsed.data,
    now: new Date(),
    actor: patientActor(context),
    locale,
    shownPrivacyNoticeId: shownNoticeIdOf(parsed.values),
  })
  if (result.ok) return redirect(`/bookings/${reference}/screening?updated=1`)
  switch (result.reason) {
    case 'not-found':
      throw new Response('Not found', { status: 404 })
    // A notice id that is not a published version: nothing stored, the page shows the current one.
    case 'unknown-privacy-notice':
      return formError(
        {
          formErrors: [translate(privacyNoticeMessages, locale, 'staleNotice')],
          values: parsed.values,
        },
        400,
      )
    case 'birth-date-differs':
      return formError(
        {
          fieldErrors: {
            dateOfBirth: [translate(screeningMessages, locale, 'birthDateDiffers')],
          },
          values: parsed.values,
        },
        400,
      )
    default:
      return formError(
        {
          formErrors: [translate(screeningMessages, locale, 'notChangeable')],
          values: parsed.values,
        },
        409,
      )
  }
}

export default function UpdateScreeningRoute() {
  const { reference, serviceName, today, answers, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const t = useT(screeningMessages)
  const copy = questionnaire(useLocale()).result
  return (
    <div className="stack page--medium">
      <p>
        <Link to={`/bookings/${reference}/screening`}>{t('backToAnswers')}</Link>
      </p>
      <h1>{t('updateHeading')}</h1>
      <p className="lead">{t('updateLead', { service: serviceName, reference })}</p>
      <p>{t('updateIntro')}</p>
      <p className="notice">{copy.privacy}</p>
      <PrivacyNoticeBox notice={notice} />
      <ScreeningForm
        today={today}
        initial={answers}
        serverErrors={actionData}
        pending={pending}
        submitLabel={t('saveAnswers')}
      >
        <ShownNoticeField notice={notice} />
      </ScreeningForm>
    </div>
  )
}

export { PatientBookingErrorBoundary as ErrorBoundary } from '#app/components/booking/booking-error-boundary.tsx'

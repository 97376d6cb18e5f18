import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { StepIndicator } from '#app/components/booking/step-indicator.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { PrivacyNoticeBox, ShownNoticeField } from '#app/components/privacy/privacy-notice.tsx'
import { ScreeningForm } from '#app/components/screening/screening-form.tsx'
import { getShownPrivacyNotice } from '#app/domain/privacy/privacy-notice.server.ts'
import { shownNoticeIdOf } from '#app/domain/privacy/privacy-notice.schema.ts'
import {
  getDraftScreening,
  submitDraftScreening,
} from '#app/domain/booking/wizard/draft-screening.server.ts'
import { questionnaire } from '#app/domain/screening/questionnaire.ts'
import { screeningFormSchema } from '#app/domain/screening/screening.schema.ts'
import { clinicToday } from '#app/domain/screening/screening.server.ts'
import { patientActor, requireWizardStep } from '#app/utils/booking-wizard.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { privacyNoticeMessages, screeningMessages } from '#app/i18n/messages/index.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session, steps, summary, locale } = await requireWizardStep(request, 'screening')
  const screening = getDraftScreening({ session, now: new Date(), actor: patientActor(context) })
  if (!screening) throw redirect('/book/screening')
  return {
    title: translate(screeningMessages, locale, 'questionsTitle'),
    steps,
    // The service's name in the page's language (the wizard's summary).
    serviceName: summary.treatment,
    today: screening.today,
    answers: screening.submission?.answers ?? null,
    // Shown above the first health question; its id goes back with the answers (ADR 050).
    notice: getShownPrivacyNotice(locale),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { session, locale } = await requireWizardStep(request, 'screening')
  const parsed = await parseForm(request, screeningFormSchema(clinicToday(new Date()), locale))
  if (!parsed.ok) return formError(parsed.errors)
  const result = submitDraftScreening({
    session,
    answers: parsed.data,
    now: new Date(),
    actor: patientActor(context),
    locale,
    shownPrivacyNoticeId: shownNoticeIdOf(parsed.values),
  })
  if (result.ok) return redirect(result.booked ? '/book/confirmation' : '/book/screening/result')
  if (result.reason === 'already-booked') throw redirect('/book/confirmation')
  // A notice id that is not a published version: nothing stored, the page shows the current one.
  if (result.reason === 'unknown-privacy-notice')
    return formError(
      {
        formErrors: [translate(privacyNoticeMessages, locale, 'staleNotice')],
        values: parsed.values,
      },
      400,
    )
  throw redirect('/book/screening')
}

export default function BookScreeningQuestionsRoute() {
  const { steps, serviceName, today, answers, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const t = useT(screeningMessages)
  const copy = questionnaire(useLocale()).result
  return (
    <div className="stack page--medium">
      <StepIndicator steps={steps} currentId="screening" />
      <h1>{t('questionsHeading')}</h1>
      <p className="lead">{serviceName}</p>
      <p>{copy.intro}</p>
      <p className="notice">{copy.privacy}</p>
      <PrivacyNoticeBox notice={notice} />
      <ScreeningForm
        today={today}
        initial={answers}
        serverErrors={actionData}
        pending={pending}
        submitLabel={t('checkMyAnswers')}
      >
        <ShownNoticeField notice={notice} />
      </ScreeningForm>
    </div>
  )
}

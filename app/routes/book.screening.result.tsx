import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { StepIndicator } from '#app/components/booking/step-indicator.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { ConsultationOffer } from '#app/components/screening/consultation-offer.tsx'
import { PatientExplanations } from '#app/components/screening/screening-summary.tsx'
import { getDraftScreening } from '#app/domain/booking/wizard/draft-screening.server.ts'
import { questionnaire } from '#app/domain/screening/questionnaire.ts'
import { patientExplanationGroups } from '#app/domain/screening/screening.rules.ts'
import { patientActor, requireWizardStep } from '#app/utils/booking-wizard.server.ts'
import { formatDateInZone } from '#app/utils/format.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useLocale, useRichT, useT } from '#app/i18n/locale-context.tsx'
import { screeningMessages } from '#app/i18n/messages/index.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session, steps, summary, locale } = await requireWizardStep(request, 'screening')
  const screening = getDraftScreening({
    session,
    now: new Date(),
    actor: patientActor(context),
    locale,
  })
  if (!screening) throw redirect('/book/screening')
  const submission = screening.submission
  if (!submission) throw redirect('/book/screening/questions')
  return {
    title: translate(screeningMessages, locale, 'resultTitle'),
    steps,
    serviceName: summary.treatment,
    consultationServiceId: screening.consultationServiceId,
    outcome: submission.outcome,
    waitUntil:
      submission.waitUntilAt !== null
        ? formatDateInZone(submission.waitUntilAt, screening.timeZone, locale)
        : null,
    explanations: submission.explanations,
  }
}

export default function BookScreeningResultRoute() {
  const { steps, serviceName, consultationServiceId, outcome, waitUntil, explanations } =
    useLoaderData<typeof loader>()
  const pending = useIsPending()
  const t = useT(screeningMessages)
  const richT = useRichT(screeningMessages)
  const RESULT_TEXTS = questionnaire(useLocale()).result
  const GROUP_HEADINGS = {
    not_eligible: RESULT_TEXTS.headings.notEligible,
    review: RESULT_TEXTS.headings.review,
    wait_until: RESULT_TEXTS.headings.wait,
  } as const
  const copy =
    outcome === 'not_eligible'
      ? RESULT_TEXTS.notEligible
      : outcome === 'review'
        ? RESULT_TEXTS.review
        : waitUntil
          ? RESULT_TEXTS.wait
          : RESULT_TEXTS.eligible
  return (
    <div className="stack page--medium">
      <StepIndicator steps={steps} currentId="screening" />
      <h1>{copy.title}</h1>
      <p className="lead">{serviceName}</p>
      <p>{copy.body}</p>
      {patientExplanationGroups(explanations).map((group) => (
        <section key={group.kind} aria-labelledby={`reasons-${group.kind}`}>
          <h2 id={`reasons-${group.kind}`}>{GROUP_HEADINGS[group.kind]}</h2>
          <PatientExplanations explanations={group.explanations} />
        </section>
      ))}
      {outcome === 'review' ? (
        <ConsultationOffer
          text={RESULT_TEXTS.consultation.review}
          serviceId={consultationServiceId}
          pending={pending}
        />
      ) : null}
      {outcome === 'not_eligible' ? (
        <>
          <ConsultationOffer
            text={RESULT_TEXTS.notEligible.consultation}
            serviceId={consultationServiceId}
            pending={pending}
            primary
          />
          <p>
            <Link to="/book/screening/questions">{t('changeAnswers')}</Link>
          </p>
        </>
      ) : (
        <>
          {waitUntil ? (
            <p className="notice" role="status">
              {richT('firstDay', {
                date: waitUntil,
                b: (chunks) => <strong>{chunks}</strong>,
              })}
            </p>
          ) : null}
          <p className="cluster">
            <Link className="button" to="/book/time">
              {t('chooseTime')}
            </Link>
            <Link to="/book/screening/questions">{t('changeAnswers')}</Link>
          </p>
        </>
      )}
    </div>
  )
}

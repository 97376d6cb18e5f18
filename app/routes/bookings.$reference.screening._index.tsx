import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useMemo } from 'react'
import { StatusBadge } from '#app/components/booking/booking-summary.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { FormErrorList, SubmitButton, TextareaField } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { ConsultationOffer } from '#app/components/screening/consultation-offer.tsx'
import { AnswersList, PatientExplanations } from '#app/components/screening/screening-summary.tsx'
import {
  answerClinicQuestion,
  getPatientScreening,
} from '#app/domain/screening/screening-booking.server.ts'
import { questionnaire } from '#app/domain/screening/questionnaire.ts'
import { clinicQuestionAnswerSchema } from '#app/domain/screening/screening.schema.ts'
import { patientActor } from '#app/utils/booking-wizard.server.ts'
import { formatDateAndTime } from '#app/utils/format.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { screeningMessages } from '#app/i18n/messages/index.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requirePatientBooking, requirePatientSession } from '#app/utils/patient-guards.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

export async function loader(args: LoaderFunctionArgs) {
  const locale = await requestLocale(args.request)
  const { booking: screening } = await requirePatientBooking(args, (query) =>
    getPatientScreening({ ...query, locale }),
  )
  const zone = screening.timeZone
  const at = (instant: number) => formatDateAndTime(instant, zone, locale)
  return {
    title: translate(screeningMessages, locale, 'resultTitle'),
    reference: screening.reference,
    status: screening.status,
    serviceName: screening.serviceName,
    when: at(screening.startAt),
    submission: screening.submission
      ? { ...screening.submission, submittedAt: at(screening.submission.submittedAt) }
      : null,
    openQuestion: screening.openQuestion
      ? { text: screening.openQuestion.text, askedAt: at(screening.openQuestion.askedAt) }
      : null,
    declineReason: screening.declineReason,
    conversation: screening.conversation.map((entry) => ({ ...entry, at: at(entry.at) })),
    renewalOpen: screening.renewalOpen,
    canUpdate: screening.canUpdate,
    consultationServiceId: screening.consultationServiceId,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { reference, session } = await requirePatientSession({ request, params })
  const locale = await requestLocale(request)
  const parsed = await parseForm(request, clinicQuestionAnswerSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const result = answerClinicQuestion({
    session,
    reference,
    answer: parsed.data.answer,
    now: new Date(),
    actor: patientActor(context),
  })
  if (result.ok) return redirect(`/bookings/${reference}/screening?answered=1`)
  if (result.reason === 'not-found') throw new Response('Not found', { status: 404 })
  return formError({ formErrors: [translate(screeningMessages, locale, 'noOpenQuestion')] }, 409)
}

export default function PatientScreeningRoute() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const pending = useIsPending()
  const locale = useLocale()
  const t = useT(screeningMessages)
  const schema = useMemo(() => clinicQuestionAnswerSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, actionData, {
    secretFields: [],
  })
  return (
    <div className="stack page--medium">
      <p>
        <Link to={`/bookings/${data.reference}`}>
          {t('backToBooking', { reference: data.reference })}
        </Link>
      </p>
      <h1>{t('answersHeading')}</h1>
      <p className="lead">
        {t('visitLine', { service: data.serviceName, when: data.when })}{' '}
        <StatusBadge status={data.status} />
      </p>
      {searchParams.get('answered') === '1' ? (
        <p className="notice notice--success" role="status">
          {t('sentAnswer')}
        </p>
      ) : null}
      {searchParams.get('updated') === '1' ? (
        <p className="notice notice--success" role="status">
          {data.status === 'pending_review' ? t('savedAnswersReview') : t('savedAnswers')}
        </p>
      ) : null}
      {data.declineReason !== null ? (
        <div className="notice notice--warning">
          <p>{t('declined')}</p>
          <p className="message-text">{data.declineReason}</p>
        </div>
      ) : null}
      {data.openQuestion ? (
        <section aria-labelledby="question-heading" className="card stack">
          <h2 id="question-heading">{t('questionHeading')}</h2>
          <p className="muted">{t('askedOn', { when: data.openQuestion.askedAt })}</p>
          <p className="message-text">{data.openQuestion.text}</p>
          <Form {...formProps}>
            <FormErrorList errors={actionData?.formErrors} />
            <TextareaField
              label={t('yourAnswer')}
              hint={t('yourAnswerHint')}
              {...fields.textarea('answer', { rows: 5, maxLength: 2000 })}
            />
            <SubmitButton pending={pending} pendingText={t('sending')}>
              {t('sendAnswer')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
      {data.renewalOpen ? <p className="notice">{t('renewal')}</p> : null}
      {data.canUpdate ? (
        <p>
          <Link
            className="button button--secondary"
            to={`/bookings/${data.reference}/screening/update`}
          >
            {data.renewalOpen ? t('checkAgain') : t('changeAnswers')}
          </Link>
        </p>
      ) : null}
      {data.submission?.outcome === 'review' ||
      data.submission?.outcome === 'not_eligible' ||
      data.status === 'declined' ? (
        <ConsultationOffer
          text={questionnaire(locale).result.consultation.review}
          serviceId={data.consultationServiceId}
          pending={pending}
        />
      ) : null}
      {data.conversation.length > 0 ? (
        <section aria-labelledby="conversation-heading">
          <h2 id="conversation-heading">{t('conversationHeading')}</h2>
          <ul className="conversation">
            {data.conversation.map((entry) => (
              <li key={`${entry.from}-${entry.at}`}>
                <strong>{entry.from === 'clinic' ? t('fromClinic') : t('fromYou')}</strong>,{' '}
                {entry.at}:
                <br />
                {entry.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.submission ? (
        <section aria-labelledby="answers-heading">
          <h2 id="answers-heading">{t('toldUsHeading')}</h2>
          <p className="muted">{t('answeredOn', { when: data.submission.submittedAt })}</p>
          {data.submission.explanations.length > 0 ? (
            <PatientExplanations explanations={data.submission.explanations} />
          ) : null}
          <AnswersList answers={data.submission.answers} audience="patient" />
        </section>
      ) : (
        <p>{t('noAnswers')}</p>
      )}
    </div>
  )
}

export { PatientBookingErrorBoundary as ErrorBoundary } from '#app/components/booking/booking-error-boundary.tsx'

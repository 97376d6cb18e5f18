import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { ServiceFacts } from '#app/components/booking/service-facts.tsx'
import { StepIndicator } from '#app/components/booking/step-indicator.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { FormErrorList } from '#app/components/forms/fields.tsx'
import { startBookingDraft } from '#app/domain/booking/wizard/draft.server.ts'
import { getDraftView } from '#app/domain/booking/wizard/draft-view.server.ts'
import { WIZARD_STEPS } from '#app/domain/booking/wizard/steps.ts'
import { listPublicServices } from '#app/domain/clinic/clinic.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { bookStartMessages } from '#app/i18n/messages/index.ts'
import { formError } from '#app/utils/forms.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { readServiceChoice } from '#app/utils/booking-wizard.server.ts'
import {
  ensurePatientSession,
  getPatientSessionFromRequest,
} from '#app/utils/patient-session.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const draft = getDraftView(await getPatientSessionFromRequest(request))
  const locale = await requestLocale(request)
  return {
    title: translate(bookStartMessages, locale, 'title', { clinic: 'Dermadesk' }),
    services: listPublicServices(locale),
    inProgress: draft && !draft.progress.isBooked ? { serviceName: draft.service.name } : null,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await readServiceChoice(request)
  if (!parsed.ok) return formError(parsed.errors)
  const { session, setCookie } = await ensurePatientSession(request)
  const locale = await requestLocale(request)
  const result = startBookingDraft({
    session,
    serviceId: parsed.data.serviceId,
    now: new Date(),
    locale,
  })
  const headers = setCookie ? { 'Set-Cookie': setCookie } : undefined
  if (!result.ok) {
    const message = translate(bookStartMessages, locale, 'notAvailable')
    return formError({ formErrors: [message] }, 400, headers)
  }
  return redirect(result.next, { headers })
}

export default function BookTreatmentRoute() {
  const { services, inProgress } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const t = useT(bookStartMessages)
  const steps = WIZARD_STEPS.map((step) => ({
    id: step.id,
    label: step.label,
    path: step.path,
    complete: false,
  }))
  return (
    <div className="stack">
      <StepIndicator steps={steps} currentId="treatment" />
      <h1>{t('heading')}</h1>
      {inProgress ? (
        <p className="notice">{t('inProgress', { service: inProgress.serviceName })}</p>
      ) : null}
      <FormErrorList errors={actionData?.formErrors} />
      <Form method="post">
        <ul className="grid" aria-label={t('heading')}>
          {services.map((service) => (
            <li key={service.id} className="card stack">
              <h2>{service.name}</h2>
              <ServiceFacts service={service} />
              <p>{service.description}</p>
              <p className="muted">
                <strong>{t('after')}</strong> {service.downtime}
              </p>
              <button
                type="submit"
                name="serviceId"
                value={service.id}
                className="button"
                disabled={pending}
              >
                {t('choose')} <span className="visually-hidden">{service.name}</span>
              </button>
            </li>
          ))}
        </ul>
      </Form>
    </div>
  )
}

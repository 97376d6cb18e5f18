import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { WizardPage } from '#app/components/booking/wizard-page.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { WaitlistForm } from '#app/components/waitlist/waitlist-form.tsx'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { describeWait } from '#app/domain/limits/limits.rules.ts'
import { joinWaitlistSchema } from '#app/domain/waitlist/waitlist.schema.ts'
import { joinWaitlist, listWaitlistPractitioners } from '#app/domain/waitlist/waitlist.server.ts'
import { translate, translator } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { waitlistMessages } from '#app/i18n/messages/index.ts'
import { requireWizardStep } from '#app/utils/booking-wizard.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { isFormErrors } from '#app/utils/forms.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

// Reached from the time step when no free time suits: the treatment is the wizard's, the health
// questions already answered (requireWizardStep), so nobody is waitlisted for a treatment the
// answers rule out.
export async function loader({ request }: LoaderFunctionArgs) {
  const { draft, summary, locale } = await requireWizardStep(request, 'time')
  return {
    title: translate(waitlistMessages, locale, 'joinTitle'),
    summary,
    serviceName: summary.treatment,
    practitioners: listWaitlistPractitioners(draft.service.id),
    today: localDateOf(Date.now(), getClinicSettings().timeZone),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { draft, locale } = await requireWizardStep(request, 'time')
  const t = translator(waitlistMessages, locale)
  const parsed = await parseForm(request, joinWaitlistSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const result = joinWaitlist({
    serviceId: draft.service.id,
    data: parsed.data,
    source: 'online',
    actor: { type: 'anonymous', ipAddress: context.clientIp, requestId: context.requestId },
    locale,
    now: new Date(),
  })
  if (result.ok) return { joined: true as const, email: parsed.data.email }
  switch (result.reason) {
    case 'past':
      return formError({ fieldErrors: { toDate: [t('datesPast')] }, values: parsed.values })
    case 'reversed':
      return formError({ fieldErrors: { toDate: [t('datesReversed')] }, values: parsed.values })
    case 'unknown-practitioner':
      return formError({
        fieldErrors: { practitioner: [t('unknownPractitioner')] },
        values: parsed.values,
      })
    case 'too-many':
      return formError(
        {
          formErrors: [t('tooManyJoins', { wait: describeWait(result.retryAfterSeconds, locale) })],
          values: parsed.values,
        },
        429,
      )
    default:
      return formError({ formErrors: [t('notAvailable')], values: parsed.values })
  }
}

export default function BookWaitlistRoute() {
  const { summary, serviceName, practitioners, today } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const t = useT(waitlistMessages)
  if (actionData && 'joined' in actionData) {
    return (
      <WizardPage summary={summary}>
        <h1>{t('joinedHeading')}</h1>
        <p role="status">{t('joinedBody', { email: actionData.email })}</p>
        <p>
          <Link to="/book/time">{t('backToTimes')}</Link>
        </p>
      </WizardPage>
    )
  }
  return (
    <WizardPage summary={summary}>
      <h1>{t('joinHeading')}</h1>
      <p className="lead">{serviceName}</p>
      <p>{t('joinIntro')}</p>
      <WaitlistForm
        variant="patient"
        actionData={isFormErrors(actionData) ? actionData : undefined}
        practitioners={practitioners}
        firstDate={today}
        pending={pending}
        submitLabel={t('join')}
      />
      <p>
        <Link to="/book/time">{t('backToTimes')}</Link>
      </p>
    </WizardPage>
  )
}

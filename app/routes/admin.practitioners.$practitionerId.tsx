import { useT } from '#app/i18n/locale-context.tsx'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { strandedOf } from '#app/components/admin/stranded.ts'
import { AdminNav, SavedNotice } from '#app/components/admin/admin-nav.tsx'
import {
  AddExceptionForm,
  ExceptionsTable,
  PractitionerProfileForm,
  PractitionerServicesForm,
  WeeklyHoursForm,
} from '#app/components/admin/practitioner-forms.tsx'
import { StrandedBookingsReview } from '#app/components/admin/stranded-bookings.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { PractitionerAvatar } from '#app/components/practitioner-avatar.tsx'
import { practitionerPhotoUrl } from '#app/domain/clinic/practitioner-photo.server.ts'
import { formErrorsFor } from '#app/components/forms/action-data.ts'
import { applyPractitionerChange } from '#app/domain/clinic/admin-practitioners.server.ts'
import {
  adminSchemas,
  PractitionerParamsSchema,
  type PractitionerIntent,
  strandedAnswerOf,
} from '#app/domain/clinic/admin.schema.ts'
import { getAdminPractitioner } from '#app/domain/clinic/admin.server.ts'
import {
  notFound,
  redirectSaved,
  requireAdminRecord,
  strandedResponse,
} from '#app/utils/admin-responses.server.ts'
import { type Translator, translator } from '#app/i18n/catalogue.ts'
import {
  adminFormsMessages,
  adminMessages,
  adminPractitionersMessages,
} from '#app/i18n/messages/index.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Practitioner | Clinic settings | Dermadesk' },
]

export async function loader(args: LoaderFunctionArgs) {
  const locale = await requestLocale(args.request)
  const NOT_FOUND = translator(adminPractitionersMessages, locale)('notFound')
  const { ids } = await requireAdminRecord(args, PractitionerParamsSchema, NOT_FOUND)
  const page = getAdminPractitioner(ids.practitionerId)
  if (!page) throw notFound(NOT_FOUND)
  const ta = translator(adminMessages, locale)
  return {
    ...page,
    photoUrl: practitionerPhotoUrl(page.practitioner.photoKey),
    title: ta('pageTitle', { page: page.practitioner.displayName }),
  }
}

export async function action(args: ActionFunctionArgs) {
  const locale = await requestLocale(args.request)
  const t = translator(adminPractitionersMessages, locale)
  const ta = translator(adminMessages, locale)
  const NOT_FOUND = t('notFound')
  const { ids, actor } = await requireAdminRecord(args, PractitionerParamsSchema, NOT_FOUND)
  const { practitionerId } = ids
  const parsed = await parseForm(args.request, adminSchemas(locale).PractitionerActionSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const result = applyPractitionerChange(practitionerId, parsed.data, actor)
  const values = parsed.values
  if (result.ok)
    return redirectSaved(`/admin/practitioners/${practitionerId}`, parsed.data.intent, result)
  switch (result.reason) {
    case 'needs-confirmation':
      return strandedResponse(result, values, strandedAnswerOf(parsed.data))
    case 'not-found':
      throw notFound(NOT_FOUND)
    case 'unknown-service':
      return formError({
        fieldErrors: {
          serviceIds: [translator(adminFormsMessages, locale)('servicesFromList')],
        },
        values,
      })
    case 'not-qualified':
      return formError({
        fieldErrors: {
          serviceIds: [t('notQualified', { services: result.serviceNames.join(', ') })],
        },
        values,
      })
    case 'date-in-past':
      return formError({ fieldErrors: { date: [ta('dateInPast')] }, values })
    case 'exception-not-found':
      return formError({ formErrors: [t('exceptionAlreadyRemoved')], values }, 409)
  }
}

/** What the admin was doing, for the stranded-bookings page. */
function describeChange(
  intent: PractitionerIntent,
  kind: unknown,
  name: string,
  t: Translator<keyof (typeof adminPractitionersMessages)['en'] & string>,
): string {
  switch (intent) {
    case 'profile':
      return t('changeProfile', { name })
    case 'services':
      return t('changeServices', { name })
    case 'hours':
      return t('changeHours', { name })
    case 'add-exception':
      return t(kind === 'extra_hours' ? 'changeExtraHours' : 'changeTimeOff', { name })
    case 'remove-exception':
      return t('changeRemoveException', { name })
  }
}

export default function AdminPractitionerRoute() {
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const t = useT(adminPractitionersMessages)
  const ta = useT(adminMessages)
  const { practitioner } = page
  const stranded = strandedOf(actionData)
  if (stranded) {
    const intent = stranded.values.intent as PractitionerIntent
    return (
      <StrandedBookingsReview
        stranded={stranded}
        change={describeChange(intent, stranded.values.kind, practitioner.displayName, t)}
        backHref={`/admin/practitioners/${practitioner.id}`}
      />
    )
  }
  // A fresh form after each navigation (a saved change), kept as typed after a refusal.
  const formKey = location.key
  return (
    <div className="stack">
      <AdminNav />
      <h1>{practitioner.displayName}</h1>
      <p className="muted">
        {practitioner.title} ·{' '}
        {practitioner.credential === 'medical'
          ? t('medicalPractitioner')
          : t('aestheticPractitioner')}
        {practitioner.isActive ? null : (
          <>
            {' '}
            <span className="badge badge--neutral">{ta('inactive')}</span>
          </>
        )}
        {practitioner.hasSignIn ? null : t('noSignIn')}
      </p>
      <SavedNotice />

      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('profile')}</h2>
        <div className="cluster">
          <PractitionerAvatar name={practitioner.displayName} photoUrl={page.photoUrl} />
          <Link to={`/admin/practitioners/${practitioner.id}/photo`}>
            {page.photoUrl ? t('changePhoto') : t('addPhoto')}
          </Link>
        </div>
        <PractitionerProfileForm
          key={`profile-${formKey}`}
          intent="profile"
          defaults={practitioner}
          serverErrors={formErrorsFor(actionData, 'profile')}
          labelledBy="profile-heading"
          submitLabel={t('saveProfile')}
        />
      </section>

      <section aria-labelledby="services-heading">
        <h2 id="services-heading">{ta('services')}</h2>
        <PractitionerServicesForm
          key={`services-${formKey}`}
          services={page.services}
          selected={page.serviceIds}
          credential={practitioner.credential}
          serverErrors={formErrorsFor(actionData, 'services')}
          labelledBy="services-heading"
        />
      </section>

      <section aria-labelledby="hours-heading">
        <h2 id="hours-heading">{t('weeklyHours')}</h2>
        <WeeklyHoursForm
          key={`hours-${formKey}`}
          weekly={page.weekly}
          timeZone={page.timeZone}
          serverErrors={formErrorsFor(actionData, 'hours')}
          labelledBy="hours-heading"
        />
      </section>

      <section aria-labelledby="exceptions-heading">
        <h2 id="exceptions-heading">{t('timeOffAndExtra')}</h2>
        <ExceptionsTable
          exceptions={page.exceptions}
          timeZone={page.timeZone}
          removeErrors={formErrorsFor(actionData, 'remove-exception')}
        />
        <h3 id="add-exception-heading">{t('addTimeOffOrExtra')}</h3>
        <AddExceptionForm
          key={`exception-${formKey}`}
          today={page.today}
          serverErrors={formErrorsFor(actionData, 'add-exception')}
          labelledBy="add-exception-heading"
        />
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

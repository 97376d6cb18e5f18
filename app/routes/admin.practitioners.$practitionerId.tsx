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
  PractitionerActionSchema,
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
import { formError, parseForm } from '#app/utils/forms.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.practitioner.displayName ?? 'Practitioner'} | Clinic settings | Dermadesk` },
]

const NOT_FOUND = 'We could not find that practitioner.'

export async function loader(args: LoaderFunctionArgs) {
  const { ids } = await requireAdminRecord(args, PractitionerParamsSchema, NOT_FOUND)
  const page = getAdminPractitioner(ids.practitionerId)
  if (!page) throw notFound(NOT_FOUND)
  return { ...page, photoUrl: practitionerPhotoUrl(page.practitioner.photoKey) }
}

export async function action(args: ActionFunctionArgs) {
  const { ids, actor } = await requireAdminRecord(args, PractitionerParamsSchema, NOT_FOUND)
  const { practitionerId } = ids
  const parsed = await parseForm(args.request, PractitionerActionSchema)
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
      return formError({ fieldErrors: { serviceIds: ['Choose services from the list.'] }, values })
    case 'not-qualified':
      return formError({
        fieldErrors: {
          serviceIds: [
            `${result.serviceNames.join(', ')}: medical-tier services need a medical practitioner.`,
          ],
        },
        values,
      })
    case 'date-in-past':
      return formError({ fieldErrors: { date: ['Choose today or a later date.'] }, values })
    case 'exception-not-found':
      return formError(
        { formErrors: ['That entry was already removed. The list is up to date now.'], values },
        409,
      )
  }
}

/** What the admin was doing, for the stranded-bookings page. */
function describeChange(intent: PractitionerIntent, kind: unknown, name: string): string {
  switch (intent) {
    case 'profile':
      return `Saving the profile of ${name}`
    case 'services':
      return `Saving the services of ${name}`
    case 'hours':
      return `Saving the weekly hours of ${name}`
    case 'add-exception':
      return `Adding ${kind === 'extra_hours' ? 'extra hours' : 'time off'} for ${name}`
    case 'remove-exception':
      return `Removing these hours from the calendar of ${name}`
  }
}

export default function AdminPractitionerRoute() {
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const { practitioner } = page
  const stranded = strandedOf(actionData)
  if (stranded) {
    const intent = stranded.values.intent as PractitionerIntent
    return (
      <StrandedBookingsReview
        stranded={stranded}
        change={describeChange(intent, stranded.values.kind, practitioner.displayName)}
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
        {practitioner.credential === 'medical' ? 'Medical practitioner' : 'Aesthetic practitioner'}
        {practitioner.isActive ? null : (
          <>
            {' '}
            <span className="badge badge--neutral">Inactive</span>
          </>
        )}
        {practitioner.hasSignIn ? null : ' · No staff sign-in'}
      </p>
      <SavedNotice />

      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <div className="cluster">
          <PractitionerAvatar name={practitioner.displayName} photoUrl={page.photoUrl} />
          <Link to={`/admin/practitioners/${practitioner.id}/photo`}>
            {page.photoUrl ? 'Change or remove the photo' : 'Add a photo'}
          </Link>
        </div>
        <PractitionerProfileForm
          key={`profile-${formKey}`}
          intent="profile"
          defaults={practitioner}
          serverErrors={formErrorsFor(actionData, 'profile')}
          labelledBy="profile-heading"
          submitLabel="Save profile"
        />
      </section>

      <section aria-labelledby="services-heading">
        <h2 id="services-heading">Services</h2>
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
        <h2 id="hours-heading">Weekly hours</h2>
        <WeeklyHoursForm
          key={`hours-${formKey}`}
          weekly={page.weekly}
          timeZone={page.timeZone}
          serverErrors={formErrorsFor(actionData, 'hours')}
          labelledBy="hours-heading"
        />
      </section>

      <section aria-labelledby="exceptions-heading">
        <h2 id="exceptions-heading">Time off and extra hours</h2>
        <ExceptionsTable
          exceptions={page.exceptions}
          timeZone={page.timeZone}
          removeErrors={formErrorsFor(actionData, 'remove-exception')}
        />
        <h3 id="add-exception-heading">Add time off or extra hours</h3>
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

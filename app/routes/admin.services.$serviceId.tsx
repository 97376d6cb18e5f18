import { useT } from '#app/i18n/locale-context.tsx'
import { translator } from '#app/i18n/catalogue.ts'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { strandedOf } from '#app/components/admin/stranded.ts'
import { AdminNav, SavedNotice } from '#app/components/admin/admin-nav.tsx'
import { ServiceForm } from '#app/components/admin/service-form.tsx'
import { StrandedBookingsReview } from '#app/components/admin/stranded-bookings.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { formErrorsFor } from '#app/components/forms/action-data.ts'
import { updateService } from '#app/domain/clinic/admin-services.server.ts'
import {
  adminSchemas,
  ServiceParamsSchema,
  strandedAnswerOf,
} from '#app/domain/clinic/admin.schema.ts'
import { adminMessages, adminServicesMessages } from '#app/i18n/messages/index.ts'
import { getAdminService } from '#app/domain/clinic/admin.server.ts'
import {
  notFound,
  redirectSaved,
  requireAdminRecord,
  strandedResponse,
} from '#app/utils/admin-responses.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Service | Clinic settings | Dermadesk' },
]

export async function loader(args: LoaderFunctionArgs) {
  const locale = await requestLocale(args.request)
  const NOT_FOUND = translator(adminServicesMessages, locale)('notFound')
  const { ids } = await requireAdminRecord(args, ServiceParamsSchema, NOT_FOUND)
  const service = getAdminService(ids.serviceId)
  if (!service) throw notFound(NOT_FOUND)
  const ta = translator(adminMessages, locale)
  return { service, title: ta('pageTitle', { page: service.name }) }
}

export async function action(args: ActionFunctionArgs) {
  const locale = await requestLocale(args.request)
  const NOT_FOUND = translator(adminServicesMessages, locale)('notFound')
  const { ids, actor } = await requireAdminRecord(args, ServiceParamsSchema, NOT_FOUND)
  const { serviceId } = ids
  const parsed = await parseForm(args.request, adminSchemas(locale).ServiceUpdateSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const answer = strandedAnswerOf(parsed.data)
  const result = updateService(serviceId, { ...parsed.data, answer }, actor)
  if (result.ok) return redirectSaved(`/admin/services/${serviceId}`, 'service', result)
  if (result.reason === 'needs-confirmation') return strandedResponse(result, parsed.values, answer)
  throw notFound(NOT_FOUND)
}

export default function AdminServiceRoute() {
  const { service } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const t = useT(adminServicesMessages)
  const stranded = strandedOf(actionData)
  if (stranded) {
    return (
      <StrandedBookingsReview
        stranded={stranded}
        change={t('changeService', { name: service.name })}
        backHref={`/admin/services/${service.id}`}
      />
    )
  }
  return (
    <div className="stack page--medium">
      <AdminNav />
      <h1 id="service-heading">{service.name}</h1>
      <p className="muted">{t('slugNote', { slug: service.slug })}</p>
      <SavedNotice />
      <ServiceForm
        key={location.key}
        defaults={service}
        serverErrors={formErrorsFor(actionData)}
        labelledBy="service-heading"
        submitLabel={t('saveService')}
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

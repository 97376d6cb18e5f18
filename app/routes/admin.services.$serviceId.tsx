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
  ServiceParamsSchema,
  ServiceUpdateSchema,
  strandedAnswerOf,
} from '#app/domain/clinic/admin.schema.ts'
import { getAdminService } from '#app/domain/clinic/admin.server.ts'
import {
  notFound,
  redirectSaved,
  requireAdminRecord,
  strandedResponse,
} from '#app/utils/admin-responses.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.service.name ?? 'Service'} | Clinic settings | Dermadesk` },
]

const NOT_FOUND = 'We could not find that service.'

export async function loader(args: LoaderFunctionArgs) {
  const { ids } = await requireAdminRecord(args, ServiceParamsSchema, NOT_FOUND)
  const service = getAdminService(ids.serviceId)
  if (!service) throw notFound(NOT_FOUND)
  return { service }
}

export async function action(args: ActionFunctionArgs) {
  const { ids, actor } = await requireAdminRecord(args, ServiceParamsSchema, NOT_FOUND)
  const { serviceId } = ids
  const parsed = await parseForm(args.request, ServiceUpdateSchema)
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
  const stranded = strandedOf(actionData)
  if (stranded) {
    return (
      <StrandedBookingsReview
        stranded={stranded}
        change={`Saving the service ${service.name}`}
        backHref={`/admin/services/${service.id}`}
      />
    )
  }
  return (
    <div className="stack page--medium">
      <AdminNav />
      <h1 id="service-heading">{service.name}</h1>
      <p className="muted">Web address name: {service.slug} (it does not change).</p>
      <SavedNotice />
      <ServiceForm
        key={location.key}
        defaults={service}
        serverErrors={formErrorsFor(actionData)}
        labelledBy="service-heading"
        submitLabel="Save service"
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

import { useT } from '#app/i18n/locale-context.tsx'
import { translator } from '#app/i18n/catalogue.ts'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { ServiceForm } from '#app/components/admin/service-form.tsx'
import { formErrorsFor } from '#app/components/forms/action-data.ts'
import { createService } from '#app/domain/clinic/admin-services.server.ts'
import { adminSchemas } from '#app/domain/clinic/admin.schema.ts'
import { adminMessages, adminServicesMessages } from '#app/i18n/messages/index.ts'
import { getNextServiceSortOrder } from '#app/domain/clinic/admin.server.ts'
import { redirectSaved, staffActorOf } from '#app/utils/admin-responses.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Add a service | Clinic settings | Dermadesk' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const t = translator(adminMessages, await requestLocale(request))
  return {
    sortOrder: getNextServiceSortOrder(),
    title: t('pageTitle', { page: t('addService') }),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const parsed = await parseForm(request, adminSchemas(locale).ServiceSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const { serviceId } = createService(parsed.data, staffActorOf(user, context))
  return redirectSaved(`/admin/services/${serviceId}`, 'created')
}

export default function AdminNewServiceRoute() {
  const { sortOrder } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT(adminServicesMessages)
  const ta = useT(adminMessages)
  return (
    <div className="stack page--medium">
      <AdminNav />
      <h1 id="new-service-heading">{ta('addService')}</h1>
      <p>{t('newIntro')}</p>
      <ServiceForm
        defaults={{
          name: '',
          description: '',
          kind: 'treatment',
          tier: 'medical',
          durationMinutes: 60,
          bufferAfterMinutes: 15,
          maxNeedleDepthUm: null,
          courseSessions: 1,
          courseIntervalWeeks: 0,
          priceCents: null,
          downtime: '',
          isActive: true,
          sortOrder,
        }}
        serverErrors={formErrorsFor(actionData)}
        labelledBy="new-service-heading"
        submitLabel={t('addServiceButton')}
      />
    </div>
  )
}

import { useT } from '#app/i18n/locale-context.tsx'
import { translator } from '#app/i18n/catalogue.ts'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { PractitionerProfileForm } from '#app/components/admin/practitioner-forms.tsx'
import { formErrorsFor } from '#app/components/forms/action-data.ts'
import { createPractitioner } from '#app/domain/clinic/admin-practitioners.server.ts'
import { adminSchemas } from '#app/domain/clinic/admin.schema.ts'
import { adminMessages, adminPractitionersMessages } from '#app/i18n/messages/index.ts'
import { redirectSaved, staffActorOf } from '#app/utils/admin-responses.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Add a practitioner | Clinic settings | Dermadesk' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const t = translator(adminMessages, await requestLocale(request))
  return { title: t('pageTitle', { page: t('addPractitioner') }) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const parsed = await parseForm(request, adminSchemas(locale).PractitionerProfileSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const { practitionerId } = createPractitioner(parsed.data, staffActorOf(user, context))
  return redirectSaved(`/admin/practitioners/${practitionerId}`, 'created')
}

export default function AdminNewPractitionerRoute() {
  const actionData = useActionData<typeof action>()
  const t = useT(adminPractitionersMessages)
  return (
    <div className="stack page--medium">
      <AdminNav />
      <h1 id="new-practitioner-heading">{t('addPractitioner')}</h1>
      <p>{t('newIntro')}</p>
      <PractitionerProfileForm
        defaults={null}
        serverErrors={formErrorsFor(actionData)}
        labelledBy="new-practitioner-heading"
        submitLabel={t('addPractitionerButton')}
      />
    </div>
  )
}

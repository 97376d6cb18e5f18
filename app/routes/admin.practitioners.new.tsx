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
import { PractitionerProfileSchema } from '#app/domain/clinic/admin.schema.ts'
import { redirectSaved, staffActorOf } from '#app/utils/admin-responses.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [
  { title: 'Add a practitioner | Clinic settings | Dermadesk' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const parsed = await parseForm(request, PractitionerProfileSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const { practitionerId } = createPractitioner(parsed.data, staffActorOf(user, context))
  return redirectSaved(`/admin/practitioners/${practitionerId}`, 'created')
}

export default function AdminNewPractitionerRoute() {
  const actionData = useActionData<typeof action>()
  return (
    <div className="stack page--medium">
      <AdminNav />
      <h1 id="new-practitioner-heading">Add a practitioner</h1>
      <p>
        Next you can choose their services and weekly hours. Patients see them once they are active
        and have both.
      </p>
      <PractitionerProfileForm
        defaults={null}
        serverErrors={formErrorsFor(actionData)}
        labelledBy="new-practitioner-heading"
        submitLabel="Add practitioner"
      />
    </div>
  )
}

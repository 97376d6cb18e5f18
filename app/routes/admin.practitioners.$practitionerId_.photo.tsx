import { useT } from '#app/i18n/locale-context.tsx'
import { translator } from '#app/i18n/catalogue.ts'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { AdminNav } from '#app/components/admin/admin-nav.tsx'
import { PractitionerAvatar } from '#app/components/practitioner-avatar.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { FieldError, FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { adminSchemas, PractitionerParamsSchema } from '#app/domain/clinic/admin.schema.ts'
import { getAdminPractitioner } from '#app/domain/clinic/admin.server.ts'
import {
  practitionerPhotoUrl,
  removePractitionerPhoto,
  setPractitionerPhoto,
} from '#app/domain/clinic/practitioner-photo.server.ts'
import { imageRefusalMessage, MAX_IMAGE_BYTES } from '#app/domain/media/image.rules.ts'
import { notFound, redirectSaved, requireAdminRecord } from '#app/utils/admin-responses.server.ts'
import { formError } from '#app/utils/forms.server.ts'
import { readImageUpload } from '#app/utils/uploads.server.ts'
import { adminPractitionersMessages } from '#app/i18n/messages/index.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Photo of practitioner | Clinic settings | Dermadesk' },
]

export async function loader(args: LoaderFunctionArgs) {
  const t = translator(adminPractitionersMessages, await requestLocale(args.request))
  const NOT_FOUND = t('notFound')
  const { ids } = await requireAdminRecord(args, PractitionerParamsSchema, NOT_FOUND)
  const page = getAdminPractitioner(ids.practitionerId)
  if (!page) throw notFound(NOT_FOUND)
  const { practitioner } = page
  return {
    id: practitioner.id,
    name: practitioner.displayName,
    photoUrl: practitionerPhotoUrl(practitioner.photoKey),
    title: t('photoTitle', { name: practitioner.displayName }),
  }
}

export async function action(args: ActionFunctionArgs) {
  // Who is asking first: the body is not read for anyone else (app/server/uploads.ts).
  const locale = await requestLocale(args.request)
  const t = translator(adminPractitionersMessages, locale)
  const NOT_FOUND = t('notFound')
  const { ids, actor } = await requireAdminRecord(args, PractitionerParamsSchema, NOT_FOUND)
  const upload = await readImageUpload(args.request, 'photo')
  if (!upload.ok) {
    const message =
      upload.reason === 'too-large'
        ? imageRefusalMessage('too-large', locale)
        : t('uploadUnreadable')
    return formError(
      { fieldErrors: { photo: [message] } },
      upload.reason === 'too-large' ? 413 : 400,
    )
  }
  const parsed = adminSchemas(locale).PractitionerPhotoActionSchema.safeParse(upload.fields)
  if (!parsed.success) return formError({ fieldErrors: { photo: [t('imageMissing')] } })
  const { intent } = parsed.data
  const result =
    intent === 'photo-remove'
      ? await removePractitionerPhoto(ids.practitionerId, actor)
      : upload.file
        ? await setPractitionerPhoto(ids.practitionerId, upload.file, actor)
        : ({ ok: false, reason: 'missing' } as const)
  if (result.ok) return redirectSaved(`/admin/practitioners/${ids.practitionerId}`, intent)
  if (result.reason === 'not-found') throw notFound(NOT_FOUND)
  return formError({ fieldErrors: { photo: [imageRefusalMessage(result.reason, locale)] } })
}

export default function PractitionerPhotoRoute() {
  const { id, name, photoUrl } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const error = actionData?.fieldErrors.photo?.[0]
  const uploading = useIsPending('photo-upload')
  const removing = useIsPending('photo-remove')
  const t = useT(adminPractitionersMessages)
  return (
    <div className="stack">
      <AdminNav />
      <p>
        <Link to={`/admin/practitioners/${id}`}>{t('backTo', { name })}</Link>
      </p>
      <h1>{t('photoOf', { name })}</h1>
      <div className="cluster">
        <PractitionerAvatar name={name} photoUrl={photoUrl} size="large" />
        <p className="muted">{photoUrl ? t('photoShown') : t('noPhoto')}</p>
      </div>

      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">{photoUrl ? t('replacePhoto') : t('addPhoto')}</h2>
        <Form method="post" encType="multipart/form-data" aria-labelledby="upload-heading">
          <FormErrorList errors={actionData?.formErrors} />
          <div className="field">
            <label htmlFor="photo">{t('photo')}</label>
            <p id="photo-hint" className="hint">
              {t('photoHint', { megabytes: String(MAX_IMAGE_BYTES / 1024 / 1024) })}
            </p>
            <input
              id="photo"
              name="photo"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              required
              aria-describedby={error ? 'photo-hint photo-error' : 'photo-hint'}
              aria-invalid={error ? true : undefined}
            />
            <FieldError id="photo-error" error={error} />
          </div>
          <SubmitButton name="intent" value="photo-upload" pending={uploading}>
            {t('uploadPhoto')}
          </SubmitButton>
        </Form>
      </section>

      {photoUrl ? (
        <section aria-labelledby="remove-heading">
          <h2 id="remove-heading">{t('removeThePhoto')}</h2>
          <Form method="post" aria-labelledby="remove-heading">
            <SubmitButton
              name="intent"
              value="photo-remove"
              pending={removing}
              className="button button--secondary"
            >
              {t('removePhoto')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { type ChangeEvent, useMemo, useState } from 'react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ChoiceGroup } from '#app/components/forms/choice-group.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { useIsPending } from '#app/components/forms/action-data.ts'
import {
  CheckboxField,
  FieldError,
  FormErrorList,
  SelectField,
  SubmitButton,
} from '#app/components/forms/fields.tsx'
import { addClinicalPhoto, getPhotoPage } from '#app/domain/photos/clinical-photos.server.ts'
import { PHOTO_STAGES, PHOTO_VIEWS } from '#app/domain/photos/photo.constants.ts'
import {
  MAX_PHOTO_BYTES,
  MAX_PHOTOS_PER_VISIT,
  photoRefusalMessage,
} from '#app/domain/photos/photo.rules.ts'
import { clinicalPhotoUrl, photoUploadSchema } from '#app/domain/photos/photo.schema.ts'
import { TREATMENT_AREAS } from '#app/domain/treatment/treatment.schema.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { photosMessages, visitMessages } from '#app/i18n/messages/index.ts'
import { notFound } from '#app/utils/admin-responses.server.ts'
import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { formError } from '#app/utils/forms.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { readImageUpload } from '#app/utils/uploads.server.ts'
import { requireClinicianVisit } from '#app/utils/visit-params.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Clinical photos | Staff | Dermadesk' },
]

// Clinical photos are health data: clinicians only (requireClinicalRole, docs/decisions/041).
export async function loader(args: LoaderFunctionArgs) {
  const { bookingId, user } = await requireClinicianVisit(args)
  const locale = await requestLocale(args.request, user)
  const page = getPhotoPage(bookingId)
  if (!page) throw notFound(translate(visitMessages, locale, 'notFound'))
  return {
    ...page,
    gateMessage: page.gate.ok ? null : photoRefusalMessage(page.gate.reason, locale),
    title: translate(photosMessages, locale, 'pageTitle'),
  }
}

export async function action(args: ActionFunctionArgs) {
  // Who is asking first: the body is not read for anyone else (app/server/uploads.ts).
  const { bookingId, actor, user } = await requireClinicianVisit(args)
  const locale = await requestLocale(args.request, user)
  const upload = await readImageUpload(args.request, 'photo', MAX_PHOTO_BYTES)
  if (!upload.ok) {
    const message =
      upload.reason === 'too-large'
        ? photoRefusalMessage('too-large', locale)
        : translate(photosMessages, locale, 'uploadUnreadable')
    return formError(
      { fieldErrors: { photo: [message] } },
      upload.reason === 'too-large' ? 413 : 400,
    )
  }
  const parsed = photoUploadSchema(locale).safeParse(upload.fields)
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {}
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'photo')
      fieldErrors[field === 'patientId' ? 'photo' : field] ??= [
        field === 'patientId' ? photoRefusalMessage('not-this-patient', locale) : issue.message,
      ]
    }
    return formError({ fieldErrors, values: upload.fields })
  }
  const result = await addClinicalPhoto({
    bookingId,
    ...parsed.data,
    upload: upload.file,
    actor,
  })
  if (result.ok) return redirect(`/staff/bookings/${bookingId}/photos?added=1`)
  if (result.reason === 'not-found') throw notFound(translate(visitMessages, locale, 'notFound'))
  const message = photoRefusalMessage(result.reason, locale)
  const aboutTheFile = ['missing', 'too-large', 'not-an-image', 'too-many-pixels'].includes(
    result.reason,
  )
  return aboutTheFile
    ? formError({ fieldErrors: { photo: [message] }, values: upload.fields })
    : result.reason === 'marketing-not-allowed'
      ? formError({ fieldErrors: { marketingUse: [message] }, values: upload.fields })
      : formError({ formErrors: [message], values: upload.fields }, 409)
}

export default function PhotosRoute() {
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const t = useT(photosMessages)
  const tv = useT(visitMessages)
  const locale = useLocale()
  const zone = page.booking.timeZone
  const full = page.photos.length >= MAX_PHOTOS_PER_VISIT

  return (
    <div className="stack page--medium">
      <p>
        <Link to={`/staff/bookings/${page.booking.id}`}>{tv('backToAppointment')}</Link>
      </p>
      <h1>{t('heading', { name: page.patient.fullName })}</h1>
      <p>
        {t('sessionLine', {
          date: formatDateInZone(page.booking.startAt, zone, locale),
          session: page.booking.session,
        })}
      </p>
      {searchParams.get('added') && !actionData ? (
        <p className="notice notice--success" role="status">
          {t('added')}
        </p>
      ) : null}

      <section aria-labelledby="visit-photos-heading">
        <h2 id="visit-photos-heading">{t('thisVisitHeading')}</h2>
        {page.photos.length === 0 ? (
          <p>{t('noPhotosYet')}</p>
        ) : (
          <>
            <p>{t('photoCount', { count: page.photos.length, max: MAX_PHOTOS_PER_VISIT })}</p>
            <ul className="photo-grid">
              {page.photos.map((photo) => {
                const caption = t('photoCaption', {
                  stage: photo.stage,
                  area: tv(`area.${photo.area}`),
                  view: t(`view.${photo.view}`),
                })
                return (
                  <li key={photo.id}>
                    <figure>
                      <a href={clinicalPhotoUrl(photo.id, 'display')}>
                        <img
                          src={clinicalPhotoUrl(photo.id, 'thumb')}
                          alt={caption}
                          loading="lazy"
                        />
                      </a>
                      <figcaption>
                        {caption}
                        <br />
                        <span className="muted">
                          {t('takenLine', {
                            time: formatTimeInZone(photo.takenAt, zone, locale),
                            by: photo.takenBy,
                          })}
                        </span>
                        {photo.marketingUse ? (
                          <>
                            {' '}
                            <span className="badge badge--neutral">{t('marketingBadge')}</span>
                          </>
                        ) : null}
                      </figcaption>
                    </figure>
                  </li>
                )
              })}
            </ul>
          </>
        )}
      </section>

      {!page.gate.ok ? (
        <p className="notice notice--warning">{page.gateMessage}</p>
      ) : full ? (
        <p className="notice">{photoRefusalMessage('too-many', locale)}</p>
      ) : (
        // A new form after each photo added: the file, its preview and the choices start afresh.
        <AddPhotoForm key={page.photos.length} />
      )}
    </div>
  )
}

/**
 * The "add a photo" form: the shared schema checks its choices in the browser and again in the
 * action (the file is checked by the action). With JavaScript, the chosen file is previewed with
 * the previous session's photo of the same area and view faintly over it.
 */
function AddPhotoForm() {
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const t = useT(photosMessages)
  const tv = useT(visitMessages)
  const locale = useLocale()
  const schema = useMemo(() => photoUploadSchema(locale), [locale])
  const firstArea = page.treatedAreas[0] ?? TREATMENT_AREAS[0]
  const { formProps, fields, fieldError, register, form, defaultValue } = useSchemaForm(
    schema,
    actionData,
    {
      defaultValues: { area: firstArea, view: PHOTO_VIEWS[0], stage: 'before' },
    },
  )
  const area = form.watch('area') as string | undefined
  const view = form.watch('view') as string | undefined
  const [preview, setPreview] = useState<string | null>(null)
  const [showGuide, setShowGuide] = useState(true)
  const guide = page.guides.find((g) => g.area === area && g.view === view)
  const otherAreas = TREATMENT_AREAS.filter((value) => !page.treatedAreas.includes(value))
  const photoError = fieldError('photo')
  const areaOption = (value: (typeof TREATMENT_AREAS)[number]) => (
    <option key={value} value={value}>
      {tv(`area.${value}`)}
    </option>
  )

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0]
    if (!file) return setPreview(null)
    // A data: URL: the page's content security policy allows no blob: pictures.
    const reader = new FileReader()
    reader.onload = () => setPreview(typeof reader.result === 'string' ? reader.result : null)
    reader.readAsDataURL(file)
  }

  return (
    <section aria-labelledby="add-heading">
      <h2 id="add-heading">{t('addHeading')}</h2>
      <p>{t('intro')}</p>
      <Form
        {...formProps}
        encType="multipart/form-data"
        aria-labelledby="add-heading"
        className="stack"
      >
        <FormErrorList errors={actionData?.formErrors} />
        <input type="hidden" {...register('patientId')} value={page.patient.id} />
        <SelectField label={t('area')} {...fields.select('area', { id: 'area' })}>
          {page.treatedAreas.length > 0 ? (
            <>
              <optgroup label={t('treatedAreasGroup')}>
                {page.treatedAreas.map(areaOption)}
              </optgroup>
              <optgroup label={t('otherAreasGroup')}>{otherAreas.map(areaOption)}</optgroup>
            </>
          ) : (
            TREATMENT_AREAS.map(areaOption)
          )}
        </SelectField>
        <SelectField label={t('view')} {...fields.select('view', { id: 'view' })}>
          {PHOTO_VIEWS.map((value) => (
            <option key={value} value={value}>
              {t(`view.${value}`)}
            </option>
          ))}
        </SelectField>
        <ChoiceGroup
          legend={t('stage')}
          type="radio"
          options={PHOTO_STAGES.map((value) => ({ value, label: t(`stage.${value}`) }))}
          chosen={[defaultValue('stage') ?? 'before']}
          {...fields.choices('stage')}
        />
        <div className="field">
          <label htmlFor="photo">{t('photo')}</label>
          <p id="photo-hint" className="hint">
            {t('photoHint', { megabytes: MAX_PHOTO_BYTES / 1024 / 1024 })}
          </p>
          <input
            id="photo"
            name="photo"
            type="file"
            accept="image/*"
            capture="environment"
            required
            onChange={choose}
            aria-describedby={photoError ? 'photo-hint photo-error' : 'photo-hint'}
            aria-invalid={photoError ? true : undefined}
          />
          <FieldError id="photo-error" error={photoError} />
        </div>
        <p id="guide-text" className="hint">
          {guide
            ? t('guideText', {
                date: formatDateInZone(guide.takenAt, page.booking.timeZone, locale),
              })
            : t('noGuide')}
        </p>
        {preview ? (
          <section aria-labelledby="preview-heading" className="stack">
            <h3 id="preview-heading">{t('previewHeading')}</h3>
            {guide ? (
              <div className="field field--checkbox">
                <input
                  type="checkbox"
                  id="show-guide"
                  checked={showGuide}
                  onChange={(event) => setShowGuide(event.currentTarget.checked)}
                  aria-describedby="guide-text"
                />
                <label htmlFor="show-guide">{t('showGuide')}</label>
              </div>
            ) : null}
            <div className="photo-guide">
              <img src={preview} alt={t('previewAlt')} />
              {guide && showGuide ? (
                // Decorative: the sentence above says which earlier photo it is.
                <img
                  className="photo-guide__overlay"
                  src={clinicalPhotoUrl(guide.photoId, 'display')}
                  alt=""
                />
              ) : null}
            </div>
          </section>
        ) : null}
        {page.gate.ok && page.gate.marketingAllowed ? (
          <CheckboxField
            label={t('marketingUse')}
            {...fields.checkbox('marketingUse', {
              id: 'marketingUse',
              defaultChecked: defaultValue('marketingUse') === 'on',
            })}
          />
        ) : null}
        <SubmitButton pending={pending} pendingText={t('adding')}>
          {t('addPhoto')}
        </SubmitButton>
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

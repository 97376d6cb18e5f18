import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { BeforeAfterSlider, PhotoFigure } from '#app/components/photos/photo-compare.tsx'
import { NotFoundBoundary } from '#app/components/error-boundary.tsx'
import { SelectField } from '#app/components/forms/fields.tsx'
import { getPhotoComparison } from '#app/domain/photos/photo-compare.server.ts'
import { parsePhotoCompareQuery } from '#app/domain/photos/photo-compare.schema.ts'
import { groupName, shownPhoto, viewName } from '#app/domain/photos/photo-labels.ts'
import { mergedInto } from '#app/domain/patients/patient-merge.server.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { useRichT, useT } from '#app/i18n/locale-context.tsx'
import { patientsMessages, photoCompareMessages, visitMessages } from '#app/i18n/messages/index.ts'
import { notFound, staffActorOf } from '#app/utils/admin-responses.server.ts'
import { requireClinicalRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { requireOpenPatient } from '#app/utils/restricted-guards.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

// Clinical photos are for clinicians only (reception and admin-only staff get a 403, here and
// in the domain). The page reads its choice from the URL (a GET form), so it works without
// JavaScript; the slider is added with it. Each comparison shown is audited.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireClinicalRole(request)
  const locale = await requestLocale(request, user)
  const patientId = params.patientId ?? ''
  await requireOpenPatient(request, user, patientId)
  const survivorId = mergedInto(patientId)
  if (survivorId) throw redirect(`/staff/patients/${survivorId}/photos`)
  const query = parsePhotoCompareQuery(request.url)
  const result = getPhotoComparison({
    patientId,
    query,
    viewerRoles: user.roles,
    actor: staffActorOf(user, context),
    now: new Date(),
  })
  const t = translator(photoCompareMessages, locale)
  if (!result.ok) {
    if (result.reason === 'forbidden')
      throw data({ message: 'This page is for clinicians.' }, { status: 403 })
    throw notFound(t('notFound'))
  }
  const { comparison } = result
  const selected = comparison.selected
  const areaName = translator(visitMessages, locale)
  return {
    title: t('title'),
    patient: comparison.patient,
    hiddenCount: comparison.hiddenCount,
    missingGroup: comparison.missingGroup,
    areas: [...new Set(comparison.groups.map((g) => g.area))].map((area) => ({
      value: area,
      label: areaName(`area.${area}`),
    })),
    views: [...new Set(comparison.groups.map((g) => g.view))].map((view) => ({
      value: view,
      label: viewName(view, locale),
    })),
    chosen: {
      area: selected?.group.area ?? query.area ?? '',
      view: selected?.group.view ?? query.view ?? '',
    },
    selected: selected
      ? {
          name: groupName(selected.group, locale),
          photos: selected.group.photos.map((photo) => shownPhoto(photo, locale)),
          from: shownPhoto(selected.pair.from, locale),
          to: shownPhoto(selected.pair.to, locale),
          printHref: `/staff/patients/${comparison.patient.id}/photos.pdf?${new URLSearchParams({
            area: selected.group.area,
            view: selected.group.view,
            from: selected.pair.from.id,
            to: selected.pair.to.id,
          })}`,
        }
      : null,
  }
}

export default function ComparePhotosRoute() {
  const { patient, hiddenCount, missingGroup, areas, views, chosen, selected } =
    useLoaderData<typeof loader>()
  const t = useT(photoCompareMessages)
  const rich = useRichT(photoCompareMessages)
  const location = useLocation()
  const same = selected ? selected.from.id === selected.to.id : false
  const pickHref = (to: string) =>
    `?${new URLSearchParams({ area: chosen.area, view: chosen.view, from: selected?.from.id ?? '', to })}`
  return (
    <div className="stack">
      <p>
        <Link to={`/staff/patients/${patient.id}`}>{t('backToChart')}</Link>
      </p>
      <h1>{t('heading', { name: patient.fullName })}</h1>
      <p className="lead">{t('intro')}</p>
      {hiddenCount > 0 ? <p className="notice">{t('hidden', { count: hiddenCount })}</p> : null}

      {areas.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <section aria-labelledby="pick-heading" className="stack">
          <h2 id="pick-heading">{t('pickHeading')}</h2>
          {/* Keyed by the URL, so the choices follow the page after each comparison. */}
          <Form method="get" className="photo-pick" key={location.search}>
            <SelectField
              label={t('areaLabel')}
              selectProps={{ name: 'area', defaultValue: chosen.area }}
            >
              {areas.map((area) => (
                <option key={area.value} value={area.value}>
                  {area.label}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('viewLabel')}
              selectProps={{ name: 'view', defaultValue: chosen.view }}
            >
              {views.map((view) => (
                <option key={view.value} value={view.value}>
                  {view.label}
                </option>
              ))}
            </SelectField>
            {selected && selected.photos.length > 1 ? (
              <>
                <SelectField
                  label={t('fromLabel')}
                  selectProps={{ name: 'from', defaultValue: selected.from.id }}
                >
                  {selected.photos.map((photo) => (
                    <option key={photo.id} value={photo.id}>
                      {photo.option}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  label={t('toLabel')}
                  selectProps={{ name: 'to', defaultValue: selected.to.id }}
                >
                  {selected.photos.map((photo) => (
                    <option key={photo.id} value={photo.id}>
                      {photo.option}
                    </option>
                  ))}
                </SelectField>
              </>
            ) : null}
            <div>
              <button type="submit" className="button">
                {t('compare')}
              </button>
            </div>
          </Form>
        </section>
      )}

      {missingGroup ? (
        <p className="notice" role="status">
          {t('noGroup')}
        </p>
      ) : null}

      {selected ? (
        <>
          <section aria-labelledby="pair-heading" className="stack">
            <h2 id="pair-heading">{t('sideBySideHeading', { group: selected.name })}</h2>
            {same ? <p>{t('onlyOne')}</p> : null}
            <div className={same ? 'photo-pair photo-pair--single' : 'photo-pair'}>
              <PhotoFigure photo={selected.from} />
              {same ? null : <PhotoFigure photo={selected.to} />}
            </div>
            <p>
              <a href={selected.printHref} download>
                {t('print')}
              </a>
            </p>
          </section>

          {same ? null : <BeforeAfterSlider from={selected.from} to={selected.to} />}

          <section aria-labelledby="strip-heading" className="stack">
            <h2 id="strip-heading">{t('stripHeading')}</h2>
            <ol className="photo-strip">
              {selected.photos.map((photo) => {
                const shown = photo.id === selected.from.id || photo.id === selected.to.id
                return (
                  <li key={photo.id} aria-current={shown ? 'true' : undefined}>
                    <PhotoFigure photo={photo} size="thumb" />
                    {shown ? (
                      <p className="muted">{t('stripShown')}</p>
                    ) : (
                      <Link to={pickHref(photo.id)}>
                        {rich('stripCompare', {
                          photo: photo.option,
                          hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                        })}
                      </Link>
                    )}
                  </li>
                )
              })}
            </ol>
          </section>
        </>
      ) : null}
    </div>
  )
}

export function ErrorBoundary() {
  const t = useT(photoCompareMessages)
  const tp = useT(patientsMessages)
  return (
    <NotFoundBoundary title={t('notFound')}>
      <p>
        <Link to="/staff/patients">{tp('findAnother')}</Link>
      </p>
    </NotFoundBoundary>
  )
}

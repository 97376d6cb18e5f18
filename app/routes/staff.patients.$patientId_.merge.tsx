import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { PatientSearchBox } from '#app/components/patients/patient-search-box.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { getClinicPhoneCountry } from '#app/domain/clinic/clinic.server.ts'
import {
  getMergeSurvivor,
  type MergeSide,
  mergePatients,
  previewPatientMerge,
} from '#app/domain/patients/patient-merge.server.ts'
import { patientMergeSchema } from '#app/domain/patients/patient-merge.schema.ts'
import { searchPatients } from '#app/domain/patients/patient-search.server.ts'
import { patientSearchSchema } from '#app/domain/patients/patient-search.schema.ts'
import { formatPhone } from '#app/domain/shared/phone.rules.ts'
import { type MessageKey, translate } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { type Locale } from '#app/i18n/locales.ts'
import { patientsMessages } from '#app/i18n/messages/index.ts'
import { staffActorOf } from '#app/utils/admin-responses.server.ts'
import { formatCalendarDate } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

function shown(side: MergeSide, locale: Locale) {
  return {
    id: side.id,
    fullName: side.fullName,
    email: side.email,
    phone: formatPhone(side.phone, getClinicPhoneCountry()),
    born: formatCalendarDate(side.dateOfBirth, locale),
  }
}

/**
 * Merging a duplicate record into this one (admins, docs/decisions/041). A GET page in two steps:
 * find the other record (`?q=`, the same search as /staff/patients), then check the preview
 * (`?duplicate=<id>`) and confirm with a POST. Nothing is deleted: the duplicate is marked merged.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const locale = await requestLocale(request, user)
  const t = (key: MessageKey<typeof patientsMessages>) => translate(patientsMessages, locale, key)
  const title = t('mergeTitle')
  const start = getMergeSurvivor(params.patientId ?? '')
  if (!start.ok) {
    if (start.reason === 'not-found') throw data({ message: 'No such patient.' }, { status: 404 })
    return data(
      {
        title,
        survivor: null,
        refusal: t('mergeRefused.survivor-merged'),
        query: '',
        queryError: null,
        results: null,
        preview: null,
      },
      { status: 409 },
    )
  }
  const survivor = shown(start.survivor, locale)
  const url = new URL(request.url)
  const base = { title, survivor, refusal: null, query: '', queryError: null, results: null }

  const duplicate = url.searchParams.get('duplicate')
  if (duplicate !== null) {
    const parsed = patientMergeSchema(locale).safeParse({ duplicateId: duplicate })
    const outcome = parsed.success
      ? previewPatientMerge({ survivorId: survivor.id, duplicateId: parsed.data.duplicateId })
      : ({ ok: false, reason: 'not-found' } as const)
    if (!outcome.ok)
      return data(
        { ...base, refusal: t(`mergeRefused.${outcome.reason}`), preview: null },
        { status: outcome.reason === 'not-found' ? 404 : 409 },
      )
    return {
      ...base,
      preview: {
        duplicate: shown(outcome.preview.duplicate, locale),
        moves: outcome.preview.moves,
      },
    }
  }

  const q = url.searchParams.get('q')
  if (q === null) return { ...base, preview: null }
  const parsed = patientSearchSchema(locale).safeParse({ q })
  if (!parsed.success)
    return data(
      { ...base, query: q, queryError: parsed.error.issues[0]?.message ?? null, preview: null },
      { status: 400 },
    )
  const outcome = searchPatients({
    query: parsed.data.q,
    actor: staffActorOf(user, context),
    now: new Date(),
    locale,
    viewerRoles: user.roles,
  })
  return {
    ...base,
    query: parsed.data.q,
    preview: null,
    // The record itself is not a duplicate of itself.
    results: outcome.results
      .filter((patient) => patient.id !== survivor.id)
      .map((patient) => shown(patient, locale)),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const locale = await requestLocale(request, user)
  const parsed = await parseForm(request, patientMergeSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const survivorId = params.patientId ?? ''
  const outcome = mergePatients({
    survivorId,
    duplicateId: parsed.data.duplicateId,
    actor: staffActorOf(user, context),
    now: new Date(),
  })
  if (outcome.ok) return redirect(`/staff/patients/${survivorId}?from=merge`)
  return formError(
    {
      formErrors: [translate(patientsMessages, locale, `mergeRefused.${outcome.reason}`)],
      values: parsed.values,
    },
    outcome.reason === 'not-found' ? 404 : 409,
  )
}

export default function PatientMergeRoute() {
  const { survivor, refusal, query, queryError, results, preview } = useLoaderData<typeof loader>()
  const t = useT(patientsMessages)
  if (!survivor)
    return (
      <div className="stack">
        <h1>{t('mergeRefusedHeading')}</h1>
        <p className="notice">{refusal}</p>
      </div>
    )
  return (
    <div className="stack page--medium">
      <p>
        <Link to={`/staff/patients/${survivor.id}`}>{t('mergeBack')}</Link>
      </p>
      <h1>{t('mergeHeading', { name: survivor.fullName })}</h1>
      <p className="lead">{t('mergeIntro')}</p>
      {refusal ? (
        <p className="notice" role="alert">
          {refusal}
        </p>
      ) : null}
      {preview ? (
        <MergePreview survivor={survivor} preview={preview} />
      ) : (
        <section aria-labelledby="find-heading" className="stack">
          <h2 id="find-heading">{t('mergeFindHeading')}</h2>
          <Form method="get" className="stack" role="search" aria-labelledby="find-heading">
            <PatientSearchBox defaultValue={query} error={queryError} />
          </Form>
          {results ? (
            results.length === 0 ? (
              <p>{t('noResults', { query })}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">
                    {t('resultsHeading', { count: results.length })}
                  </caption>
                  <TableHead columns={[t('columnName'), t('columnBorn'), t('columnContact')]} />
                  <tbody>
                    {results.map((patient) => (
                      <tr key={patient.id}>
                        <th scope="row">
                          <Link
                            to={`?${new URLSearchParams({ duplicate: patient.id })}`}
                            aria-label={t('mergePreviewOf', { name: patient.fullName })}
                          >
                            {patient.fullName}
                          </Link>
                        </th>
                        <td>{patient.born}</td>
                        <td>
                          {patient.email}
                          <br />
                          {patient.phone}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          ) : null}
        </section>
      )}
    </div>
  )
}

type Shown = ReturnType<typeof shown>

function MergePreview({
  survivor,
  preview,
}: {
  survivor: Shown
  preview: { duplicate: Shown; moves: { bookings: number; screenings: number; consents: number } }
}) {
  const t = useT(patientsMessages)
  const locale = useLocale()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const schema = useMemo(() => patientMergeSchema(locale), [locale])
  const { formProps, register } = useSchemaForm(schema, actionData, {
    defaultValues: { duplicateId: preview.duplicate.id },
  })
  const side = (person: Shown) => (
    <dl className="details">
      <dt>{t('columnName')}</dt>
      <dd>{person.fullName}</dd>
      <dt>{t('columnBorn')}</dt>
      <dd>{person.born}</dd>
      <dt>{t('emailLabel')}</dt>
      <dd>{person.email}</dd>
      <dt>{t('phoneLabel')}</dt>
      <dd>{person.phone}</dd>
    </dl>
  )
  return (
    <section aria-labelledby="preview-heading" className="stack">
      <h2 id="preview-heading">{t('mergePreviewHeading')}</h2>
      <FormErrorList errors={actionData?.formErrors} />
      <h3>{t('mergeKeeps')}</h3>
      {side(survivor)}
      <h3>{t('mergeMerges')}</h3>
      {side(preview.duplicate)}
      <h3>{t('mergeMovesHeading')}</h3>
      <ul>
        <li>{t('mergeMovesBookings', { count: preview.moves.bookings })}</li>
        <li>{t('mergeMovesScreenings', { count: preview.moves.screenings })}</li>
        <li>{t('mergeMovesConsents', { count: preview.moves.consents })}</li>
      </ul>
      <Form {...formProps} className="cluster">
        <input type="hidden" {...register('duplicateId')} value={preview.duplicate.id} />
        <SubmitButton pending={pending} pendingText={t('mergeMerging')}>
          {t('mergeConfirm')}
        </SubmitButton>
        <Link to="?" className="button button--secondary">
          {t('mergeChooseAnother')}
        </Link>
      </Form>
    </section>
  )
}

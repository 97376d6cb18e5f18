import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { PatientSearchBox } from '#app/components/patients/patient-search-box.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { getClinicPhoneCountry, getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { MAX_RESULTS } from '#app/domain/patients/patient-search.rules.ts'
import { searchPatients } from '#app/domain/patients/patient-search.server.ts'
import { patientSearchSchema } from '#app/domain/patients/patient-search.schema.ts'
import { formatPhone } from '#app/domain/shared/phone.rules.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { manageMessages, patientsMessages } from '#app/i18n/messages/index.ts'
import { staffActorOf } from '#app/utils/admin-responses.server.ts'
import { formatCalendarDate, formatDateAndTime } from '#app/utils/format.ts'
import { requireStaffUser } from '#app/utils/auth.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

// A search is a GET, so it works without JavaScript, can be bookmarked and the back button
// returns to the results. The words typed are in this page's URL, never in a log (request logs
// keep the path only) or in the audit chain.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request)
  const locale = await requestLocale(request)
  const title = translate(patientsMessages, locale, 'searchTitle')
  const q = new URL(request.url).searchParams.get('q')
  if (q === null) return { title, query: '', error: null, search: null }
  const parsed = patientSearchSchema(locale).safeParse({ q })
  if (!parsed.success)
    return data(
      { title, query: q, error: parsed.error.issues[0]?.message ?? null, search: null },
      { status: 400 },
    )
  const { timeZone } = getClinicSettings()
  const country = getClinicPhoneCountry()
  const outcome = searchPatients({
    query: parsed.data.q,
    actor: staffActorOf(user, context),
    now: new Date(),
    locale,
    viewerRoles: user.roles,
  })
  return {
    title,
    query: parsed.data.q,
    error: null,
    search: {
      kind: outcome.kind,
      truncated: outcome.truncated,
      results: outcome.results.map((patient) => ({
        id: patient.id,
        fullName: patient.fullName,
        email: patient.email,
        phone: formatPhone(patient.phone, country),
        born: formatCalendarDate(patient.dateOfBirth, locale),
        bookingCount: patient.bookingCount,
        mergedRecords: patient.mergedRecords,
        next: patient.next
          ? {
              serviceName: patient.next.serviceName,
              when: formatDateAndTime(patient.next.startAt, timeZone, locale),
              status: patient.next.status,
            }
          : null,
      })),
    },
  }
}

export default function PatientSearchRoute() {
  const { query, error, search } = useLoaderData<typeof loader>()
  const t = useT(patientsMessages)
  const status = useT(manageMessages)
  return (
    <div className="stack">
      <h1>{t('searchHeading')}</h1>
      <p className="lead">{t('searchIntro')}</p>
      <Form method="get" className="stack" role="search" aria-label={t('searchHeading')}>
        <PatientSearchBox defaultValue={query} error={error} focusOnLoad={!search} />
      </Form>
      {search ? (
        <section aria-labelledby="results-heading" className="stack">
          <h2 id="results-heading">{t('resultsHeading', { count: search.results.length })}</h2>
          <p className="muted">{t('searchedBy', { kind: search.kind })}</p>
          {search.results.length === 0 ? (
            <p>{t('noResults', { query })}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <TableHead
                  columns={[t('columnName'), t('columnBorn'), t('columnContact'), t('columnNext')]}
                />
                <tbody>
                  {search.results.map((patient) => (
                    <tr key={patient.id}>
                      <th scope="row">
                        <Link to={`/staff/patients/${patient.id}`}>{patient.fullName}</Link>
                      </th>
                      <td>{patient.born}</td>
                      <td>
                        {patient.email}
                        <br />
                        {patient.phone}
                      </td>
                      <td>
                        {patient.next ? (
                          <>
                            {t('nextBooking', {
                              service: patient.next.serviceName,
                              when: patient.next.when,
                            })}{' '}
                            ({status(`status.${patient.next.status}`)})
                          </>
                        ) : (
                          t('noUpcoming')
                        )}
                        <br />
                        <span className="muted">
                          {t('bookingCount', { count: patient.bookingCount })}
                        </span>
                        {patient.mergedRecords > 0 ? (
                          <>
                            <br />
                            <span className="muted">
                              {t('searchMerged', { count: patient.mergedRecords })}
                            </span>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {search.truncated ? <p>{t('truncated', { max: MAX_RESULTS })}</p> : null}
        </section>
      ) : null}
    </div>
  )
}

import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { LegalHoldSection } from '#app/components/privacy/legal-hold-section.tsx'
import { legalHoldSchema } from '#app/domain/privacy/privacy-requests.schema.ts'
import { getPatientPrivacyStatus, setLegalHold } from '#app/domain/privacy/restriction.server.ts'
import { auditActorOf } from '#app/utils/admin-responses.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { PhotoSummarySection } from '#app/components/photos/photo-compare.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { getClinicPhoneCountry, getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { type ChartEntry } from '#app/domain/patients/patient-chart.rules.ts'
import { getPatientChart, type ChartBooking } from '#app/domain/patients/patient-chart.server.ts'
import { mergedInto } from '#app/domain/patients/patient-merge.server.ts'
import { getPhotoSummary } from '#app/domain/photos/photo-compare.server.ts'
import { shownSummary } from '#app/domain/photos/photo-labels.ts'
import { seesHealthDetails } from '#app/domain/auth/auth.schema.ts'
import { ageOn, localDateOf } from '#app/domain/shared/calendar.rules.ts'
import { formatPhone } from '#app/domain/shared/phone.rules.ts'
import { translate, type Translator } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { manageMessages, patientsMessages, privacyMessages } from '#app/i18n/messages/index.ts'
import { staffActorOf } from '#app/utils/admin-responses.server.ts'
import { formatCalendarDate, formatDateAndTime, formatDateInZone } from '#app/utils/format.ts'
import { requireStaffUser } from '#app/utils/auth.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { requireOpenPatient } from '#app/utils/restricted-guards.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

// Every member of staff may read a chart; the domain gives each role the chart it may see
// (reception's has no entries about treatment records). A record merged into another opens the
// survivor's chart, which holds the history of both (docs/decisions/041).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request)
  const locale = await requestLocale(request)
  const patientId = params.patientId ?? ''
  await requireOpenPatient(request, user, patientId)
  const survivorId = mergedInto(patientId)
  if (survivorId) throw redirect(`/staff/patients/${survivorId}?from=merged-record`)
  const now = new Date()
  const chart = getPatientChart({
    patientId,
    actor: staffActorOf(user, context),
    viewerRoles: user.roles,
    now,
    locale,
  })
  if (!chart) throw data({ message: 'No such patient.' }, { status: 404 })
  const notice = new URL(request.url).searchParams.get('from')
  const { timeZone } = getClinicSettings()
  const booking = (b: ChartBooking) => ({
    id: b.id,
    reference: b.reference,
    when: formatDateAndTime(b.startAt, b.timeZone, locale),
    serviceName: b.serviceName,
    practitionerName: b.practitionerName,
    status: b.status,
    kind: b.kind,
    screening: b.screening,
    consent: b.consent,
    blockers: b.blockers,
    awaitingForms: b.awaitingForms,
  })
  return {
    title: translate(patientsMessages, locale, 'chartTitle'),
    // The appointment page gives each role the view it may see, so every role gets the link.
    canOpenVisits: true,
    clinical: seesHealthDetails(user.roles),
    // Clinicians only: null for everyone else, who never read a photo row.
    photos: shownSummary(getPhotoSummary({ patientId, viewerRoles: user.roles }), locale),
    canMerge: user.roles.includes('admin'),
    // Admins only: the restriction and the legal hold (ADR 051).
    privacy: user.roles.includes('admin') ? privacyStatus(patientId, timeZone, locale) : null,
    // Who looked at the record: admins and clinicians, answering the patient (not the front desk).
    canSeeAccess: user.roles.some((role) => role === 'admin' || role === 'clinician'),
    notice:
      notice === 'merged-record'
        ? ('redirected' as const)
        : notice === 'merge'
          ? ('merged' as const)
          : null,
    mergedRecords: chart.mergedRecords.map((record) => ({
      id: record.id,
      fullName: record.fullName,
      email: record.email,
      born: formatCalendarDate(record.dateOfBirth, locale),
    })),
    patient: {
      id: chart.patient.id,
      fullName: chart.patient.fullName,
      email: chart.patient.email,
      phone: formatPhone(chart.patient.phone, getClinicPhoneCountry()),
      born: formatCalendarDate(chart.patient.dateOfBirth, locale),
      age: ageOn(chart.patient.dateOfBirth, localDateOf(now.getTime(), timeZone)),
    },
    upcoming: chart.upcoming.map(booking),
    past: chart.past.map(booking),
    courses: chart.courses.map((course) => ({
      tier: course.tier,
      done: course.done,
      booked: course.booked,
      planned:
        course.plan.min === course.plan.max
          ? String(course.plan.min)
          : `${course.plan.min}–${course.plan.max}`,
      weeks: course.intervalWeeks,
      nextFrom:
        course.nextFrom === null ? null : formatDateInZone(course.nextFrom, timeZone, locale),
    })),
    timeline: chart.timeline.map((entry) => ({
      ...entry,
      when: formatDateAndTime(entry.at, timeZone, locale),
    })),
  }
}

function privacyStatus(patientId: string, timeZone: string, locale: Locale) {
  const status = getPatientPrivacyStatus(patientId)
  if (!status) return null
  return {
    restricted: status.restrictedAt !== null,
    hold:
      status.legalHoldReason && status.legalHoldAt
        ? {
            reason: status.legalHoldReason,
            since: formatDateInZone(status.legalHoldAt, timeZone, locale),
          }
        : null,
  }
}

/** Admins set or lift a legal hold on the record (ADR 051); audited, the reason is required. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const patientId = params.patientId ?? ''
  const parsed = await parseForm(request, legalHoldSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const found = setLegalHold({
    patientId,
    reason: parsed.data.intent === 'set-hold' ? parsed.data.holdReason : null,
    actor: auditActorOf(user, context),
    now: new Date(),
  })
  if (!found) throw data({ message: 'No such patient.' }, { status: 404 })
  return redirect(`/staff/patients/${patientId}`)
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type ShownBooking = Loaded['upcoming'][number]

function entryText(
  entry: ChartEntry,
  t: Translator<keyof (typeof patientsMessages)['en']>,
  status: Translator<keyof (typeof manageMessages)['en']>,
): string {
  switch (entry.kind) {
    case 'booked':
      return t('entry.booked', { by: entry.by, reference: entry.reference })
    case 'status_changed':
      return t('entry.status_changed', {
        reference: entry.reference,
        status: status(`status.${entry.to}`),
      })
    case 'moved':
      return t('entry.moved', { reference: entry.reference })
    case 'screening':
      return t('entry.screening', { reference: entry.reference, outcome: entry.outcome })
    case 'consent_signed':
      return t('entry.consent_signed', { reference: entry.reference, version: entry.version })
    case 'consent_countersigned':
      return t('entry.consent_countersigned', { reference: entry.reference })
    case 'consent_withdrawn':
      return t('entry.consent_withdrawn', { reference: entry.reference })
    case 'checked_in':
      return t('entry.checked_in', { reference: entry.reference })
    case 'treatment_recorded':
      return t('entry.treatment_recorded', { reference: entry.reference })
    case 'message':
      return t('entry.message', { sent: entry.sent ? 'yes' : 'no', subject: entry.subject })
  }
}

function BookingsTable({
  bookings,
  upcoming,
  canOpenVisits,
}: {
  bookings: ShownBooking[]
  upcoming: boolean
  canOpenVisits: boolean
}) {
  const t = useT(patientsMessages)
  const status = useT(manageMessages)
  return (
    <div className="table-wrap">
      <table>
        <TableHead
          columns={[
            t('columnWhen'),
            t('columnWhat'),
            t('columnStatus'),
            ...(upcoming ? [t('columnChecks')] : []),
          ]}
        />
        <tbody>
          {bookings.map((b) => (
            <tr key={b.id}>
              <th scope="row">
                {canOpenVisits ? <Link to={`/staff/bookings/${b.id}`}>{b.when}</Link> : b.when}
                <br />
                <span className="muted">{b.reference}</span>
              </th>
              <td>
                {b.serviceName}
                <br />
                {b.practitionerName}
              </td>
              <td>{status(`status.${b.status}`)}</td>
              {upcoming ? (
                <td>
                  <ul className="badge-list">
                    {b.awaitingForms ? (
                      <li>
                        <span className="badge badge--warn">{t('awaitingForms')}</span>
                      </li>
                    ) : null}
                    <li>
                      <span className="badge badge--neutral">{t(`screening.${b.screening}`)}</span>
                    </li>
                    <li>
                      <span className="badge badge--neutral">{t(`consent.${b.consent}`)}</span>
                    </li>
                  </ul>
                  {b.blockers.length === 0 ? (
                    <p>{t('readyForVisit')}</p>
                  ) : (
                    <ul>
                      {b.blockers.map((blocker) => (
                        <li key={blocker}>{t(`blocker.${blocker}`)}</li>
                      ))}
                    </ul>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export default function PatientChartRoute() {
  const { patient, upcoming, past, courses, timeline, canOpenVisits, clinical, canMerge, notice } =
    useLoaderData<typeof loader>()
  const {
    mergedRecords,
    photos,
    canSeeAccess,
    privacy: privacyStatus,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const privacy = useT(privacyMessages)
  const t = useT(patientsMessages)
  const status = useT(manageMessages)
  return (
    <div className="stack">
      <p>
        <Link to="/staff/patients">{t('findAnother')}</Link>
      </p>
      <h1>{patient.fullName}</h1>
      {notice ? (
        <p className="notice notice--success" role="status">
          {notice === 'merged' ? t('mergedNotice') : t('redirectedNotice')}
        </p>
      ) : null}
      <p className="lead">{t('chartIntro')}</p>
      {clinical ? null : <p className="notice">{t('receptionChart')}</p>}
      <dl className="details">
        <dt>{t('columnBorn')}</dt>
        <dd>{t('bornOn', { date: patient.born, age: patient.age })}</dd>
        <dt>{t('emailLabel')}</dt>
        <dd>{patient.email}</dd>
        <dt>{t('phoneLabel')}</dt>
        <dd>{patient.phone}</dd>
      </dl>
      {canMerge ? (
        <p>
          <Link to={`/staff/patients/${patient.id}/merge`}>{t('mergeLink')}</Link>
        </p>
      ) : null}
      {canSeeAccess ? (
        <p>
          <Link to={`/staff/patients/${patient.id}/record-access`}>{privacy('chartLink')}</Link>
        </p>
      ) : null}

      {privacyStatus ? (
        <LegalHoldSection
          hold={privacyStatus.hold}
          restricted={privacyStatus.restricted}
          errors={actionData}
        />
      ) : null}

      {mergedRecords.length ? (
        <section aria-labelledby="merged-heading" className="stack">
          <h2 id="merged-heading">{t('mergedRecordsHeading')}</h2>
          <ul>
            {mergedRecords.map((record) => (
              <li key={record.id}>
                {t('mergedRecordLine', {
                  name: record.fullName,
                  email: record.email,
                  date: record.born,
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="upcoming-heading" className="stack">
        <h2 id="upcoming-heading">{t('upcomingHeading')}</h2>
        {upcoming.length ? (
          <BookingsTable bookings={upcoming} upcoming canOpenVisits={canOpenVisits} />
        ) : (
          <p>{t('noUpcomingBookings')}</p>
        )}
      </section>

      {courses.length ? (
        <section aria-labelledby="course-heading" className="stack">
          <h2 id="course-heading">{t('courseHeading')}</h2>
          <ul>
            {courses.map((course) => (
              <li key={course.tier}>
                {t('courseLine', {
                  tier: course.tier,
                  done: course.done,
                  booked: course.booked,
                  planned: course.planned,
                  weeks: course.weeks,
                })}
                {course.nextFrom ? <> {t('courseNext', { date: course.nextFrom })}</> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {photos ? <PhotoSummarySection summary={photos} /> : null}

      <section aria-labelledby="past-heading" className="stack">
        <h2 id="past-heading">{t('pastHeading')}</h2>
        {past.length ? (
          <BookingsTable bookings={past} upcoming={false} canOpenVisits={canOpenVisits} />
        ) : (
          <p>{t('noPastBookings')}</p>
        )}
      </section>

      <section aria-labelledby="timeline-heading" className="stack">
        <h2 id="timeline-heading">{t('timelineHeading')}</h2>
        {timeline.length ? (
          <ol>
            {timeline.map((entry, index) => (
              <li key={index}>
                <time dateTime={new Date(entry.at).toISOString()}>{entry.when}</time>{' '}
                {entryText(entry, t, status)}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('noHistory')}</p>
        )}
      </section>
    </div>
  )
}

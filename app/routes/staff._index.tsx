import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { getClinicDay } from '#app/domain/clinic/clinic.server.ts'
import { countPendingReviews } from '#app/domain/screening/screening-review.server.ts'
import { requireStaffUser } from '#app/utils/auth.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { staffMessages } from '#app/i18n/messages/index.ts'
import { describeTimeZone, formatCalendarDate, formatMinutesOfDay } from '#app/utils/format.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

const ROLE_NAMES = {
  clinician: 'roleClinician',
  admin: 'roleAdmin',
  reception: 'roleReception',
} as const satisfies Record<StaffRole, string>

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Staff home | Dermadesk' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request)
  const locale = await requestLocale(request, user)
  return {
    title: translate(staffMessages, locale, 'homeTitle'),
    user: { name: user.name, roles: user.roles },
    day: getClinicDay(),
    pendingReviews: user.roles.includes('clinician') ? countPendingReviews() : null,
  }
}

export default function StaffHomeRoute() {
  const { user, day, pendingReviews } = useLoaderData<typeof loader>()
  const t = useT(staffMessages)
  const locale = useLocale()
  const roleNames = user.roles.map((role) => t(ROLE_NAMES[role]))
  const [first = '', second = '', third = ''] = roleNames
  const roles =
    roleNames.length === 3
      ? t('rolesThree', { first, second, third })
      : roleNames.length === 2
        ? t('rolesBoth', { first, second })
        : first
  const isAdmin = user.roles.includes('admin')
  const agendaLink = isAdmin
    ? t('agendaLinkAdmin')
    : user.roles.includes('reception')
      ? t('agendaLinkReception')
      : t('agendaLinkClinician')
  return (
    <div className="stack">
      <h1>{t('hello', { name: user.name })}</h1>
      <p className="muted">{t('signedInAs', { roles })}</p>
      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t('agendaHeading')}</h2>
        <p>
          <Link to="/staff/agenda">{agendaLink}</Link>
        </p>
        <p>
          <Link to="/staff/patients">{t('linkFindPatient')}</Link>
        </p>
        <p>
          <Link to="/staff/bookings/new">{t('linkBookForCaller')}</Link>
        </p>
      </section>
      {pendingReviews !== null ? (
        <section aria-labelledby="reviews-heading">
          <h2 id="reviews-heading">{t('reviewsHeading')}</h2>
          <p>
            <Link to="/staff/reviews">{t('reviewsWaiting', { count: pendingReviews })}</Link>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="today-heading">
        <h2 id="today-heading">{t('todayHeading')}</h2>
        <p>
          {formatCalendarDate(day.date, locale)}, {describeTimeZone(day.timeZone, locale)}
        </p>
        {day.closedFor ? (
          <p className="notice">{t('closedToday', { reason: day.closedFor })}</p>
        ) : day.practitioners.length === 0 ? (
          <p>{t('nobodyWorking')}</p>
        ) : (
          <ul className="grid" aria-label={t('workingToday')}>
            {day.practitioners.map((p) => (
              <li key={p.displayName} className="card">
                <h3>{p.displayName}</h3>
                <p className="muted">{p.title}</p>
                <p>
                  {p.intervals
                    .map(
                      ([start, end]) => `${formatMinutesOfDay(start)}–${formatMinutesOfDay(end)}`,
                    )
                    .join(', ')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ul>
        {user.roles.includes('admin') ? (
          <li>
            <Link to="/admin">{t('linkAdmin')}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/staff/security">{t('linkSecurity')}</Link>
        </li>
        <li>
          <Link to="/staff/profile">{t('linkProfile')}</Link>
        </li>
      </ul>
    </div>
  )
}

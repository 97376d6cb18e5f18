import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ServiceFacts } from '#app/components/booking/service-facts.tsx'
import { listPublicServices } from '#app/domain/clinic/clinic.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { homeMessages } from '#app/i18n/messages/index.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await requestLocale(request)
  return {
    title: translate(homeMessages, locale, 'title', { clinic: 'Dermadesk Skin Clinic' }),
    services: listPublicServices(locale),
  }
}

export default function HomeRoute() {
  const { services } = useLoaderData<typeof loader>()
  const t = useT(homeMessages)
  return (
    <div className="stack">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <p>{t('beforeVisit')}</p>
      <p className="cluster">
        <Link to="/book" className="button">
          {t('bookTreatment')}
        </Link>
        <Link to="/bookings">{t('findBooking')}</Link>
      </p>
      <h2>{t('treatmentsHeading')}</h2>
      <ul className="grid" aria-label={t('treatmentsList')}>
        {services.map((service) => (
          <li key={service.id} className="card">
            <h3>{service.name}</h3>
            <ServiceFacts service={service} />
            <p>{service.description}</p>
            <p className="muted">
              <strong>{t('after')}</strong> {service.downtime}
              {service.courseSessions > 1
                ? ` ${t('course', { sessions: service.courseSessions, weeks: service.courseIntervalWeeks })}`
                : null}
            </p>
          </li>
        ))}
      </ul>
    </div>
  )
}

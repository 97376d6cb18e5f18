import { type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ServiceFacts } from '#app/components/booking/service-facts.tsx'
import { listPublicServices } from '#app/domain/clinic/clinic.server.ts'

export const meta: MetaFunction = () => [
  { title: 'Microneedling treatments | Dermadesk Skin Clinic' },
]

export async function loader() {
  return { services: listPublicServices() }
}

export default function HomeRoute() {
  const { services } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <h1>Microneedling at our Milan clinic</h1>
      <p className="lead">
        Microneedling uses very fine needles to make tiny wounds in the skin. The skin heals them
        and makes new collagen. It can soften fine lines, scars and stretch marks.
      </p>
      <p>
        Before your first visit you answer a few health questions, so we can check the treatment is
        safe for you, and you read and sign a consent form. Expect red skin for a few days and small
        crusts that fall off within 10 days.
      </p>
      <p className="cluster">
        <Link to="/book" className="button">
          Book a treatment
        </Link>
        <Link to="/bookings">Find or change a booking</Link>
      </p>
      <h2>Our treatments</h2>
      <ul className="grid" aria-label="Treatments">
        {services.map((service) => (
          <li key={service.id} className="card">
            <h3>{service.name}</h3>
            <ServiceFacts service={service} />
            <p>{service.description}</p>
            <p className="muted">
              <strong>After:</strong> {service.downtime}
              {service.courseSessions > 1
                ? ` Usually ${service.courseSessions} sessions, ${service.courseIntervalWeeks} weeks apart.`
                : null}
            </p>
          </li>
        ))}
      </ul>
    </div>
  )
}

import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { YourTreatment } from '#app/components/aftercare/your-treatment.tsx'
import { NotFoundBoundary } from '#app/components/error-boundary.tsx'
import { HealingTimeline } from '#app/components/healing-timeline.tsx'
import { type HealingStage, tierContent } from '#app/domain/clinical-content/tier-content.ts'
import { getPatientAftercare } from '#app/domain/treatment/aftercare.server.ts'
import { formatDateInZone, formatShortDateInZone } from '#app/utils/format.ts'
import { requirePatientBooking } from '#app/utils/patient-guards.server.ts'

export const meta: MetaFunction = () => [{ title: 'Your aftercare plan | Dermadesk' }]

const DAY = 24 * 3600_000

export async function loader(args: LoaderFunctionArgs) {
  const { booking: aftercare } = await requirePatientBooking(args, getPatientAftercare)
  const zone = aftercare.timeZone
  const on = (day: number) => formatShortDateInZone(aftercare.treatmentAt + day * DAY, zone)
  return {
    reference: aftercare.reference,
    completed: aftercare.completed,
    treatmentDate: formatDateInZone(aftercare.treatmentAt, zone),
    tier: aftercare.tier,
    clinicName: aftercare.clinicName,
    clinicPhone: aftercare.clinicPhone,
    treatment: aftercare.treatment,
    // Dates only once the treatment is done: before, the visit may still move.
    stageDates: aftercare.completed
      ? Object.fromEntries(
          tierContent(aftercare.tier).stages.map((stage: HealingStage) => [
            stage.key,
            stage.toDay === null
              ? `from ${on(stage.fromDay)}`
              : stage.fromDay === stage.toDay
                ? on(stage.fromDay)
                : `${on(stage.fromDay)} to ${on(stage.toDay)}`,
          ]),
        )
      : null,
  }
}

/**
 * The plan renders from the tier's content (app/domain/clinical-content/tier-content.ts), section
 * by section, so a section about this patient's own treatment can be added between them.
 */
export default function AftercareRoute() {
  const data = useLoaderData<typeof loader>()
  const content = tierContent(data.tier)
  const tel = `tel:${data.clinicPhone.replace(/\s/g, '')}`
  return (
    <div className="stack page--medium aftercare">
      <h1>Your aftercare plan</h1>
      <p className="lead">
        {data.completed
          ? `Your treatment was on ${data.treatmentDate}. Follow this plan until your skin has healed.`
          : `Your treatment is on ${data.treatmentDate}. This is how to look after your skin after it. Read it before your visit.`}
      </p>

      {data.treatment ? <YourTreatment treatment={data.treatment} /> : null}

      <section className="notice notice--warning" aria-labelledby="call-heading">
        <h2 id="call-heading">When to call us</h2>
        <p>
          Call {data.clinicName} on <a href={tel}>{data.clinicPhone}</a> the same day if:
        </p>
        <ul>
          {content.whenToCall.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>

      <HealingTimeline tier={data.tier} />

      <section aria-labelledby="days-heading">
        <h2 id="days-heading">Day by day: what to do and what to avoid</h2>
        <ol className="aftercare-days">
          {content.stages.map((stage) => (
            <li key={stage.key} className="card aftercare-days__stage">
              <h3>
                {stage.when}: {stage.title}
                {data.stageDates ? (
                  <span className="aftercare-days__dates"> ({data.stageDates[stage.key]})</span>
                ) : null}
              </h3>
              <p>{stage.text}</p>
              {stage.do.length > 0 ? (
                <>
                  <h4>Do</h4>
                  <ul>
                    {stage.do.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {stage.avoid.length > 0 ? (
                <>
                  <h4>Avoid</h4>
                  <ul>
                    {stage.avoid.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">The rules in short</h2>
        <ul>
          {content.aftercare.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <h3>The sun</h3>
        <ul>
          {content.sun.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>

      <p>
        If you have any question, call us on <a href={tel}>{data.clinicPhone}</a>.
      </p>
      <p className="muted no-print">
        To keep a copy, print this page or save it as a PDF from your browser.
      </p>
      <p className="no-print">
        <Link to={`/bookings/${data.reference}`}>Back to your booking</Link>
      </p>
    </div>
  )
}

export function ErrorBoundary() {
  return (
    <NotFoundBoundary title="No aftercare plan here">
      <p>We could not find an aftercare plan for that booking with the email address you proved.</p>
      <p>
        <Link to="/bookings">Find a booking with its reference</Link>
      </p>
    </NotFoundBoundary>
  )
}

import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { type ReactNode } from 'react'
import { YourTreatment } from '#app/components/aftercare/your-treatment.tsx'
import { NotFoundBoundary } from '#app/components/error-boundary.tsx'
import { HealingTimeline } from '#app/components/healing-timeline.tsx'
import { type HealingStage, tierContent } from '#app/domain/clinical-content/tier-content.ts'
import { getPatientAftercare } from '#app/domain/treatment/aftercare.server.ts'
import { translate, translator } from '#app/i18n/catalogue.ts'
import { useLocale, useRichT, useT } from '#app/i18n/locale-context.tsx'
import { aftercareMessages } from '#app/i18n/messages/index.ts'
import { formatDateInZone, formatShortDateInZone } from '#app/utils/format.ts'
import { requirePatientBooking } from '#app/utils/patient-guards.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Your aftercare plan | Dermadesk' },
]

const DAY = 24 * 3600_000

export async function loader(args: LoaderFunctionArgs) {
  const locale = await requestLocale(args.request)
  const { booking: aftercare } = await requirePatientBooking(args, (query) =>
    getPatientAftercare({ ...query, locale }),
  )
  const zone = aftercare.timeZone
  const t = translator(aftercareMessages, locale)
  const on = (day: number) => formatShortDateInZone(aftercare.treatmentAt + day * DAY, zone, locale)
  return {
    title: translate(aftercareMessages, locale, 'title'),
    reference: aftercare.reference,
    completed: aftercare.completed,
    treatmentDate: formatDateInZone(aftercare.treatmentAt, zone, locale),
    tier: aftercare.tier,
    clinicName: aftercare.clinicName,
    clinicPhone: aftercare.clinicPhone,
    treatment: aftercare.treatment,
    // Dates only once the treatment is done: before, the visit may still move.
    stageDates: aftercare.completed
      ? Object.fromEntries(
          tierContent(aftercare.tier, locale).stages.map((stage: HealingStage) => [
            stage.key,
            stage.toDay === null
              ? t('stageFrom', { date: on(stage.fromDay) })
              : stage.fromDay === stage.toDay
                ? on(stage.fromDay)
                : t('stageFromTo', { from: on(stage.fromDay), to: on(stage.toDay) }),
          ]),
        )
      : null,
  }
}

/**
 * The plan renders from the tier's content (app/domain/clinical-content/tier-content.ts) in the
 * page's language, section by section, so a section about this patient's own treatment can be
 * added between them.
 */
export default function AftercareRoute() {
  const data = useLoaderData<typeof loader>()
  const locale = useLocale()
  const t = useT(aftercareMessages)
  const rich = useRichT(aftercareMessages)
  const content = tierContent(data.tier, locale)
  const tel = `tel:${data.clinicPhone.replace(/\s/g, '')}`
  const telLink = (chunks: ReactNode[]) => <a href={tel}>{chunks}</a>
  return (
    <div className="stack page--medium aftercare">
      <h1>{t('heading')}</h1>
      <p className="lead">
        {data.completed
          ? t('leadDone', { date: data.treatmentDate })
          : t('leadUpcoming', { date: data.treatmentDate })}
      </p>

      {data.treatment ? <YourTreatment treatment={data.treatment} /> : null}

      <section className="notice notice--warning" aria-labelledby="call-heading">
        <h2 id="call-heading">{t('callHeading')}</h2>
        <p>
          {rich('callClinic', { clinic: data.clinicName, phone: data.clinicPhone, tel: telLink })}
        </p>
        <ul>
          {content.whenToCall.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>

      <HealingTimeline tier={data.tier} />

      <section aria-labelledby="days-heading">
        <h2 id="days-heading">{t('daysHeading')}</h2>
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
                  <h4>{t('do')}</h4>
                  <ul>
                    {stage.do.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {stage.avoid.length > 0 ? (
                <>
                  <h4>{t('avoid')}</h4>
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
        <h2 id="rules-heading">{t('rulesHeading')}</h2>
        <ul>
          {content.aftercare.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <h3>{t('sunHeading')}</h3>
        <ul>
          {content.sun.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>

      <p>{rich('question', { phone: data.clinicPhone, tel: telLink })}</p>
      <p className="muted no-print">{t('keepCopy')}</p>
      <p className="no-print">
        <Link to={`/bookings/${data.reference}`}>{t('back')}</Link>
      </p>
    </div>
  )
}

export function ErrorBoundary() {
  const t = useT(aftercareMessages)
  return (
    <NotFoundBoundary title={t('notFoundTitle')}>
      <p>{t('notFound')}</p>
      <p>
        <Link to="/bookings">{t('findBooking')}</Link>
      </p>
    </NotFoundBoundary>
  )
}

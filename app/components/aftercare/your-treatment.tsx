import { type YourTreatment as YourTreatmentView } from '#app/domain/treatment/your-treatment.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { aftercareMessages } from '#app/i18n/messages/index.ts'

/**
 * "Your treatment" on the aftercare page: the areas and depths, the passes, what was put on the
 * skin and the aftercare product given, then the advice for those products. Rows the record does
 * not have (records made before products were recorded) are left out. The view comes in the
 * page's language (yourTreatment with the locale); the labels are the aftercare catalogue's.
 */
export function YourTreatment({ treatment }: { treatment: YourTreatmentView }) {
  const t = useT(aftercareMessages)
  return (
    <section className="card stack" aria-labelledby="your-treatment-heading">
      <h2 id="your-treatment-heading">{t('treatmentHeading')}</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('areasTreated')}</dt>
          <dd>
            <ul>
              {treatment.areas.map((entry) => (
                <li key={entry.area}>{t('areaDepth', { area: entry.area, depth: entry.depth })}</li>
              ))}
            </ul>
          </dd>
        </div>
        {treatment.passes ? (
          <div className="summary-list__row">
            <dt>{t('passesLabel')}</dt>
            <dd>{treatment.passes}</dd>
          </div>
        ) : null}
        {treatment.applied ? (
          <div className="summary-list__row">
            <dt>{t('appliedLabel')}</dt>
            <dd>{treatment.applied.join(', ')}</dd>
          </div>
        ) : null}
        {treatment.aftercareProduct ? (
          <div className="summary-list__row">
            <dt>{t('productLabel')}</dt>
            <dd>{treatment.aftercareProduct}</dd>
          </div>
        ) : null}
      </dl>
      {treatment.advice.length > 0 ? (
        <ul>
          {treatment.advice.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}

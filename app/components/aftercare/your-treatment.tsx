import { type YourTreatment as YourTreatmentView } from '#app/domain/treatment/your-treatment.ts'

/**
 * "Your treatment" on the aftercare page: the areas and depths, the passes, what was put on the
 * skin and the aftercare product given, then the advice for those products. Rows the record does
 * not have (records made before products were recorded) are left out.
 */
export function YourTreatment({ treatment }: { treatment: YourTreatmentView }) {
  return (
    <section className="card stack" aria-labelledby="your-treatment-heading">
      <h2 id="your-treatment-heading">Your treatment</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Areas treated</dt>
          <dd>
            <ul>
              {treatment.areas.map((entry) => (
                <li key={entry.area}>
                  {entry.area}: needles {entry.depth} deep
                </li>
              ))}
            </ul>
          </dd>
        </div>
        {treatment.passes ? (
          <div className="summary-list__row">
            <dt>How many times we went over each area</dt>
            <dd>{treatment.passes}</dd>
          </div>
        ) : null}
        {treatment.applied ? (
          <div className="summary-list__row">
            <dt>What we put on your skin</dt>
            <dd>{treatment.applied.join(', ')}</dd>
          </div>
        ) : null}
        {treatment.aftercareProduct ? (
          <div className="summary-list__row">
            <dt>Your aftercare product</dt>
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

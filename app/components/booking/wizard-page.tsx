import { type ReactNode } from 'react'
import { useT } from '#app/i18n/locale-context.tsx'
import { wizardMessages } from '#app/i18n/messages/index.ts'

export type WizardSummaryFacts = {
  treatment: string
  price: string | null
  practitioner: string | null
  when: string | null
}

/**
 * A wizard step's page: the step itself and, on a wide screen, what the booking is so far beside
 * it (treatment, price, practitioner, day and time). On a phone the summary is left out: each
 * step says what it needs in its own text.
 */
export function WizardPage({
  summary,
  children,
}: {
  summary: WizardSummaryFacts
  children: ReactNode
}) {
  const t = useT(wizardMessages)
  const rows: [string, string | null][] = [
    [t('summaryTreatment'), summary.treatment],
    [t('summaryPrice'), summary.price],
    [t('summaryWith'), summary.practitioner],
    [t('summaryWhen'), summary.when],
  ]
  return (
    <div className="wizard-page">
      <div className="stack wizard-page__main">{children}</div>
      <aside className="wizard-summary" aria-labelledby="wizard-summary-heading">
        <h2 id="wizard-summary-heading">{t('summaryHeading')}</h2>
        <dl>
          {rows.map(([label, value]) =>
            value ? (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ) : null,
          )}
        </dl>
      </aside>
    </div>
  )
}

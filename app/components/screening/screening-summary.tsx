import { BookingSummary } from '#app/components/booking/booking-summary.tsx'
import { describeAnswers } from '#app/domain/screening/answer-summary.ts'
import { type Finding } from '#app/domain/screening/screening.rules.ts'
import { type ScreeningAnswers } from '#app/domain/screening/screening.schema.ts'
import { describeSources } from '#app/domain/screening/source-register.ts'
import { formatCalendarDate } from '#app/utils/format.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { screeningMessages, screeningStaffMessages } from '#app/i18n/messages/index.ts'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Every answer, as the patient (plain words) or a clinician (clinical terms) reads it. */
export function AnswersList({
  answers,
  audience,
}: {
  answers: ScreeningAnswers
  audience: 'patient' | 'clinician'
}) {
  const locale = useLocale()
  return (
    <BookingSummary
      rows={describeAnswers(answers, audience, locale).map(({ question, answer }) => [
        question,
        ISO_DATE.test(answer) ? formatCalendarDate(answer, locale) : answer,
      ])}
    />
  )
}

const KIND_BADGES = {
  not_eligible: { label: 'kindNotEligible', tone: 'bad' },
  review: { label: 'kindReview', tone: 'warn' },
  wait_until: { label: 'kindWait', tone: 'neutral' },
  info: { label: 'kindInfo', tone: 'neutral' },
} as const satisfies Record<Finding['kind'], { label: string; tone: string }>

export function FindingBadge({ kind }: { kind: Finding['kind'] }) {
  const t = useT(screeningStaffMessages)
  const badge = KIND_BADGES[kind]
  return <span className={`badge badge--${badge.tone}`}>{t(badge.label)}</span>
}

/**
 * What the rules said, for a clinician: both explanations and the sources behind them. The
 * findings come in the reader's language already (findingIn, in the loader).
 */
export function FindingsList({ findings }: { findings: Finding[] }) {
  const t = useT(screeningStaffMessages)
  const locale = useLocale()
  if (findings.length === 0) return <p>{t('noFlags')}</p>
  return (
    <ul className="finding-list">
      {findings.map((finding) => (
        <li key={finding.ruleId} className="card finding">
          <h3 className="cluster">
            <span>{finding.label}</span> <FindingBadge kind={finding.kind} />
          </h3>
          <p>{finding.clinicianText}</p>
          {finding.until ? (
            <p>{t('noTreatmentBefore', { date: formatCalendarDate(finding.until, locale) })}</p>
          ) : null}
          {finding.patientText ? (
            <p className="muted">{t('patientWasTold', { text: finding.patientText })}</p>
          ) : null}
          <p className="muted">{t('sources', { sources: describeSources(finding.sources) })}</p>
        </li>
      ))}
    </ul>
  )
}

/** What the rules told the patient, in plain words. */
export function PatientExplanations({
  explanations,
}: {
  explanations: { kind: Finding['kind']; text: string; until: string | null }[]
}) {
  const t = useT(screeningMessages)
  const locale = useLocale()
  if (explanations.length === 0) return null
  return (
    <ul>
      {explanations.map((explanation) => (
        <li key={explanation.text}>
          {explanation.text}
          {explanation.until
            ? ` ${t('canHaveFrom', { date: formatCalendarDate(explanation.until, locale) })}`
            : ''}
        </li>
      ))}
    </ul>
  )
}

const OUTCOME_BADGES = {
  eligible: { label: 'outcomeEligible', tone: 'ok' },
  review: { label: 'outcomeReview', tone: 'warn' },
  not_eligible: { label: 'outcomeNotEligible', tone: 'bad' },
} as const

export function OutcomeBadge({ outcome }: { outcome: keyof typeof OUTCOME_BADGES }) {
  const t = useT(screeningStaffMessages)
  const badge = OUTCOME_BADGES[outcome]
  return <span className={`badge badge--${badge.tone}`}>{t(badge.label)}</span>
}

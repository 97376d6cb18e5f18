import { BookingSummary } from '#app/components/booking/booking-summary.tsx'
import { describeAnswers } from '#app/domain/screening/questionnaire.ts'
import { type Finding } from '#app/domain/screening/screening.rules.ts'
import { type ScreeningAnswers } from '#app/domain/screening/screening.schema.ts'
import { describeSources } from '#app/domain/screening/source-register.ts'
import { formatCalendarDate } from '#app/utils/format.ts'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Every answer, as the patient (plain words) or a clinician (clinical terms) reads it. */
export function AnswersList({
  answers,
  audience,
}: {
  answers: ScreeningAnswers
  audience: 'patient' | 'clinician'
}) {
  return (
    <BookingSummary
      rows={describeAnswers(answers, audience).map(({ question, answer }) => [
        question,
        ISO_DATE.test(answer) ? formatCalendarDate(answer) : answer,
      ])}
    />
  )
}

const KIND_BADGES: Record<Finding['kind'], { label: string; tone: string }> = {
  not_eligible: { label: 'Not eligible now', tone: 'bad' },
  review: { label: 'Clinician review', tone: 'warn' },
  wait_until: { label: 'Waiting window', tone: 'neutral' },
  info: { label: 'For the clinician', tone: 'neutral' },
}

export function FindingBadge({ kind }: { kind: Finding['kind'] }) {
  const badge = KIND_BADGES[kind]
  return <span className={`badge badge--${badge.tone}`}>{badge.label}</span>
}

/** What the rules said, for a clinician: both explanations and the sources behind them. */
export function FindingsList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <p>No rule flagged anything.</p>
  return (
    <ul className="finding-list">
      {findings.map((finding) => (
        <li key={finding.ruleId} className="card finding">
          <h3 className="cluster">
            <span>{finding.label}</span> <FindingBadge kind={finding.kind} />
          </h3>
          <p>{finding.clinicianText}</p>
          {finding.until ? <p>No treatment before {formatCalendarDate(finding.until)}.</p> : null}
          {finding.patientText ? (
            <p className="muted">The patient was told: “{finding.patientText}”</p>
          ) : null}
          <p className="muted">Sources: {describeSources(finding.sources)}</p>
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
  if (explanations.length === 0) return null
  return (
    <ul>
      {explanations.map((explanation) => (
        <li key={explanation.text}>
          {explanation.text}
          {explanation.until
            ? ` You can have it from ${formatCalendarDate(explanation.until)}.`
            : ''}
        </li>
      ))}
    </ul>
  )
}

const OUTCOME_BADGES = {
  eligible: { label: 'Nothing to review', tone: 'ok' },
  review: { label: 'Clinician review', tone: 'warn' },
  not_eligible: { label: 'Not eligible', tone: 'bad' },
} as const

export function OutcomeBadge({ outcome }: { outcome: keyof typeof OUTCOME_BADGES }) {
  const badge = OUTCOME_BADGES[outcome]
  return <span className={`badge badge--${badge.tone}`}>{badge.label}</span>
}

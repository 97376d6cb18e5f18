import { type ReactNode } from 'react'

export const STATUS_LABELS: Record<
  string,
  { label: string; tone: 'ok' | 'warn' | 'bad' | 'neutral' }
> = {
  confirmed: { label: 'Confirmed', tone: 'ok' },
  pending_review: { label: 'Waiting for a clinician to check', tone: 'warn' },
  held: { label: 'Held, not booked yet', tone: 'neutral' },
  expired: { label: 'Not booked', tone: 'neutral' },
  declined: { label: 'Declined by the clinic', tone: 'bad' },
  cancelled: { label: 'Cancelled', tone: 'bad' },
  completed: { label: 'Done', tone: 'ok' },
  no_show: { label: 'Missed', tone: 'bad' },
}

export function StatusBadge({ status }: { status: string }) {
  const { label, tone } = STATUS_LABELS[status] ?? { label: status, tone: 'neutral' as const }
  return <span className={`badge badge--${tone}`}>{label}</span>
}

/** The facts of one booking as a description list. */
export function BookingSummary({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="summary-list">
      {rows.map(([term, value]) => (
        <div key={term} className="summary-list__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

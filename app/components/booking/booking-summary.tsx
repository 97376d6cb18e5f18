import { type ReactNode } from 'react'
import { useT } from '#app/i18n/locale-context.tsx'
import { manageMessages } from '#app/i18n/messages/index.ts'

type Tone = 'ok' | 'warn' | 'bad' | 'neutral'

/** Each booking status's tone; its words are `status.<status>` in the manage catalogue. */
export const STATUS_TONES: Record<string, Tone> = {
  confirmed: 'ok',
  pending_review: 'warn',
  held: 'neutral',
  expired: 'neutral',
  declined: 'bad',
  cancelled: 'bad',
  completed: 'ok',
  no_show: 'bad',
}

export function StatusBadge({ status }: { status: string }) {
  const t = useT(manageMessages)
  const tone = STATUS_TONES[status]
  const label = tone ? t(`status.${status}` as Parameters<typeof t>[0]) : status
  return <span className={`badge badge--${tone ?? 'neutral'}`}>{label}</span>
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

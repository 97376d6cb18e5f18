import { useEffect, useState } from 'react'
import { useT } from '#app/i18n/locale-context.tsx'
import { timeMessages } from '#app/i18n/messages/index.ts'

/**
 * The minutes and seconds left on a held time, counted down in the browser. It counts from the
 * seconds the server saw left when it rendered, so a browser clock that is off does not matter.
 * Without JavaScript nothing is shown: the notice beside it gives the time the hold ends. A timer
 * role is not announced each second; the notice says once, politely, when the hold has ended.
 */
export function HoldCountdown({ secondsLeft }: { secondsLeft: number }) {
  const t = useT(timeMessages)
  const [left, setLeft] = useState<number | null>(null)
  useEffect(() => {
    const deadline = Date.now() + secondsLeft * 1000
    const tick = () => setLeft(Math.max(0, Math.round((deadline - Date.now()) / 1000)))
    tick()
    const timer = setInterval(tick, 1000)
    return () => clearInterval(timer)
  }, [secondsLeft])
  if (left === null) return null
  if (left === 0)
    return (
      <span role="status" className="hold-countdown hold-countdown--ended">
        {' '}
        {t('countdownEnded')}
      </span>
    )
  const minutes = Math.floor(left / 60)
  const seconds = String(left % 60).padStart(2, '0')
  return (
    <span role="timer" className="hold-countdown">
      {' '}
      {t('countdownLeft', { minutes, seconds })}
    </span>
  )
}

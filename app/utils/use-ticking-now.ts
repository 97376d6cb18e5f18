import { useEffect, useState } from 'react'

/**
 * The server's "now" at render, moving on with the page's clock: once a minute (by default) it
 * becomes the server's time plus the time since the page's scripts started. Measured from the
 * server's clock, not the device's, so a device set wrong still draws the line where the clinic is.
 */
export function useTickingNow(serverNow: number, everyMs = 60_000): number {
  const [now, setNow] = useState(serverNow)
  useEffect(() => {
    const started = Date.now()
    setNow(serverNow)
    const timer = setInterval(() => setNow(serverNow + (Date.now() - started)), everyMs)
    return () => clearInterval(timer)
  }, [serverNow, everyMs])
  return now
}

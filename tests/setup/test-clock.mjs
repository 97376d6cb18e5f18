// The end-to-end server's clock (issue 13): it starts at a fixed instant and runs at real speed,
// so no test depends on today's date, a holiday or the hour. Only `Date` is replaced: timers,
// the event loop and `performance` stay real. Tests read the same clock through the file it
// writes (tests/test-clock.ts), never the machine's date.
import fs from 'node:fs'
import FakeTimers from '@sinonjs/fake-timers'

/** Monday 1 March 2027, 08:00 in Milan: a working week ahead, no public holiday in it. */
export const DEFAULT_CLOCK_START = '2027-03-01T08:00:00+01:00'

/** The machine's time, whatever `Date` says (performance is never faked here). */
export function realNow() {
  return performance.timeOrigin + performance.now()
}

export function installTestClock({ start = DEFAULT_CLOCK_START, file }) {
  const startAt = Date.parse(start)
  if (Number.isNaN(startAt)) throw new Error(`CLOCK_START is not a date: ${start}`)
  const realStartAt = realNow()
  FakeTimers.install({
    now: startAt,
    toFake: ['Date'],
    shouldAdvanceTime: true,
    advanceTimeDelta: 5,
  })
  fs.writeFileSync(file, JSON.stringify({ startAt, realStartAt }))
  return { startAt, realStartAt }
}

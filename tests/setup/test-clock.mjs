// The end-to-end server's clock (issue 13): it starts at a fixed instant and runs at real speed,
// so no test depends on today's date, a holiday or the hour. Only `Date` is shifted, by a fixed
// offset (a fake clock that ticks in steps falls behind when the machine is busy); timers and the
// event loop stay real. Tests read the same clock through the file it writes (tests/test-clock.ts).
import fs from 'node:fs'

/** Monday 1 March 2027, 08:00 in Milan: a working week ahead, no public holiday in it. */
export const DEFAULT_CLOCK_START = '2027-03-01T08:00:00+01:00'

export function installTestClock({ start = DEFAULT_CLOCK_START, file }) {
  const startAt = Date.parse(start)
  if (Number.isNaN(startAt)) throw new Error(`CLOCK_START is not a date: ${start}`)
  const RealDate = Date
  const realStartAt = RealDate.now()
  const offset = startAt - realStartAt
  function ShiftedDate(...args) {
    const now = new RealDate(RealDate.now() + offset)
    // Called without `new`, Date() returns the time as a string.
    if (!new.target) return now.toString()
    return args.length === 0 ? now : new RealDate(...args)
  }
  Object.setPrototypeOf(ShiftedDate, RealDate)
  ShiftedDate.prototype = RealDate.prototype
  ShiftedDate.now = () => RealDate.now() + offset
  globalThis.Date = ShiftedDate
  fs.writeFileSync(file, JSON.stringify({ startAt, realStartAt }))
  return { startAt, realStartAt }
}

/** Dates, times and time zones, as sentences put them together. */
export default {
  timeZone: '{city} time ({zone})',
  appointment: '{date}, {start}–{end} {zone}',
  dateAtTime: '{date} at {time}',
  noNeedling: 'no needling',
}

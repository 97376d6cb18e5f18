import { type MessagesOf } from '../catalogue.ts'
import type en from './dates.en.ts'

export default {
  timeZone: 'ora di {city} ({zone})',
  appointment: '{date}, {start}–{end} {zone}',
  dateAtTime: '{date} alle {time}',
  noNeedling: 'senza aghi',
} satisfies MessagesOf<typeof en>

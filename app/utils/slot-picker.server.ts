import { data } from '@remix-run/node'
import { describeSlots, getSlotPickerModel } from '#app/domain/booking/slot-picker.server.ts'
import { SlotQuerySchema } from '#app/domain/booking/slot-query.schema.ts'
import { type Locale } from '#app/i18n/locales.ts'

/**
 * The day and time picker of a page (booking, moving a booking) from its URL: which week, day and
 * practitioner the query string asks for, and the free times for them.
 */
export function slotPickerFromUrl(
  request: Request,
  input: Omit<Parameters<typeof getSlotPickerModel>[0], 'practitioner' | 'from' | 'date'> & {
    /** Who the picker shows when the URL names nobody (moving a booking: the same person). */
    practitioner?: string
  },
) {
  const { practitioner, ...search } = input
  const query = SlotQuerySchema.parse({
    ...(practitioner ? { practitioner } : {}),
    ...Object.fromEntries(new URL(request.url).searchParams),
  })
  return { query, picker: getSlotPickerModel({ ...search, ...query }) }
}

/**
 * 409: the time the patient chose was taken meanwhile. The message says what happened; the
 * nearest free times are offered as buttons (NearestFreeTimes).
 */
export function nearestTimesResponse(
  message: string,
  nearest: Parameters<typeof describeSlots>[0],
  {
    values = {},
    headers,
    locale = 'en',
  }: { values?: Record<string, string>; headers?: HeadersInit; locale?: Locale } = {},
) {
  return data(
    {
      formErrors: [message],
      fieldErrors: {} as Record<string, string[]>,
      values,
      nearest: describeSlots(nearest, locale),
    },
    { status: 409, headers },
  )
}

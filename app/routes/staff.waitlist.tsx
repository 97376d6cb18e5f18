import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { Field, SelectField } from '#app/components/forms/fields.tsx'
import { RowActionForm } from '#app/components/forms/row-action-form.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { WaitlistForm } from '#app/components/waitlist/waitlist-form.tsx'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { localDateOf } from '#app/domain/shared/calendar.rules.ts'
import {
  RemoveWaitlistEntrySchema,
  staffAddWaitlistSchema,
  WaitlistDaySchema,
} from '#app/domain/waitlist/waitlist.schema.ts'
import {
  joinWaitlist,
  listWaitlistForDay,
  listWaitlistPractitioners,
  listWaitlistServices,
  removeWaitlistEntry,
} from '#app/domain/waitlist/waitlist.server.ts'
import { offerFreedTimesSoon } from '#app/domain/waitlist/waitlist-offers.server.ts'
import { translate, translator } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { staffWaitlistMessages, waitlistMessages } from '#app/i18n/messages/index.ts'
import { auditActorOf } from '#app/utils/admin-responses.server.ts'
import { requireStaffUser } from '#app/utils/auth.server.ts'
import { formatCalendarDate } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { isFormErrors } from '#app/utils/forms.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

// Any signed-in staff member: the list holds names and emails, no health details.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffUser(request)
  const locale = await requestLocale(request)
  const url = new URL(request.url)
  const today = localDateOf(Date.now(), getClinicSettings().timeZone)
  const date =
    WaitlistDaySchema.parse({ date: url.searchParams.get('date') ?? undefined }).date ?? today
  const services = listWaitlistServices(locale)
  const chosen = url.searchParams.get('service')
  const serviceId = services.some((s) => s.id === chosen) ? chosen! : (services[0]?.id ?? '')
  return {
    title: translate(staffWaitlistMessages, locale, 'title'),
    date,
    today,
    dateLabel: formatCalendarDate(date, locale),
    entries: listWaitlistForDay({ date, locale }),
    services,
    serviceId,
    practitioners: serviceId ? listWaitlistPractitioners(serviceId) : [],
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaffUser(request)
  const locale = await requestLocale(request)
  const t = translator(staffWaitlistMessages, locale)
  const w = translator(waitlistMessages, locale)
  const actor = auditActorOf(user, context)
  let intent: unknown = null
  try {
    intent = (await request.clone().formData()).get('intent')
  } catch {
    // Not a form: parseForm below answers it.
  }
  if (intent === 'remove') {
    const parsed = await parseForm(request, RemoveWaitlistEntrySchema)
    if (!parsed.ok) return formError(parsed.errors)
    const result = removeWaitlistEntry({ entryId: parsed.data.entryId, actor, now: new Date() })
    if (!result.ok) return data({ notice: null, error: t('notFound') }, { status: 404 })
    return { notice: t('removed'), error: null }
  }
  const parsed = await parseForm(request, staffAddWaitlistSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const now = new Date()
  const result = joinWaitlist({
    serviceId: parsed.data.serviceId,
    data: parsed.data,
    source: 'staff',
    actor,
    locale,
    now,
  })
  if (result.ok) {
    // A matching free time is offered at once, not at the scheduler's next turn.
    offerFreedTimesSoon(now)
    return { notice: t('added'), error: null }
  }
  // Only online entries are limited (joinWaitlist): staff add callers without a limit.
  if (result.reason === 'too-many') throw new Error('A staff waitlist entry was rate-limited')
  const field = {
    past: { toDate: [w('datesPast')] },
    reversed: { toDate: [w('datesReversed')] },
    'unknown-practitioner': { practitioner: [w('unknownPractitioner')] },
    'unknown-service': { serviceId: [w('notAvailable')] },
  }[result.reason]
  return formError({ fieldErrors: field, values: parsed.values })
}

export default function StaffWaitlistRoute() {
  const { date, today, dateLabel, entries, services, serviceId, practitioners } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending('add')
  const t = useT(staffWaitlistMessages)
  const w = useT(waitlistMessages)
  const locale = useLocale()
  const notice = actionData && 'notice' in actionData ? actionData : null
  const formErrors = isFormErrors(actionData) ? actionData : undefined
  return (
    <div className="stack">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('intro')}</p>
      {notice?.notice ? (
        <p className="notice" role="status">
          {notice.notice}
        </p>
      ) : null}
      {notice?.error ? (
        <p className="form-errors" role="alert">
          {notice.error}
        </p>
      ) : null}
      <Form method="get" className="inline-form" aria-label={t('dayLabel')}>
        <Field
          label={t('dayLabel')}
          inputProps={{ name: 'date', type: 'date', defaultValue: date, required: true }}
        />
        <SelectField
          label={t('serviceLabel')}
          selectProps={{ name: 'service', defaultValue: serviceId }}
        >
          {services.map((service) => (
            <option key={service.id} value={service.id}>
              {service.name}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button--secondary">
          {t('show')}
        </button>
      </Form>
      <section aria-labelledby="day-heading" className="stack">
        <h2 id="day-heading">{t('dayHeading', { date: dateLabel })}</h2>
        {entries.length === 0 ? (
          <p>{t('noEntries')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <TableHead
                columns={[
                  t('columnName'),
                  t('columnWants'),
                  t('columnStatus'),
                  t('columnOffers'),
                  t('columnActions'),
                ]}
              />
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row">
                      {entry.fullName}
                      <br />
                      <span className="muted">{entry.email}</span>
                    </th>
                    <td>
                      {t('wants', {
                        service: entry.serviceName,
                        practitioner: entry.practitionerName ?? t('anyone'),
                        from: formatCalendarDate(entry.fromDate, locale),
                        to: formatCalendarDate(entry.toDate, locale),
                        times: entry.timesOfDay.map((time) => w(`time.${time}`)).join(', '),
                      })}
                    </td>
                    <td>{t(`status.${entry.status}`)}</td>
                    <td>
                      {entry.offers.length === 0 ? (
                        t('noOffers')
                      ) : (
                        <ul className="plain-list">
                          {entry.offers.map((offer, index) => (
                            <li key={index}>{t(`offer.${offer.status}`, { when: offer.when })}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      <RowActionForm
                        intent="remove"
                        idField="entryId"
                        id={entry.id}
                        label={t('remove')}
                        rowName={entry.fullName}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="add-heading" className="stack">
        <h2 id="add-heading">{t('addHeading')}</h2>
        <p>{t('addFor', { service: services.find((s) => s.id === serviceId)?.name ?? '' })}</p>
        <WaitlistForm
          key={serviceId}
          variant="staff"
          actionData={formErrors}
          practitioners={practitioners}
          firstDate={today}
          pending={pending}
          submitLabel={t('add')}
          serviceId={serviceId}
        />
      </section>
    </div>
  )
}

import { translator } from '#app/i18n/catalogue.ts'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { strandedOf } from '#app/components/admin/stranded.ts'
import { AdminNav, SavedNotice } from '#app/components/admin/admin-nav.tsx'
import { StrandedBookingsReview } from '#app/components/admin/stranded-bookings.tsx'
import { formErrorsFor, useIsPending } from '#app/components/forms/action-data.ts'
import { Field, FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { RowActionForm } from '#app/components/forms/row-action-form.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { TableHead } from '#app/components/table-head.tsx'
import { addClosure, removeClosure } from '#app/domain/clinic/admin-clinic.server.ts'
import { adminSchemas, strandedAnswerOf } from '#app/domain/clinic/admin.schema.ts'
import { listUpcomingClosures } from '#app/domain/clinic/admin.server.ts'
import { redirectSaved, staffActorOf, strandedResponse } from '#app/utils/admin-responses.server.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { adminMessages } from '#app/i18n/messages/index.ts'
import { describeTimeZone, formatCalendarDate } from '#app/utils/format.ts'
import { type FormErrors } from '#app/utils/forms.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Clinic closures | Clinic settings | Dermadesk' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const t = translator(adminMessages, await requestLocale(request))
  return { ...listUpcomingClosures(), title: t('pageTitle', { page: t('clinicClosures') }) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const t = translator(adminMessages, locale)
  const parsed = await parseForm(request, adminSchemas(locale).ClosureActionSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const actor = staffActorOf(user, context)
  const values = parsed.values
  if (parsed.data.intent === 'remove') {
    const removed = removeClosure(parsed.data.closureId, actor)
    if (removed.ok) return redirectSaved('/admin/closures', 'remove')
    return formError({ formErrors: [t('closureAlreadyRemoved')], values }, 409)
  }
  const answer = strandedAnswerOf(parsed.data)
  const result = addClosure({ ...parsed.data, answer }, actor)
  if (result.ok) return redirectSaved('/admin/closures', 'add', result)
  switch (result.reason) {
    case 'needs-confirmation':
      return strandedResponse(result, values, answer)
    case 'date-in-past':
      return formError({ fieldErrors: { date: [t('dateInPast')] }, values })
    case 'duplicate-date':
      return formError(
        {
          fieldErrors: {
            date: [t('alreadyClosed', { reason: result.existingReason })],
          },
          values,
        },
        409,
      )
  }
}

export default function AdminClosuresRoute() {
  const { closures, today, timeZone } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const t = useT(adminMessages)
  const locale = useLocale()
  const stranded = strandedOf(actionData)
  if (stranded) {
    const date = typeof stranded.values.date === 'string' ? stranded.values.date : ''
    return (
      <StrandedBookingsReview
        stranded={stranded}
        change={
          date
            ? t('changeClosing', { date: formatCalendarDate(date, locale) })
            : t('changeClosingThatDay')
        }
        backHref="/admin/closures"
      />
    )
  }
  const removeErrors = formErrorsFor(actionData, 'remove')
  return (
    <div className="stack page--medium">
      <AdminNav />
      <h1>{t('clinicClosures')}</h1>
      <p>{t('closuresIntro', { zone: describeTimeZone(timeZone, locale) })}</p>
      <SavedNotice />
      <section aria-labelledby="add-closure-heading">
        <h2 id="add-closure-heading">{t('closeOnDate')}</h2>
        <AddClosureForm
          key={location.key}
          today={today}
          serverErrors={formErrorsFor(actionData, 'add')}
        />
      </section>
      <section aria-labelledby="closures-heading">
        <h2 id="closures-heading">{t('upcomingClosures')}</h2>
        <FormErrorList errors={removeErrors?.formErrors} />
        {closures.length === 0 ? (
          <p>{t('noClosures')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('upcomingClosures')}</caption>
              <TableHead columns={[t('colDate'), t('colReason'), t('colAction')]} />
              <tbody>
                {closures.map((closure) => (
                  <tr key={closure.id}>
                    <th scope="row">{formatCalendarDate(closure.date, locale)}</th>
                    <td>{closure.reason}</td>
                    <td>
                      <RowActionForm
                        intent="remove"
                        idField="closureId"
                        id={closure.id}
                        label={t('reopen')}
                        rowName={t('onDate', { date: formatCalendarDate(closure.date, locale) })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}

function AddClosureForm({
  today,
  serverErrors,
}: {
  today: string
  serverErrors: FormErrors | undefined
}) {
  const t = useT(adminMessages)
  const locale = useLocale()
  const { formProps, fields } = useSchemaForm(adminSchemas(locale).AddClosureSchema, serverErrors)
  const isSubmitting = useIsPending('add')
  return (
    <Form {...formProps} aria-labelledby="add-closure-heading">
      <input type="hidden" name="intent" value="add" />
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field
        label={t('closureDate')}
        hint={t('closureDateHint')}
        {...fields.input('date', { type: 'date', min: today })}
      />
      <Field
        label={t('closureReason')}
        hint={t('closureReasonHint')}
        {...fields.input('reason', { autoComplete: 'off', maxLength: 200 })}
      />
      <SubmitButton pending={isSubmitting} pendingText={t('adding')}>
        {t('addClosure')}
      </SubmitButton>
    </Form>
  )
}

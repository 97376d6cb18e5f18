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
import {
  AddClosureSchema,
  ClosureActionSchema,
  strandedAnswerOf,
} from '#app/domain/clinic/admin.schema.ts'
import { listUpcomingClosures } from '#app/domain/clinic/admin.server.ts'
import { redirectSaved, staffActorOf, strandedResponse } from '#app/utils/admin-responses.server.ts'
import { describeTimeZone, formatCalendarDate } from '#app/utils/format.ts'
import { type FormErrors } from '#app/utils/forms.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [{ title: 'Clinic closures | Clinic settings | Dermadesk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return listUpcomingClosures()
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const parsed = await parseForm(request, ClosureActionSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const actor = staffActorOf(user, context)
  const values = parsed.values
  if (parsed.data.intent === 'remove') {
    const removed = removeClosure(parsed.data.closureId, actor)
    if (removed.ok) return redirectSaved('/admin/closures', 'remove')
    return formError(
      { formErrors: ['That closure was already removed. The list is up to date now.'], values },
      409,
    )
  }
  const answer = strandedAnswerOf(parsed.data)
  const result = addClosure({ ...parsed.data, answer }, actor)
  if (result.ok) return redirectSaved('/admin/closures', 'add', result)
  switch (result.reason) {
    case 'needs-confirmation':
      return strandedResponse(result, values, answer)
    case 'date-in-past':
      return formError({ fieldErrors: { date: ['Choose today or a later date.'] }, values })
    case 'duplicate-date':
      return formError(
        {
          fieldErrors: {
            date: [`The clinic is already closed that day (${result.existingReason}).`],
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
  const stranded = strandedOf(actionData)
  if (stranded) {
    const date = typeof stranded.values.date === 'string' ? stranded.values.date : ''
    return (
      <StrandedBookingsReview
        stranded={stranded}
        change={`Closing the clinic on ${date ? formatCalendarDate(date) : 'that day'}`}
        backHref="/admin/closures"
      />
    )
  }
  const removeErrors = formErrorsFor(actionData, 'remove')
  return (
    <div className="stack page--medium">
      <AdminNav />
      <h1>Clinic closures</h1>
      <p>
        Days the whole clinic is closed, such as public holidays. Dates are clinic days in{' '}
        {describeTimeZone(timeZone)}.
      </p>
      <SavedNotice />
      <section aria-labelledby="add-closure-heading">
        <h2 id="add-closure-heading">Close the clinic on a date</h2>
        <AddClosureForm
          key={location.key}
          today={today}
          serverErrors={formErrorsFor(actionData, 'add')}
        />
      </section>
      <section aria-labelledby="closures-heading">
        <h2 id="closures-heading">Upcoming closures</h2>
        <FormErrorList errors={removeErrors?.formErrors} />
        {closures.length === 0 ? (
          <p>No closures from today on.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Upcoming closures</caption>
              <TableHead columns={['Date', 'Reason', 'Action']} />
              <tbody>
                {closures.map((closure) => (
                  <tr key={closure.id}>
                    <th scope="row">{formatCalendarDate(closure.date)}</th>
                    <td>{closure.reason}</td>
                    <td>
                      <RowActionForm
                        intent="remove"
                        idField="closureId"
                        id={closure.id}
                        label="Reopen"
                        rowName={<>on {formatCalendarDate(closure.date)}</>}
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
  const { formProps, fields } = useSchemaForm(AddClosureSchema, serverErrors)
  const isSubmitting = useIsPending('add')
  return (
    <Form {...formProps} aria-labelledby="add-closure-heading">
      <input type="hidden" name="intent" value="add" />
      <FormErrorList errors={serverErrors?.formErrors} />
      <Field
        label="Date"
        hint="If patients are booked that day, you will see them and choose what to do first."
        {...fields.input('date', { type: 'date', min: today })}
      />
      <Field
        label="Reason"
        hint="For example Christmas Day. Staff see it on the staff home page."
        {...fields.input('reason', { autoComplete: 'off', maxLength: 200 })}
      />
      <SubmitButton pending={isSubmitting} pendingText="Adding…">
        Add closure
      </SubmitButton>
    </Form>
  )
}

import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { ConsentStatusBadge } from '#app/components/consent/consent-record.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { ChoiceGroup } from '#app/components/forms/choice-group.tsx'
import { CheckboxField, FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import {
  StaffBookingSummary,
  type StaffBookingRow,
} from '#app/components/visit/staff-booking-summary.tsx'
import { HandOverTablet } from '#app/components/tablet/hand-over.tsx'
import { ScreeningClearanceBadge } from '#app/components/visit/visit-parts.tsx'
import { checkInPatient, getCheckInView } from '#app/domain/treatment/check-in.server.ts'
import { checkInClosedReason } from '#app/domain/treatment/visit-messages.ts'
import { checkInSchema, IDENTITY_METHODS } from '#app/domain/treatment/treatment.schema.ts'
import { type MessageKey, translate } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { photosMessages, visitMessages } from '#app/i18n/messages/index.ts'
import { notFound } from '#app/utils/admin-responses.server.ts'
import { formatCalendarDate } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { requireStaffVisit } from '#app/utils/visit-params.server.ts'
import { seesHealthDetails } from '#app/domain/auth/auth.schema.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Check in | Staff | Dermadesk' },
]

// Every member of staff may check a patient in (the front desk does it most). The page shows
// where screening and consent stand as statuses only, never answers (docs/decisions/041).
export async function loader(args: LoaderFunctionArgs) {
  const { bookingId, user } = await requireStaffVisit(args)
  const locale = await requestLocale(args.request, user)
  const view = getCheckInView(bookingId, new Date())
  if (!view) throw notFound(translate(visitMessages, locale, 'notFound'))
  return {
    ...view,
    // Photos are clinical: only a clinician is offered them (docs/decisions/047).
    takesPhotos: seesHealthDetails(user.roles) && view.booking.isTreatment,
    title: translate(visitMessages, locale, 'checkInTitle'),
  }
}

export async function action(args: ActionFunctionArgs) {
  const { bookingId, actor, user } = await requireStaffVisit(args)
  const locale = await requestLocale(args.request, user)
  const t = (key: MessageKey<typeof visitMessages>) => translate(visitMessages, locale, key)
  const parsed = await parseForm(args.request, checkInSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const result = checkInPatient({
    bookingId,
    identityMethod: parsed.data.identityMethod,
    healthUnchanged: parsed.data.healthUnchanged === 'yes',
    actor,
    now: new Date(),
  })
  if (result.ok) {
    // Changed health: a clinician enters the new answers; anyone else goes back to the
    // appointment, which says a clinician must do it before the treatment.
    if (result.next === 'update-answers')
      return redirect(
        seesHealthDetails(user.roles)
          ? `/staff/bookings/${bookingId}/screening?from=check-in`
          : `/staff/bookings/${bookingId}?done=checked-in-health-changed`,
      )
    return redirect(`/staff/bookings/${bookingId}?done=checked-in`)
  }
  if (result.reason === 'not-found') throw notFound(t('notFound'))
  const messages: Record<typeof result.reason, string> = {
    'not-open': t('notOpen'),
    'not-today': t('notToday'),
    'renewal-due': t('renewalDue'),
    'no-screening': t('noScreening'),
  }
  return formError({ formErrors: [messages[result.reason]], values: parsed.values }, 409)
}

export default function CheckInRoute() {
  const { booking, patient, facts, timeZone, timing, takesPhotos } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useIsPending()
  const t = useT(visitMessages)
  const tp = useT(photosMessages)
  const locale = useLocale()
  const schema = useMemo(() => checkInSchema(locale), [locale])
  const { formProps, fields, register } = useSchemaForm(schema, actionData, {
    defaultValues: booking.isTreatment ? {} : { healthUnchanged: 'yes' },
  })
  return (
    <div className="stack page--medium">
      <p>
        <Link to={`/staff/bookings/${booking.id}`}>{t('backToAppointment')}</Link>
      </p>
      <h1>{t('checkInHeading', { name: patient.fullName })}</h1>
      <StaffBookingSummary
        booking={booking}
        patient={patient}
        timeZone={timeZone}
        rows={[
          'when',
          'treatment',
          'practitioner',
          'dateOfBirth',
          'status',
          ...(booking.isTreatment
            ? ([
                [
                  t('rowScreening'),
                  <ScreeningClearanceBadge key="s" clearance={facts.screening} />,
                ],
                [t('rowConsent'), <ConsentStatusBadge key="c" status={facts.consent} />],
              ] as StaffBookingRow[])
            : []),
        ]}
      />
      {takesPhotos ? (
        <p>
          <Link to={`/staff/bookings/${booking.id}/photos`}>{tp('linkBeforePhotos')}</Link>
        </p>
      ) : null}
      {booking.isTreatment ? (
        <HandOverTablet
          bookingId={booking.id}
          facts={{ status: booking.status, screening: facts.screening, consent: facts.consent }}
        />
      ) : null}
      {timing.checkIn !== 'open' ? (
        <p className="notice">{checkInClosedReason(timing.checkIn, timing.visitDate, locale)}</p>
      ) : (
        <Form {...formProps} className="stack">
          <FormErrorList errors={actionData?.formErrors} />
          <ChoiceGroup
            legend={t('howChecked')}
            type="radio"
            options={IDENTITY_METHODS.map((value) => ({
              value,
              label: t(`identity.${value}`),
            }))}
            chosen={[]}
            {...fields.choices('identityMethod')}
          />
          <CheckboxField
            label={t('thisIsPatient', {
              name: patient.fullName,
              date: formatCalendarDate(patient.dateOfBirth, locale),
            })}
            {...fields.checkbox('identityConfirmed')}
          />
          {booking.isTreatment ? (
            <ChoiceGroup
              legend={t('healthChanged')}
              hint={t('healthChangedHint')}
              type="radio"
              options={[
                { value: 'yes', label: t('nothingChanged') },
                { value: 'changed', label: t('somethingChanged') },
              ]}
              chosen={[]}
              {...fields.choices('healthUnchanged')}
            />
          ) : (
            <input type="hidden" {...register('healthUnchanged')} value="yes" />
          )}
          <SubmitButton pending={pending} pendingText={t('checkingIn')}>
            {t('checkIn')}
          </SubmitButton>
        </Form>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

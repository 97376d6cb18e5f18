import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useMemo } from 'react'
import { ConsentDocument } from '#app/components/consent/consent-document.tsx'
import {
  ConsentRecordDetails,
  consentRecordSummary,
  ConsentStatusBadge,
} from '#app/components/consent/consent-record.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useIsPending } from '#app/components/forms/action-data.ts'
import { CheckboxField, FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { StaffBookingSummary } from '#app/components/visit/staff-booking-summary.tsx'
import {
  countersignConsent,
  getStaffConsentPage,
} from '#app/domain/consent/consent-staff.server.ts'
import {
  countersignFieldsSchema,
  countersignSchema,
  RecordIdSchema,
} from '#app/domain/consent/consent.schema.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { consentStaffMessages } from '#app/i18n/messages/index.ts'
import { isLocale, type Locale, LOCALE_NAMES } from '#app/i18n/locales.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireClinicalRole } from '#app/utils/permissions.server.ts'
import { requireOpenBooking } from '#app/utils/restricted-guards.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Consent | Staff | Dermadesk' },
]

function bookingIdOf(params: { bookingId?: string }): string {
  const parsed = RecordIdSchema.safeParse(params.bookingId)
  if (!parsed.success) throw new Response('Not found', { status: 404 })
  return parsed.data
}

/** A clinician, on a booking whose patient's record is not restricted (else admins only). */
async function requireConsentPage(request: Request, params: { bookingId?: string }) {
  const user = await requireClinicalRole(request)
  const bookingId = bookingIdOf(params)
  await requireOpenBooking(request, user, bookingId)
  return user
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireConsentPage(request, params)
  const locale = await requestLocale(request)
  const read = new URL(request.url).searchParams.get('read')
  const page = getStaffConsentPage({
    bookingId: bookingIdOf(params),
    actor: { userId: user.id, ipAddress: context.clientIp, requestId: context.requestId },
    readIn: isLocale(read) ? read : undefined,
  })
  if (!page) throw new Response('Not found', { status: 404 })
  const { booking, record } = page
  return {
    title: translate(consentStaffMessages, locale, 'metaTitle'),
    readRequested: isLocale(read) ? read : null,
    booking: {
      id: booking.id,
      reference: booking.reference,
      status: booking.status,
      serviceName: booking.serviceName,
      tier: booking.tier,
      startAt: booking.startAt,
      endAt: booking.endAt,
      practitionerName: booking.practitionerName,
      patientName: booking.patientName,
      patientDateOfBirth: booking.patientDateOfBirth,
    },
    timeZone: booking.timeZone,
    status: page.status,
    resignReason: page.resignReason,
    countersign: page.countersign,
    record: record && {
      title: record.title,
      versionNumber: record.versionNumber,
      locale: record.locale ?? ('en' as Locale),
      sections: record.sections,
      translation: record.translation ?? null,
      checkAnswers: record.checkAnswers,
      details: consentRecordSummary(record),
    },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireConsentPage(request, params)
  const bookingId = bookingIdOf(params)
  const locale = await requestLocale(request)
  const parsed = await parseForm(request, countersignSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const result = countersignConsent({
    bookingId,
    clinicianUserId: user.id,
    now: new Date(),
    ipAddress: context.clientIp,
    userAgent: request.headers.get('user-agent'),
    requestId: context.requestId,
  })
  if (result.ok) return redirect(`/staff/bookings/${bookingId}/consent?countersigned=1`)
  if (result.reason === 'not-found') throw new Response('Not found', { status: 404 })
  const messages = {
    'not-signed': 'errNotSigned',
    withdrawn: 'errWithdrawn',
    'not-required': 'errNotRequired',
    'not-active': 'errNotActive',
    'not-qualified': 'errNotQualified',
  } as const satisfies Record<typeof result.reason, string>
  return formError(
    { formErrors: [translate(consentStaffMessages, locale, messages[result.reason])] },
    409,
  )
}

const REASONS = {
  'not-signed': 'reasonNotSigned',
  already: 'reasonAlready',
  'not-qualified': 'reasonNotQualified',
  'not-active': 'errNotActive',
} as const

export default function StaffConsentRoute() {
  const { booking, status, resignReason, countersign, record, timeZone, readRequested } =
    useLoaderData<typeof loader>()
  const t = useT(consentStaffMessages)
  const pageLocale = useLocale()
  const name = (locale: Locale) => LOCALE_NAMES[locale]
  const otherLocale: Locale | null = record ? (record.locale === 'en' ? 'it' : 'en') : null
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  return (
    <div className="stack page--medium">
      <p>
        <Link to={`/staff/bookings/${booking.id}`}>{t('backToAppointment')}</Link>
      </p>
      <h1>{t('heading', { name: booking.patientName })}</h1>
      {searchParams.get('countersigned') === '1' ? (
        <p className="notice notice--success" role="status">
          {t('countersignedDone')}
        </p>
      ) : null}
      <StaffBookingSummary
        booking={booking}
        patient={{ dateOfBirth: booking.patientDateOfBirth }}
        timeZone={timeZone}
        rows={[
          'reference',
          'status',
          'treatment',
          'when',
          'practitioner',
          'dateOfBirth',
          [t('consentRow'), <ConsentStatusBadge key="consent" status={status} />],
        ]}
      />
      {resignReason === 'new-version' ? (
        <p className="notice notice--warning">{t('newVersion')}</p>
      ) : resignReason === 'expired' ? (
        <p className="notice notice--warning">{t('expired')}</p>
      ) : null}
      {record ? (
        <>
          <section aria-labelledby="record-heading">
            <h2 id="record-heading">{t('recordHeading')}</h2>
            <ConsentRecordDetails record={record.details} timeZone={timeZone} audit />
            <p>
              <a
                className="button button--secondary"
                href={`/staff/bookings/${booking.id}/consent.pdf`}
                download={`consent-${booking.reference}.pdf`}
              >
                {t('downloadPdf')}
              </a>
            </p>
          </section>
          <section aria-labelledby="countersign-heading">
            <h2 id="countersign-heading">{t('countersignHeading')}</h2>
            {countersign.allowed ? (
              <CountersignForm
                isBookedPractitioner={countersign.isBookedPractitioner}
                practitionerName={booking.practitionerName}
                serverErrors={actionData}
              />
            ) : (
              <p>{t(REASONS[countersign.reason])}</p>
            )}
          </section>
          <section aria-labelledby="answers-heading">
            <h2 id="answers-heading">{t('answersHeading')}</h2>
            <ul lang={record.locale === pageLocale ? undefined : record.locale}>
              {record.checkAnswers.map((answer) => (
                <li key={answer.prompt}>
                  {answer.prompt} <strong>{answer.answer}</strong>
                </li>
              ))}
            </ul>
          </section>
          {record.translation ? (
            <section aria-labelledby="text-heading">
              <h2 id="text-heading">
                {t('translationHeading', { language: name(record.translation.locale) })}
              </h2>
              <p className="notice notice--warning">
                {t('translationNote', {
                  language: name(record.translation.locale),
                  signed: name(record.locale),
                })}
              </p>
              <p>
                <Link to={`/staff/bookings/${booking.id}/consent`}>
                  {t('readSigned', { language: name(record.locale) })}
                </Link>
              </p>
              <ConsentDocument
                title={record.translation.title}
                versionNumber={record.versionNumber}
                sections={record.translation.sections}
                headingLevel={3}
                lang={record.translation.locale}
              />
            </section>
          ) : (
            <section aria-labelledby="text-heading">
              <h2 id="text-heading">{t('textHeading')}</h2>
              <p>{t('signedIn', { language: name(record.locale) })}</p>
              {otherLocale ? (
                readRequested === otherLocale ? (
                  <p className="notice">{t('noTranslation', { language: name(otherLocale) })}</p>
                ) : (
                  <p>
                    <Link to={`/staff/bookings/${booking.id}/consent?read=${otherLocale}`}>
                      {t('readIn', { language: name(otherLocale) })}
                    </Link>
                  </p>
                )
              ) : null}
              <ConsentDocument
                title={record.title}
                versionNumber={record.versionNumber}
                sections={record.sections}
                headingLevel={3}
                lang={record.locale}
              />
            </section>
          )}
        </>
      ) : (
        <p>{t('notSignedYet')}</p>
      )}
    </div>
  )
}

function CountersignForm({
  isBookedPractitioner,
  practitionerName,
  serverErrors,
}: {
  isBookedPractitioner: boolean
  practitionerName: string
  serverErrors: ReturnType<typeof useActionData<typeof action>>
}) {
  const pending = useIsPending()
  const t = useT(consentStaffMessages)
  const locale = useLocale()
  const schema = useMemo(() => countersignFieldsSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, serverErrors, {
    secretFields: [],
  })
  return (
    <Form {...formProps} aria-labelledby="countersign-heading">
      <FormErrorList errors={serverErrors?.formErrors} />
      {isBookedPractitioner ? null : (
        <p className="notice notice--warning">
          {t('otherPractitioner', { name: practitionerName })}
        </p>
      )}
      <input type="hidden" name="intent" value="countersign" />
      <CheckboxField label={t('confirmLabel')} {...fields.checkbox('confirm')} />
      <SubmitButton pending={pending} pendingText={t('countersigning')}>
        {t('countersign')}
      </SubmitButton>
    </Form>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

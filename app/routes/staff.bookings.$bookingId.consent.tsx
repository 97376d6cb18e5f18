import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
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
  CountersignFieldsSchema,
  CountersignSchema,
  RecordIdSchema,
} from '#app/domain/consent/consent.schema.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [{ title: 'Consent | Staff | Dermadesk' }]

function bookingIdOf(params: { bookingId?: string }): string {
  const parsed = RecordIdSchema.safeParse(params.bookingId)
  if (!parsed.success) throw new Response('Not found', { status: 404 })
  return parsed.data
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'clinician')
  const page = getStaffConsentPage({
    bookingId: bookingIdOf(params),
    actor: { userId: user.id, ipAddress: context.clientIp, requestId: context.requestId },
  })
  if (!page) throw new Response('Not found', { status: 404 })
  const { booking, record } = page
  return {
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
      sections: record.sections,
      checkAnswers: record.checkAnswers,
      details: consentRecordSummary(record),
    },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'clinician')
  const bookingId = bookingIdOf(params)
  const parsed = await parseForm(request, CountersignSchema)
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
  const messages: Record<typeof result.reason, string> = {
    'not-signed': 'The patient has not signed a consent that covers this visit.',
    withdrawn: 'The patient withdrew this consent. They must sign again before treatment.',
    'not-required': 'A consultation needs no consent.',
    'not-active': 'This booking is cancelled, declined or no longer held.',
    'not-qualified':
      'Only a practitioner who may perform this treatment can countersign (a medical practitioner for medical needling).',
  }
  return formError({ formErrors: [messages[result.reason]] }, 409)
}

const REASONS: Record<string, string> = {
  'not-signed': 'There is no signed consent that covers this visit to countersign.',
  already: 'Already countersigned.',
  'not-qualified':
    'You cannot countersign this consent: only a practitioner who may perform this treatment can (a medical practitioner for medical needling).',
  'not-active': 'This booking is cancelled, declined or no longer held.',
}

export default function StaffConsentRoute() {
  const { booking, status, resignReason, countersign, record, timeZone } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  return (
    <div className="stack page--medium">
      <p>
        <Link to={`/staff/bookings/${booking.id}`}>Back to the appointment</Link>
      </p>
      <h1>Consent of {booking.patientName}</h1>
      {searchParams.get('countersigned') === '1' ? (
        <p className="notice notice--success" role="status">
          Countersigned. Your name and the time are recorded.
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
          ['Consent', <ConsentStatusBadge key="consent" status={status} />],
        ]}
      />
      {resignReason === 'new-version' ? (
        <p className="notice notice--warning">
          The patient signed an older version of the form. A new version applies to this visit, so
          they must sign again before treatment.
        </p>
      ) : resignReason === 'expired' ? (
        <p className="notice notice--warning">
          The patient&apos;s consent is more than 12 months old for this visit. They must sign
          again.
        </p>
      ) : null}
      {record ? (
        <>
          <section aria-labelledby="record-heading">
            <h2 id="record-heading">Signature and audit</h2>
            <ConsentRecordDetails record={record.details} timeZone={timeZone} audit />
            <p>
              <a
                className="button button--secondary"
                href={`/staff/bookings/${booking.id}/consent.pdf`}
                download={`consent-${booking.reference}.pdf`}
              >
                Download the signed consent (PDF)
              </a>
            </p>
          </section>
          <section aria-labelledby="countersign-heading">
            <h2 id="countersign-heading">Countersign at the visit</h2>
            {countersign.allowed ? (
              <CountersignForm
                isBookedPractitioner={countersign.isBookedPractitioner}
                practitionerName={booking.practitionerName}
                serverErrors={actionData}
              />
            ) : (
              <p>{REASONS[countersign.reason]}</p>
            )}
          </section>
          <section aria-labelledby="answers-heading">
            <h2 id="answers-heading">Comprehension check</h2>
            <ul>
              {record.checkAnswers.map((answer) => (
                <li key={answer.prompt}>
                  {answer.prompt} <strong>{answer.answer}</strong>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="text-heading">
            <h2 id="text-heading">The text the patient signed</h2>
            <ConsentDocument
              title={record.title}
              versionNumber={record.versionNumber}
              sections={record.sections}
              headingLevel={3}
            />
          </section>
        </>
      ) : (
        <p>The patient has not signed a consent for this visit yet.</p>
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
  const { formProps, fields } = useSchemaForm(CountersignFieldsSchema, serverErrors, {
    secretFields: [],
  })
  return (
    <Form {...formProps} aria-labelledby="countersign-heading">
      <FormErrorList errors={serverErrors?.formErrors} />
      {isBookedPractitioner ? null : (
        <p className="notice notice--warning">
          This visit is booked with {practitionerName}. If you treat the patient instead, you
          countersign as the treating clinician.
        </p>
      )}
      <input type="hidden" name="intent" value="countersign" />
      <CheckboxField
        label="I have gone through this consent with the patient in person, answered their questions, and I will treat them."
        {...fields.checkbox('confirm')}
      />
      <SubmitButton pending={pending} pendingText="Countersigning…">
        Countersign
      </SubmitButton>
    </Form>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { AdminNav, SavedNotice } from '#app/components/admin/admin-nav.tsx'
import { DraftEditor, PublishForm } from '#app/components/admin/consent-draft-forms.tsx'
import { ConsentDocument } from '#app/components/consent/consent-document.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { formErrorsFor } from '#app/components/forms/action-data.ts'
import { FormErrorList, SubmitButton } from '#app/components/forms/fields.tsx'
import {
  discardConsentDraft,
  publishConsentDraft,
  saveConsentDraft,
} from '#app/domain/consent/consent-admin.server.ts'
import {
  contentFromDraftForm,
  draftFormValues,
  translationFromDraftForm,
  DraftActionSchema,
} from '#app/domain/consent/consent-admin.schema.ts'
import { getConsentVersionForAdmin } from '#app/domain/consent/consent-admin-views.server.ts'
import {
  CONSENT_PLACEHOLDERS,
  MAX_READING_GRADE,
  RecordIdSchema,
} from '#app/domain/consent/consent.schema.ts'
import {
  notFound,
  parseOrNotFound,
  redirectSaved,
  staffActorOf,
} from '#app/utils/admin-responses.server.ts'
import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [
  { title: 'Consent form version | Clinic settings | Dermadesk' },
]

function versionIdOf(params: { versionId?: string }): string {
  return parseOrNotFound(
    RecordIdSchema,
    params.versionId,
    'We could not find that consent form version.',
  )
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const version = getConsentVersionForAdmin(versionIdOf(params))
  if (!version) throw notFound('We could not find that consent form version.')
  const zone = version.timeZone
  return {
    id: version.id,
    tier: version.tier,
    versionNumber: version.versionNumber,
    status: version.status,
    grade: version.grade,
    reading: version.reading,
    answers: version.content.questions.map((q) => ({
      prompt: q.prompt,
      options: q.options,
      answer: q.answer,
      sectionKey: q.sectionKey,
    })),
    formValues: draftFormValues(version.content, version.italian),
    published:
      version.publishedAt && version.effectiveFrom
        ? {
            at: `${formatDateInZone(version.publishedAt, zone)} at ${formatTimeInZone(version.publishedAt, zone)}`,
            by: version.publishedByName ?? 'installed with the app',
            appliesFrom: formatDateInZone(version.effectiveFrom, zone),
          }
        : null,
    earliestEffectiveDate: version.earliestEffectiveDate,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const versionId = versionIdOf(params)
  const parsed = await parseForm(request, DraftActionSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const { userId, ipAddress, requestId } = staffActorOf(user, context)
  const actor = { userId, ipAddress, requestId }
  const data = parsed.data
  if (data.intent === 'discard') {
    const result = discardConsentDraft({ versionId, actor })
    if (result.ok) return redirectSaved('/admin/consent', 'consent-discarded')
    return notDraft(result.reason)
  }
  if (data.intent === 'publish') {
    const result = publishConsentDraft({ versionId, effectiveDate: data.effectiveDate, actor })
    if (result.ok) return redirectSaved('/admin/consent', 'consent-published')
    switch (result.reason) {
      case 'too-early':
        return formError(
          {
            fieldErrors: {
              effectiveDate: [`Choose ${result.earliestDate} or later.`],
            },
            values: parsed.values,
          },
          400,
        )
      case 'too-hard-to-read':
        return formError(
          {
            formErrors: [
              `This text reads at grade ${result.grade}. Patient text must read at grade ${MAX_READING_GRADE} or lower: use shorter sentences and everyday words, then save and publish again.`,
            ],
            values: parsed.values,
          },
          400,
        )
      case 'missing-parts':
        return formError(
          {
            formErrors: [
              `The ${result.tier} form must say everything in its tier's clinical content, word for word. Missing: ${result.names.join('; ')}.`,
            ],
            values: parsed.values,
          },
          400,
        )
      case 'unknown-placeholders':
        return formError(
          {
            formErrors: [
              `Unknown placeholders: ${result.names.map((n) => `{{${n}}}`).join(', ')}.`,
            ],
            values: parsed.values,
          },
          400,
        )
      case 'translation-problems':
        return formError(
          {
            formErrors: [
              'The form must be complete in Italian too before it is published. Nothing was published. Fix these, save, and publish again:',
              ...result.problems,
            ],
            values: parsed.values,
          },
          400,
        )
      default:
        return notDraft(result.reason)
    }
  }
  const { intent: _intent, ...fields } = data
  const result = saveConsentDraft({
    versionId,
    content: contentFromDraftForm(fields as Record<string, string>),
    translation: translationFromDraftForm(fields as Record<string, string>),
    actor,
  })
  if (result.ok) return redirectSaved(`/admin/consent/${versionId}`, 'consent-draft')
  if (result.reason === 'unknown-placeholders')
    return formError(
      {
        formErrors: [
          `Unknown placeholders: ${result.names.map((n) => `{{${n}}}`).join(', ')}. Use only ${CONSENT_PLACEHOLDERS.map((n) => `{{${n}}}`).join(', ')}.`,
        ],
        values: parsed.values,
      },
      400,
    )
  return notDraft(result.reason)
}

function notDraft(reason: 'not-found' | 'not-draft') {
  if (reason === 'not-found') throw notFound('We could not find that consent form version.')
  return formError(
    {
      formErrors: ['This version is published: it can no longer be changed. Write a new version.'],
    },
    409,
  )
}

const TIER_LABELS = { medical: 'Medical needling', cosmetic: 'Cosmetic needling' } as const

export default function AdminConsentVersionRoute() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const isDraft = data.status === 'draft'
  return (
    <div className="stack page--medium">
      <AdminNav />
      <p>
        <Link to="/admin/consent">All consent forms</Link>
      </p>
      <h1 id="version-heading">
        {TIER_LABELS[data.tier]} consent form, version {data.versionNumber}
        {isDraft ? ' (draft)' : ''}
      </h1>
      <SavedNotice />
      {data.published ? (
        <p>
          Published {data.published.at} by {data.published.by}. It applies to sessions from{' '}
          {data.published.appliesFrom}. Published versions never change.
        </p>
      ) : null}
      <p>
        Reading grade of what the patient reads: <strong>{data.grade}</strong>{' '}
        {data.grade <= MAX_READING_GRADE ? (
          <span className="badge badge--ok">grade {MAX_READING_GRADE} or lower</span>
        ) : (
          <span className="badge badge--bad">above grade {MAX_READING_GRADE}: too hard</span>
        )}
      </p>
      {isDraft ? (
        <>
          <DraftEditor
            key={location.key}
            values={data.formValues}
            serverErrors={formErrorsFor(actionData, 'save')}
          />
          <PublishForm
            versionNumber={data.versionNumber}
            earliestDate={data.earliestEffectiveDate}
            serverErrors={formErrorsFor(actionData, 'publish')}
          />
          <Form method="post" aria-labelledby="discard-heading">
            <h2 id="discard-heading">Discard</h2>
            <FormErrorList errors={formErrorsFor(actionData, 'discard')?.formErrors} />
            <input type="hidden" name="intent" value="discard" />
            <SubmitButton pending={false} className="button button--danger">
              Discard this draft
            </SubmitButton>
          </Form>
        </>
      ) : null}
      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">{isDraft ? 'Preview, as patients will read it' : 'The text'}</h2>
        <ConsentDocument
          title={data.reading.title}
          versionNumber={data.versionNumber}
          sections={data.reading.sections}
          headingLevel={3}
        />
        <h3>Check questions</h3>
        <ol>
          {data.answers.map((q) => (
            <li key={q.prompt}>
              {q.prompt}
              <ul>
                {q.options.map((option, index) => (
                  <li key={option}>
                    {option}
                    {index === q.answer ? <strong> (right answer)</strong> : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

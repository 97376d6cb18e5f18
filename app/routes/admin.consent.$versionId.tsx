import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { formErrorsFor, useIsSubmitting } from '#app/components/admin/action-data.ts'
import { AdminNav, SavedNotice } from '#app/components/admin/admin-nav.tsx'
import { ConsentDocument } from '#app/components/consent/consent-document.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import {
  Field,
  FormErrorList,
  SelectField,
  SubmitButton,
  TextareaField,
} from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import {
  discardConsentDraft,
  getConsentVersionForAdmin,
  publishConsentDraft,
  saveConsentDraft,
} from '#app/domain/consent/consent-admin.server.ts'
import {
  CONSENT_PLACEHOLDERS,
  CONSENT_QUESTION_SLOTS,
  CONSENT_SECTION_KEYS,
  CONSENT_SECTION_PURPOSES,
  contentFromDraftForm,
  draftFieldNames,
  draftFormValues,
  DraftActionSchema,
  MAX_READING_GRADE,
  PublishDraftFieldsSchema,
  RecordIdSchema,
  SaveDraftFieldsSchema,
} from '#app/domain/consent/consent.schema.ts'
import { notFound, redirectSaved, staffActorOf } from '#app/utils/admin-responses.server.ts'
import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { type FormErrors } from '#app/utils/forms.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [
  { title: 'Consent form version | Clinic settings | Dermadesk' },
]

function versionIdOf(params: { versionId?: string }): string {
  const parsed = RecordIdSchema.safeParse(params.versionId)
  if (!parsed.success) throw notFound('We could not find that consent form version.')
  return parsed.data
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
    formValues: draftFormValues(version.content),
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
      default:
        return notDraft(result.reason)
    }
  }
  const { intent: _intent, ...fields } = data
  const result = saveConsentDraft({
    versionId,
    content: contentFromDraftForm(fields as Record<string, string>),
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

function DraftEditor({
  values,
  serverErrors,
}: {
  values: Record<string, string>
  serverErrors: FormErrors | undefined
}) {
  const { formRef, onSubmit, register, fieldError, defaultValue } = useSchemaForm(
    SaveDraftFieldsSchema,
    serverErrors,
    { secretFields: [] },
  )
  const saving = useIsSubmitting('save')
  const initial = (name: string) =>
    serverErrors ? (defaultValue(name) ?? '') : (values[name] ?? '')
  return (
    <Form method="post" noValidate ref={formRef} onSubmit={onSubmit} aria-labelledby="edit-heading">
      <h2 id="edit-heading">Edit the draft</h2>
      <p className="hint">
        Write short sentences in everyday words. Separate paragraphs with an empty line; start a
        line with &quot;- &quot; for a list. You may use{' '}
        {CONSENT_PLACEHOLDERS.map((n) => `{{${n}}}`).join(', ')}: the clinic&apos;s name, phone and
        cancellation hours are filled in.
      </p>
      <FormErrorList errors={serverErrors?.formErrors} />
      <input type="hidden" name="intent" value="save" />
      <Field
        label="Title"
        error={fieldError('title')}
        inputProps={{ ...register('title'), defaultValue: initial('title') }}
      />
      {CONSENT_SECTION_KEYS.map((key, index) => (
        <fieldset key={key}>
          <legend>
            Part {index + 1}: {CONSENT_SECTION_PURPOSES[key]}
          </legend>
          <Field
            label={`Heading of part ${index + 1}`}
            error={fieldError(draftFieldNames.sectionTitle(key))}
            inputProps={{
              ...register(draftFieldNames.sectionTitle(key)),
              defaultValue: initial(draftFieldNames.sectionTitle(key)),
            }}
          />
          <TextareaField
            label={`Text of part ${index + 1}`}
            error={fieldError(draftFieldNames.sectionBody(key))}
            textareaProps={{
              ...register(draftFieldNames.sectionBody(key)),
              rows: 10,
              defaultValue: initial(draftFieldNames.sectionBody(key)),
            }}
          />
        </fieldset>
      ))}
      <h3>Check questions</h3>
      <p className="hint">
        At least 4. Leave a question empty to remove it. Each needs 2 to 5 answers, one per line,
        the number of the right one, and the part of the form that explains it.
      </p>
      {CONSENT_QUESTION_SLOTS.map((slot) => (
        <fieldset key={slot}>
          <legend>Question {slot}</legend>
          <Field
            label={`Question ${slot}`}
            error={fieldError(draftFieldNames.prompt(slot))}
            inputProps={{
              ...register(draftFieldNames.prompt(slot)),
              defaultValue: initial(draftFieldNames.prompt(slot)),
            }}
          />
          <TextareaField
            label={`Answers to question ${slot}, one per line`}
            error={fieldError(draftFieldNames.options(slot))}
            textareaProps={{
              ...register(draftFieldNames.options(slot)),
              rows: 4,
              defaultValue: initial(draftFieldNames.options(slot)),
            }}
          />
          <Field
            label={`Number of the right answer to question ${slot}`}
            error={fieldError(draftFieldNames.answer(slot))}
            inputProps={{
              ...register(draftFieldNames.answer(slot)),
              inputMode: 'numeric',
              defaultValue: initial(draftFieldNames.answer(slot)),
            }}
          />
          <SelectField
            label={`Part that explains question ${slot}`}
            error={fieldError(draftFieldNames.section(slot))}
            selectProps={{
              ...register(draftFieldNames.section(slot)),
              defaultValue: initial(draftFieldNames.section(slot)),
            }}
          >
            <option value="">Choose a part</option>
            {CONSENT_SECTION_KEYS.map((key, index) => (
              <option key={key} value={key}>
                Part {index + 1}: {CONSENT_SECTION_PURPOSES[key]}
              </option>
            ))}
          </SelectField>
        </fieldset>
      ))}
      <SubmitButton pending={saving} pendingText="Saving…">
        Save the draft
      </SubmitButton>
    </Form>
  )
}

function PublishForm({
  versionNumber,
  earliestDate,
  serverErrors,
}: {
  versionNumber: number
  earliestDate: string
  serverErrors: FormErrors | undefined
}) {
  const { formRef, onSubmit, register, fieldError, defaultValue } = useSchemaForm(
    PublishDraftFieldsSchema,
    serverErrors,
    { secretFields: [] },
  )
  const publishing = useIsSubmitting('publish')
  return (
    <Form
      method="post"
      noValidate
      ref={formRef}
      onSubmit={onSubmit}
      aria-labelledby="publish-heading"
    >
      <h2 id="publish-heading">Publish</h2>
      <p>
        Save your changes first. Once published, version {versionNumber} can never change. Patients
        whose session is on or after the date below must sign it, even if they signed an older
        version.
      </p>
      <FormErrorList errors={serverErrors?.formErrors} />
      <input type="hidden" name="intent" value="publish" />
      <Field
        label="Applies to sessions from"
        hint="Today or later, in clinic time."
        error={fieldError('effectiveDate')}
        inputProps={{
          ...register('effectiveDate'),
          type: 'date',
          min: earliestDate,
          defaultValue: defaultValue('effectiveDate') ?? earliestDate,
        }}
      />
      <SubmitButton pending={publishing} pendingText="Publishing…">
        Publish version {versionNumber}
      </SubmitButton>
    </Form>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

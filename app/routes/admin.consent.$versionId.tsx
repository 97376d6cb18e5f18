import { translator } from '#app/i18n/catalogue.ts'
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
  draftActionSchema,
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
import { useRichT, useT } from '#app/i18n/locale-context.tsx'
import { type Locale } from '#app/i18n/locales.ts'
import { adminConsentMessages, adminMessages } from '#app/i18n/messages/index.ts'
import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Consent form version | Clinic settings | Dermadesk' },
]

function versionIdOf(params: { versionId?: string }, locale: Locale): string {
  return parseOrNotFound(
    RecordIdSchema,
    params.versionId,
    translator(adminConsentMessages, locale)('versionNotFound'),
  )
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const t = translator(adminConsentMessages, locale)
  const version = getConsentVersionForAdmin(versionIdOf(params, locale))
  if (!version) throw notFound(t('versionNotFound'))
  const zone = version.timeZone
  return {
    title: translator(adminMessages, locale)('pageTitle', { page: t('versionTitle') }),
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
            at: t('publishedAt', {
              date: formatDateInZone(version.publishedAt, zone, locale),
              time: formatTimeInZone(version.publishedAt, zone, locale),
            }),
            by: version.publishedByName ?? t('installedLower'),
            appliesFrom: formatDateInZone(version.effectiveFrom, zone, locale),
          }
        : null,
    earliestEffectiveDate: version.earliestEffectiveDate,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const t = translator(adminConsentMessages, locale)
  const versionId = versionIdOf(params, locale)
  const parsed = await parseForm(request, draftActionSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const { userId, ipAddress, requestId } = staffActorOf(user, context)
  const actor = { userId, ipAddress, requestId }
  const data = parsed.data
  if (data.intent === 'discard') {
    const result = discardConsentDraft({ versionId, actor })
    if (result.ok) return redirectSaved('/admin/consent', 'consent-discarded')
    return notDraft(result.reason, locale)
  }
  if (data.intent === 'publish') {
    const result = publishConsentDraft({
      versionId,
      effectiveDate: data.effectiveDate,
      actor,
      locale,
    })
    if (result.ok) return redirectSaved('/admin/consent', 'consent-published')
    switch (result.reason) {
      case 'too-early':
        return formError(
          {
            fieldErrors: {
              effectiveDate: [t('tooEarly', { date: result.earliestDate })],
            },
            values: parsed.values,
          },
          400,
        )
      case 'too-hard-to-read':
        return formError(
          {
            formErrors: [t('tooHardToRead', { grade: result.grade, max: MAX_READING_GRADE })],
            values: parsed.values,
          },
          400,
        )
      case 'missing-parts':
        return formError(
          {
            formErrors: [t('missingParts', { tier: result.tier, names: result.names.join('; ') })],
            values: parsed.values,
          },
          400,
        )
      case 'unknown-placeholders':
        return formError(
          {
            formErrors: [
              t('unknownPlaceholders', {
                names: result.names.map((n) => `{{${n}}}`).join(', '),
              }),
            ],
            values: parsed.values,
          },
          400,
        )
      case 'translation-problems':
        return formError(
          {
            formErrors: [t('translationProblems'), ...result.problems],
            values: parsed.values,
          },
          400,
        )
      default:
        return notDraft(result.reason, locale)
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
          t('unknownPlaceholdersUseOnly', {
            names: result.names.map((n) => `{{${n}}}`).join(', '),
            allowed: CONSENT_PLACEHOLDERS.map((n) => `{{${n}}}`).join(', '),
          }),
        ],
        values: parsed.values,
      },
      400,
    )
  return notDraft(result.reason, locale)
}

function notDraft(reason: 'not-found' | 'not-draft', locale: Locale) {
  const t = translator(adminConsentMessages, locale)
  if (reason === 'not-found') throw notFound(t('versionNotFound'))
  return formError(
    {
      formErrors: [t('publishedLocked')],
    },
    409,
  )
}

export default function AdminConsentVersionRoute() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const isDraft = data.status === 'draft'
  const t = useT(adminConsentMessages)
  const richT = useRichT(adminConsentMessages)
  return (
    <div className="stack page--medium">
      <AdminNav />
      <p>
        <Link to="/admin/consent">{t('allConsentForms')}</Link>
      </p>
      <h1 id="version-heading">
        {t('versionHeading', {
          tier: data.tier,
          n: data.versionNumber,
          draft: isDraft ? 'yes' : 'no',
        })}
      </h1>
      <SavedNotice />
      {data.published ? (
        <p>
          {t('publishedLine', {
            at: data.published.at,
            by: data.published.by,
            date: data.published.appliesFrom,
          })}
        </p>
      ) : null}
      <p>
        {richT('readingGrade', {
          grade: data.grade,
          b: (chunks) => <strong>{chunks}</strong>,
        })}{' '}
        {data.grade <= MAX_READING_GRADE ? (
          <span className="badge badge--ok">{t('gradeOk', { max: MAX_READING_GRADE })}</span>
        ) : (
          <span className="badge badge--bad">{t('gradeTooHard', { max: MAX_READING_GRADE })}</span>
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
            <h2 id="discard-heading">{t('discard')}</h2>
            <FormErrorList errors={formErrorsFor(actionData, 'discard')?.formErrors} />
            <input type="hidden" name="intent" value="discard" />
            <SubmitButton pending={false} className="button button--danger">
              {t('discardDraft')}
            </SubmitButton>
          </Form>
        </>
      ) : null}
      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">{isDraft ? t('previewHeading') : t('theText')}</h2>
        <ConsentDocument
          title={data.reading.title}
          versionNumber={data.versionNumber}
          sections={data.reading.sections}
          headingLevel={3}
        />
        <h3>{t('checkQuestions')}</h3>
        <ol>
          {data.answers.map((q) => (
            <li key={q.prompt}>
              {q.prompt}
              <ul>
                {q.options.map((option, index) => (
                  <li key={option}>
                    {option}
                    {index === q.answer ? <strong> {t('rightAnswer')}</strong> : null}
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

import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { AdminNav, SavedNotice } from '#app/components/admin/admin-nav.tsx'
import {
  NoticeDraftEditor,
  NoticePublishForm,
} from '#app/components/admin/privacy-notice-forms.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { formErrorsFor } from '#app/components/forms/action-data.ts'
import { PrivacyNoticeText } from '#app/components/privacy/privacy-notice.tsx'
import { RecordIdSchema } from '#app/domain/consent/consent.schema.ts'
import { noticeVersionActionSchema } from '#app/domain/privacy/privacy-notice-admin.schema.ts'
import {
  contentFromNoticeForm,
  NOTICE_PLACEHOLDERS,
  noticeFormValues,
} from '#app/domain/privacy/privacy-notice.schema.ts'
import {
  getPrivacyNoticeVersionForAdmin,
  publishPrivacyNoticeDraft,
  savePrivacyNoticeDraft,
} from '#app/domain/privacy/privacy-notice.server.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { LOCALE_NAMES, LOCALES, type Locale } from '#app/i18n/locales.ts'
import { adminMessages, adminPrivacyNoticeMessages } from '#app/i18n/messages/index.ts'
import {
  notFound,
  parseOrNotFound,
  redirectSaved,
  staffActorOf,
} from '#app/utils/admin-responses.server.ts'
import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Privacy notice version | Clinic settings | Dermadesk' },
]

function versionIdOf(params: { noticeId?: string }, locale: Locale): string {
  return parseOrNotFound(
    RecordIdSchema,
    params.noticeId,
    translator(adminPrivacyNoticeMessages, locale)('versionNotFound'),
  )
}

/** One version: a draft to edit and publish, or a published one to read (ADR 050). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const t = translator(adminPrivacyNoticeMessages, locale)
  const version = getPrivacyNoticeVersionForAdmin(versionIdOf(params, locale))
  if (!version) throw notFound(t('versionNotFound'))
  const zone = version.timeZone
  return {
    title: translator(adminMessages, locale)('pageTitle', { page: t('versionTitle') }),
    id: version.id,
    versionNumber: version.versionNumber,
    status: version.status,
    formValues: noticeFormValues(version.content),
    readings: version.readings,
    published: version.publishedAt
      ? {
          at: t('publishedAt', {
            date: formatDateInZone(version.publishedAt, zone, locale),
            time: formatTimeInZone(version.publishedAt, zone, locale),
          }),
          by: version.publishedByName ?? t('installedWithApp'),
        }
      : null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const t = translator(adminPrivacyNoticeMessages, locale)
  const versionId = versionIdOf(params, locale)
  const parsed = await parseForm(request, noticeVersionActionSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const actor = staffActorOf(user, context)
  const { intent, ...fields } = parsed.data
  const result =
    intent === 'publish'
      ? publishPrivacyNoticeDraft({ versionId, actor })
      : savePrivacyNoticeDraft({
          versionId,
          content: contentFromNoticeForm(fields as Record<string, string>),
          actor,
        })
  if (result.ok)
    return intent === 'publish'
      ? redirectSaved('/admin/privacy-notice', 'privacy-published')
      : redirectSaved(`/admin/privacy-notice/${versionId}`, 'privacy-draft')
  switch (result.reason) {
    case 'not-found':
      throw notFound(t('versionNotFound'))
    case 'not-draft':
      return formError({ formErrors: [t('publishedLocked')], values: parsed.values }, 409)
    case 'unknown-placeholders':
      return formError(
        {
          formErrors: [
            t('unknownPlaceholders', {
              names: result.names.map((n) => `{{${n}}}`).join(', '),
              allowed: NOTICE_PLACEHOLDERS.map((n) => `{{${n}}}`).join(', '),
            }),
          ],
          values: parsed.values,
        },
        400,
      )
  }
}

export default function AdminPrivacyNoticeVersionRoute() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const isDraft = data.status === 'draft'
  const t = useT(adminPrivacyNoticeMessages)
  return (
    <div className="stack">
      <AdminNav />
      <p>
        <Link to="/admin/privacy-notice">{t('allVersions')}</Link>
      </p>
      <h1>{t('versionHeading', { n: data.versionNumber, draft: isDraft ? 'yes' : 'no' })}</h1>
      <SavedNotice />
      {data.published ? (
        <p>{t('publishedLine', { at: data.published.at, by: data.published.by })}</p>
      ) : null}
      {isDraft ? (
        <>
          <NoticeDraftEditor
            key={location.key}
            values={data.formValues}
            serverErrors={formErrorsFor(actionData, 'save')}
          />
          <NoticePublishForm
            versionNumber={data.versionNumber}
            serverErrors={formErrorsFor(actionData, 'publish')}
          />
        </>
      ) : null}
      <section aria-labelledby="preview-heading" className="stack">
        <h2 id="preview-heading">{isDraft ? t('previewHeading') : t('textHeading')}</h2>
        <div className="side-by-side">
          {LOCALES.map((language) => (
            <section
              key={language}
              lang={language}
              aria-labelledby={`preview-${language}`}
              className="card stack"
            >
              <h3 id={`preview-${language}`}>
                {LOCALE_NAMES[language]}: {data.readings[language].title}
              </h3>
              {data.readings[language].summary.map((paragraph) => (
                <p key={paragraph}>
                  <em>{paragraph}</em>
                </p>
              ))}
              <PrivacyNoticeText
                reading={data.readings[language]}
                headingLevel={4}
                language={language}
              />
            </section>
          ))}
        </div>
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

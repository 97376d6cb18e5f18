import { Form } from '@remix-run/react'
import { useMemo } from 'react'
import { useIsPending } from '#app/components/forms/action-data.ts'
import {
  CheckboxField,
  Field,
  FormErrorList,
  SubmitButton,
  TextareaField,
} from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import {
  noticePublishSchema,
  noticeSaveSchema,
} from '#app/domain/privacy/privacy-notice-admin.schema.ts'
import {
  NOTICE_PLACEHOLDERS,
  NOTICE_SECTION_KEYS,
  noticeFieldName,
} from '#app/domain/privacy/privacy-notice.schema.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { LOCALE_NAMES, LOCALES } from '#app/i18n/locales.ts'
import { adminPrivacyNoticeMessages, privacyNoticeMessages } from '#app/i18n/messages/index.ts'
import { type FormErrors } from '#app/utils/forms.ts'

/**
 * The privacy notice draft editor: each part of the notice is a group with the Italian and the
 * English side by side (one column on a phone), so the admin checks that both say the same.
 */
export function NoticeDraftEditor({
  values,
  serverErrors,
}: {
  values: Record<string, string>
  serverErrors: FormErrors | undefined
}) {
  const locale = useLocale()
  const schema = useMemo(() => noticeSaveSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, serverErrors, { secretFields: [] })
  const saving = useIsPending('save')
  const t = useT(adminPrivacyNoticeMessages)
  const sectionT = useT(privacyNoticeMessages)
  const start = (name: string) => ({ defaultValue: values[name] ?? '' })
  const parts = [
    { part: 'title' as const, label: t('fieldTitle'), rows: 0 },
    { part: 'summary' as const, label: t('fieldSummary'), rows: 6 },
    ...NOTICE_SECTION_KEYS.map((key) => ({
      part: key,
      label: sectionT(`section.${key}`),
      rows: 8,
    })),
  ]
  return (
    <Form {...formProps} aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t('editorHeading')}</h2>
      <p className="hint">
        {t('editorHint', {
          placeholders: NOTICE_PLACEHOLDERS.map((n) => `{{${n}}}`).join(', '),
        })}
      </p>
      <FormErrorList errors={serverErrors?.formErrors} />
      <input type="hidden" name="intent" value="save" />
      {parts.map(({ part, label, rows }) => (
        <fieldset key={part} className="side-by-side">
          <legend>{label}</legend>
          {LOCALES.map((language) => {
            const name = noticeFieldName(language, part)
            return rows === 0 ? (
              <Field
                key={name}
                label={LOCALE_NAMES[language]}
                {...fields.input(name, { lang: language, ...start(name) })}
              />
            ) : (
              <TextareaField
                key={name}
                label={LOCALE_NAMES[language]}
                {...fields.textarea(name, { rows, lang: language, ...start(name) })}
              />
            )
          })}
        </fieldset>
      ))}
      <SubmitButton pending={saving} pendingText={t('saving')}>
        {t('saveDraft')}
      </SubmitButton>
    </Form>
  )
}

/** Publishing: a tick to confirm, because a published version can never change. */
export function NoticePublishForm({
  versionNumber,
  serverErrors,
}: {
  versionNumber: number
  serverErrors: FormErrors | undefined
}) {
  const locale = useLocale()
  const schema = useMemo(() => noticePublishSchema(locale), [locale])
  const { formProps, fields } = useSchemaForm(schema, serverErrors, { secretFields: [] })
  const publishing = useIsPending('publish')
  const t = useT(adminPrivacyNoticeMessages)
  return (
    <Form {...formProps} aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('publishHeading')}</h2>
      <p>{t('publishIntro', { n: versionNumber })}</p>
      <FormErrorList errors={serverErrors?.formErrors} />
      <input type="hidden" name="intent" value="publish" />
      <CheckboxField
        label={t('confirmLabel', { n: versionNumber })}
        {...fields.checkbox('confirm', { value: 'yes' })}
      />
      <SubmitButton pending={publishing} pendingText={t('publishing')}>
        {t('publishVersion', { n: versionNumber })}
      </SubmitButton>
    </Form>
  )
}

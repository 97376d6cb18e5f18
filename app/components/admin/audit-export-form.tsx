import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo, useRef } from 'react'
import { useForm } from 'react-hook-form'
import { Field } from '#app/components/forms/fields.tsx'
import { auditExportSchema } from '#app/domain/audit/audit-export.schema.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { auditMessages } from '#app/i18n/messages/index.ts'

/**
 * The breach export's window (docs/breach-response.md): checked in the browser with the schema
 * the export route checks again, then submitted natively so the browser downloads the CSV.
 * Without JavaScript the form goes straight to the route, which answers a bad window with 400.
 */
export function AuditExportForm() {
  const locale = useLocale()
  const t = useT(auditMessages)
  const schema = useMemo(() => auditExportSchema(locale), [locale])
  const form = useForm({
    resolver: zodResolver(schema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const formRef = useRef<HTMLFormElement>(null)
  const { errors } = form.formState
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{t('exportHeading')}</h2>
      <p>{t('exportIntro')}</p>
      <form
        ref={formRef}
        method="get"
        action="/admin/audit/export"
        noValidate
        aria-labelledby="export-heading"
        onSubmit={(event) => void form.handleSubmit(() => formRef.current?.submit())(event)}
      >
        <div className="audit-filters">
          <Field
            label={t('exportFrom')}
            error={errors.from?.message}
            inputProps={{ ...form.register('from'), type: 'date', required: true }}
          />
          <Field
            label={t('exportTo')}
            hint={t('exportWindowHint')}
            error={errors.to?.message}
            inputProps={{ ...form.register('to'), type: 'date', required: true }}
          />
        </div>
        <p>
          <button type="submit" className="button">
            {t('exportButton')}
          </button>
        </p>
      </form>
    </section>
  )
}

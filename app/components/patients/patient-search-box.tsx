import { Field } from '#app/components/forms/fields.tsx'
import { QUERY_MAX_LENGTH, QUERY_MIN_LENGTH } from '#app/domain/patients/patient-search.schema.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { patientsMessages } from '#app/i18n/messages/index.ts'

/**
 * The one-box patient search (ADR 040) as the search page, booking for a caller and merging two
 * records all ask it: name, email, phone, reference or date of birth, and a Search button. The
 * surrounding GET form is the page's own, as each carries different hidden fields.
 */
export function PatientSearchBox({
  defaultValue,
  error,
  focusOnLoad = false,
}: {
  defaultValue: string
  error?: string | null
  /** The search page starts in the box; pages where searching is one step among others do not. */
  focusOnLoad?: boolean
}) {
  const t = useT(patientsMessages)
  return (
    <>
      <Field
        label={t('queryLabel')}
        hint={t('queryHint')}
        error={error ?? undefined}
        inputProps={{
          name: 'q',
          type: 'search',
          defaultValue,
          autoComplete: 'off',
          spellCheck: false,
          autoFocus: focusOnLoad,
          required: true,
          minLength: QUERY_MIN_LENGTH,
          maxLength: QUERY_MAX_LENGTH,
        }}
      />
      <p>
        <button type="submit" className="button">
          {t('search')}
        </button>
      </p>
    </>
  )
}

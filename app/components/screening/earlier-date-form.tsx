import { Form } from '@remix-run/react'
import { useMemo } from 'react'
import { formErrorsFor, useIsPending } from '#app/components/forms/action-data.ts'
import { Field, FormErrorList, SubmitButton, TextareaField } from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { earlierDateSchema } from '#app/domain/screening/screening.schema.ts'
import { useLocale, useRichT, useT } from '#app/i18n/locale-context.tsx'
import { screeningStaffMessages } from '#app/i18n/messages/index.ts'
import { formatCalendarDate } from '#app/utils/format.ts'

const INTENT = 'approve_earlier_date'

/**
 * A clinician approves an earlier first day inside the answers' waiting window (docs/decisions/
 * 032), with the reason; earlier decisions for this booking are listed above the form.
 */
export function EarlierDateSection({
  submissionId,
  windowEnds,
  firstDay,
  overrides,
  actionData,
}: {
  submissionId: string
  /** The first day the answers' windows allow, as judged. */
  windowEnds: string
  /** The first day that counts now (a clinician's earlier day, or the window's end). */
  firstDay: string
  overrides: { id: string; firstDay: string; reason: string; decidedBy: string; at: string }[]
  actionData: unknown
}) {
  const locale = useLocale()
  const t = useT(screeningStaffMessages)
  const richT = useRichT(screeningStaffMessages)
  // In the browser only the typed fields are checked (the hidden intent and id are not fields).
  const schema = useMemo(
    () => earlierDateSchema(locale).pick({ firstDay: true, reason: true }),
    [locale],
  )
  const serverErrors = formErrorsFor(actionData, INTENT)
  const { formProps, fields } = useSchemaForm(schema, serverErrors, { secretFields: [] })
  const pending = useIsPending(INTENT)
  return (
    <section aria-labelledby="window-heading" className="stack">
      <h2 id="window-heading">{t('windowHeading')}</h2>
      <p>
        {richT(firstDay !== windowEnds ? 'windowSaysApproved' : 'windowSays', {
          date: formatCalendarDate(windowEnds, locale),
          approved: formatCalendarDate(firstDay, locale),
          b: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      {overrides.length > 0 ? (
        <ul>
          {overrides.map((override) => (
            <li key={override.id}>
              {t('overrideLine', {
                date: formatCalendarDate(override.firstDay, locale),
                name: override.decidedBy,
                when: override.at,
                reason: override.reason,
              })}
            </li>
          ))}
        </ul>
      ) : null}
      <Form {...formProps} className="card">
        <FormErrorList errors={serverErrors?.formErrors} />
        <input type="hidden" name="intent" value={INTENT} />
        <input type="hidden" name="submissionId" value={submissionId} />
        <Field
          label={t('earlierLabel')}
          hint={t('earlierHint')}
          {...fields.input('firstDay', { type: 'date', max: windowEnds })}
        />
        <TextareaField
          label={t('whySafeLabel')}
          hint={t('whySafeHint')}
          {...fields.textarea('reason', { rows: 3, maxLength: 1000 })}
        />
        <SubmitButton
          pending={pending}
          pendingText={t('saving')}
          className="button button--secondary"
        >
          {t('approveEarlier')}
        </SubmitButton>
      </Form>
    </section>
  )
}

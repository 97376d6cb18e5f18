import { Form } from '@remix-run/react'
import { Fragment, type ReactNode, useEffect, useMemo, useState } from 'react'
import { ErrorSummary, Field, SubmitButton } from '#app/components/forms/fields.tsx'
import { ChoiceGroup } from '#app/components/forms/choice-group.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import {
  type ChecklistQuestion,
  questionnaire,
  type SECTION_TITLES,
} from '#app/domain/screening/questionnaire.ts'
import {
  CHECKLISTS,
  type ChecklistName,
  FOLLOW_UPS,
  type FollowUpName,
  NONE,
  type ScreeningAnswers,
  screeningFormSchema,
} from '#app/domain/screening/screening.schema.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { screeningMessages } from '#app/i18n/messages/index.ts'
import { type FormErrors } from '#app/utils/forms.ts'

type Ticked = Record<ChecklistName, string[]>

const SECTION_OF: Record<ChecklistName, keyof typeof SECTION_TITLES> = {
  skinNow: 'skin',
  history: 'health',
  medicines: 'medicines',
  allergies: 'allergies',
  procedures: 'treatments',
}

/**
 * The health questionnaire, one page of short sections. Follow-up questions sit under the answer
 * that needs them: without JavaScript they are all shown (and the server checks only those whose
 * answer is ticked); with JavaScript each appears when its answer is ticked.
 */
export function ScreeningForm({
  today,
  initial,
  serverErrors,
  pending,
  submitLabel,
  children,
}: {
  /** The clinic's date: both sides judge "in the future" alike. */
  today: string
  initial: ScreeningAnswers | null
  serverErrors: FormErrors | undefined
  pending: boolean
  submitLabel: string
  /** Hidden fields, e.g. an intent. */
  children?: ReactNode
}) {
  const locale = useLocale()
  const t = useT(screeningMessages)
  const q = questionnaire(locale)
  const schema = useMemo(() => screeningFormSchema(today, locale), [today, locale])
  const { formRef, formProps, fields, problems } = useSchemaForm(schema, serverErrors, {
    secretFields: [],
    errorSummary: true,
    defaultValues: startingValues(initial, serverErrors),
  })
  // Null until JavaScript runs: then every follow-up stays visible.
  const [ticked, setTicked] = useState<Ticked | null>(null)
  const readTicked = (): Ticked | null => {
    const form = formRef.current
    if (!form) return null
    const entries = (Object.keys(CHECKLISTS) as ChecklistName[]).map((name) => [
      name,
      Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)).map(
        (input) => input.value,
      ),
    ])
    return Object.fromEntries(entries) as Ticked
  }
  useEffect(() => setTicked(readTicked()), []) // eslint-disable-line react-hooks/exhaustive-deps

  const chosen = (name: keyof ScreeningAnswers) => chosenValues(name, initial, serverErrors)
  const text = (name: keyof ScreeningAnswers) => chosen(name)[0]
  const showFollowUp = (name: FollowUpName) => {
    const { checklist, value } = FOLLOW_UPS[name]
    return ticked === null || ticked[checklist].includes(value)
  }

  const followUp = (name: FollowUpName) => {
    if (!showFollowUp(name)) return null
    const copy = q.followUps[name]
    if (name === 'diabetesControlled') {
      return (
        <ChoiceGroup
          className="conditional"
          legend={copy.label}
          hint={copy.hint}
          type="radio"
          options={q.diabetesControl}
          chosen={chosen(name)}
          {...fields.choices(name)}
        />
      )
    }
    return (
      <div className="conditional">
        <Field
          label={copy.label}
          hint={copy.hint}
          {...fields.input(name, { type: 'date', max: today, defaultValue: text(name) })}
        />
      </div>
    )
  }

  const checklist = (question: ChecklistQuestion<string>) => (
    <section aria-labelledby={`section-${question.name}`}>
      <h2 id={`section-${question.name}`}>{q.sections[SECTION_OF[question.name]]}</h2>
      <ChoiceGroup
        legend={question.legend}
        hint={question.hint}
        type="checkbox"
        options={[...question.options, { value: NONE, label: q.noneLabel }]}
        chosen={chosen(question.name)}
        {...fields.choices(question.name)}
        after={(value) => {
          const name = question.options.find((o) => o.value === value)?.followUp
          return name ? followUp(name) : null
        }}
      />
    </section>
  )

  const pregnancy = (
    <section aria-labelledby="section-pregnancy">
      <h2 id="section-pregnancy">{q.sections.pregnancy}</h2>
      <ChoiceGroup
        legend={q.pregnancy.legend}
        hint={q.pregnancy.hint}
        type="radio"
        options={q.pregnancy.options}
        chosen={chosen('pregnancy')}
        {...fields.choices('pregnancy')}
      />
    </section>
  )

  return (
    <Form {...formProps} onChange={() => setTicked(readTicked())} className="screening-form">
      {children}
      <ErrorSummary problems={problems()} formErrors={serverErrors?.formErrors} />
      <section aria-labelledby="section-about">
        <h2 id="section-about">{q.sections.about}</h2>
        <Field
          label={q.dateOfBirth.label}
          hint={q.dateOfBirth.hint}
          {...fields.input('dateOfBirth', {
            type: 'date',
            autoComplete: 'bday',
            max: today,
            defaultValue: text('dateOfBirth'),
          })}
        />
        <ChoiceGroup
          legend={q.areas.legend}
          hint={q.areas.hint}
          type="checkbox"
          options={q.areas.options}
          chosen={chosen('areas')}
          {...fields.choices('areas')}
        />
        <ChoiceGroup
          legend={q.skinType.legend}
          hint={q.skinType.hint}
          type="radio"
          options={q.skinType.options}
          chosen={chosen('skinType')}
          {...fields.choices('skinType')}
        />
      </section>
      {q.checklists.map((question) => (
        <Fragment key={question.name}>
          {question.name === 'procedures' ? pregnancy : null}
          {checklist(question)}
        </Fragment>
      ))}
      <SubmitButton pending={pending} pendingText={t('checking')}>
        {submitLabel}
      </SubmitButton>
    </Form>
  )
}

/** What the page shows as chosen: what was just posted (after an error), else the answers. */
function chosenValues(
  name: keyof ScreeningAnswers,
  initial: ScreeningAnswers | null,
  serverErrors: FormErrors | undefined,
): string[] {
  if (serverErrors) {
    const value = serverErrors.values[name]
    return value === undefined ? [] : Array.isArray(value) ? value : [value]
  }
  const value = initial?.[name]
  if (value === undefined) return []
  if (Array.isArray(value)) {
    // An answered list with nothing ticked was "None of these".
    return value.length === 0 && name in CHECKLISTS ? [NONE] : value
  }
  return [value]
}

const LIST_FIELDS: readonly string[] = ['areas', ...Object.keys(CHECKLISTS)]

/** The form's starting values for react-hook-form: lists as lists, the rest as text. */
function startingValues(
  initial: ScreeningAnswers | null,
  serverErrors: FormErrors | undefined,
): Record<string, string | string[]> {
  const names = [
    'dateOfBirth',
    'skinType',
    'pregnancy',
    ...LIST_FIELDS,
    ...Object.keys(FOLLOW_UPS),
  ] as (keyof ScreeningAnswers)[]
  return Object.fromEntries(
    names.map((name) => {
      const values = chosenValues(name, initial, serverErrors)
      return [name, LIST_FIELDS.includes(name) ? values : (values[0] ?? '')]
    }),
  )
}

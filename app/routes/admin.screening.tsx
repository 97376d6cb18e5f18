import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { AdminNav, SavedNotice } from '#app/components/admin/admin-nav.tsx'
import { formErrorsFor, useIsPending } from '#app/components/forms/action-data.ts'
import {
  CheckboxField,
  Field,
  FormErrorList,
  SubmitButton,
  TextareaField,
} from '#app/components/forms/fields.tsx'
import { useSchemaForm } from '#app/components/forms/use-schema-form.ts'
import { TableHead } from '#app/components/table-head.tsx'
import {
  RELAXABLE_CHOICES,
  SCREENING_RULES,
  STRICTER_CHOICES,
  WINDOW_SETTINGS,
} from '#app/domain/screening/rule-table.rules.ts'
import {
  PublishRuleSetSchema,
  SETTING_LABELS,
  SETTING_LIMITS,
  sourcesField,
  type ScreeningNumberSetting,
  type ScreeningSettings,
} from '#app/domain/screening/screening-settings.schema.ts'
import {
  getScreeningSettingsPage,
  publishScreeningRuleSet,
} from '#app/domain/screening/screening-settings.server.ts'
import { describeSources } from '#app/domain/screening/source-register.ts'
import { redirectSaved, staffActorOf } from '#app/utils/admin-responses.server.ts'
import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { type FormErrors } from '#app/utils/forms.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction = () => [{ title: 'Screening rules | Clinic settings | Dermadesk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const page = getScreeningSettingsPage()
  return {
    current: page.current,
    history: page.history.map((version) => ({
      ...version,
      publishedAt: `${formatDateInZone(version.publishedAt, page.timeZone)}, ${formatTimeInZone(version.publishedAt, page.timeZone)}`,
    })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const parsed = await parseForm(request, PublishRuleSetSchema)
  if (!parsed.ok) return formError(parsed.errors)
  const result = publishScreeningRuleSet(parsed.data, staffActorOf(user, context))
  if (result.ok) return redirectSaved('/admin/screening', 'screening')
  return formError(
    {
      formErrors: [
        result.reason === 'unchanged'
          ? `Nothing has changed since version ${result.version}, so there is nothing to publish.`
          : result.reason === 'sources'
            ? result.message
            : 'Choose stricter or relaxed rules from the lists only.',
      ],
      values: parsed.values,
    },
    400,
  )
}

const AGE_HINTS: Partial<Record<ScreeningNumberSetting, string>> = {
  minimumAge: 'Younger patients are not eligible. Sources: R-7, R-5.',
  reviewUnderAge:
    'Patients from the minimum age up to this age need a clinician’s review. Source: A-7 (SkinPen is cleared from 22).',
}

export default function AdminScreeningRoute() {
  const { current, history } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  return (
    <div className="stack page--medium">
      <AdminNav />
      <h1 id="screening-heading">Screening rules</h1>
      <SavedNotice />
      <p>
        Sources disagree on these, so each clinic chooses (docs/clinical-reference.md, table 1.2).
        Publishing makes version {current.version + 1}: answers given from then on are judged by it.
        Answers already given keep the version they were judged by, and their outcome.
      </p>
      <PublishForm
        key={location.key}
        version={current.version}
        settings={current.settings}
        serverErrors={formErrorsFor(actionData)}
      />
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Versions</h2>
        <div className="table-wrap">
          <table>
            <TableHead columns={['Version', 'Published', 'By', 'Changes', 'Note']} />
            <tbody>
              {history.map((version) => (
                <tr key={version.version}>
                  <td>
                    {version.version}
                    {version.version === current.version ? ' (in use)' : ''}
                  </td>
                  <td>{version.publishedAt}</td>
                  <td>{version.publishedBy}</td>
                  <td>
                    <ul>
                      {version.changes.map((change) => (
                        <li key={change}>{change}</li>
                      ))}
                    </ul>
                  </td>
                  <td>{version.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}

function PublishForm({
  version,
  settings,
  serverErrors,
}: {
  version: number
  settings: ScreeningSettings
  serverErrors: FormErrors | undefined
}) {
  const listOf = (name: 'stricterRuleIds' | 'relaxedRuleIds') => {
    if (!serverErrors) return settings[name]
    const posted = serverErrors.values[name]
    return posted === undefined ? [] : Array.isArray(posted) ? posted : [posted]
  }
  const stricter = listOf('stricterRuleIds')
  const relaxed = listOf('relaxedRuleIds')
  const { formProps, fields, register } = useSchemaForm(
    PublishRuleSetSchema,
    serverErrors,
    // A checkbox group needs its starting list (see useSchemaForm).
    { secretFields: [], defaultValues: { stricterRuleIds: stricter, relaxedRuleIds: relaxed } },
  )
  const pending = useIsPending()
  const isStricter = (id: string) => stricter.includes(id)
  const numberField = (name: ScreeningNumberSetting, hint: string) => {
    const [min, max, unit] = SETTING_LIMITS[name]
    return (
      <Field
        key={name}
        label={`${SETTING_LABELS[name]} (${unit})`}
        hint={hint}
        {...fields.input(name, {
          type: 'number',
          inputMode: 'numeric',
          min,
          max,
          step: 1,
          defaultValue: String(settings[name]),
        })}
      />
    )
  }
  return (
    <Form {...formProps} aria-labelledby="screening-heading">
      <FormErrorList errors={serverErrors?.formErrors} />
      <fieldset>
        <legend>Age</legend>
        {numberField('minimumAge', AGE_HINTS.minimumAge!)}
        {numberField('reviewUnderAge', AGE_HINTS.reviewUnderAge!)}
      </fieldset>
      <fieldset>
        <legend>Waiting windows</legend>
        <p className="hint">
          The first bookable day moves until the window has passed. Sources give different windows;
          the defaults are the most common.
        </p>
        {WINDOW_SETTINGS.map((window) =>
          numberField(window.setting, `Sources: ${describeSources(window.sources)}.`),
        )}
      </fieldset>
      <fieldset>
        <legend>Stricter choices</legend>
        <p className="hint">
          By default these need a clinician’s review and the patient may book. Tick one to make it
          “not eligible” instead: the patient cannot book it and is offered a consultation.
        </p>
        {STRICTER_CHOICES.map((choice) => (
          <CheckboxField
            key={choice.id}
            label={`${choice.label}: not eligible`}
            hint={`Sources: ${describeSources(choice.sources)}.`}
            inputProps={{
              ...register('stricterRuleIds'),
              value: choice.id,
              defaultChecked: isStricter(choice.id),
            }}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>Where sources split</legend>
        <p className="hint">
          By default these are “not eligible”: the patient cannot book and is offered a
          consultation. Tick one to let a clinician decide instead.
        </p>
        {RELAXABLE_CHOICES.map((choice) => (
          <CheckboxField
            key={choice.id}
            label={`${choice.label}: clinician review`}
            hint={`Sources: ${describeSources(choice.sources)}.`}
            inputProps={{
              ...register('relaxedRuleIds'),
              value: choice.id,
              defaultChecked: relaxed.includes(choice.id),
            }}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>Sources of each rule</legend>
        <p className="hint">
          Tags from the source register in docs/clinical-reference.md, section 1.3, separated by
          commas. Every rule needs at least one.
        </p>
        {SCREENING_RULES.map((rule) => (
          <Field
            key={rule.id}
            label={`Sources: ${rule.label}`}
            {...fields.input(sourcesField(rule.id), {
              defaultValue: (settings.ruleSources[rule.id] ?? []).join(', '),
              maxLength: 300,
            })}
          />
        ))}
      </fieldset>
      <TextareaField
        label="Why are you changing the rules? (optional)"
        hint="Kept with the version, for example the name of the doctor who decided."
        {...fields.textarea('note', { rows: 2, maxLength: 500, defaultValue: '' })}
      />
      <SubmitButton pending={pending} pendingText="Publishing…">
        Publish version {version + 1}
      </SubmitButton>
    </Form>
  )
}

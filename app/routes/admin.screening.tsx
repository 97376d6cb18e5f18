import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useMemo } from 'react'
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
  ruleLabelIn,
  SCREENING_RULES,
  STRICTER_CHOICES,
  WINDOW_SETTINGS,
} from '#app/domain/screening/rule-table.rules.ts'
import {
  publishRuleSetSchema,
  SETTING_LIMITS,
  sourcesField,
  type ScreeningNumberSetting,
  type ScreeningSettings,
} from '#app/domain/screening/screening-settings.schema.ts'
import {
  describeSourceProblems,
  getScreeningSettingsPage,
  publishScreeningRuleSet,
} from '#app/domain/screening/screening-settings.server.ts'
import { describeSources } from '#app/domain/screening/source-register.ts'
import { redirectSaved, staffActorOf } from '#app/utils/admin-responses.server.ts'
import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import { type FormErrors } from '#app/utils/forms.ts'
import { formError, parseForm } from '#app/utils/forms.server.ts'
import { requireRole } from '#app/utils/permissions.server.ts'
import { requestLocale } from '#app/utils/request-locale.server.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { screeningAdminMessages } from '#app/i18n/messages/index.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Dermadesk' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const page = getScreeningSettingsPage(locale)
  return {
    title: translate(screeningAdminMessages, locale, 'title'),
    current: page.current,
    history: page.history.map((version) => ({
      ...version,
      publishedAt: `${formatDateInZone(version.publishedAt, page.timeZone, locale)}, ${formatTimeInZone(version.publishedAt, page.timeZone, locale)}`,
    })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const locale = await requestLocale(request)
  const parsed = await parseForm(request, publishRuleSetSchema(locale))
  if (!parsed.ok) return formError(parsed.errors)
  const result = publishScreeningRuleSet(parsed.data, staffActorOf(user, context))
  if (result.ok) return redirectSaved('/admin/screening', 'screening')
  return formError(
    {
      formErrors: [
        result.reason === 'unchanged'
          ? translate(screeningAdminMessages, locale, 'unchanged', {
              version: String(result.version),
            })
          : result.reason === 'sources'
            ? describeSourceProblems(result.problems, locale)
            : translate(screeningAdminMessages, locale, 'onlyLists'),
      ],
      values: parsed.values,
    },
    400,
  )
}

export default function AdminScreeningRoute() {
  const { current, history } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const t = useT(screeningAdminMessages)
  return (
    <div className="stack page--medium">
      <AdminNav />
      <h1 id="screening-heading">{t('heading')}</h1>
      <SavedNotice />
      <p>{t('intro', { next: String(current.version + 1) })}</p>
      <PublishForm
        key={location.key}
        version={current.version}
        settings={current.settings}
        serverErrors={formErrorsFor(actionData)}
      />
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('versionsHeading')}</h2>
        <div className="table-wrap">
          <table>
            <TableHead
              columns={[
                t('colVersion'),
                t('colPublished'),
                t('colBy'),
                t('colChanges'),
                t('colNote'),
              ]}
            />
            <tbody>
              {history.map((version) => (
                <tr key={version.version}>
                  <td>
                    {version.version === current.version
                      ? t('inUse', { version: String(version.version) })
                      : version.version}
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
  const locale = useLocale()
  const schema = useMemo(() => publishRuleSetSchema(locale), [locale])
  const { formProps, fields, register } = useSchemaForm(
    schema,
    serverErrors,
    // A checkbox group needs its starting list (see useSchemaForm).
    { secretFields: [], defaultValues: { stricterRuleIds: stricter, relaxedRuleIds: relaxed } },
  )
  const pending = useIsPending()
  const t = useT(screeningAdminMessages)
  const label = (rule: { id: string; label: string }) => ruleLabelIn(rule, locale)
  const sourcesLine = (sources: string) => t('sourcesLine', { sources: describeSources(sources) })
  const isStricter = (id: string) => stricter.includes(id)
  const numberField = (name: ScreeningNumberSetting, hint: string) => {
    const [min, max, unit] = SETTING_LIMITS[name]
    return (
      <Field
        key={name}
        label={t('numberLabel', {
          label: t(name),
          unit: t(unit as 'years' | 'months' | 'days'),
        })}
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
        <legend>{t('ageLegend')}</legend>
        {numberField('minimumAge', t('minimumAgeHint'))}
        {numberField('reviewUnderAge', t('reviewUnderAgeHint'))}
      </fieldset>
      <fieldset>
        <legend>{t('windowsLegend')}</legend>
        <p className="hint">{t('windowsHint')}</p>
        {WINDOW_SETTINGS.map((window) => numberField(window.setting, sourcesLine(window.sources)))}
      </fieldset>
      <fieldset>
        <legend>{t('stricterLegend')}</legend>
        <p className="hint">{t('stricterHint')}</p>
        {STRICTER_CHOICES.map((choice) => (
          <CheckboxField
            key={choice.id}
            label={t('stricterLabel', { label: label(choice) })}
            hint={sourcesLine(choice.sources)}
            inputProps={{
              ...register('stricterRuleIds'),
              value: choice.id,
              defaultChecked: isStricter(choice.id),
            }}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('relaxLegend')}</legend>
        <p className="hint">{t('relaxHint')}</p>
        {RELAXABLE_CHOICES.map((choice) => (
          <CheckboxField
            key={choice.id}
            label={t('relaxLabel', { label: label(choice) })}
            hint={sourcesLine(choice.sources)}
            inputProps={{
              ...register('relaxedRuleIds'),
              value: choice.id,
              defaultChecked: relaxed.includes(choice.id),
            }}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('sourcesLegend')}</legend>
        <p className="hint">{t('sourcesHint')}</p>
        {SCREENING_RULES.map((rule) => (
          <Field
            key={rule.id}
            label={t('sourcesFor', { label: label(rule) })}
            {...fields.input(sourcesField(rule.id), {
              defaultValue: (settings.ruleSources[rule.id] ?? []).join(', '),
              maxLength: 300,
            })}
          />
        ))}
      </fieldset>
      <TextareaField
        label={t('noteLabel')}
        hint={t('noteHint')}
        {...fields.textarea('note', { rows: 2, maxLength: 500, defaultValue: '' })}
      />
      <SubmitButton pending={pending} pendingText={t('publishing')}>
        {t('publish', { version: String(version + 1) })}
      </SubmitButton>
    </Form>
  )
}

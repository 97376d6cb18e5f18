import { Form, Link, useSubmit } from '@remix-run/react'
import { type ReactNode } from 'react'
import { PractitionerAvatar } from '#app/components/practitioner-avatar.tsx'
import { useT } from '#app/i18n/locale-context.tsx'
import { timeMessages } from '#app/i18n/messages/index.ts'
import type { SlotPickerModel } from '#app/domain/booking/slot-picker.server.ts'
import { slotQueryHref } from '#app/domain/booking/slot-query-href.ts'

export type PickerDay = { date: string; label: string; slotCount: number }
export type PickerSlot = { value: string; time: string; practitionerName: string }
/** One practitioner as the picker shows them (getSlotPickerModel). */
export type PickerPractitioner = SlotPickerModel['practitioners'][number]
/** What the loader sends (getSlotPickerModel). */
export type PickerModel = {
  days: PickerDay[]
  selectedDate: string | null
  selectedDateLabel: string | null
  slots: PickerSlot[]
  practitioners: PickerPractitioner[]
  selectedPractitioner: string
  timeZoneLabel: string
  earlierFrom: string | null
  laterFrom: string | null
}

/**
 * An accessible day and time picker (no calendar grid): a choice of practitioner, a list of days
 * with how many times each has, and the times of the chosen day as buttons. Everything is links
 * and forms, so it works by keyboard, with a screen reader and without JavaScript.
 */
export function SlotPicker({
  picker,
  path,
  practitioner,
  submitLabel,
  pending,
}: {
  picker: PickerModel
  /** The page the picker is on: its links keep to it. */
  path: string
  /** The practitioner the URL asks for ("any", or an id), kept when another day is chosen. */
  practitioner: string
  submitLabel: string
  pending: boolean
}) {
  const {
    days,
    selectedDate,
    selectedDateLabel,
    slots,
    practitioners,
    selectedPractitioner,
    timeZoneLabel,
  } = picker
  const weekHref = (from: string | null) =>
    from ? slotQueryHref(path, { practitioner: selectedPractitioner, from }) : null
  const earlierHref = weekHref(picker.earlierFrom)
  const laterHref = weekHref(picker.laterFrom)
  const dayHref = (date: string) => slotQueryHref(path, { practitioner, from: days[0]?.date, date })
  const t = useT(timeMessages)
  return (
    <div className="slot-picker">
      {/* No week is sent: the picker opens on the first week this practitioner has free times. */}
      <Form method="get" className="slot-picker__who">
        <fieldset className="practitioner-choice" aria-describedby="practitioner-hint">
          <legend>{t('whoLegend')}</legend>
          <p id="practitioner-hint" className="hint">
            {t('whoHint')}
          </p>
          <PractitionerOption
            id="practitioner-any"
            value="any"
            checked={selectedPractitioner === 'any'}
            name={t('anyone')}
            details={<p className="practitioner-choice__bio">{t('anyoneDetails')}</p>}
            avatar={<span className="avatar avatar--medium avatar--any" aria-hidden="true" />}
          />
          {practitioners.map((p) => (
            <PractitionerOption
              key={p.id}
              id={`practitioner-${p.id}`}
              value={p.id}
              checked={selectedPractitioner === p.id}
              name={p.name}
              avatar={<PractitionerAvatar name={p.name} photoUrl={p.photoUrl} />}
              details={
                <>
                  <p className="practitioner-choice__title">{p.title}</p>
                  {p.bio ? <p className="practitioner-choice__bio">{p.bio}</p> : null}
                  <p className="practitioner-choice__registration">{p.registration}</p>
                </>
              }
            />
          ))}
        </fieldset>
        <button type="submit" className="button button--secondary">
          {t('showTimes')}
        </button>
      </Form>

      <p className="notice">{t('shownIn', { zone: timeZoneLabel })}</p>

      <section aria-labelledby="days-heading">
        <h2 id="days-heading">{t('chooseDay')}</h2>
        {days.length === 0 ? <p>{t('noDays')}</p> : null}
        <ul className="day-list">
          {days.map((day) => (
            <li key={day.date}>
              {day.slotCount > 0 ? (
                <Link
                  to={dayHref(day.date)}
                  className="day-list__day"
                  aria-current={day.date === selectedDate ? 'date' : undefined}
                  preventScrollReset
                >
                  <span className="day-list__label">{day.label}</span>
                  <span className="day-list__count">
                    {t('timesCount', { count: day.slotCount })}
                  </span>
                </Link>
              ) : (
                <span className="day-list__day day-list__day--full">
                  <span className="day-list__label">{day.label}</span>
                  <span className="day-list__count">{t('noTimes')}</span>
                </span>
              )}
            </li>
          ))}
        </ul>
        <p className="cluster">
          {earlierHref ? <Link to={earlierHref}>{t('earlierDays')}</Link> : null}
          {laterHref ? <Link to={laterHref}>{t('laterDays')}</Link> : null}
        </p>
      </section>

      {selectedDate && selectedDateLabel ? (
        <section aria-labelledby="times-heading">
          <h2 id="times-heading">{t('chooseTime', { date: selectedDateLabel })}</h2>
          {slots.length === 0 ? (
            <p>{t('dayFull')}</p>
          ) : (
            <Form method="post">
              <fieldset className="time-grid">
                <legend className="visually-hidden">
                  {t('timesLegend', { date: selectedDateLabel, zone: timeZoneLabel })}
                </legend>
                {slots.map((slot) => (
                  <button
                    key={slot.value}
                    type="submit"
                    name="slot"
                    value={slot.value}
                    className="button button--secondary time-button"
                    disabled={pending}
                  >
                    {slot.time}
                    <span className="visually-hidden">
                      {' '}
                      {t('timeWith', { practitioner: slot.practitionerName, action: submitLabel })}
                    </span>
                  </button>
                ))}
              </fieldset>
            </Form>
          )}
        </section>
      ) : null}
    </div>
  )
}

/**
 * One choice of practitioner: a radio whose label is the name (what a screen reader announces
 * first), with the portrait, title, bio and register number as its description. The whole card
 * is clickable through the label. With JavaScript the times follow at once; without it, the
 * "Show times" button sends the choice.
 */
function PractitionerOption({
  id,
  value,
  checked,
  name,
  avatar,
  details,
}: {
  id: string
  value: string
  checked: boolean
  name: string
  avatar: ReactNode
  details: ReactNode
}) {
  const submit = useSubmit()
  return (
    <div className="practitioner-choice__option">
      <input
        type="radio"
        id={id}
        name="practitioner"
        value={value}
        defaultChecked={checked}
        aria-describedby={`${id}-details`}
        onChange={(event) =>
          submit(event.currentTarget.form, { preventScrollReset: true, replace: true })
        }
      />
      {avatar}
      <div className="practitioner-choice__text">
        <label htmlFor={id} className="practitioner-choice__name">
          {name}
        </label>
        <div id={`${id}-details`}>{details}</div>
      </div>
    </div>
  )
}

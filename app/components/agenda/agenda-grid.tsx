import { useFetcher, useNavigate } from '@remix-run/react'
import { type CSSProperties, type DragEvent, useEffect, useRef, useState } from 'react'
import {
  type AgendaGrid,
  type GridBlock,
  type GridCell,
  type GridColumn,
} from '#app/domain/agenda/agenda-grid.rules.ts'
import { type AgendaAppointment } from '#app/domain/agenda/agenda.rules.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { agendaGridMessages, agendaMessages } from '#app/i18n/messages/index.ts'
import { formatCalendarDate, formatMinutesOfDay, formatTimeInZone } from '#app/utils/format.ts'
import { BadgeText, badgesOf, serviceNote } from './agenda-views.tsx'

/**
 * The agenda's calendar grid (ADR 043): a real table, the times as row headers and the
 * practitioners (a day) or the dates (one practitioner's week) as column headers. An appointment
 * is one cell spanning its rows, a link with every badge in words; shaded time says why; a free
 * step is a link to book there. With JavaScript an appointment can be dragged onto a free step:
 * the drop posts the same move the keyboard form posts (/staff/bookings/$id/move).
 *
 * A day of 120 appointments is thousands of elements, rendered on every request (ADR 048): the
 * links are plain anchors, which one listener on the grid turns into in-app navigations once the
 * page's scripts run, instead of a Remix Link (each matches routes while rendering).
 */

type Header = { key: string; label: string; name: string }
const MOVABLE = new Set(['confirmed', 'pending_review'])
const DRAG_TYPE = 'application/x-dermadesk-booking'

type MoveAnswer = { ok: boolean; message: string }

export function AgendaGridTable({
  grid,
  headers,
  caption,
  timeZone,
  view,
}: {
  grid: AgendaGrid<AgendaAppointment>
  headers: Header[]
  caption: string
  timeZone: string
  view: 'day' | 'week'
}) {
  const t = useT(agendaGridMessages)
  const fetcher = useFetcher<MoveAnswer>()
  const [dragging, setDragging] = useState<string | null>(null)
  const [moving, setMoving] = useState<string | null>(null)
  // Dragging needs the page's scripts: the hint shows once they run. Positions that vary (a block
  // sharing its time, the now-line within its row) are set once they run too:
  // the content security policy refuses style attributes in the server's HTML, while styles set
  // from script (React in the browser) are allowed. Without scripts the stylesheet's defaults hold.
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  const pending = fetcher.state !== 'idle'
  const movingId = pending ? moving : null
  const byColumn = grid.columns.map(
    ({ cells }) => new Map(cells.map((cell) => [cell.row, cell] as const)),
  )
  const headerOf = new Map(headers.map((h) => [h.key, h]))
  const wrapRef = useInAppLinks()

  const drop = (column: GridColumn, startAt: number) => (event: DragEvent) => {
    event.preventDefault()
    const bookingId = event.dataTransfer.getData(DRAG_TYPE) || dragging
    setDragging(null)
    if (!bookingId) return
    setMoving(bookingId)
    void fetcher.submit(
      { slot: `${column.practitionerId}@${startAt}`, from: 'grid' },
      { method: 'post', action: `/staff/bookings/${bookingId}/move` },
    )
  }
  const message = pending ? t('moving') : (fetcher.data?.message ?? '')

  return (
    <div className="agenda-grid-wrap" ref={wrapRef}>
      {hydrated ? <p className="muted agenda-grid__hint">{t('dragHint')}</p> : null}
      <p
        role="status"
        className={
          fetcher.data && !pending
            ? `notice ${fetcher.data.ok ? 'notice--success' : 'notice--warning'}`
            : 'agenda-grid__status'
        }
      >
        {message}
      </p>
      <div className="table-wrap">
        <table className="agenda-grid">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="agenda-grid__time">
                {t('timeColumn')}
              </th>
              {headers.map((h) => (
                <th key={h.key} scope="col">
                  {h.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((minute, row) => {
              const isNow = grid.now?.row === row
              const nowStyle =
                isNow && hydrated ? ({ '--now': grid.now!.fraction } as CSSProperties) : undefined
              return (
                <tr key={minute} className={minute % 60 === 0 ? 'agenda-grid__hour' : undefined}>
                  <th
                    scope="row"
                    className={`agenda-grid__time${isNow ? ' agenda-grid__now' : ''}`}
                    style={nowStyle}
                  >
                    <span className={minute % 60 === 0 ? undefined : 'muted'}>
                      {formatMinutesOfDay(minute)}
                    </span>
                    {isNow ? (
                      <span className="agenda-grid__now-label">
                        {t('now', { time: formatMinutesOfDay(grid.now!.minute) })}
                      </span>
                    ) : null}
                  </th>
                  {grid.columns.map(({ column }, index) => {
                    const cell = byColumn[index]!.get(row)
                    if (!cell) return null
                    const nowHere = isNow && grid.now!.columnKeys.includes(column.key)
                    return (
                      <Cell
                        key={column.key}
                        cell={cell}
                        column={column}
                        header={headerOf.get(column.key)!}
                        view={view}
                        timeZone={timeZone}
                        isNow={nowHere}
                        nowStyle={nowHere ? nowStyle : undefined}
                        hydrated={hydrated}
                        movingId={movingId}
                        onDragStart={setDragging}
                        onDrop={drop}
                        dragging={dragging !== null}
                      />
                    )
                  })}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </div>
  )
}

/**
 * What a Remix Link does on click, for every plain same-site link inside the returned element:
 * a left click without modifier keys navigates within the app; anything else is the browser's.
 */
function useInAppLinks() {
  const navigate = useNavigate()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const wrap = ref.current
    if (!wrap) return
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      const link = event.target instanceof Element ? event.target.closest('a') : null
      if (!link || !wrap.contains(link) || link.target || link.hasAttribute('download')) return
      if (link.origin !== window.location.origin) return
      event.preventDefault()
      navigate(`${link.pathname}${link.search}${link.hash}`)
    }
    wrap.addEventListener('click', onClick)
    return () => wrap.removeEventListener('click', onClick)
  }, [navigate])
  return ref
}

function Cell({
  cell,
  column,
  header,
  view,
  timeZone,
  isNow,
  nowStyle,
  hydrated,
  movingId,
  onDragStart,
  onDrop,
  dragging,
}: {
  cell: GridCell<AgendaAppointment>
  column: GridColumn
  header: Header
  view: 'day' | 'week'
  timeZone: string
  isNow: boolean
  nowStyle: CSSProperties | undefined
  hydrated: boolean
  movingId: string | null
  onDragStart: (bookingId: string | null) => void
  onDrop: (column: GridColumn, startAt: number) => (event: DragEvent) => void
  dragging: boolean
}) {
  const t = useT(agendaGridMessages)
  const locale = useLocale()
  const nowClass = isNow ? ' agenda-grid__now' : ''
  if (cell.kind === 'free') {
    const time = formatTimeInZone(cell.startAt, timeZone, locale)
    const label =
      view === 'day'
        ? t('bookAt', { name: header.name, time })
        : t('bookOnAt', { name: header.name, date: formatCalendarDate(column.date, locale), time })
    const href = `/staff/bookings/new?${new URLSearchParams({
      practitionerId: column.practitionerId,
      start: new Date(cell.startAt).toISOString(),
    })}`
    return (
      <td
        className={`agenda-cell agenda-cell--free${dragging ? ' agenda-cell--target' : ''}${nowClass}`}
        style={nowStyle}
        data-start={cell.startAt}
        onDragOver={(event) => {
          if (dragging || event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault()
        }}
        onDrop={onDrop(column, cell.startAt)}
      >
        <a href={href} className="agenda-free" aria-label={label}>
          <span aria-hidden="true">+</span>
        </a>
      </td>
    )
  }
  if (cell.kind === 'shade') {
    const text =
      cell.shade.kind === 'closed'
        ? t('closed', { reason: cell.shade.reason })
        : cell.shade.kind === 'time_off'
          ? t('timeOff')
          : t('outsideHours')
    return (
      <td
        rowSpan={cell.rowSpan}
        className={`agenda-cell agenda-cell--shade agenda-cell--${cell.shade.kind.replace('_', '-')}${nowClass}`}
        style={nowStyle}
      >
        <span className="agenda-cell__reason">{text}</span>
      </td>
    )
  }
  return (
    <td
      rowSpan={cell.rowSpan}
      className={`agenda-cell agenda-cell--blocks${nowClass}`}
      style={nowStyle}
    >
      {/* Without scripts no block can be placed by its minutes: several in one cell are stacked
          in the cell's own scrolling frame instead of lying on top of each other. */}
      <div
        className={
          !hydrated && cell.blocks.length > 1
            ? 'agenda-cell__inner agenda-cell__inner--stacked'
            : 'agenda-cell__inner'
        }
      >
        {cell.blocks.map((block) => (
          <Block
            key={block.appointment.bookingId}
            block={block}
            timeZone={timeZone}
            moving={movingId === block.appointment.bookingId}
            hydrated={hydrated}
            onDragStart={onDragStart}
          />
        ))}
      </div>
    </td>
  )
}

function Block({
  block,
  timeZone,
  moving,
  hydrated,
  onDragStart,
}: {
  block: GridBlock<AgendaAppointment>
  timeZone: string
  moving: boolean
  hydrated: boolean
  onDragStart: (bookingId: string | null) => void
}) {
  const a = block.appointment
  const t = useT(agendaGridMessages)
  const ta = useT(agendaMessages)
  const locale = useLocale()
  const badges = badgesOf(a, locale)
  const movable = MOVABLE.has(a.status)
  const moveHref = `/staff/bookings/${a.bookingId}/move`
  const start = formatTimeInZone(a.startAt, timeZone, locale)
  const time = `${start}–${formatTimeInZone(a.endAt, timeZone, locale)}`
  // Most blocks fill their cell, as the stylesheet places them; the others move once scripts run.
  const fillsCell = block.lanes === 1 && block.topPct === 0 && block.heightPct === 100
  const style =
    fillsCell || !hydrated
      ? undefined
      : {
          top: `${block.topPct}%`,
          height: `${block.heightPct}%`,
          left: `${(block.lane / block.lanes) * 100}%`,
          width: `${100 / block.lanes}%`,
        }
  return (
    <div
      className={`agenda-block agenda-block--${a.status.replace('_', '-')}${moving ? ' agenda-block--moving' : ''}`}
      style={style}
      draggable={movable}
      data-booking-id={a.bookingId}
      onDragStart={(event) => {
        if (!movable) return
        event.dataTransfer.setData(DRAG_TYPE, a.bookingId)
        event.dataTransfer.effectAllowed = 'move'
        onDragStart(a.bookingId)
      }}
      onDragEnd={() => onDragStart(null)}
    >
      {/* Every role opens the appointment: its page shows each role what that role may see. */}
      <a href={`/staff/bookings/${a.bookingId}`} className="agenda-block__link">
        <span className="agenda-block__time">{time}</span>{' '}
        <strong className="agenda-block__patient">{a.patientName}</strong>{' '}
        <span className="agenda-block__service">{a.serviceName}</span>{' '}
        <span className="agenda-block__note">{serviceNote(a, ta)}</span>{' '}
        <span className="agenda-block__badges">
          <BadgeText badge={badges.status} />{' '}
          {a.awaitingForms ? (
            <span className="badge badge--warn">{ta('awaitingForms')}</span>
          ) : null}{' '}
          {a.firstVisit ? <span className="badge badge--neutral">{ta('firstVisit')}</span> : null}{' '}
          {badges.screening ? <BadgeText badge={badges.screening} /> : null}{' '}
          {badges.consent ? <BadgeText badge={badges.consent} /> : null}
        </span>
      </a>
      {movable ? (
        <a href={moveHref} className="agenda-block__move">
          {t('moveLink', { time: start })}
        </a>
      ) : null}
    </div>
  )
}
